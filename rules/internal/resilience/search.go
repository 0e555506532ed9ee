package resilience

import (
	"slices"

	"golang.org/x/tools/go/ssa"
)

// step is what a search does once it has visited a node.
type step int

const (
	descend step = iota // go on to the node's neighbours
	prune               // do not go past the node
	halt                // end the search: what it looked for is found
)

// search visits, depth first, the nodes reachable from roots through
// next, each at most once, and reports whether visit halted it. It is
// bounded by the graph: it ends after at most one visit per node.
func search[N comparable](roots []N, next func(N) []N, visit func(N) step) bool {
	seen := map[N]bool{}
	work := slices.Clone(roots)
	for len(work) > 0 {
		n := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[n] {
			continue
		}
		seen[n] = true
		switch visit(n) {
		case halt:
			return true
		case prune:
			continue
		}
		work = append(work, next(n)...)
	}
	return false
}

// succs is the forward direction of a block search.
func succs(b *ssa.BasicBlock) []*ssa.BasicBlock { return b.Succs }

// preds is the backward direction of a block search.
func preds(b *ssa.BasicBlock) []*ssa.BasicBlock { return b.Preds }

// searchBlocks searches the blocks reachable from start in direction dir
// (succs or preds): see search.
func searchBlocks(start *ssa.BasicBlock, dir func(*ssa.BasicBlock) []*ssa.BasicBlock, visit func(*ssa.BasicBlock) step) bool {
	return search([]*ssa.BasicBlock{start}, dir, visit)
}
