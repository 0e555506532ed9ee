package graph

import (
	"fmt"
	"slices"
)

// Required sets and blast radius.
//
// The required set of an entrypoint (docs/rules.md, "Terms" of the graph
// rules) is its service plus every node reached from it along hard,
// synchronous edges without a fallback (Edge.IsHard), where within a group
// of alternatives (edges of one caller with the same non-empty Group) a
// node is required only if every alternative requires it. Written as
// equations over the nodes, with R(n) the set of nodes n cannot work
// without:
//
//	R(n) = {n} ∪ ⋃ { R(c) : n→c is hard and has no group }
//	           ∪ ⋃ { ⋂ { R(c) : n→c in G } : G an effective group of n }
//
// A group is effective when every one of its edges is hard. A group with a
// soft, asynchronous or fallback-guarded alternative requires nothing: that
// alternative alone lets the caller carry on, and its own failure is not
// fatal. A group with a single edge is a plain hard edge.
//
// With cycles the equations have many solutions; R is the least one (start
// from R(n) = {n} and add members until nothing changes). It is exactly the
// reading "x is in R(n) when the failure of x alone, propagated to every
// caller that cannot do without a failed node, reaches n" with propagation
// taken as its least fixpoint: in a cycle of alternatives where each side
// could still be served through the other, nobody is assumed to fail. That
// keeps findings to failures that certainly propagate (precision first).
// R is transitive: x ∈ R(n) implies R(x) ⊆ R(n).
//
// Computing R for every node with one set per node is quadratic, so the
// work is split:
//
//  1. Only the targets of effective groups, and what they reach along the
//     edges R follows (the "cone", K nodes), need explicit sets, because
//     only their sets are ever intersected. Inside the cone, nodes that
//     reach each other along ungrouped hard edges have the same set and are
//     merged into classes first; the sets are bitsets over the classes and
//     are computed sinks first over the condensation of the class graph,
//     iterating to the least fixpoint inside a cyclic component.
//  2. Each effective group then gets "jump" edges from its caller to (a
//     representative of) every class in the intersection of its
//     alternatives' sets that no ungrouped edge from another class of the
//     intersection leads to (the rest is reached through those edges).
//  3. The required set of an entrypoint is what its service reaches along
//     ungrouped hard edges and jump edges, and the blast radius of a node
//     is the set of entrypoints whose service reaches it. Both come from one
//     pass over the condensation of that graph, propagating bitsets of
//     entrypoints from sources to sinks.
//
// Cost: O((N + M + J) · ⌈E/64⌉) for N nodes, M edges, E entrypoints and J
// jump edges (at most one per effective group and class of the cone, far
// fewer in practice), plus O(r · (K + M_K) · ⌈C/64⌉) for the cone (M_K
// edges, C ≤ K classes, r the number of rounds a cyclic component needs, 1
// without cycles through groups). Without groups it is linear for up to 64
// entrypoints. Many groups whose alternatives reach most of the graph make
// K, C and J grow with N, and the cost with them towards O(N²/64).

// Requirements holds the required sets of a graph's entrypoints and the
// blast radius of its nodes (see Graph.Requirements).
type Requirements struct {
	of    []int32  // node -> component of the reachability graph
	bits  []bitset // component -> entrypoints whose service reaches it
	valid []bool   // entrypoint -> its service is a node of the graph
}

// Requirements computes the required set of every entrypoint of g and the
// blast radius of every node. Entrypoints whose service is not a node of
// the graph (an input error the loader reports) require nothing.
func (g *Graph) Requirements() *Requirements {
	g.ensureIndex()
	n := len(g.Nodes)
	and := g.followed(func(e *Edge) bool { return e.IsHard() && e.Group == "" })
	groups, byNode := g.effectiveGroups()
	jumps := make([][]int32, n)
	if len(groups) > 0 {
		jumpEdges(and, groups, byNode, jumps)
	}

	// The reachability graph: ungrouped hard edges plus jump edges.
	reach := &adjacency{start: make([]int32, n+1)}
	for v := range n {
		lo, hi := and.succ(v)
		reach.dst = append(reach.dst, and.dst[lo:hi]...)
		reach.eid = append(reach.eid, and.eid[lo:hi]...)
		for _, w := range jumps[v] {
			reach.dst = append(reach.dst, w)
			reach.eid = append(reach.eid, -1)
		}
		reach.start[v+1] = int32(len(reach.dst))
	}
	of, count := tarjan(reach)

	r := &Requirements{of: of, bits: make([]bitset, count), valid: make([]bool, len(g.Entrypoints))}
	words := (len(g.Entrypoints) + 63) / 64
	flat := make(bitset, count*words)
	for k := range count {
		r.bits[k] = flat[k*words : (k+1)*words : (k+1)*words]
	}
	for i, ep := range g.Entrypoints {
		if s, ok := g.nodeIndex[ep.Service]; ok {
			r.bits[of[s]].set(i)
			r.valid[i] = true
		}
	}
	// Sources first: every predecessor of a component has a higher number.
	members := membersOf(of, count)
	for k := count - 1; k >= 0; k-- {
		if r.bits[k].empty() {
			continue
		}
		for _, v := range members[k] {
			lo, hi := reach.succ(int(v))
			for _, w := range reach.dst[lo:hi] {
				if kw := of[w]; int(kw) != k {
					r.bits[kw].or(r.bits[k])
				}
			}
		}
	}
	return r
}

// Required returns the required set of entrypoint i (an index into
// Graph.Entrypoints) as node indices in increasing order.
func (r *Requirements) Required(i int) []int {
	if i < 0 || i >= len(r.valid) || !r.valid[i] {
		return nil
	}
	var ns []int
	for v := range r.of {
		if r.bits[r.of[v]].has(i) {
			ns = append(ns, v)
		}
	}
	return ns
}

// BlastRadius returns the entrypoints (indices into Graph.Entrypoints, in
// increasing order) whose required set holds node i: the entrypoints the
// failure of node i takes down.
func (r *Requirements) BlastRadius(i int) []int {
	var es []int
	r.bits[r.of[i]].each(func(e int) { es = append(es, e) })
	return es
}

// IsRequired reports whether node i is in the required set of some
// entrypoint.
func (r *Requirements) IsRequired(i int) bool { return !r.bits[r.of[i]].empty() }

// altGroup is an effective group of alternatives: the caller and the
// targets of its edges.
type altGroup struct {
	from    int32
	targets []int32
}

// effectiveGroups returns the effective groups of g (every edge of the
// group is hard) and, per node, the indices of its groups.
func (g *Graph) effectiveGroups() ([]altGroup, [][]int32) {
	var groups []altGroup
	var byNode [][]int32
	for v := range g.Nodes {
		var names []string // group names of v in order of first edge
		var members map[string][]int32
		var ok map[string]bool
		for _, ei := range g.out[v] {
			e := g.Edges[ei]
			if e.Group == "" {
				continue
			}
			if members == nil {
				members, ok = map[string][]int32{}, map[string]bool{}
			}
			if _, seen := members[e.Group]; !seen {
				names = append(names, e.Group)
				ok[e.Group] = true
			}
			members[e.Group] = append(members[e.Group], int32(g.nodeIndex[e.To]))
			if !e.IsHard() {
				ok[e.Group] = false
			}
		}
		for _, name := range names {
			if !ok[name] {
				continue
			}
			if byNode == nil {
				byNode = make([][]int32, len(g.Nodes))
			}
			byNode[v] = append(byNode[v], int32(len(groups)))
			groups = append(groups, altGroup{from: int32(v), targets: members[name]})
		}
	}
	return groups, byNode
}

// jumpEdges computes the required sets of the cone (the targets of the
// groups and everything they reach) and adds to jumps, for each group, an
// edge from its caller to a representative of every class of nodes that
// all its alternatives require.
func jumpEdges(and *adjacency, groups []altGroup, byNode [][]int32, jumps [][]int32) {
	n := and.n()
	// The cone, by breadth-first search along the edges R follows.
	local := make([]int32, n)
	for i := range local {
		local[i] = -1
	}
	var cone []int32
	add := func(v int32) {
		if local[v] < 0 {
			local[v] = int32(len(cone))
			cone = append(cone, v)
		}
	}
	for _, gr := range groups {
		for _, t := range gr.targets {
			add(t)
		}
	}
	for i := 0; i < len(cone); i++ {
		v := cone[i]
		lo, hi := and.succ(int(v))
		for _, w := range and.dst[lo:hi] {
			add(w)
		}
		if byNode != nil {
			for _, gi := range byNode[v] {
				for _, t := range groups[gi].targets {
					add(t)
				}
			}
		}
	}
	k := len(cone)

	// Classes: strongly connected components of the cone along ungrouped
	// hard edges. Every member of a class requires every other one.
	coneAnd := &adjacency{start: make([]int32, k+1)}
	for i, v := range cone {
		lo, hi := and.succ(int(v))
		for _, w := range and.dst[lo:hi] {
			coneAnd.dst = append(coneAnd.dst, local[w])
		}
		coneAnd.start[i+1] = int32(len(coneAnd.dst))
	}
	classOf, nclass := tarjan(coneAnd)
	classMembers := membersOf(classOf, nclass)

	// The class graph: ungrouped edges and group edges between classes.
	// Per class: successor classes along ungrouped edges, and its groups.
	andSucc := make([][]int32, nclass)
	classGroups := make([][]int32, nclass)
	classGraph := &adjacency{start: make([]int32, nclass+1)}
	mark := make([]int32, nclass) // last class a list got, +1
	for c := range nclass {
		for _, li := range classMembers[c] {
			lo, hi := coneAnd.succ(int(li))
			for _, lw := range coneAnd.dst[lo:hi] {
				d := classOf[lw]
				if int(d) != c && mark[d] != int32(c)+1 {
					mark[d] = int32(c) + 1
					andSucc[c] = append(andSucc[c], d)
				}
			}
			if byNode != nil {
				classGroups[c] = append(classGroups[c], byNode[cone[li]]...)
			}
		}
		classGraph.dst = append(classGraph.dst, andSucc[c]...)
		for _, gi := range classGroups[c] {
			for _, t := range groups[gi].targets {
				classGraph.dst = append(classGraph.dst, classOf[local[t]])
			}
		}
		classGraph.start[c+1] = int32(len(classGraph.dst))
	}
	compOf, ncomp := tarjan(classGraph)
	comps := membersOf(compOf, ncomp)

	// R per class, sinks first; iterate cyclic components to the least
	// fixpoint (sets only grow, so this terminates).
	words := (nclass + 63) / 64
	flat := make(bitset, nclass*words)
	req := make([]bitset, nclass)
	for c := range nclass {
		req[c] = flat[c*words : (c+1)*words : (c+1)*words]
		req[c].set(c)
	}
	scratch, tmp := newBitset(nclass), newBitset(nclass)
	eval := func(c int32) bool {
		scratch.copyFrom(req[c])
		for _, d := range andSucc[c] {
			scratch.or(req[d])
		}
		for _, gi := range classGroups[c] {
			ts := groups[gi].targets
			tmp.copyFrom(req[classOf[local[ts[0]]]])
			for _, t := range ts[1:] {
				tmp.and(req[classOf[local[t]]])
			}
			scratch.or(tmp)
		}
		if scratch.equal(req[c]) {
			return false
		}
		req[c].copyFrom(scratch)
		return true
	}
	for _, comp := range comps {
		for changed := true; changed; {
			changed = false
			for _, c := range comp {
				if eval(c) {
					changed = true
				}
			}
			if len(comp) == 1 && !selfLoop(classGraph, int(comp[0])) {
				break
			}
		}
	}

	// Jump edges, to the roots of each intersection only: a class that an
	// ungrouped edge from another class of the intersection leads to is
	// reached through that edge anyway (R is closed under those edges, and
	// the class graph along them is acyclic, so every class of the
	// intersection is reached from a root).
	andPred := make([][]int32, nclass)
	for c := range nclass {
		for _, d := range andSucc[c] {
			andPred[d] = append(andPred[d], int32(c))
		}
	}
	for _, gr := range groups {
		tmp.copyFrom(req[classOf[local[gr.targets[0]]]])
		for _, t := range gr.targets[1:] {
			tmp.and(req[classOf[local[t]]])
		}
		tmp.each(func(c int) {
			for _, p := range andPred[c] {
				if tmp.has(int(p)) {
					return
				}
			}
			jumps[gr.from] = append(jumps[gr.from], cone[classMembers[c][0]])
		})
	}
}

// selfLoop reports whether a has an edge from v to itself.
func selfLoop(a *adjacency, v int) bool {
	lo, hi := a.succ(v)
	for _, w := range a.dst[lo:hi] {
		if int(w) == v {
			return true
		}
	}
	return false
}

// membersOf lists the members of each of count components, in increasing
// order.
func membersOf(of []int32, count int) [][]int32 {
	size := make([]int32, count+1)
	for _, k := range of {
		size[k+1]++
	}
	for k := range count {
		size[k+1] += size[k]
	}
	flat := make([]int32, len(of))
	fill := append([]int32(nil), size[:count]...)
	for v, k := range of {
		flat[fill[k]] = int32(v)
		fill[k]++
	}
	ms := make([][]int32, count)
	for k := range count {
		ms[k] = flat[size[k]:size[k+1]:size[k+1]]
	}
	return ms
}

// FailsWith returns, for every node of g (by index into g.Nodes), the
// other nodes that cannot work without it: the nodes whose required set
// (see Requirements: what a node reaches along hard edges, alternatives
// intersected) holds it, in increasing order. It is the blast radius of
// each node taken over every node instead of over the entrypoints, computed
// by Requirements on a copy of g with one entrypoint per node; the cost is
// that of Requirements with N entrypoints, O((N + M) · ⌈N/64⌉).
func (g *Graph) FailsWith() [][]int {
	g.ensureIndex()
	c := &Graph{Nodes: slices.Clone(g.Nodes), Edges: slices.Clone(g.Edges), Settings: g.Settings}
	c.Entrypoints = make([]*Entrypoint, len(g.Nodes))
	for i, n := range g.Nodes {
		// Names that sort in node order, so that entrypoint i is node i
		// after Index sorts both.
		c.Entrypoints[i] = &Entrypoint{Name: fmt.Sprintf("%08d", i), Service: n.Name}
	}
	c.Index()
	req := c.Requirements()
	out := make([][]int, len(g.Nodes))
	for i := range g.Nodes {
		j := c.NodeIndex(g.Nodes[i].Name)
		for _, v := range req.BlastRadius(j) {
			if v != i {
				out[i] = append(out[i], v)
			}
		}
	}
	return out
}
