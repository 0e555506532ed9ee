// Package resilience knows the circuit breakers, retriers and timeouts of
// Go code: the table of protection APIs (data, in table.go), the wrappers
// a team declares for its own helpers (the -wrappers flag of the rules),
// and an analyzer whose Result answers four questions about a package,
// each through its own part:
//
//   - Protections (protections.go): which breakers, retries and timeouts
//     guard a call, and through which API, wrapper or client;
//   - Loops (loops.go): the hand-written retry loops around calls, their
//     bounds and their delays;
//   - RetryConfigs (config.go): what retry libraries and retrying clients
//     are configured with;
//   - TestCode (testcode.go): which functions are test infrastructure.
//
// The parts share the package index of this file (the package's
// functions, indexes over its SSA, and the value flow Origins follows);
// facts.go holds the facts that carry answers to other packages.
package resilience

import (
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

// Analyzer computes protection facts and answers protection questions for
// the rules of one package.
var Analyzer = &analysis.Analyzer{
	Name:       "faultlineresilience",
	Doc:        "find circuit breakers, retries and timeouts around calls (faultline internal)",
	Run:        run,
	Requires:   []*analysis.Analyzer{config.Analyzer, ir.Analyzer, remote.Analyzer},
	FactTypes:  []analysis.Fact{new(Fact)},
	ResultType: reflect.TypeFor[*Result](),

	RunDespiteErrors: true, // see ir: packages with type errors are skipped there
}

// Result answers the questions of the rules about one package, each
// through its own part: Protections, Loops, RetryConfigs and TestCode.
// When the package was not analysed (see Analysed) every part is nil,
// and a nil part answers "none".
//
// build computes every table the answers come from (waits, retry loops,
// two-step breaker regions, guards, retrying functions, test code), in
// one fixed order, before any rule sees the result; afterwards nothing in
// it is written. The rules that share it run concurrently: they need no
// lock, and no answer depends on which question was asked first or by
// which rule. Recursive questions (functions that call each other) are
// answered by fixpoints over the whole package, never by a memo cut at
// the first cycle met, which made answers depend on the order of
// questions.
type Result struct {
	*pkgIndex

	protections *Protections
	loops       *Loops
	configs     *RetryConfigs
	tests       *TestCode
}

// pkgIndex is what the parts of a Result share: the package, its
// functions, indexes over their SSA, and the facts exported on them.
type pkgIndex struct {
	pass     *analysis.Pass
	irr      *ir.IR
	remote   *remote.Result
	wrappers *wrapperSet

	// funcs are the package's functions (SrcFuncs and init) in the order
	// the tables are computed; inPkg is the same set.
	funcs []*ssa.Function
	inPkg map[*ssa.Function]bool

	// Indexes over the package's SSA.
	funcUses     map[*ssa.Function][]ssa.Instruction // instructions that use a function as a value
	staticCalls  map[*ssa.Function][]ssa.CallInstruction
	invoked      map[string]bool // names of interface methods called in the package
	fieldStores  map[*types.Var][]*ssa.Store
	globalStores map[*ssa.Global][]ssa.Value

	// local holds the facts exported on the package's functions, which
	// importedFact reads for this package.
	local map[*types.Func]*Fact
}

func run(pass *analysis.Pass) (any, error) {
	irr := lint.ResultOf[*ir.IR](pass)
	rem := lint.ResultOf[*remote.Result](pass)
	r := newResult(pass, irr, rem, wrappersOf(config.Of(pass)))
	if irr == nil {
		r.exportSleepFacts()
		return r, nil
	}
	r.build(nil)
	r.exportFacts()
	return r, nil
}

// newResult returns the result of a package before build.
func newResult(pass *analysis.Pass, irr *ir.IR, rem *remote.Result, ws *wrapperSet) *Result {
	return &Result{pkgIndex: &pkgIndex{pass: pass, irr: irr, remote: rem, wrappers: ws, local: map[*types.Func]*Fact{}}}
}

// build indexes the package and builds the parts with their tables,
// visiting the functions in order (nil: source order, init last). Tests
// build again in shuffled orders to check that no answer depends on it.
func (r *Result) build(order []*ssa.Function) {
	r.scan(order)
	r.loops = newLoops(r.pkgIndex)
	r.configs = &RetryConfigs{pkgIndex: r.pkgIndex}
	r.protections = newProtections(r.pkgIndex, r.configs, r.loops)
	r.tests = newTestCode(r.pkgIndex)
}

// Analysed reports whether the package was analysed (it can reach the
// network and is not a library faultline models).
func (r *Result) Analysed() bool { return r != nil && r.irr != nil }

// Funcs returns the package's source functions, literals included.
func (r *Result) Funcs() []*ssa.Function {
	if !r.Analysed() {
		return nil
	}
	return r.irr.SrcFuncs
}

// Origins calls visit with each value v may come from, following
// copies, conversions, phis, variables, fields and globals (to what this
// package stores in them), and the results and parameters of this
// package's functions.
func (r *Result) Origins(v ssa.Value, visit func(ssa.Value)) {
	if !r.Analysed() || v == nil {
		return
	}
	r.origins(v, visit)
}

// Protections tells which protections guard calls.
func (r *Result) Protections() *Protections {
	if !r.Analysed() {
		return nil
	}
	return r.protections
}

// Loops tells which hand-written retry loops the package has.
func (r *Result) Loops() *Loops {
	if !r.Analysed() {
		return nil
	}
	return r.loops
}

// RetryConfigs tells what the retry libraries and retrying clients of the
// package are configured with.
func (r *Result) RetryConfigs() *RetryConfigs {
	if !r.Analysed() {
		return nil
	}
	return r.configs
}

// TestCode tells which functions of the package are test code.
func (r *Result) TestCode() *TestCode {
	if !r.Analysed() {
		return nil
	}
	return r.tests
}

// scan indexes the functions of the package, in order (nil: source
// order, init last).
func (ix *pkgIndex) scan(order []*ssa.Function) {
	ix.funcUses = map[*ssa.Function][]ssa.Instruction{}
	ix.staticCalls = map[*ssa.Function][]ssa.CallInstruction{}
	ix.invoked = map[string]bool{}
	ix.fieldStores = map[*types.Var][]*ssa.Store{}
	ix.globalStores = map[*ssa.Global][]ssa.Value{}

	funcs := order
	if funcs == nil {
		funcs = slices.Clone(ix.irr.SrcFuncs)
		if initFn := ix.irr.Pkg.Func("init"); initFn != nil {
			funcs = append(funcs, initFn)
		}
	}
	ix.funcs = funcs
	ix.inPkg = make(map[*ssa.Function]bool, len(funcs))
	for _, fn := range funcs {
		ix.inPkg[fn] = true
	}
	var ops []*ssa.Value
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Store:
					switch addr := instr.Addr.(type) {
					case *ssa.FieldAddr:
						if f := ir.FieldVar(addr); f != nil {
							ix.fieldStores[f] = append(ix.fieldStores[f], instr)
						}
					case *ssa.Global:
						ix.globalStores[addr] = append(ix.globalStores[addr], instr.Val)
					}
				case ssa.CallInstruction:
					c := instr.Common()
					if c.IsInvoke() {
						ix.invoked[c.Method.Name()] = true
					} else if sf := c.StaticCallee(); sf != nil {
						ix.staticCalls[ir.Origin(sf)] = append(ix.staticCalls[ir.Origin(sf)], instr)
					}
				}
				ops = instr.Operands(ops[:0])
				for i, op := range ops {
					if op == nil {
						continue
					}
					f, ok := (*op).(*ssa.Function)
					if !ok {
						continue
					}
					if c, ok := instr.(ssa.CallInstruction); ok && i == 0 && !c.Common().IsInvoke() && c.Common().Value == f {
						continue // a static call, indexed above
					}
					ix.funcUses[ir.Origin(f)] = append(ix.funcUses[ir.Origin(f)], instr)
				}
			}
		}
	}
}

// privateFunc reports whether every call of the named function fn is in
// this package and visible as a static call or a function value: an
// unexported function, or a function of package main, that is not a
// method reachable through an interface.
func (ix *pkgIndex) privateFunc(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Synthetic != "" {
		return false
	}
	if obj.Exported() && ix.pass.Pkg.Name() != "main" {
		return false
	}
	if fn.Signature.Recv() != nil && ix.invoked[obj.Name()] {
		return false
	}
	return true
}

// importedFact returns the fact of a function of another package.
func (ix *pkgIndex) importedFact(fn *types.Func) *Fact {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == ix.pass.Pkg {
		return ix.local[fn]
	}
	var f Fact
	if ix.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// origins calls visit with each value v may come from, following copies,
// conversions, phis, appends (to the slice appended to and the values
// added), local variables, fields and globals (to what this package stores
// in them), results of this package's functions and parameters (to the
// arguments of this package's calls).
func (ix *pkgIndex) origins(v ssa.Value, visit func(ssa.Value)) {
	ix.originsUntil(v, visit, nil)
}

// originsUntil is origins, except that a value for which stop answers
// true is visited, not followed: a call of a helper of this package that
// wraps what it is given, which the caller then reads with the call's own
// arguments instead of the union over every caller of the helper, or a
// parameter of the helper being read.
func (ix *pkgIndex) originsUntil(v ssa.Value, visit func(ssa.Value), stop func(ssa.Value) bool) {
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || depth > 12 || seen[v] {
			return
		}
		seen[v] = true
		if stop != nil && stop(v) {
			visit(v)
			return
		}
		switch x := v.(type) {
		case *ssa.Phi:
			for _, e := range x.Edges {
				walk(e, depth+1)
			}
		case *ssa.MakeInterface:
			walk(x.X, depth+1)
		case *ssa.ChangeType:
			walk(x.X, depth+1)
		case *ssa.ChangeInterface:
			walk(x.X, depth+1)
		case *ssa.TypeAssert:
			walk(x.X, depth+1)
		case *ssa.Slice:
			walk(x.X, depth+1)
		case *ssa.Extract:
			if call, ok := x.Tuple.(*ssa.Call); ok {
				if stop != nil && stop(call) {
					seen[call] = true
					visit(call)
					return
				}
				if sf := call.Call.StaticCallee(); sf != nil && sf.Pkg == ix.irr.Pkg && len(sf.Blocks) > 0 {
					returns(sf, x.Index, func(v ssa.Value) { walk(v, depth+1) })
					return
				}
			}
			visit(x)
			walk(x.Tuple, depth+1)
		case *ssa.Call:
			if b, ok := x.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" {
				// A slice appended to: what it held and what is added.
				for _, a := range x.Call.Args {
					walk(a, depth+1)
				}
				return
			}
			if sf := x.Call.StaticCallee(); sf != nil && sf.Pkg == ix.irr.Pkg && len(sf.Blocks) > 0 && sf.Signature.Results().Len() == 1 {
				returns(sf, 0, func(v ssa.Value) { walk(v, depth+1) })
				return
			}
			visit(x)
		case *ssa.UnOp:
			if x.Op != token.MUL {
				visit(x)
				return
			}
			switch p := x.X.(type) {
			case *ssa.Global:
				stores := ix.globalStores[p]
				for _, s := range stores {
					walk(s, depth+1)
				}
				if len(stores) == 0 {
					visit(p)
				}
			case *ssa.FieldAddr:
				stores := ix.fieldStores[ir.FieldVar(p)]
				for _, s := range stores {
					walk(s.Val, depth+1)
				}
				if len(stores) == 0 {
					visit(x)
				}
			case *ssa.Alloc:
				for _, ref := range *p.Referrers() {
					if st, ok := ref.(*ssa.Store); ok && st.Addr == p {
						walk(st.Val, depth+1)
					}
				}
			default:
				visit(x)
			}
		case *ssa.Field:
			if st, ok := x.X.Type().Underlying().(*types.Struct); ok {
				for _, s := range ix.fieldStores[st.Field(x.Field)] {
					walk(s.Val, depth+1)
				}
			}
		case *ssa.Parameter:
			fn := x.Parent()
			idx := -1
			for i, q := range fn.Params {
				if q == x {
					idx = i
				}
			}
			calls := ix.staticCalls[ir.Origin(fn)]
			if fn.Parent() != nil || len(calls) == 0 || !ix.privateFunc(fn) || len(ix.funcUses[ir.Origin(fn)]) > 0 {
				visit(x)
			}
			for _, c := range calls {
				if idx < len(c.Common().Args) {
					walk(c.Common().Args[idx], depth+1)
				}
			}
		case *ssa.FreeVar:
			fn := x.Parent()
			i := -1
			for j, fv := range fn.FreeVars {
				if fv == x {
					i = j
				}
			}
			for _, u := range ix.funcUses[ir.Origin(fn)] {
				if mc, ok := u.(*ssa.MakeClosure); ok && i >= 0 && i < len(mc.Bindings) {
					walk(mc.Bindings[i], depth+1)
				}
			}
		default:
			visit(v)
		}
	}
	walk(v, 0)
}

// storesTo returns the values stored into field f of the struct a points
// to: in its literal and through any pointer that comes from a.
func (ix *pkgIndex) storesTo(a *ssa.Alloc, f *types.Var) []ssa.Value {
	var out []ssa.Value
	for _, st := range ix.fieldStores[f] {
		fa := st.Addr.(*ssa.FieldAddr)
		if fa.X == a {
			out = append(out, st.Val)
			continue
		}
		found := false
		ix.origins(fa.X, func(o ssa.Value) {
			if o == a {
				found = true
			}
		})
		if found {
			out = append(out, st.Val)
		}
	}
	return out
}

// returns calls visit with the idx-th result of every return of fn.
func returns(fn *ssa.Function, idx int, visit func(ssa.Value)) {
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && idx < len(ret.Results) {
			visit(ret.Results[idx])
		}
	}
}

// arrayElems returns the values stored into the elements of an array.
func arrayElems(a *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	for _, ref := range *a.Referrers() {
		if ia, ok := ref.(*ssa.IndexAddr); ok {
			for _, r2 := range *ia.Referrers() {
				if st, ok := r2.(*ssa.Store); ok && st.Addr == ia {
					out = append(out, st.Val)
				}
			}
		}
	}
	return out
}

// Receiver returns the receiver of a method call, or nil.
func Receiver(c *ssa.CallCommon) ssa.Value { return ir.Receiver(c) }

// constInt returns the integer constant v is, looking through
// conversions.
func constInt(v ssa.Value) (int64, bool) {
	for {
		switch x := v.(type) {
		case *ssa.Convert:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.Const:
			if x.Value == nil {
				return 0, false
			}
			if x.Value.Kind() == constant.Int {
				n, ok := constant.Int64Val(x.Value)
				return n, ok
			}
			if x.Value.Kind() == constant.Float {
				f, _ := constant.Float64Val(x.Value)
				return int64(f), float64(int64(f)) == f
			}
		}
		return 0, false
	}
}

// staticFunc returns the function a call statically calls, or nil.
func staticFunc(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method.Origin()
	}
	if sf := c.StaticCallee(); sf != nil {
		if f, ok := ir.Origin(sf).Object().(*types.Func); ok {
			return f.Origin()
		}
	}
	return nil
}

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

func isGRPCConn(t types.Type) bool {
	return lint.IsNamed(t, "google.golang.org/grpc", "ClientConn") || lint.IsNamed(t, "google.golang.org/grpc", "ClientConnInterface")
}

var grpcServiceConfig = lint.NewFuncSet("google.golang.org/grpc.WithDefaultServiceConfig")
