package ctxdeadline

import (
	"go/types"

	"github.com/faultline-dev/faultline/rules/internal/ir"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/lint"
)

var (
	timeoutHandler  = lint.NewFuncSet("net/http.TimeoutHandler")
	muxRegister     = lint.NewFuncSet("(*net/http.ServeMux).Handle", "(*net/http.ServeMux).HandleFunc")
	defaultRegister = lint.NewFuncSet("net/http.Handle", "net/http.HandleFunc")
	newServeMux     = lint.NewFuncSet("net/http.NewServeMux")
)

// isHandler reports whether fn is an HTTP handler: it has the signature
// of http.HandlerFunc (or is a ServeHTTP method) and is not only called
// directly by other functions of the package, whose requests then decide.
func (c *checker) isHandler(fn *ssa.Function) bool {
	sig := fn.Signature
	if sig.Params().Len() != 2 || sig.Results().Len() != 0 ||
		!lint.IsNamed(sig.Params().At(0).Type(), "net/http", "ResponseWriter") ||
		!lint.IsNamed(sig.Params().At(1).Type(), "net/http", "Request") {
		return false
	}
	return c.usedAsValue[fn] || !c.calledStatic[fn]
}

// registration is a handler registered on a ServeMux (mux nil: on
// http.DefaultServeMux).
type registration struct {
	mux     ssa.Value
	handler ssa.Value
}

// scanHandlers finds the handlers wrapped by http.TimeoutHandler in this
// package: those passed to it directly (http.HandlerFunc(f), a method
// value, a type with a ServeHTTP method) or registered on a ServeMux that
// is passed to it. When a wrapped handler cannot be resolved (a router of
// another library, a handler from a parameter or a field), every handler
// of the package is taken to be wrapped: precision first.
func (c *checker) scanHandlers() {
	var wraps []ssa.Value
	var regs []registration
	for _, s := range c.sites {
		cc := s.call.Common()
		callee := ir.Callee(cc)
		switch {
		case timeoutHandler.Has(callee):
			wraps = append(wraps, argOfFunc(cc, callee, 0))
		case muxRegister.Has(callee):
			regs = append(regs, registration{mux: ir.Receiver(cc), handler: argOfFunc(cc, callee, 1)})
		case defaultRegister.Has(callee):
			regs = append(regs, registration{handler: argOfFunc(cc, callee, 1)})
		}
	}
	for _, w := range wraps {
		if !c.handlersOf(w, regs, map[ssa.Value]bool{}) {
			c.wrapAll = true
		}
	}
}

// handlersOf marks the handler functions behind the handler value v as
// wrapped, and reports whether it could resolve them all.
func (c *checker) handlersOf(v ssa.Value, regs []registration, seen map[ssa.Value]bool) bool {
	if v == nil {
		return false
	}
	if seen[v] {
		return true
	}
	seen[v] = true
	switch x := v.(type) {
	case *ssa.MakeInterface:
		return c.handlersOf(x.X, regs, seen)
	case *ssa.ChangeInterface:
		return c.handlersOf(x.X, regs, seen)
	case *ssa.ChangeType:
		return c.handlersOf(x.X, regs, seen)
	case *ssa.Convert:
		return c.handlersOf(x.X, regs, seen)
	case *ssa.Function:
		c.wrapped[c.resolve(x)] = true
		return true
	case *ssa.MakeClosure:
		if fn, ok := x.Fn.(*ssa.Function); ok {
			c.wrapped[c.resolve(fn)] = true
			return true
		}
		return false
	case *ssa.Phi:
		ok := true
		for _, e := range x.Edges {
			ok = c.handlersOf(e, regs, seen) && ok
		}
		return ok
	case *ssa.Const:
		if x.IsNil() && types.IsInterface(x.Type()) { // TimeoutHandler(nil, …) serves http.DefaultServeMux
			return c.muxHandlers(nil, regs, seen)
		}
	}
	if lint.IsNamed(v.Type(), "net/http", "ServeMux") {
		return c.muxHandlers(v, regs, seen)
	}
	if fn := c.serveHTTPOf(v.Type()); fn != nil {
		c.wrapped[fn] = true
		return true
	}
	return false
}

// muxHandlers marks the handlers registered on mux (nil:
// http.DefaultServeMux) as wrapped. Only muxes built in view (a local
// variable, http.NewServeMux(), a package-level variable) can be
// resolved.
func (c *checker) muxHandlers(mux ssa.Value, regs []registration, seen map[ssa.Value]bool) bool {
	if mux != nil {
		if isGlobalLoad(mux, "net/http", "DefaultServeMux") {
			mux = nil
		} else if !resolvableMux(mux) {
			return false
		}
	}
	ok := true
	for _, r := range regs {
		if sameMux(r.mux, mux) {
			ok = c.handlersOf(r.handler, regs, seen) && ok
		}
	}
	return ok
}

// resolvableMux reports whether all registrations on mux are visible as
// calls on the same SSA value or the same package-level variable.
func resolvableMux(mux ssa.Value) bool {
	switch x := mux.(type) {
	case *ssa.Alloc:
		return true
	case *ssa.Call:
		return newServeMux.Has(ir.Callee(&x.Call))
	case *ssa.UnOp:
		_, ok := x.X.(*ssa.Global)
		return ok
	}
	return false
}

// sameMux reports whether two mux values are the same ServeMux.
func sameMux(a, b ssa.Value) bool {
	if a != nil && isGlobalLoad(a, "net/http", "DefaultServeMux") {
		a = nil
	}
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if a == b {
		return true
	}
	la, ok1 := a.(*ssa.UnOp)
	lb, ok2 := b.(*ssa.UnOp)
	if ok1 && ok2 {
		ga, ok1 := la.X.(*ssa.Global)
		gb, ok2 := lb.X.(*ssa.Global)
		return ok1 && ok2 && ga == gb
	}
	return false
}

// serveHTTPOf returns the ServeHTTP method of this package's type t (or
// the type t points to), or nil.
func (c *checker) serveHTTPOf(t types.Type) *ssa.Function {
	prog := c.irr.Pkg.Prog
	for _, rt := range []types.Type{t, types.NewPointer(t)} {
		sel := prog.MethodSets.MethodSet(rt).Lookup(nil, "ServeHTTP")
		if sel == nil {
			continue
		}
		m, ok := sel.Obj().(*types.Func)
		if !ok || m.Pkg() != c.pass.Pkg {
			continue
		}
		if fn := prog.FuncValue(m); fn != nil && c.inPkg[fn] {
			return fn
		}
	}
	return nil
}
