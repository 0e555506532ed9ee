package graph

// Components is the partition of a graph's nodes into strongly connected
// components over a subset of its edges (see Graph.Components).
//
// Components are numbered in reverse topological order of the
// condensation: every followed edge between two different components goes
// from a higher number to a lower one. Iterating from 0 up visits sinks
// first (what a dynamic programme over successors needs); iterating down
// visits sources first.
type Components struct {
	adj     *adjacency
	of      []int32
	members [][]int
	cyclic  []bool
	succ    [][]int
}

// Components returns the strongly connected components of g over the edges
// that follow selects (every edge when follow is nil), and their
// condensation DAG. It uses Tarjan's algorithm written with an explicit
// stack, so graphs of any depth are safe, and runs in O(N + M) time and
// memory for N nodes and M edges.
func (g *Graph) Components(follow EdgeFilter) *Components {
	return newComponents(g.followed(follow))
}

// newComponents computes the components of a and their condensation.
func newComponents(a *adjacency) *Components {
	of, count := tarjan(a)
	c := &Components{adj: a, of: of, members: make([][]int, count), cyclic: make([]bool, count), succ: make([][]int, count)}
	for v, k := range of {
		c.members[k] = append(c.members[k], v)
	}
	last := make([]int32, count) // last component a successor list got, +1
	for k := range count {
		if len(c.members[k]) > 1 {
			c.cyclic[k] = true
		}
		for _, v := range c.members[k] {
			lo, hi := a.succ(v)
			for _, w := range a.dst[lo:hi] {
				kw := of[w]
				if int(kw) == k {
					c.cyclic[k] = true // a self-loop or an edge inside the component
					continue
				}
				if last[kw] != int32(k)+1 {
					last[kw] = int32(k) + 1
					c.succ[k] = append(c.succ[k], int(kw))
				}
			}
		}
	}
	return c
}

// Len returns the number of components.
func (c *Components) Len() int { return len(c.members) }

// Of returns the component of node i (an index into Graph.Nodes).
func (c *Components) Of(i int) int { return int(c.of[i]) }

// Members returns the nodes of component k, in increasing index (that is,
// name) order. The slice must not be modified.
func (c *Components) Members(k int) []int { return c.members[k] }

// Cyclic reports whether component k holds a cycle: two or more nodes, or
// one node with a followed edge to itself.
func (c *Components) Cyclic(k int) bool { return c.cyclic[k] }

// Succ returns the components that followed edges from component k lead
// to, other than k itself, each once: the condensation DAG. Every one has a
// lower number than k. The slice must not be modified.
func (c *Components) Succ(k int) []int { return c.succ[k] }

// Topological returns the component numbers in topological order of the
// condensation: a component comes before every component it leads to.
func (c *Components) Topological() []int {
	order := make([]int, len(c.members))
	for i := range order {
		order[i] = len(order) - 1 - i
	}
	return order
}

// Cycle returns a shortest cycle of followed edges through the first
// member of component k, as indices into Graph.Edges in call order, or nil
// when the component is not cyclic. It costs O(size of the component +
// edges inside it).
func (c *Components) Cycle(k int) []int {
	if !c.cyclic[k] {
		return nil
	}
	a := c.adj
	root := c.members[k][0]
	// A self-loop is the shortest cycle there is.
	lo, hi := a.succ(root)
	for j := lo; j < hi; j++ {
		if int(a.dst[j]) == root {
			return []int{int(a.eid[j])}
		}
	}
	// Breadth-first search from root inside the component; the first edge
	// found back to root closes a shortest cycle.
	parent := make(map[int]int, len(c.members[k])) // node -> position in a.dst of the edge that reached it
	parent[root] = -1
	queue := []int{root}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		lo, hi := a.succ(v)
		for j := lo; j < hi; j++ {
			w := int(a.dst[j])
			if c.of[w] != int32(k) {
				continue
			}
			if w == root {
				path := []int{int(a.eid[j])}
				for u := v; parent[u] >= 0; {
					p := parent[u]
					path = append(path, int(a.eid[p]))
					u = a.from(p)
				}
				reverseInts(path)
				return path
			}
			if _, seen := parent[w]; !seen {
				parent[w] = j
				queue = append(queue, w)
			}
		}
	}
	return nil // unreachable for a cyclic component
}

// from returns the source node of the edge at position j of a.dst, by
// binary search over start.
func (a *adjacency) from(j int) int {
	lo, hi := 0, a.n()
	for lo < hi {
		m := (lo + hi) / 2
		if int(a.start[m+1]) <= j {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func reverseInts(s []int) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// tarjan numbers the strongly connected components of a in reverse
// topological order (Tarjan's algorithm emits a component only after every
// component reachable from it) and returns each node's component and the
// number of components. The depth-first search keeps its own stack of
// frames instead of recursing.
func tarjan(a *adjacency) (of []int32, count int) {
	n := a.n()
	index := make([]int32, n) // DFS discovery number + 1; 0 = not visited
	low := make([]int32, n)
	onStack := make([]bool, n)
	of = make([]int32, n)
	var stack []int32
	type frame struct {
		v    int32
		next int32 // position in a.dst of the next successor to look at
	}
	var frames []frame
	counter := int32(0)
	visit := func(v int32) {
		counter++
		index[v], low[v] = counter, counter
		stack = append(stack, v)
		onStack[v] = true
		frames = append(frames, frame{v, a.start[v]})
	}
	for root := range n {
		if index[root] != 0 {
			continue
		}
		visit(int32(root))
		for len(frames) > 0 {
			f := &frames[len(frames)-1]
			v := f.v
			if f.next < a.start[v+1] {
				w := a.dst[f.next]
				f.next++
				if index[w] == 0 {
					visit(w) // f may dangle after this; it is not used again
				} else if onStack[w] {
					low[v] = min(low[v], index[w])
				}
				continue
			}
			frames = frames[:len(frames)-1]
			if len(frames) > 0 {
				u := frames[len(frames)-1].v
				low[u] = min(low[u], low[v])
			}
			if low[v] == index[v] {
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					of[w] = int32(count)
					if w == v {
						break
					}
				}
				count++
			}
		}
	}
	return of, count
}
