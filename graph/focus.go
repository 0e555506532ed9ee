package graph

import (
	"fmt"
	"slices"
	"strings"
)

// Focus returns the part of g around one entrypoint, to cut a large graph
// down to what a picture can show.
//
// The roots are the service of the entrypoint called focus, or, when no
// entrypoint has that name, the node called focus; with focus empty they are
// the services of every entrypoint. The result holds the nodes reachable
// from the roots along edges of any kind, at most depth hops away (depth <= 0:
// no limit), every edge of g between two of those nodes, and the entrypoints
// whose service is kept (only the focused one when focus names an
// entrypoint; none when it names a node). Settings are copied.
//
// With focus empty and depth <= 0 it returns g itself. The result shares its
// nodes, edges and entrypoints with g, and is indexed.
func (g *Graph) Focus(focus string, depth int) (*Graph, error) {
	if focus == "" && depth <= 0 {
		return g, nil
	}
	g.ensureIndex()
	var roots []int
	var entries []*Entrypoint
	switch {
	case focus == "":
		if len(g.Entrypoints) == 0 {
			return nil, fmt.Errorf("the graph has no entrypoints to count hops from: declare entrypoints, or name a node to start from")
		}
		for _, ep := range g.Entrypoints {
			if i := g.NodeIndex(ep.Service); i >= 0 {
				roots = append(roots, i)
				entries = append(entries, ep)
			}
		}
	case g.Entrypoint(focus) != nil:
		ep := g.Entrypoint(focus)
		i := g.NodeIndex(ep.Service)
		if i < 0 {
			return nil, fmt.Errorf("entrypoint %s has service %s, which is not in the graph", ep.Name, ep.Service)
		}
		roots = append(roots, i)
		entries = append(entries, ep)
	case g.NodeIndex(focus) >= 0:
		roots = append(roots, g.NodeIndex(focus))
	default:
		return nil, fmt.Errorf("no entrypoint or node is called %q%s", focus, g.focusHint())
	}

	// Breadth first from all roots at once: dist is the hop count.
	dist := make([]int, len(g.Nodes))
	for i := range dist {
		dist[i] = -1
	}
	queue := make([]int, 0, len(roots))
	for _, r := range roots {
		if dist[r] < 0 {
			dist[r] = 0
			queue = append(queue, r)
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		if depth > 0 && dist[v] >= depth {
			continue
		}
		for _, ei := range g.out[v] {
			w := g.nodeIndex[g.Edges[ei].To]
			if dist[w] < 0 {
				dist[w] = dist[v] + 1
				queue = append(queue, w)
			}
		}
	}

	sub := &Graph{Settings: g.Settings, Entrypoints: entries}
	for i, n := range g.Nodes {
		if dist[i] >= 0 {
			sub.Nodes = append(sub.Nodes, n)
		}
	}
	for _, e := range g.Edges {
		f, okf := g.nodeIndex[e.From]
		t, okt := g.nodeIndex[e.To]
		if okf && okt && dist[f] >= 0 && dist[t] >= 0 {
			sub.Edges = append(sub.Edges, e)
		}
	}
	sub.Index()
	return sub, nil
}

// focusHint lists the entrypoints, for an error message, when there are few.
func (g *Graph) focusHint() string {
	switch n := len(g.Entrypoints); {
	case n == 0:
		return " (the graph has no entrypoints)"
	case n <= 10:
		names := make([]string, n)
		for i, ep := range g.Entrypoints {
			names[i] = ep.Name
		}
		slices.Sort(names)
		return " (entrypoints: " + strings.Join(names, ", ") + ")"
	}
	return ""
}
