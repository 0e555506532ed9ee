// Package remote knows which calls leave the process. It holds the table of
// remote APIs (HTTP, gRPC, SQL, Redis, Kafka, AMQP, raw TCP, SMTP, RPC, DNS)
// and an analyzer that marks, with a fact that crosses packages, every
// function that performs a remote operation directly or through the
// functions it calls. Rules that ask "does this handler, loop or closure
// reach the network?" require it.
package remote

import (
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Analyzer computes which functions perform remote operations.
var Analyzer = &analysis.Analyzer{
	Name:       "faultlineremote",
	Doc:        "find functions that perform remote operations (faultline internal)",
	Run:        run,
	Requires:   []*analysis.Analyzer{ir.Analyzer},
	FactTypes:  []analysis.Fact{new(Fact)},
	ResultType: reflect.TypeFor[*Result](),

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// Fact records that a function performs remote operations, directly or
// through the functions it calls.
type Fact struct {
	Kinds []Kind   // sorted, distinct
	API   string   // one remote API it reaches, e.g. "(*database/sql.DB).QueryContext"
	Via   []string // the functions between it and API, nearest first (at most 3)
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

func (f *Fact) String() string {
	ks := make([]string, len(f.Kinds))
	for i, k := range f.Kinds {
		ks[i] = string(k)
	}
	return "remote(" + strings.Join(ks, ",") + ")"
}

// Describe says how the function reaches the network, for messages:
// "(*database/sql.DB).QueryContext" or "store.Load → (*database/sql.DB).QueryContext".
func (f *Fact) Describe() string {
	if len(f.Via) == 0 {
		return f.API
	}
	return strings.Join(f.Via, " → ") + " → " + f.API
}

// Target is what a call site reaches.
type Target struct {
	Callee *types.Func // the called function or method (interface methods included)
	API    *API        // set when the callee is in the remote API table
	Fact   *Fact       // set when the callee is a function that performs remote operations
}

// Kinds returns the kinds of remote operation the target performs.
func (t Target) Kinds() []Kind {
	if t.API != nil {
		return []Kind{t.API.Kind}
	}
	return t.Fact.Kinds
}

// Describe names what the target reaches, for messages.
func (t Target) Describe() string {
	if t.API != nil {
		return FuncName(t.Callee)
	}
	return FuncName(t.Callee) + " → " + t.Fact.Describe()
}

// Result gives the rules of one package access to the remote facts.
type Result struct {
	pass  *analysis.Pass
	funcs map[*ssa.Function]*Fact // functions of this package, literals included
	objs  map[*types.Func]*Fact   // the named ones among them
}

// Func returns the fact of a function of this package, literals included,
// or nil when it performs no remote operation.
func (r *Result) Func(fn *ssa.Function) *Fact {
	if r == nil {
		return nil
	}
	return r.funcs[fn]
}

// Object returns the fact of a function declared in this package or
// imported, or nil.
func (r *Result) Object(fn *types.Func) *Fact {
	if r == nil || fn == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == r.pass.Pkg {
		return r.objs[fn]
	}
	var fact Fact
	if r.pass.ImportObjectFact(fn, &fact) {
		return &fact
	}
	return nil
}

// Classify reports what a call reaches: a remote API from the table, or a
// function that performs remote operations.
func (r *Result) Classify(c *ssa.CallCommon) (Target, bool) {
	callee := Callee(c)
	if callee == nil {
		return Target{}, false
	}
	if api, ok := Lookup(callee); ok {
		return Target{Callee: callee, API: api}, true
	}
	if sf := c.StaticCallee(); sf != nil && r != nil {
		if f := r.funcs[origin(sf)]; f != nil {
			return Target{Callee: callee, Fact: f}, true
		}
	}
	if f := r.Object(callee); f != nil {
		return Target{Callee: callee, Fact: f}, true
	}
	return Target{}, false
}

// Callee returns the function or interface method a call invokes, or nil
// for calls of function values and builtins.
func Callee(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method.Origin()
	}
	if sf := c.StaticCallee(); sf != nil {
		if obj, ok := origin(sf).Object().(*types.Func); ok {
			return obj.Origin()
		}
	}
	return nil
}

func origin(f *ssa.Function) *ssa.Function {
	if o := f.Origin(); o != nil {
		return o
	}
	return f
}

// FuncName formats a function for messages: "http.Get",
// "(*sql.DB).QueryContext", "(grpc.ClientConnInterface).Invoke".
func FuncName(fn *types.Func) string {
	if fn == nil {
		return "?"
	}
	qual := func(p *types.Package) string { return p.Name() }
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		return "(" + types.TypeString(sig.Recv().Type(), qual) + ")." + fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// Lookup reports whether fn is a remote API of the table, comparing the
// table's entries, resolved in fn's package, by object identity.
func Lookup(fn *types.Func) (*API, bool) {
	if fn == nil || fn.Pkg() == nil {
		return nil, false
	}
	fn = fn.Origin()
	res := resolve(fn.Pkg())
	if res == nil {
		return nil, false
	}
	if api, ok := res.funcs[fn]; ok {
		return api, true
	}
	if named := recvNamed(fn); named != nil {
		if api, ok := res.types[named.Obj()]; ok && firstParamIsContext(fn) {
			return api, true
		}
	}
	return nil, false
}

type resolved struct {
	funcs map[*types.Func]*API
	types map[*types.TypeName]*API // wildcard entries
}

var (
	byPath     = map[string][]*API{}
	resolvedOf lint.PkgMemo[*resolved]
)

func init() {
	for i := range APIs {
		a := &APIs[i]
		byPath[a.Pkg] = append(byPath[a.Pkg], a)
	}
}

// resolve finds the objects of pkg's table entries, once per package.
func resolve(pkg *types.Package) *resolved {
	entries := byPath[pkg.Path()]
	if entries == nil {
		return nil
	}
	return resolvedOf.Get(pkg, func() *resolved {
		r := &resolved{funcs: map[*types.Func]*API{}, types: map[*types.TypeName]*API{}}
		for _, a := range entries {
			if a.Type == "" {
				if f, ok := pkg.Scope().Lookup(a.Name).(*types.Func); ok {
					r.funcs[f] = a
				}
				continue
			}
			tn, ok := pkg.Scope().Lookup(a.Type).(*types.TypeName)
			if !ok {
				continue
			}
			if a.Name == "*" {
				r.types[tn] = a
				continue
			}
			if m := lint.MethodOf(tn, a.Name); m != nil {
				r.funcs[m] = a
			}
		}
		return r
	})
}

// recvNamed returns the named type of a method's receiver, or nil.
func recvNamed(fn *types.Func) *types.Named {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, _ := t.(*types.Named)
	if n != nil {
		n = n.Origin()
	}
	return n
}

func firstParamIsContext(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() > 0 && IsContext(sig.Params().At(0).Type())
}

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// TestHelper reports whether fn, or a function enclosing it, takes a
// *testing.T, *testing.B, *testing.F or testing.TB and is declared outside
// a _test.go file: a test helper of an integration-test package or a test
// harness. Such code runs only under `go test`, whose -timeout bounds it
// (as it bounds t.Context()), and it is test code the user did not ask to
// analyse: `faultline check` reads _test.go files only with -tests, and
// tests in them are reported then.
func TestHelper(fn *ssa.Function) bool {
	for ; fn != nil; fn = fn.Parent() {
		for _, p := range fn.Params {
			if isTesting(p.Type()) {
				return !inTestFile(fn)
			}
		}
	}
	return false
}

// inTestFile reports whether fn is declared in a _test.go file.
func inTestFile(fn *ssa.Function) bool {
	if fn.Prog == nil || !fn.Pos().IsValid() {
		return false
	}
	f := fn.Prog.Fset.File(fn.Pos())
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// isTesting reports whether t is *testing.T, *testing.B, *testing.F or
// testing.TB.
func isTesting(t types.Type) bool {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "testing" {
		return false
	}
	switch n.Obj().Name() {
	case "T", "B", "F", "TB":
		return true
	}
	return false
}

func run(pass *analysis.Pass) (any, error) {
	res := &Result{pass: pass, funcs: map[*ssa.Function]*Fact{}, objs: map[*types.Func]*Fact{}}
	irr := lint.ResultOf[*ir.IR](pass)
	if irr == nil {
		return res, nil
	}

	// Direct remote calls, and the in-package calls along which they
	// propagate. A function literal counts as called by the function that
	// creates it: closures are handed to breakers, retriers, errgroups and
	// handlers that call them.
	callers := map[*ssa.Function][]*ssa.Function{}
	var work []*ssa.Function
	inPkg := map[*ssa.Function]bool{}
	for _, f := range irr.SrcFuncs {
		inPkg[f] = true
	}
	for _, f := range irr.SrcFuncs {
		for _, anon := range f.AnonFuncs {
			callers[anon] = append(callers[anon], f)
		}
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case ssa.CallInstruction:
					c := instr.Common()
					if callee := Callee(c); callee != nil {
						if api, ok := Lookup(callee); ok {
							if res.add(f, &Fact{Kinds: []Kind{api.Kind}, API: FuncName(callee)}, "") {
								work = append(work, f)
							}
							continue
						}
					}
					if sf := c.StaticCallee(); sf != nil && inPkg[origin(sf)] {
						callers[origin(sf)] = append(callers[origin(sf)], f)
						continue
					}
					if callee := Callee(c); callee != nil && callee.Pkg() != pass.Pkg {
						var fact Fact
						if pass.ImportObjectFact(callee, &fact) && res.add(f, &fact, FuncName(callee)) {
							work = append(work, f)
						}
					}
				}
			}
		}
	}
	for len(work) > 0 {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		for _, caller := range callers[f] {
			name := ""
			if f.Object() != nil {
				name = FuncName(f.Object().(*types.Func))
			}
			if res.add(caller, res.funcs[f], name) {
				work = append(work, caller)
			}
		}
	}

	// Methods of interfaces declared here whose implementation here is
	// remote: callers elsewhere see only the interface (a generated gRPC
	// client is used as pb.FooClient, implemented by *fooClient).
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for i := range iface.NumExplicitMethods() {
			m := iface.ExplicitMethod(i)
			if f := res.implFact(irr, iface, m.Name()); f != nil {
				pass.ExportObjectFact(m, f)
			}
		}
	}
	for f, fact := range res.funcs {
		if obj, ok := f.Object().(*types.Func); ok && f.Origin() == nil && obj.Pkg() == pass.Pkg {
			res.objs[obj] = fact
			pass.ExportObjectFact(obj, fact)
		}
	}
	return res, nil
}

// implFact returns the fact of the method name of a concrete type of this
// package that implements iface, if one performs remote operations.
func (r *Result) implFact(irr *ir.IR, iface *types.Interface, name string) *Fact {
	scope := r.pass.Pkg.Scope()
	for _, tname := range scope.Names() {
		tn, ok := scope.Lookup(tname).(*types.TypeName)
		if !ok || types.IsInterface(tn.Type()) {
			continue
		}
		for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			if !types.Implements(t, iface) {
				continue
			}
			sel := types.NewMethodSet(t).Lookup(r.pass.Pkg, name)
			if sel == nil {
				sel = types.NewMethodSet(t).Lookup(nil, name)
			}
			if sel == nil {
				continue
			}
			m := sel.Obj().(*types.Func)
			if fn := irr.Pkg.Prog.FuncValue(m); fn != nil {
				if f := r.funcs[fn]; f != nil {
					return f
				}
			}
		}
	}
	return nil
}

// add merges what callee reaches into f's fact and reports whether f's fact
// changed. via names the callee when it is a named function.
func (r *Result) add(f *ssa.Function, callee *Fact, via string) bool {
	cur := r.funcs[f]
	if cur == nil {
		nf := &Fact{Kinds: slices.Clone(callee.Kinds), API: callee.API}
		if via != "" {
			nf.Via = append([]string{via}, callee.Via...)
			if len(nf.Via) > 3 {
				nf.Via = nf.Via[:3]
			}
		}
		r.funcs[f] = nf
		return true
	}
	changed := false
	for _, k := range callee.Kinds {
		if !slices.Contains(cur.Kinds, k) {
			cur.Kinds = append(cur.Kinds, k)
			changed = true
		}
	}
	if changed {
		slices.Sort(cur.Kinds)
	}
	return changed
}

// String helps debugging.
func (t Target) String() string { return fmt.Sprintf("%s %v", t.Describe(), t.Kinds()) }
