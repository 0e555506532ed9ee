package cascade

import (
	_ "embed"
	"slices"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/graphrule"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("cascade", docMD)

// Rule is cascade's catalogue entry.
var Rule = &lint.Rule{
	Name:     "cascade",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Error,
	Check:    check,
}

// unbounded selects the edges a hang travels up: hard synchronous calls
// (a fallback does not help a call that never fails) with no timeout.
func unbounded(e *graph.Edge) bool { return e.HardSync() && !e.Bounded() }

// check reports, for each entrypoint, one finding per last node of the
// unbounded paths from its service. The nodes reached along unbounded edges
// form a subgraph closed under those edges; its last nodes are the members
// of the sink components of its condensation (where no unbounded edge
// leads further), one per component: the member farthest from the service
// in the breadth-first search tree (the first found on ties). A chain of
// five unbounded calls therefore gives one finding, at its end, and a tree
// one per leaf. The path reported is the tree path, a shortest one.
//
// Cost: the components once, O(N + M), then one breadth-first search per
// distinct entrypoint service, O(N + M) each.
func check(pass *lint.GraphPass) {
	g := pass.Graph
	if g == nil || len(g.Entrypoints) == 0 {
		return
	}
	b := &bfs{
		g:      g,
		comps:  g.Components(unbounded),
		depth:  make([]int32, len(g.Nodes)),
		parent: make([]int, len(g.Nodes)),
		mark:   make([]int, len(g.Nodes)),
	}
	b.from, b.to = g.Ends()
	b.last = make([]int, b.comps.Len())
	b.seen = make([]int, b.comps.Len())
	done := map[string][]lint.Finding{} // by service: findings without their entrypoint
	for _, ep := range g.Entrypoints {
		s := g.NodeIndex(ep.Service)
		if s < 0 {
			continue
		}
		fs, ok := done[ep.Service]
		if !ok {
			fs = b.search(s)
			done[ep.Service] = fs
		}
		for _, f := range fs {
			f.Entry = ep.Name
			f.Subject = ep.Name + "|" + f.Target
			f.Message = "entrypoint " + ep.Name + " can hang: " + f.Message
			pass.Report(f)
		}
	}
}

// bfs holds the scratch space of the searches, reused between them.
type bfs struct {
	g      *graph.Graph
	comps  *graph.Components
	from   []int32 // the ends of every edge (graph.Ends)
	to     []int32
	gen    int     // the current search; mark and seen hold the search that set them
	depth  []int32 // distance from the service
	parent []int   // the edge (index into g.Edges) the search reached a node by
	mark   []int
	last   []int // per component: its last node so far
	seen   []int
}

// search runs a breadth-first search from node s along unbounded edges
// and returns a finding (without its entrypoint) per last node.
func (b *bfs) search(s int) []lint.Finding {
	g := b.g
	b.gen++
	var sinks []int // sink components in the order first reached
	visit := func(v int) {
		k := b.comps.Of(v)
		if len(b.comps.Succ(k)) > 0 {
			return
		}
		if b.seen[k] != b.gen {
			b.seen[k], b.last[k] = b.gen, v
			sinks = append(sinks, k)
		} else if b.depth[v] > b.depth[b.last[k]] {
			b.last[k] = v
		}
	}
	b.mark[s], b.depth[s], b.parent[s] = b.gen, 0, -1
	visit(s)
	queue := []int{s}
	for i := 0; i < len(queue); i++ {
		v := queue[i]
		for _, ei := range g.OutIndex(v) {
			e := g.Edges[ei]
			if !unbounded(e) {
				continue
			}
			w := int(b.to[ei])
			if b.mark[w] == b.gen {
				continue
			}
			b.mark[w], b.depth[w], b.parent[w] = b.gen, b.depth[v]+1, ei
			queue = append(queue, w)
			visit(w)
		}
	}
	var fs []lint.Finding
	for _, k := range sinks {
		v := b.last[k]
		if v == s {
			continue // the service alone: nothing below it can hang it
		}
		var path []*graph.Edge
		for u := v; b.parent[u] >= 0; u = int(b.from[b.parent[u]]) {
			path = append(path, g.Edges[b.parent[u]])
		}
		slices.Reverse(path)
		names := graphrule.PathNodes(path)
		first := path[0]
		none := " has no timeout on any call"
		if len(path) == 1 {
			none = " has no timeout"
		}
		msg := graphrule.Arrow(names) + none + ", so one hung " + g.Nodes[v].Name +
			" stalls it and holds every caller on the way; set a timeout on every call of the path, starting with " + graphrule.EdgeName(first)
		if first.Via == graph.ViaMesh {
			msg += " (a route timeout in the mesh)"
		}
		fs = append(fs, lint.Finding{
			Message: msg,
			Pos:     timeoutPos(first),
			Service: g.Nodes[s].Name,
			Target:  g.Nodes[v].Name,
			Path:    names,
			Related: graphrule.EdgeRelated(path, func(e *graph.Edge) string { return graphrule.EdgeName(e) + " has no timeout" }),
		})
	}
	return fs
}

// timeoutPos is where a timeout is missing on e: its timeout field, or, for
// an edge learned from code only, its first call that provably has none
// (the edge's own position is its first call, which may be bounded).
func timeoutPos(e *graph.Edge) graph.Pos {
	if e.Source == graph.FromCode {
		for _, c := range e.Calls {
			if c.Bound == graph.No && !c.Request && c.Pos.IsValid() {
				return c.Pos
			}
		}
	}
	return e.FieldPos("timeout")
}
