package callsites

import (
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
)

// throughCalls gathers what collect finds at the calls of each top-level
// function of the package (a closure's calls count for the function that
// declares it) and adds, to a fixed point, what the package's functions
// it calls gather: what a function does, itself or through the package's
// own helpers. It also returns, for each function, the top-level functions
// of the package that call it. Functions skip rejects are left out.
func throughCalls[T comparable](t *tracer, skip func(*ssa.Function) bool, collect func(c *ssa.CallCommon, instr ssa.Instruction) []T) (own map[*ssa.Function][]T, callers map[*ssa.Function][]*ssa.Function) {
	own = map[*ssa.Function][]T{}
	callers = map[*ssa.Function][]*ssa.Function{} // same-package callees -> callers
	for _, fn := range t.irr.SrcFuncs {
		if skip != nil && skip(fn) {
			continue
		}
		owner := fn
		for owner.Parent() != nil {
			owner = owner.Parent()
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				c := call.Common()
				if sf := c.StaticCallee(); sf != nil && sf.Pkg == t.irr.Pkg {
					callee := ir.Origin(sf)
					callers[callee] = append(callers[callee], owner)
					continue
				}
				own[owner] = append(own[owner], collect(c, instr)...)
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for callee, cs := range callers {
			for _, caller := range cs {
				for _, x := range own[callee] {
					if !slices.Contains(own[caller], x) {
						own[caller] = append(own[caller], x)
						changed = true
					}
				}
			}
		}
	}
	return own, callers
}
