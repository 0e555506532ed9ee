package graph

import (
	"math"
	"math/bits"
	"time"
)

// This file holds the shared vocabulary of the graph rules (the terms
// docs/rules.md defines on edges, under "Graph rules: Terms") and the
// compact adjacency the algorithms in algo_*.go run on.

// EdgeFilter selects the edges an algorithm follows.
type EdgeFilter func(*Edge) bool

// HardSync reports whether the caller waits for the call and cannot do
// without it: a synchronous edge whose criticality is hard, with or without
// a fallback. A fallback only helps once a call fails; a call that hangs
// with no timeout never fails, so cascade, nobreaker and sharedfate follow
// these edges. Required sets follow the stricter IsHard, which excludes
// edges with a fallback.
func (e *Edge) HardSync() bool { return e.Sync() && e.Criticality != Soft }

// Bounded reports whether the edge is protected by a timeout: the topology
// declares a timeout or a deadline (or the edge, learned from code, may be
// bounded: HasTimeout), or call sites were found in code and none of them
// is known to be unbounded. What the code leaves undetermined never counts
// as missing.
func (e *Edge) Bounded() bool {
	if e.HasTimeout() {
		return true
	}
	if len(e.Calls) == 0 {
		return false
	}
	for _, c := range e.Calls {
		if c.Bound == No && c.Timeout <= 0 {
			return false
		}
	}
	return true
}

// Guarded reports whether a circuit breaker guards the edge: the topology
// says so, or call sites were found in code and none of them is known to
// be unguarded.
func (e *Edge) Guarded() bool {
	if e.Breaker {
		return true
	}
	if len(e.Calls) == 0 {
		return false
	}
	for _, c := range e.Calls {
		if c.Breaker == No {
			return false
		}
	}
	return true
}

// Retrying reports whether the edge makes more than one attempt per call.
func (e *Edge) Retrying() bool { return e.Attempts() > 1 }

// LoadFactor is how many calls the callee receives per call of the caller
// when the callee keeps failing: the number of attempts, capped at
// 1 + budget when the retries have a budget (a budget of 0.2 lets retries
// add at most 20% to the load).
func (e *Edge) LoadFactor() float64 {
	a := float64(e.Attempts())
	if b := e.Retries.Budget; b > 0 && 1+b < a {
		return 1 + b
	}
	return a
}

// AttemptTimeout returns the longest one attempt can take: the timeout, or
// the deadline when it is shorter or the only bound. For an edge the
// topology does not bound, it is the longest constant timeout of its call
// sites in code. It reports false when no value is known.
func (e *Edge) AttemptTimeout() (time.Duration, bool) {
	if e.Timeout > 0 || e.Deadline > 0 {
		return minPositive(e.Timeout, e.Deadline), true
	}
	var worst time.Duration
	for _, c := range e.Calls {
		if c.Timeout <= 0 {
			return 0, false
		}
		worst = max(worst, c.Timeout)
	}
	return worst, worst > 0
}

// MaxWait returns the longest the caller can wait for the edge, retries
// included: timeout × attempts, cut by the deadline when there is one
// (backoff delays between attempts are not known and not counted). For an
// edge the topology does not bound, it is the worst of its call sites,
// each with its own attempts when known. It reports false when the edge is
// unbounded or its bound has no known value.
func (e *Edge) MaxWait() (time.Duration, bool) {
	if e.Timeout > 0 || e.Deadline > 0 {
		return wait(e.Timeout, e.Deadline, e.Attempts()), true
	}
	var worst time.Duration
	for _, c := range e.Calls {
		attempts := c.Attempts
		if attempts <= 0 {
			attempts = e.Attempts()
		}
		if c.Timeout <= 0 {
			return 0, false
		}
		worst = max(worst, wait(c.Timeout, 0, attempts))
	}
	return worst, worst > 0
}

// wait is min(deadline, timeout × attempts) over the bounds that are set,
// saturating instead of overflowing.
func wait(timeout, deadline time.Duration, attempts int) time.Duration {
	var total time.Duration
	if timeout > 0 {
		total = mulDuration(timeout, attempts)
	}
	return minPositive(total, deadline)
}

// mulDuration returns d × n, saturating at the largest Duration.
func mulDuration(d time.Duration, n int) time.Duration {
	if n <= 1 {
		return d
	}
	if d > math.MaxInt64/time.Duration(n) {
		return math.MaxInt64
	}
	return d * time.Duration(n)
}

// minPositive returns the smaller of the positive values among a and b, or
// 0 when neither is positive.
func minPositive(a, b time.Duration) time.Duration {
	switch {
	case a <= 0:
		return max(b, 0)
	case b <= 0:
		return a
	}
	return min(a, b)
}

// Ends returns the indices in g.Nodes of the caller and the callee of
// every edge, by index in g.Edges; both are -1 for an edge with an end
// that is not a node (a dangling edge, an input error the loader reports;
// Index leaves such edges out of the adjacency). It costs O(N + M) and no
// name lookups.
func (g *Graph) Ends() (from, to []int32) {
	g.ensureIndex()
	from = make([]int32, len(g.Edges))
	to = make([]int32, len(g.Edges))
	for i := range from {
		from[i], to[i] = -1, -1
	}
	for v := range g.Nodes {
		for _, ei := range g.out[v] {
			from[ei] = int32(v)
		}
		for _, ei := range g.in[v] {
			to[ei] = int32(v)
		}
	}
	return from, to
}

// adjacency is a compressed view of the followed edges of a graph (or of a
// graph derived from it): the successors of node v are
// dst[start[v]:start[v+1]], and eid holds the index in Graph.Edges of each
// (or -1 for edges that are not edges of the graph).
type adjacency struct {
	start []int32
	dst   []int32
	eid   []int32
}

// n returns the number of nodes.
func (a *adjacency) n() int { return len(a.start) - 1 }

// succ returns the range of v's successors in dst and eid.
func (a *adjacency) succ(v int) (lo, hi int) { return int(a.start[v]), int(a.start[v+1]) }

// followed builds the adjacency of the edges of g that follow selects (all
// of them when follow is nil), in the order of g.OutIndex: by target name.
func (g *Graph) followed(follow EdgeFilter) *adjacency {
	g.ensureIndex()
	n := len(g.Nodes)
	// The target of every indexed edge, from the incoming lists: no
	// name lookups.
	to := make([]int32, len(g.Edges))
	for t := range n {
		for _, ei := range g.in[t] {
			to[ei] = int32(t)
		}
	}
	a := &adjacency{start: make([]int32, n+1), dst: make([]int32, 0, len(g.Edges)), eid: make([]int32, 0, len(g.Edges))}
	for v := range n {
		for _, ei := range g.out[v] {
			if follow != nil && !follow(g.Edges[ei]) {
				continue
			}
			a.dst = append(a.dst, to[ei])
			a.eid = append(a.eid, int32(ei))
		}
		a.start[v+1] = int32(len(a.dst))
	}
	return a
}

// ensureIndex indexes g if that has not been done since its nodes changed,
// so that algorithms never index out of range on a graph built by hand.
func (g *Graph) ensureIndex() {
	if g.nodeIndex == nil || len(g.out) != len(g.Nodes) {
		g.Index()
	}
}

// bitset is a fixed-size set of small integers.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (b bitset) set(i int)      { b[i/64] |= 1 << (uint(i) % 64) }
func (b bitset) has(i int) bool { return b[i/64]&(1<<(uint(i)%64)) != 0 }

// or adds the members of c to b.
func (b bitset) or(c bitset) {
	for i := range b {
		b[i] |= c[i]
	}
}

// and removes from b the members not in c.
func (b bitset) and(c bitset) {
	for i := range b {
		b[i] &= c[i]
	}
}

// copyFrom makes b's members those of c.
func (b bitset) copyFrom(c bitset) { copy(b, c) }

// equal reports whether b and c have the same members.
func (b bitset) equal(c bitset) bool {
	for i := range b {
		if b[i] != c[i] {
			return false
		}
	}
	return true
}

// empty reports whether b has no member.
func (b bitset) empty() bool {
	for _, w := range b {
		if w != 0 {
			return false
		}
	}
	return true
}

// each calls f with every member of b, in increasing order.
func (b bitset) each(f func(int)) {
	for i, w := range b {
		for w != 0 {
			f(i*64 + bits.TrailingZeros64(w))
			w &= w - 1
		}
	}
}
