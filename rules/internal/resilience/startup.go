package resilience

import (
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Startup tells which calls of a main package run once per process: the
// calls that main and init make outside any loop, and those of the
// functions only such calls reach. A circuit breaker protects a caller
// that keeps calling a failing dependency, request after request; a call
// made once, at startup or in a command-line tool, fails once, and the
// process handles it.
type Startup struct {
	once  map[*ssa.Function]bool
	loops map[*ssa.Function]map[*ssa.BasicBlock]bool
}

// Startup returns the calls of the package that run once per process;
// none unless the package is a main package.
func (r *Result) Startup() *Startup {
	s := &Startup{once: map[*ssa.Function]bool{}, loops: map[*ssa.Function]map[*ssa.BasicBlock]bool{}}
	if !r.Analysed() || r.pass.Pkg.Name() != "main" {
		return s
	}
	for _, fn := range r.funcs {
		if fn.Parent() == nil && fn.Signature.Recv() == nil && fn.Pkg == r.irr.Pkg &&
			(fn.Name() == "main" || fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#")) {
			s.once[fn] = true
		}
	}
	// A function runs once when every call of it runs once: grow the set
	// until no function joins it.
	for changed := true; changed; {
		changed = false
		for _, fn := range r.funcs {
			if s.once[fn] || !r.callsOnly(fn) {
				continue
			}
			calls := r.staticCalls[fn]
			all := len(calls) > 0
			for _, c := range calls {
				if !s.Once(c) {
					all = false
					break
				}
			}
			if all {
				s.once[fn] = true
				changed = true
			}
		}
	}
	return s
}

// callsOnly reports whether fn is only ever called, by static calls of
// this package: never used as a value (a handler, a callback), never
// reachable through an interface or from another package.
func (r *Result) callsOnly(fn *ssa.Function) bool {
	for _, use := range r.funcUses[fn] {
		mc, ok := use.(*ssa.MakeClosure)
		if !ok || mc.Fn != fn {
			return false
		}
		// A closure called where it is made: func() { … }() or go func() { … }().
		for _, ref := range *mc.Referrers() {
			c, ok := ref.(ssa.CallInstruction)
			if !ok || c.Common().Value != mc {
				return false
			}
		}
	}
	if fn.Parent() != nil {
		return true // a function literal: its uses are all above
	}
	return r.privateFunc(fn)
}

// Once reports whether the call runs once per process: it is made by a
// function that runs once, outside any loop.
func (s *Startup) Once(call ssa.CallInstruction) bool {
	fn := call.Parent()
	if !s.once[fn] {
		return false
	}
	lb, ok := s.loops[fn]
	if !ok {
		lb = map[*ssa.BasicBlock]bool{}
		for _, l := range naturalLoops(fn) {
			for b := range l.blocks {
				lb[b] = true
			}
		}
		s.loops[fn] = lb
	}
	return !lb[call.Block()]
}
