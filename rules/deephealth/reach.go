package deephealth

import (
	"go/token"
	"go/types"

	"github.com/faultline-dev/faultline/rules/internal/ir"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

// Limits that keep the walk linear in the code it reads.
const (
	maxDepth = 12   // nested calls followed from a handler
	maxSteps = 4000 // functions entered for one handler
	maxVia   = 4    // names shown between the handler and the API
)

// env binds the parameters and free variables of a function being walked
// to the values its caller or creator gave them, so that a middleware's
// next(w, r) leads to the handler it wraps.
type env struct {
	vals map[ssa.Value]binding
}

// binding is a value together with the env of the function it lives in.
type binding struct {
	v   ssa.Value
	env *env
}

func (e *env) lookup(v ssa.Value) (binding, bool) {
	if e == nil {
		return binding{}, false
	}
	b, ok := e.vals[v]
	return b, ok
}

// handlerRef is a function that serves a request: one of this package,
// walked with its env, or one of another package, known by its fact.
type handlerRef struct {
	fn  *ssa.Function
	env *env
	ext *types.Func
}

// hit is what a handler reaches: the remote API, the functions in between
// and where in this package the path leaves for it.
type hit struct {
	api   string        // the remote API, formatted for messages
	kinds []remote.Kind // the kinds of remote operation
	via   []string      // functions between the handler and api, nearest the handler first
	pos   token.Pos     // the call in this package nearest the API
	top   ssa.Instruction
}

// walk is the state of the search from one handler.
type walk struct {
	visited map[walkKey]bool
	steps   int
}

type walkKey struct {
	fn  *ssa.Function
	env *env
}

func newWalk() *walk { return &walk{visited: map[walkKey]bool{}} }

// reachRef reports whether a handler reaches a remote operation.
func (c *checker) reachRef(ref handlerRef, w *walk, depth int) *hit {
	if ref.fn != nil {
		return c.reach(ref.fn, ref.env, w, depth)
	}
	f := c.rem.Object(ref.ext)
	if f == nil {
		return nil
	}
	return &hit{api: f.API, kinds: f.Kinds, via: append([]string{remote.FuncName(ref.ext)}, f.Via...)}
}

// reach returns the first remote operation, in instruction order, that fn
// performs synchronously, directly or through the functions it calls.
// Goroutines fn starts and does not wait for are not followed: a handler
// that refreshes a cached status in the background answers at once.
func (c *checker) reach(fn *ssa.Function, e *env, w *walk, depth int) *hit {
	k := walkKey{fn, e}
	if depth > maxDepth || w.visited[k] || w.steps >= maxSteps || fn.Blocks == nil {
		return nil
	}
	w.visited[k] = true
	w.steps++
	waits := waitsForGoroutines(fn)
	anonUse := c.anonUses(fn, waits)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			var h *hit
			switch x := instr.(type) {
			case *ssa.Go:
				if waits {
					h = c.call(x, e, w, depth)
				}
			case ssa.CallInstruction:
				h = c.call(x, e, w, depth)
			case *ssa.MakeClosure:
				if anonUse[x.Fn.(*ssa.Function)] {
					h = c.reach(x.Fn.(*ssa.Function), closureEnv(x, e), w, depth+1)
				}
			}
			if h == nil {
				for _, op := range instr.Operands(nil) {
					if anon, ok := (*op).(*ssa.Function); ok && anonUse[anon] && anon.Parent() == fn {
						if h = c.reach(anon, nil, w, depth+1); h != nil {
							break
						}
					}
				}
			}
			if h != nil {
				h.top = instr
				if !h.pos.IsValid() {
					h.pos = instr.Pos()
				}
				return h
			}
		}
	}
	return nil
}

// call follows one call of a walked function.
func (c *checker) call(instr ssa.CallInstruction, e *env, w *walk, depth int) *hit {
	cc := instr.Common()
	if _, ok := cc.Value.(*ssa.Builtin); ok {
		return nil
	}
	if sf := cc.StaticCallee(); sf != nil && c.inPkg[ir.Origin(sf)] {
		h := c.reach(sf, callEnv(sf, cc, e), w, depth+1)
		if h != nil && sf.Parent() == nil {
			h.via = append([]string{c.name(sf)}, h.via...)
		}
		return h
	}
	if t, ok := c.rem.Classify(cc); ok {
		h := &hit{pos: instr.Pos()}
		if t.API != nil {
			h.api, h.kinds = remote.FuncName(t.Callee), []remote.Kind{t.API.Kind}
		} else {
			h.api, h.kinds = t.Fact.API, t.Fact.Kinds
			h.via = append([]string{remote.FuncName(t.Callee)}, t.Fact.Via...)
		}
		return h
	}
	var refs []handlerRef
	switch {
	case cc.StaticCallee() != nil:
		// A function of another package that runs the functions it is
		// given: errgroup's Go, sync.Once's Do, a breaker or a retrier.
		// Function literals are followed by reach.
		if asyncCalls.Has(ir.Callee(cc)) {
			return nil
		}
		for _, a := range cc.Args {
			switch x := a.(type) {
			case *ssa.Function:
				if x.Parent() == nil {
					refs = append(refs, c.funcRef(x, nil)...)
				}
			case *ssa.MakeClosure:
				if fn := x.Fn.(*ssa.Function); fn.Parent() == nil {
					refs = append(refs, c.funcRef(fn, closureEnv(x, e))...)
				}
			}
		}
	case cc.IsInvoke() && cc.Method.Name() == "ServeHTTP":
		refs = c.resolve(cc.Value, e)
	case cc.IsInvoke():
		for _, fn := range c.impls(cc.Method) {
			refs = append(refs, handlerRef{fn: fn})
		}
	case cc.StaticCallee() == nil:
		refs = c.resolve(cc.Value, e)
	}
	for _, ref := range refs {
		if h := c.reachRef(ref, w, depth+1); h != nil {
			if ref.fn != nil && ref.fn.Parent() == nil {
				h.via = append([]string{c.name(ref.fn)}, h.via...)
			}
			if !h.pos.IsValid() {
				h.pos = instr.Pos()
			}
			return h
		}
	}
	return nil
}

// anonUses reports which function literals of fn run while fn runs: those
// it calls, or hands to a function (errgroup.Go, sync.Once.Do, a breaker
// or a retrier), but not those it only starts as goroutines it does not
// wait for, or returns to its caller.
func (c *checker) anonUses(fn *ssa.Function, waits bool) map[*ssa.Function]bool {
	if len(fn.AnonFuncs) == 0 {
		return nil
	}
	used := map[*ssa.Function]bool{}
	isAnon := map[ssa.Value]*ssa.Function{}
	for _, a := range fn.AnonFuncs {
		isAnon[a] = a
	}
	counts := func(user ssa.Instruction, v ssa.Value) bool {
		switch u := user.(type) {
		case *ssa.Go:
			return waits || u.Call.Value != v
		case *ssa.Return:
			return false
		case ssa.CallInstruction:
			// A direct call is followed as a call; time.AfterFunc runs
			// its function later.
			return u.Common().Value != v && !asyncCalls.Has(ir.Callee(u.Common()))
		}
		return true
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok {
				a := mc.Fn.(*ssa.Function)
				for _, r := range *mc.Referrers() {
					if counts(r, mc) {
						used[a] = true
					}
				}
				continue
			}
			for _, op := range instr.Operands(nil) {
				if a, ok := isAnon[*op]; ok && counts(instr, a) {
					used[a] = true
				}
			}
		}
	}
	return used
}

// waitsForGoroutines reports whether fn waits for something a goroutine
// may deliver: a WaitGroup or errgroup Wait, a channel receive or a
// blocking select. Goroutines of such a function are part of its answer.
func waitsForGoroutines(fn *ssa.Function) bool {
	hasGo := false
	waits := false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case *ssa.Go:
				hasGo = true
			case *ssa.UnOp:
				if x.Op == token.ARROW {
					waits = true
				}
			case *ssa.Select:
				if x.Blocking {
					waits = true
				}
			case ssa.CallInstruction:
				if waitCalls.Has(ir.Callee(x.Common())) {
					waits = true
				}
			}
		}
	}
	return hasGo && waits
}

// asyncCalls run the function they are given later, on another goroutine.
var asyncCalls = lint.NewFuncSet("time.AfterFunc", "context.AfterFunc")

var waitCalls = lint.NewFuncSet(
	"(*sync.WaitGroup).Wait",
	"(*golang.org/x/sync/errgroup.Group).Wait",
	"(*github.com/sourcegraph/conc.WaitGroup).Wait",
)

// resolve returns the functions that serve requests for the handler value
// v: functions and method values, closures, http.HandlerFunc conversions,
// values of types with a ServeHTTP method, handlers returned by
// constructors of this package, and the handlers a middleware of another
// package is given. What it cannot see (a handler from a struct field of
// interface type, a constructor of another package) yields nothing.
func (c *checker) resolve(v ssa.Value, e *env) []handlerRef {
	return c.resolveSeen(v, e, map[binding]bool{}, 0)
}

func (c *checker) resolveSeen(v ssa.Value, e *env, seen map[binding]bool, depth int) []handlerRef {
	k := binding{v, e}
	if v == nil || depth > maxDepth || seen[k] {
		return nil
	}
	seen[k] = true
	next := func(v ssa.Value, e *env) []handlerRef { return c.resolveSeen(v, e, seen, depth+1) }
	var refs []handlerRef
	switch x := v.(type) {
	case *ssa.MakeInterface:
		refs = next(x.X, e)
	case *ssa.ChangeType:
		refs = next(x.X, e)
	case *ssa.Convert:
		refs = next(x.X, e)
	case *ssa.ChangeInterface:
		refs = next(x.X, e)
	case *ssa.TypeAssert:
		refs = next(x.X, e)
	case *ssa.Function:
		refs = c.funcRef(x, nil)
	case *ssa.MakeClosure:
		refs = c.funcRef(x.Fn.(*ssa.Function), closureEnv(x, e))
	case *ssa.Phi:
		for _, edge := range x.Edges {
			refs = append(refs, next(edge, e)...)
		}
	case *ssa.FreeVar, *ssa.Parameter:
		if b, ok := e.lookup(x); ok {
			refs = next(b.v, b.env)
		}
	case *ssa.UnOp:
		if x.Op == token.MUL {
			for _, b := range c.stores(x.X, e, 0) {
				refs = append(refs, next(b.v, b.env)...)
			}
		}
	case *ssa.Call:
		refs = c.resolveCall(x, e, next)
	}
	if len(refs) == 0 {
		refs = c.byType(v.Type())
	}
	return refs
}

// resolveCall resolves the handler a call returns: for a constructor or
// middleware of this package, what its return statements return, with its
// parameters bound to the call's arguments; for a function of another
// package, the handlers it is given, which a middleware wraps.
func (c *checker) resolveCall(call *ssa.Call, e *env, next func(ssa.Value, *env) []handlerRef) []handlerRef {
	cc := &call.Call
	if sf := cc.StaticCallee(); sf != nil && c.inPkg[ir.Origin(sf)] {
		ne := callEnv(sf, cc, e)
		var refs []handlerRef
		for _, b := range sf.Blocks {
			if len(b.Instrs) == 0 {
				continue
			}
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) == 1 {
				refs = append(refs, next(ret.Results[0], ne)...)
			}
		}
		return refs
	}
	if cc.IsInvoke() || cc.StaticCallee() == nil {
		return nil
	}
	var refs []handlerRef
	for _, a := range cc.Args {
		if isHandlerType(a.Type()) {
			refs = append(refs, next(a, e)...)
		}
	}
	return refs
}

// stores returns the values stored into the variable at addr: a local
// variable (an Alloc, also when a closure reaches it through a free
// variable) or a package-level variable.
func (c *checker) stores(addr ssa.Value, e *env, depth int) []binding {
	if depth > maxDepth {
		return nil
	}
	switch x := addr.(type) {
	case *ssa.Alloc:
		var bs []binding
		for _, r := range *x.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == x {
				bs = append(bs, binding{st.Val, e})
			}
		}
		return bs
	case *ssa.Global:
		return c.globalStores[x]
	case *ssa.FreeVar, *ssa.Parameter:
		if b, ok := e.lookup(x); ok {
			return c.stores(b.v, b.env, depth+1)
		}
	}
	return nil
}

// funcRef returns the handler a function value is: a function of this
// package, a method value (through its bound-method wrapper), or a
// function of another package.
func (c *checker) funcRef(fn *ssa.Function, e *env) []handlerRef {
	if c.inPkg[ir.Origin(fn)] {
		return []handlerRef{{fn: fn, env: e}}
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return nil
	}
	if fn.Synthetic != "" && len(fn.FreeVars) == 1 { // bound method wrapper: recv.m
		if m := c.irr.Pkg.Prog.FuncValue(obj); m != nil && c.inPkg[m] && len(m.Params) > 0 {
			ne := &env{vals: map[ssa.Value]binding{}}
			if b, ok := e.lookup(fn.FreeVars[0]); ok {
				ne.vals[m.Params[0]] = b
			}
			return []handlerRef{{fn: m, env: ne}}
		}
		if types.IsInterface(recvType(obj)) {
			if b, ok := e.lookup(fn.FreeVars[0]); ok && obj.Name() == "ServeHTTP" {
				return c.resolve(b.v, b.env)
			}
			return nil
		}
	}
	return []handlerRef{{ext: obj.Origin()}}
}

// byType returns the ServeHTTP method of a concrete type, as the handler
// a value of that type is.
func (c *checker) byType(t types.Type) []handlerRef {
	if t == nil || types.IsInterface(t) {
		return nil
	}
	if _, ok := t.Underlying().(*types.Signature); ok {
		return nil
	}
	prog := c.irr.Pkg.Prog
	sel := prog.MethodSets.MethodSet(t).Lookup(nil, "ServeHTTP")
	if sel == nil {
		return nil
	}
	m, ok := sel.Obj().(*types.Func)
	if !ok || !isServeHTTP(m) || m.Pkg() == nil || m.Pkg().Path() == "net/http" {
		return nil
	}
	if m.Pkg() == c.pass.Pkg {
		if fn := prog.FuncValue(m); fn != nil && c.inPkg[fn] {
			return []handlerRef{{fn: fn}}
		}
		return nil
	}
	return []handlerRef{{ext: m}}
}

// impls returns the methods of this package's types that implement the
// interface method m, when the interface is declared in this package:
// the package's own abstraction over its dependencies (a Checker, a
// Store) whose implementations it can see.
func (c *checker) impls(m *types.Func) []*ssa.Function {
	if m == nil || m.Pkg() != c.pass.Pkg {
		return nil
	}
	if fs, ok := c.implCache[m]; ok {
		return fs
	}
	iface, ok := recvType(m).Underlying().(*types.Interface)
	var fs []*ssa.Function
	if ok {
		prog := c.irr.Pkg.Prog
		scope := c.pass.Pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
				continue
			}
			if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
				continue
			}
			for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
				if !types.Implements(t, iface) {
					continue
				}
				sel := prog.MethodSets.MethodSet(t).Lookup(m.Pkg(), m.Name())
				if sel == nil {
					continue
				}
				if fn := prog.FuncValue(sel.Obj().(*types.Func)); fn != nil && c.inPkg[fn] {
					fs = append(fs, fn)
				}
				break
			}
		}
	}
	c.implCache[m] = fs
	return fs
}

// callEnv binds the parameters (and, for a closure, the free variables)
// of a statically called function to the call's values.
func callEnv(sf *ssa.Function, cc *ssa.CallCommon, e *env) *env {
	ne := &env{vals: map[ssa.Value]binding{}}
	for i, p := range sf.Params {
		if i < len(cc.Args) {
			ne.vals[p] = binding{cc.Args[i], e}
		}
	}
	if mc, ok := cc.Value.(*ssa.MakeClosure); ok {
		for i, fv := range sf.FreeVars {
			if i < len(mc.Bindings) {
				ne.vals[fv] = binding{mc.Bindings[i], e}
			}
		}
	}
	return ne
}

// closureEnv binds a closure's free variables to the values it captured.
func closureEnv(mc *ssa.MakeClosure, e *env) *env {
	fn := mc.Fn.(*ssa.Function)
	ne := &env{vals: map[ssa.Value]binding{}}
	for i, fv := range fn.FreeVars {
		if i < len(mc.Bindings) {
			ne.vals[fv] = binding{mc.Bindings[i], e}
		}
	}
	return ne
}

// isHandlerType reports whether t is an HTTP handler: an http.Handler, a
// function with http.HandlerFunc's signature, or the handler function of
// gin or echo.
func isHandlerType(t types.Type) bool {
	if lint.IsNamed(t, "net/http", "Handler") || lint.IsNamed(t, "net/http", "HandlerFunc") ||
		lint.IsNamed(t, "github.com/gin-gonic/gin", "HandlerFunc") || lint.IsNamed(t, "github.com/labstack/echo/v4", "HandlerFunc") {
		return true
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 2 && sig.Results().Len() == 0 &&
		lint.IsNamed(sig.Params().At(0).Type(), "net/http", "ResponseWriter") &&
		lint.IsNamed(sig.Params().At(1).Type(), "net/http", "Request")
}

// isServeHTTP reports whether m has http.Handler's ServeHTTP signature.
func isServeHTTP(m *types.Func) bool {
	sig, ok := m.Type().(*types.Signature)
	return ok && sig.Params().Len() == 2 && sig.Results().Len() == 0 &&
		lint.IsNamed(sig.Params().At(0).Type(), "net/http", "ResponseWriter") &&
		lint.IsNamed(sig.Params().At(1).Type(), "net/http", "Request")
}

// recvType returns the receiver type of a method.
func recvType(m *types.Func) types.Type {
	return m.Type().(*types.Signature).Recv().Type()
}

// name formats a function of this package for messages, without the
// package name: "checkDB", "(*Server).ping".
func (c *checker) name(fn *ssa.Function) string {
	obj, ok := ir.Origin(fn).Object().(*types.Func)
	if !ok {
		return fn.Name()
	}
	qual := func(p *types.Package) string {
		if p == c.pass.Pkg {
			return ""
		}
		return p.Name()
	}
	if sig := obj.Type().(*types.Signature); sig.Recv() != nil {
		return "(" + types.TypeString(sig.Recv().Type(), qual) + ")." + obj.Name()
	}
	return obj.Name()
}
