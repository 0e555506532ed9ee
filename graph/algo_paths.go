package graph

import (
	"math"
	"time"
)

// Paths holds, for every node, the heaviest path of followed edges that
// starts at it (see Graph.HeaviestPaths).
//
// On an acyclic graph the value is exact: the largest sum of edge weights
// over all paths from the node. A path visits each strongly connected
// component once, in one stretch; finding the heaviest simple path through
// a cycle is NP-hard, so inside a cyclic component the path is the heavier
// of (a) the node's own best edge out of the component, (b) its heaviest
// edge to another member, where the path then ends, and (c) the shortest
// route (fewest edges) to the member with the best edge out of the
// component, then that edge. The value is then a lower bound of the true
// maximum, and always the weight of the simple path From returns. Rules
// that care about the cycle itself report it separately (synccycle).
type Paths struct {
	g    *Graph
	val  []float64
	mode []pathMode
	next []int32 // pathEdge, pathInner: the edge to take (index into g.Edges)

	// pathRoute: toward[v] is the first edge of the shortest route from v
	// to its component's exit node exitNode[k]; exitEdge[k] is the edge out
	// of the component the route then takes, or -1 when it ends there.
	toward   []int32
	exitNode []int32
	exitEdge []int32
	comp     []int32
	dst      []int32 // target node of every followed edge of g, by edge index
}

type pathMode uint8

const (
	pathEnd   pathMode = iota // the path ends at the node
	pathEdge                  // take next, continue at its target
	pathInner                 // take next (inside the component) and end
	pathRoute                 // follow toward to the exit node, then its edge out
)

// HeaviestPaths computes, for every node of g, the heaviest path that
// starts at it along the edges follow selects (every edge when nil), where
// a path weighs the sum of weight over its edges. Weights should not be
// negative; a path may end at any node, so a node's value is never below
// zero, and a path goes on only while that adds weight. It runs in
// O(N + M) time and memory over the condensation of the followed edges.
func (g *Graph) HeaviestPaths(follow EdgeFilter, weight func(*Edge) float64) *Paths {
	a := g.followed(follow)
	of, count := tarjan(a)
	members := membersOf(of, count)
	n := a.n()
	p := &Paths{
		g:        g,
		val:      make([]float64, n),
		mode:     make([]pathMode, n),
		next:     make([]int32, n),
		toward:   make([]int32, n),
		exitNode: make([]int32, count),
		exitEdge: make([]int32, count),
		comp:     of,
		dst:      make([]int32, len(g.Edges)),
	}
	w := make([]float64, len(a.dst)) // weight of each followed edge
	for j, ei := range a.eid {
		w[j] = weight(g.Edges[ei])
		p.dst[ei] = a.dst[j]
	}
	cross := make([]float64, n)   // best value through an edge out of the component
	crossEdge := make([]int32, n) // that edge, -1 when none
	inner := make([]float64, n)   // heaviest edge to another member
	innerEdge := make([]int32, n) // that edge, -1 when none
	routeW := make([]float64, n)  // weight of the route to the exit node
	// The edges inside components, by target, for the backward searches:
	// positions in a.dst, with their sources.
	revStart := make([]int32, n+1)
	for v := range n {
		lo, hi := a.succ(v)
		for _, t := range a.dst[lo:hi] {
			if of[t] == of[v] && int(t) != v {
				revStart[t+1]++
			}
		}
	}
	for v := range n {
		revStart[v+1] += revStart[v]
	}
	revPos := make([]int32, revStart[n])
	revSrc := make([]int32, revStart[n])
	fill := append([]int32(nil), revStart[:n]...)
	for v := range n {
		lo, hi := a.succ(v)
		for j := lo; j < hi; j++ {
			if t := a.dst[j]; of[t] == of[v] && int(t) != v {
				revPos[fill[t]], revSrc[fill[t]] = int32(j), int32(v)
				fill[t]++
			}
		}
	}
	for k := range count { // sinks first
		ms := members[k]
		cyclic := len(ms) > 1
		for _, v := range ms {
			p.next[v], p.toward[v] = -1, -1
			crossEdge[v], innerEdge[v], cross[v], inner[v] = -1, -1, 0, 0
			lo, hi := a.succ(int(v))
			for j := lo; j < hi; j++ {
				t := a.dst[j]
				if of[t] == int32(k) {
					cyclic = true
					if t != v && (innerEdge[v] < 0 || w[j] > inner[v]) {
						inner[v], innerEdge[v] = w[j], a.eid[j]
					}
					continue
				}
				if c := w[j] + p.val[t]; crossEdge[v] < 0 || c > cross[v] {
					cross[v], crossEdge[v] = c, a.eid[j]
				}
			}
		}
		// The exit node: the member with the best edge out.
		x := ms[0]
		for _, v := range ms[1:] {
			if crossEdge[v] >= 0 && (crossEdge[x] < 0 || cross[v] > cross[x]) {
				x = v
			}
		}
		p.exitNode[k], p.exitEdge[k] = x, -1
		xv := 0.0
		if crossEdge[x] >= 0 && cross[x] > 0 {
			p.exitEdge[k], xv = crossEdge[x], cross[x]
		}
		if cyclic && len(ms) > 1 {
			// Shortest routes to x: breadth-first search backwards inside
			// the component.
			for _, v := range ms {
				p.toward[v] = -2 // not reached yet
			}
			p.toward[x], routeW[x] = -1, 0
			queue := []int32{x}
			for len(queue) > 0 {
				t := queue[0]
				queue = queue[1:]
				for r := revStart[t]; r < revStart[t+1]; r++ {
					v, j := revSrc[r], revPos[r]
					if p.toward[v] != -2 {
						continue
					}
					p.toward[v], routeW[v] = a.eid[j], w[j]+routeW[t]
					queue = append(queue, v)
				}
			}
		}
		for _, v := range ms {
			best, mode, next := 0.0, pathEnd, int32(-1)
			if crossEdge[v] >= 0 && cross[v] > best {
				best, mode, next = cross[v], pathEdge, crossEdge[v]
			}
			if innerEdge[v] >= 0 && inner[v] > best {
				best, mode, next = inner[v], pathInner, innerEdge[v]
			}
			if v != x && p.toward[v] >= 0 && routeW[v]+xv > best {
				best, mode, next = routeW[v]+xv, pathRoute, -1
			}
			p.val[v], p.mode[v], p.next[v] = best, mode, next
		}
	}
	return p
}

// Value returns the weight of the heaviest path from node i.
func (p *Paths) Value(i int) float64 { return p.val[i] }

// From returns the heaviest path from node i as its edges in call order
// (nil when the path is empty) and its weight. The path is simple: it never
// visits a node twice.
func (p *Paths) From(i int) (float64, []*Edge) {
	var path []*Edge
	v := int32(i)
	for {
		switch p.mode[v] {
		case pathEdge:
			path = append(path, p.g.Edges[p.next[v]])
			v = p.dst[p.next[v]]
			continue
		case pathInner:
			path = append(path, p.g.Edges[p.next[v]])
		case pathRoute:
			k := p.comp[v]
			for v != p.exitNode[k] {
				path = append(path, p.g.Edges[p.toward[v]])
				v = p.dst[p.toward[v]]
			}
			if ei := p.exitEdge[k]; ei >= 0 {
				path = append(path, p.g.Edges[ei])
				v = p.dst[ei]
				continue
			}
		}
		return p.val[i], path
	}
}

// AmplificationPaths are the paths along which one call multiplies the
// most under failure: synchronous edges, each weighing the natural
// logarithm of its LoadFactor, so a path's weight is the log of the product
// of the load factors on it (exp(Value) is the factor).
func (g *Graph) AmplificationPaths() *Paths {
	return g.HeaviestPaths((*Edge).Sync, func(e *Edge) float64 { return math.Log(e.LoadFactor()) })
}

// RetryLayerPaths are the paths with the most edges that retry without a
// retry budget (attempts > 1 and no budget), along synchronous edges.
func (g *Graph) RetryLayerPaths() *Paths {
	return g.HeaviestPaths((*Edge).Sync, func(e *Edge) float64 {
		if e.Retrying() && e.Retries.Budget <= 0 {
			return 1
		}
		return 0
	})
}

// LatencyPaths are the slowest paths a request can take when every call
// on them uses its whole bound: synchronous edges whose MaxWait is known,
// each weighing MaxWait in nanoseconds, summed as if the calls were made
// one after another. Unbounded edges end a path (cascade and notimeout
// report them).
func (g *Graph) LatencyPaths() *Paths {
	return g.HeaviestPaths(func(e *Edge) bool {
		_, ok := e.MaxWait()
		return e.Sync() && ok
	}, func(e *Edge) float64 {
		d, _ := e.MaxWait()
		return float64(d)
	})
}

// DurationOf converts a LatencyPaths value to a Duration, saturating.
func DurationOf(v float64) time.Duration {
	if v >= math.MaxInt64 {
		return math.MaxInt64
	}
	return time.Duration(v)
}
