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
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Analyzer computes which functions perform remote operations.
var Analyzer = &analysis.Analyzer{
	Name:       "faultlineremote",
	Doc:        "find functions that perform remote operations (faultline internal)",
	Run:        run,
	Requires:   []*analysis.Analyzer{config.Analyzer, ir.Analyzer},
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
	pass     *analysis.Pass
	funcs    map[*ssa.Function]*Fact // functions of this package, literals included
	objs     map[*types.Func]*Fact   // the named ones among them
	declared *declared               // the run's own remote APIs, or nil
}

// declared holds the remote APIs the run's configuration declares.
type declared struct {
	set     *lint.FuncSet
	remotes map[string]config.Remote // by FuncSet entry
	mu      sync.Mutex
	apis    map[*types.Func]*API
}

func newDeclared(rs []config.Remote) *declared {
	if len(rs) == 0 {
		return nil
	}
	d := &declared{remotes: map[string]config.Remote{}, apis: map[*types.Func]*API{}}
	var entries []string
	for _, r := range rs {
		d.remotes[r.Func] = r
		entries = append(entries, r.Func)
	}
	d.set, _ = lint.ParseFuncSet(entries) // checked by config
	return d
}

// api returns the declared API fn is, if any.
func (d *declared) api(fn *types.Func) (*API, bool) {
	if d == nil {
		return nil, false
	}
	e, ok := d.set.Entry(fn)
	if !ok {
		return nil, false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if a, ok := d.apis[fn]; ok {
		return a, a != nil
	}
	r := d.remotes[e]
	ctx := r.Context
	if ctx == config.AutoContext {
		ctx = firstContext(fn)
		if ctx < 0 && strings.HasSuffix(e, ".*") {
			d.apis[fn] = nil // a wildcard declares the methods that take a context
			return nil, false
		}
	}
	a := catalog.Declared(fn, Kind(r.Kind), ctx, r.Waits, r.Bounded)
	d.apis[fn] = a
	return a, true
}

// firstContext returns the index of fn's first context.Context parameter,
// or -1.
func firstContext(fn *types.Func) int {
	sig := fn.Type().(*types.Signature)
	for i := range sig.Params().Len() {
		if IsContext(sig.Params().At(i).Type()) {
			return i
		}
	}
	return -1
}

// API reports whether fn is a remote API: one the run's configuration
// declares, or one of the catalogue.
func (r *Result) API(fn *types.Func) (*API, bool) {
	if r != nil {
		if a, ok := r.declared.api(fn); ok {
			return a, true
		}
	}
	return catalog.Lookup(fn)
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
	callee := ir.Callee(c)
	if callee == nil {
		return Target{}, false
	}
	if api, ok := r.API(callee); ok {
		return Target{Callee: callee, API: api}, true
	}
	if sf := c.StaticCallee(); sf != nil && r != nil {
		if f := r.funcs[ir.Origin(sf)]; f != nil {
			return Target{Callee: callee, Fact: f}, true
		}
	}
	if f := r.Object(callee); f != nil {
		return Target{Callee: callee, Fact: f}, true
	}
	return Target{}, false
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

// Lookup reports whether fn is a remote API of the catalogue.
func Lookup(fn *types.Func) (*API, bool) { return catalog.Lookup(fn) }

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool { return catalog.IsContext(t) }

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
	res := &Result{pass: pass, funcs: map[*ssa.Function]*Fact{}, objs: map[*types.Func]*Fact{}, declared: newDeclared(config.Of(pass).Remotes)}
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
					if callee := ir.Callee(c); callee != nil {
						if api, ok := res.API(callee); ok {
							if res.add(f, &Fact{Kinds: []Kind{api.Kind}, API: FuncName(callee)}, "") {
								work = append(work, f)
							}
							continue
						}
					}
					if sf := c.StaticCallee(); sf != nil && inPkg[ir.Origin(sf)] {
						callers[ir.Origin(sf)] = append(callers[ir.Origin(sf)], f)
						continue
					}
					if callee := ir.Callee(c); callee != nil && callee.Pkg() != pass.Pkg {
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

// CtxFromChain returns the context a call of api takes from the chain of
// calls its receiver was built by (gorm's db.WithContext(ctx).Where(…),
// a gocql query's WithContext(ctx), a resty request's SetContext(ctx)):
// the context argument of the nearest call of the method api.CtxFrom on a
// value of the same library. It returns nil when the receiver does not come
// from such a chain in the code at hand (a field, a parameter, a value
// built elsewhere): then what bounds the call is unknown.
func CtxFromChain(recv ssa.Value, api *API) ssa.Value {
	lib := api.Library()
	if api.CtxFrom == "" || lib == nil {
		return nil
	}
	v := recv
	for range 32 {
		switch x := v.(type) {
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeInterface:
			v = x.X
			continue
		case *ssa.Call:
			callee := ir.Callee(&x.Call)
			if callee == nil || callee.Pkg() == nil || !lib.Has(callee.Pkg().Path()) {
				return nil
			}
			if callee.Name() == api.CtxFrom {
				for _, a := range x.Call.Args {
					if IsContext(a.Type()) {
						return a
					}
				}
			}
			if v = ir.Receiver(&x.Call); v == nil {
				return nil
			}
			continue
		}
		return nil
	}
	return nil
}

// BuiltWith reports whether the value v of a library was built, on a path
// the code at hand shows, by a call to one of set: v itself, or what v was
// made from, followed back through the library's calls (their receivers
// and the library's values they are given, variadic options included),
// with the calls made on each of those values afterwards counted too
// (opts := options.Client(); opts.SetTimeout(d)). A value that comes from
// a field or a parameter is not followed.
func BuiltWith(v ssa.Value, lib *catalog.Library, set *lint.FuncSet) bool {
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int) bool
	walk = func(v ssa.Value, depth int) bool {
		if v == nil || depth > 24 || seen[v] {
			return false
		}
		seen[v] = true
		if v.Referrers() != nil {
			for _, ref := range *v.Referrers() {
				if call, ok := ref.(ssa.CallInstruction); ok {
					c := call.Common()
					if ir.Receiver(c) == v && set.Has(ir.Callee(c)) {
						return true
					}
				}
			}
		}
		switch x := v.(type) {
		case *ssa.ChangeType:
			return walk(x.X, depth+1)
		case *ssa.MakeInterface:
			return walk(x.X, depth+1)
		case *ssa.ChangeInterface:
			return walk(x.X, depth+1)
		case *ssa.Slice:
			return walk(x.X, depth+1)
		case *ssa.Phi:
			for _, e := range x.Edges {
				if walk(e, depth+1) {
					return true
				}
			}
		case *ssa.Extract:
			return walk(x.Tuple, depth+1)
		case *ssa.Alloc:
			// The backing array of variadic options: its elements.
			for _, ref := range *x.Referrers() {
				if ia, ok := ref.(*ssa.IndexAddr); ok {
					for _, r := range *ia.Referrers() {
						if st, ok := r.(*ssa.Store); ok && st.Addr == ia && walk(st.Val, depth+1) {
							return true
						}
					}
				}
			}
		case *ssa.Call:
			callee := ir.Callee(&x.Call)
			if callee == nil || callee.Pkg() == nil || !lib.Has(callee.Pkg().Path()) {
				return false
			}
			if set.Has(callee) {
				return true
			}
			if r := ir.Receiver(&x.Call); r != nil && walk(r, depth+1) {
				return true
			}
			for _, a := range x.Call.Args {
				if a != ir.Receiver(&x.Call) && ofLibrary(a.Type(), lib) && walk(a, depth+1) {
					return true
				}
			}
		}
		return false
	}
	return walk(v, 0)
}

// ofLibrary reports whether t (what it points to, or the element of a
// slice of it) is a named type of one of lib's packages.
func ofLibrary(t types.Type, lib *catalog.Library) bool {
	t = types.Unalias(t)
	switch u := t.(type) {
	case *types.Pointer:
		return ofLibrary(u.Elem(), lib)
	case *types.Slice:
		return ofLibrary(u.Elem(), lib)
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && lib.Has(n.Obj().Pkg().Path())
}
