// Package resilience knows the circuit breakers, retriers and timeouts of
// Go code: the table of protection APIs (data, in table.go), the wrappers
// a team declares for its own helpers (the -wrappers flag of the rules),
// and an analyzer that tells, for any instruction of a package, which
// protections it runs under.
//
// A call is protected when
//   - it is made inside a function value handed to a protection API
//     (gobreaker's Execute, backoff.Retry, a failsafe-go executor, …) or
//     to a declared wrapper, directly or through helpers: a fact records
//     that a function runs one of its parameters under protection, so
//     helpers in other packages count;
//   - it is made by a function of this package that is only ever called
//     from protected places;
//   - it runs only once a two-step breaker allowed it (gobreaker's
//     TwoStepCircuitBreaker.Allow, hystrix AllowRequest, mercari and
//     rubyist Ready, failsafe-go TryAcquirePermit), with the answer
//     checked;
//   - it goes through a client whose transport or interceptor chain holds
//     the protection (failsafehttp.NewRoundTripper as an http.Client's
//     Transport, failsafegrpc or go-grpc-middleware interceptors in the
//     dial options of the gRPC connection).
//
// The analyzer also finds hand-written retry loops (loops.go) and reads
// the configuration of retry libraries (config.go) for the retry rules.
package resilience

import (
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

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

// Protection is what guards a call: a set of kinds and, for retries, the
// number of attempts when known.
type Protection struct {
	Kinds    Kind
	Attempts int    // attempts per call of the retry, 0 when unknown
	Via      string // the API or wrapper that provides it, for messages
}

// union is p nested in (or beside) q.
func (p Protection) union(q Protection) Protection {
	out := Protection{Kinds: p.Kinds | q.Kinds, Attempts: p.Attempts, Via: p.Via}
	if out.Attempts == 0 {
		out.Attempts = q.Attempts
	}
	if out.Via == "" {
		out.Via = q.Via
	}
	return out
}

// meet is what p and q have in common: the protection of something that
// may run under either. It is commutative, so the order in which the
// uses of a function are met does not change the answer.
func meet(p, q Protection) Protection {
	out := Protection{Kinds: p.Kinds & q.Kinds}
	if p.Attempts == q.Attempts {
		out.Attempts = p.Attempts
	}
	switch {
	case p.Via == "":
		out.Via = q.Via
	case q.Via == "":
		out.Via = p.Via
	default:
		out.Via = min(p.Via, q.Via)
	}
	if out.Kinds == 0 {
		return Protection{}
	}
	return out
}

// Fact summarises a function for other packages.
type Fact struct {
	// Params lists the parameters of function type that the function
	// calls under protection on every path that calls them.
	Params []ParamGuard
	// Retries is set when the function's remote operations are retried
	// inside it: callers that retry it multiply the attempts.
	Retries *Retrying
	// Sleeps reports that the function waits (time.Sleep, a timer), so a
	// loop calling it has a delay.
	Sleeps bool
}

// ParamGuard is a parameter run under protection.
type ParamGuard struct {
	Index int // receiver not counted
	Protection
}

// Retrying describes the retries inside a function.
type Retrying struct {
	Attempts int    // attempts per call, 0 when unknown
	Via      string // what retries: "retryablehttp", "a retry loop in pkg.F"
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String shows the fact in tests: "resilience(param0=breaker retries(3) sleeps)".
func (f *Fact) String() string {
	var parts []string
	for _, p := range f.Params {
		s := "param" + strconv.Itoa(p.Index) + "=" + p.Kinds.String()
		if p.Attempts != 0 {
			s += "(" + strconv.Itoa(p.Attempts) + ")"
		}
		parts = append(parts, s)
	}
	if f.Retries != nil {
		parts = append(parts, "retries("+strconv.Itoa(f.Retries.Attempts)+")")
	}
	if f.Sleeps {
		parts = append(parts, "sleeps")
	}
	return "resilience(" + strings.Join(parts, " ") + ")"
}

// Result answers protection questions within one package.
//
// run computes every table the answers come from (guards, two-step
// breaker regions, waits, retry loops, retrying functions, test code), in
// one fixed order, before any rule sees the result; afterwards nothing in
// it is written. The rules that share it run concurrently: they need no
// lock, and no answer depends on which question was asked first or by
// which rule. Recursive questions (functions that call each other) are
// answered by fixpoints over the whole package, never by a memo cut at
// the first cycle met, which made answers depend on the order of
// questions.
type Result struct {
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

	// Tables, complete for funcs: a function that is absent has none.
	funcGuards  map[*ssa.Function]Protection
	paramGuards map[paramKey]Protection
	regions     map[*ssa.Function][]region
	sleeps      map[*ssa.Function]bool
	loops       map[*ssa.Function][]*Loop
	retrying    map[*ssa.Function]*Retrying
	tests       map[*ssa.Function]bool
	local       map[*types.Func]*Fact
}

type paramKey struct {
	fn  *ssa.Function
	idx int
}

// region is the part of a function that a two-step breaker allowed.
type region struct {
	block *ssa.BasicBlock
	via   string
}

func run(pass *analysis.Pass) (any, error) {
	irr := lint.ResultOf[*ir.IR](pass)
	rem := lint.ResultOf[*remote.Result](pass)
	r := &Result{pass: pass, irr: irr, remote: rem, wrappers: wrappersOf(config.Of(pass))}
	if irr == nil {
		r.local = map[*types.Func]*Fact{}
		exportSleepFacts(r)
		return r, nil
	}
	r.build(nil)
	r.exportFacts()
	return r, nil
}

// maxRounds bounds the rounds of a fixpoint. The kinds of protection only
// grow from one round to the next, so they settle in a few rounds; the
// bound only stops details (attempts, names) that could alternate.
const maxRounds = 12

// build indexes the package and computes every table, visiting the
// functions in order (nil: source order, init last). Tests build again
// in shuffled orders to check that no answer depends on it.
func (r *Result) build(order []*ssa.Function) {
	r.index(order)
	r.solveSleeps()
	r.findAllRegions()
	r.solveGuards()
	r.findAllLoops()
	r.solveRetrying()
	r.findTestCode()
}

// Pass returns the pass the result belongs to.
func (r *Result) Pass() *analysis.Pass { return r.pass }

// Analysed reports whether the package was analysed (it can reach the
// network and is not a library faultline models).
func (r *Result) Analysed() bool { return r != nil && r.irr != nil }

// Funcs returns the package's source functions, literals included.
func (r *Result) Funcs() []*ssa.Function {
	if r == nil || r.irr == nil {
		return nil
	}
	return r.irr.SrcFuncs
}

// Remote returns the remote-operation facts of the package.
func (r *Result) Remote() *remote.Result { return r.remote }

func (r *Result) index(order []*ssa.Function) {
	r.funcUses = map[*ssa.Function][]ssa.Instruction{}
	r.staticCalls = map[*ssa.Function][]ssa.CallInstruction{}
	r.invoked = map[string]bool{}
	r.fieldStores = map[*types.Var][]*ssa.Store{}
	r.globalStores = map[*ssa.Global][]ssa.Value{}
	r.funcGuards = map[*ssa.Function]Protection{}
	r.paramGuards = map[paramKey]Protection{}
	r.regions = map[*ssa.Function][]region{}
	r.sleeps = map[*ssa.Function]bool{}
	r.loops = map[*ssa.Function][]*Loop{}
	r.retrying = map[*ssa.Function]*Retrying{}
	r.tests = map[*ssa.Function]bool{}
	r.local = map[*types.Func]*Fact{}

	funcs := order
	if funcs == nil {
		funcs = slices.Clone(r.irr.SrcFuncs)
		if initFn := r.irr.Pkg.Func("init"); initFn != nil {
			funcs = append(funcs, initFn)
		}
	}
	r.funcs = funcs
	r.inPkg = make(map[*ssa.Function]bool, len(funcs))
	for _, fn := range funcs {
		r.inPkg[fn] = true
	}
	var ops []*ssa.Value
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Store:
					switch addr := instr.Addr.(type) {
					case *ssa.FieldAddr:
						if f := fieldVar(addr); f != nil {
							r.fieldStores[f] = append(r.fieldStores[f], instr)
						}
					case *ssa.Global:
						r.globalStores[addr] = append(r.globalStores[addr], instr.Val)
					}
				case ssa.CallInstruction:
					c := instr.Common()
					if c.IsInvoke() {
						r.invoked[c.Method.Name()] = true
					} else if sf := c.StaticCallee(); sf != nil {
						r.staticCalls[origin(sf)] = append(r.staticCalls[origin(sf)], instr)
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
					r.funcUses[origin(f)] = append(r.funcUses[origin(f)], instr)
				}
			}
		}
	}
}

// Guard returns the protections an instruction runs under, from the
// function values and helpers it runs inside and the two-step breakers
// that allowed it. It does not look at the client a call goes through:
// see ClientGuard.
func (r *Result) Guard(instr ssa.Instruction) Protection {
	if r == nil || r.irr == nil || instr == nil || instr.Parent() == nil {
		return Protection{}
	}
	return r.guard(instr)
}

func (r *Result) guard(instr ssa.Instruction) Protection {
	if instr == nil || instr.Parent() == nil {
		return Protection{}
	}
	return r.regionGuard(instr).union(r.funcGuard(instr.Parent()))
}

// funcGuard returns the protections every run of fn is under, from the
// table solveGuards fills.
func (r *Result) funcGuard(fn *ssa.Function) Protection {
	return r.funcGuards[origin(fn)]
}

// solveGuards computes the protections of every function and of every
// parameter of function type of the package: the least fixpoint of the
// equations funcGuard and paramGuard state, from "none" everywhere,
// visiting the functions in order round after round until nothing
// changes. Functions that call each other therefore get the same answer
// whichever is asked about first; a recursive path that no protection
// enters is no protection.
func (r *Result) solveGuards() {
	if !r.mayProtect() {
		return
	}
	var params []paramKey
	for _, fn := range r.funcs {
		off := 0
		if fn.Signature.Recv() != nil {
			off = 1
		}
		for i := off; i < len(fn.Params); i++ {
			if _, ok := fn.Params[i].Type().Underlying().(*types.Signature); ok {
				params = append(params, paramKey{fn, i - off})
			}
		}
	}
	for range maxRounds {
		changed := false
		for _, fn := range r.funcs {
			if p := r.computeFuncGuard(fn); p != r.funcGuards[fn] {
				setOrDelete(r.funcGuards, fn, p)
				changed = true
			}
		}
		for _, k := range params {
			if p := r.computeParamGuard(k.fn, k.idx); p != r.paramGuards[k] {
				setOrDelete(r.paramGuards, k, p)
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

func setOrDelete[K comparable](m map[K]Protection, k K, p Protection) {
	if p == (Protection{}) {
		delete(m, k)
		return
	}
	m[k] = p
}

// mayProtect reports whether anything in the package can protect a call:
// a call of a protection API, of a declared wrapper, or of a function of
// another package that runs a parameter under protection. When nothing
// can, every guard is none and the fixpoint is skipped.
func (r *Result) mayProtect() bool {
	for _, fn := range r.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				callee := remote.Callee(call.Common())
				if callee == nil {
					continue
				}
				if _, ok := r.entry(callee); ok || wrapperName(r.wrappers, callee) != "" {
					return true
				}
				if f := r.importedFact(callee); f != nil && len(f.Params) > 0 {
					return true
				}
			}
		}
	}
	return false
}

// computeFuncGuard returns the protections every run of fn is under, from
// the current tables: for a function literal, those of the places it is
// handed to; for an unexported function, those of all its callers.
func (r *Result) computeFuncGuard(fn *ssa.Function) Protection {
	var uses []ssa.Instruction
	vals := map[ssa.Instruction]ssa.Value{}
	if fn.Parent() != nil {
		for _, u := range r.funcUses[fn] {
			uses = append(uses, u)
			if mc, ok := u.(*ssa.MakeClosure); ok && mc.Fn == fn {
				vals[u] = mc
			} else {
				vals[u] = fn
			}
		}
	} else if r.privateFunc(fn) {
		for _, c := range r.staticCalls[fn] {
			uses = append(uses, c)
			vals[c] = fn
		}
		for _, u := range r.funcUses[fn] {
			uses = append(uses, u)
			if mc, ok := u.(*ssa.MakeClosure); ok && mc.Fn == fn {
				vals[u] = mc
			} else {
				vals[u] = fn
			}
		}
	}
	var p Protection
	for i, u := range uses {
		var g Protection
		if mc, ok := vals[u].(*ssa.MakeClosure); ok {
			g = r.valueGuard(mc, 0)
		} else {
			g = r.useGuard(u, vals[u], 0)
		}
		if i == 0 {
			p = g
		} else {
			p = meet(p, g)
		}
		if p.Kinds == 0 {
			return Protection{}
		}
	}
	return p
}

// privateFunc reports whether every call of the named function fn is in
// this package and visible as a static call or a function value: an
// unexported function, or a function of package main, that is not a
// method reachable through an interface.
func (r *Result) privateFunc(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Synthetic != "" {
		return false
	}
	if obj.Exported() && r.pass.Pkg.Name() != "main" {
		return false
	}
	if fn.Signature.Recv() != nil && r.invoked[obj.Name()] {
		return false
	}
	return true
}

// valueGuard returns the protections under which the function value v is
// called, over all its uses; none when some use is not understood.
func (r *Result) valueGuard(v ssa.Value, depth int) Protection {
	if depth > 6 {
		return Protection{}
	}
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 {
		return Protection{}
	}
	var p Protection
	for i, u := range *refs {
		g := r.useGuard(u, v, depth)
		if i == 0 {
			p = g
		} else {
			p = meet(p, g)
		}
		if p.Kinds == 0 {
			return Protection{}
		}
	}
	return p
}

// useGuard returns the protections under which the function value v runs
// through the use u: called directly, handed to a protection API, a
// wrapper or a helper, or captured by a closure.
func (r *Result) useGuard(u ssa.Instruction, v ssa.Value, depth int) Protection {
	switch u := u.(type) {
	case ssa.CallInstruction:
		c := u.Common()
		if !c.IsInvoke() && c.Value == v {
			return r.guard(u)
		}
		for i, a := range c.Args {
			if a != v {
				continue
			}
			idx := i
			if !c.IsInvoke() {
				if sf := c.StaticCallee(); sf != nil && sf.Signature.Recv() != nil {
					idx = i - 1
				}
			}
			p := r.argProtection(u, idx)
			if p.Kinds == 0 {
				return Protection{}
			}
			return p.union(r.guard(u))
		}
	case *ssa.MakeClosure:
		for i, b := range u.Bindings {
			if b == v {
				fv := u.Fn.(*ssa.Function).FreeVars[i]
				return r.valueGuard(fv, depth+1)
			}
		}
	case *ssa.ChangeType, *ssa.MakeInterface, *ssa.ChangeInterface:
		return r.valueGuard(u.(ssa.Value), depth+1)
	case *ssa.Store:
		// A variable captured by a closure lives in a cell.
		if a, ok := u.Addr.(*ssa.Alloc); ok && u.Val == v {
			return r.cellGuard(a, depth+1)
		}
	}
	return Protection{}
}

// cellGuard returns the protections under which the function value held
// in a variable's cell is called: through every load of the cell, in the
// function and in the closures that capture it.
func (r *Result) cellGuard(cell ssa.Value, depth int) Protection {
	if depth > 6 {
		return Protection{}
	}
	var p Protection
	first := true
	add := func(g Protection) {
		if first {
			p, first = g, false
		} else {
			p = meet(p, g)
		}
	}
	for _, u := range *cell.Referrers() {
		switch u := u.(type) {
		case *ssa.UnOp:
			if u.Op == token.MUL && u.X == cell {
				add(r.valueGuard(u, depth+1))
				continue
			}
			return Protection{}
		case *ssa.Store:
			if u.Addr == cell {
				continue
			}
			return Protection{}
		case *ssa.MakeClosure:
			found := false
			for i, b := range u.Bindings {
				if b == cell {
					add(r.cellGuard(u.Fn.(*ssa.Function).FreeVars[i], depth+1))
					found = true
				}
			}
			if !found {
				return Protection{}
			}
		case *ssa.DebugRef:
		default:
			return Protection{}
		}
		if !first && p.Kinds == 0 {
			return Protection{}
		}
	}
	return p
}

// argProtection returns the protections under which the callee of call
// runs its idx-th argument (receiver not counted).
func (r *Result) argProtection(call ssa.CallInstruction, idx int) Protection {
	c := call.Common()
	callee := remote.Callee(c)
	if callee == nil {
		return Protection{}
	}
	if e, ok := r.entry(callee); ok && e.Role == Runs && e.Arg == idx {
		return r.runsProtection(call, e, callee)
	}
	if k := r.wrappers.kinds[wrapperName(r.wrappers, callee)]; k != 0 && isFuncParam(callee, idx) {
		return Protection{Kinds: k, Via: remote.FuncName(callee)}
	}
	if sf := c.StaticCallee(); sf != nil && sf.Pkg == r.irr.Pkg && len(sf.Blocks) > 0 {
		return r.paramGuard(origin(sf), idx)
	}
	if f := r.importedFact(callee); f != nil {
		for _, p := range f.Params {
			if p.Index == idx {
				return p.Protection
			}
		}
	}
	return Protection{}
}

// runsProtection returns what a call of a Runs entry provides.
func (r *Result) runsProtection(call ssa.CallInstruction, e *Entry, callee *types.Func) Protection {
	p := Protection{Kinds: e.Kinds, Via: remote.FuncName(callee)}
	c := call.Common()
	switch e.From {
	case Args:
		p.Kinds = r.argsKinds(c, e.Arg+1)
	case Recv:
		if recv := receiver(c); recv != nil {
			p.Kinds = r.kindsOf(recv)
		}
	}
	if p.Kinds&Retry != 0 {
		if cfg := r.retryConfig(call); cfg != nil && cfg.Attempts > 0 {
			p.Attempts = cfg.Attempts
		} else if e.From != Fixed {
			// An executor or runner: the retry policies it was built with.
			var layers []Layer
			if recv := receiver(c); recv != nil && e.From == Recv {
				layers = append(layers, r.retryLayers(recv)...)
			}
			for i := e.Arg + 1; e.From == Args && arg(c, i) != nil; i++ {
				layers = append(layers, r.retryLayers(arg(c, i))...)
			}
			if len(layers) > 0 {
				p.Attempts = Product(layers)
			}
		}
	}
	return p
}

// wrapperName returns the FUNC of the declared wrapper fn is, or "".
func wrapperName(ws *wrapperSet, fn *types.Func) string {
	if ws == nil || ws.set.Empty() {
		return ""
	}
	e, _ := ws.set.Entry(fn)
	return e
}

// isFuncParam reports whether parameter idx of fn has a function type.
func isFuncParam(fn *types.Func, idx int) bool {
	sig := fn.Type().(*types.Signature)
	if idx < 0 || idx >= sig.Params().Len() {
		return false
	}
	t := sig.Params().At(idx).Type()
	if sig.Variadic() && idx == sig.Params().Len()-1 {
		if s, ok := t.Underlying().(*types.Slice); ok {
			t = s.Elem()
		}
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// hasFuncParam reports whether fn has a parameter of function type.
func hasFuncParam(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	for i := range sig.Params().Len() {
		if isFuncParam(fn, i) {
			return true
		}
	}
	return false
}

// paramGuard returns the protections under which fn calls its idx-th
// parameter on every path that calls it, from the table solveGuards
// fills.
func (r *Result) paramGuard(fn *ssa.Function, idx int) Protection {
	return r.paramGuards[paramKey{fn, idx}]
}

// computeParamGuard computes paramGuard from the current tables.
func (r *Result) computeParamGuard(fn *ssa.Function, idx int) Protection {
	i := idx
	if fn.Signature.Recv() != nil {
		i++
	}
	if i >= 0 && i < len(fn.Params) {
		if _, ok := fn.Params[i].Type().Underlying().(*types.Signature); ok {
			return r.valueGuard(fn.Params[i], 0)
		}
	}
	return Protection{}
}

// regionGuard returns the protection of a two-step breaker that allowed
// instr.
func (r *Result) regionGuard(instr ssa.Instruction) Protection {
	fn := instr.Parent()
	regs := r.regions[fn]
	if !r.inPkg[fn] {
		regs = r.findRegions(fn)
	}
	b := instr.Block()
	if b == nil {
		return Protection{}
	}
	for _, reg := range regs {
		if reg.block.Dominates(b) {
			return Protection{Kinds: Breaker, Via: reg.via}
		}
	}
	return Protection{}
}

// findAllRegions fills the table of two-step breaker regions.
func (r *Result) findAllRegions() {
	for _, fn := range r.funcs {
		if regs := r.findRegions(fn); len(regs) > 0 {
			r.regions[fn] = regs
		}
	}
}

// findRegions finds the blocks of fn that run only once a two-step
// breaker's Allow answered yes.
func (r *Result) findRegions(fn *ssa.Function) []region {
	var out []region
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			callee := remote.Callee(call.Common())
			e, ok := r.entry(callee)
			if !ok || e.Role != Allows {
				continue
			}
			var answer ssa.Value = call
			if e.ErrResult >= 0 {
				answer = nil
				for _, ref := range *call.Referrers() {
					if ex, ok := ref.(*ssa.Extract); ok && ex.Index == e.ErrResult {
						answer = ex
					}
				}
			}
			if answer == nil {
				continue
			}
			for _, ref := range *answer.Referrers() {
				for _, allowed := range allowedSuccs(ref, answer, e.ErrResult >= 0) {
					if len(allowed.Preds) == 1 {
						out = append(out, region{block: allowed, via: remote.FuncName(callee)})
					}
				}
			}
		}
	}
	return out
}

// allowedSuccs returns the successor that the check u of an Allow answer
// leads to when the breaker allowed the call.
func allowedSuccs(u ssa.Instruction, answer ssa.Value, isErr bool) []*ssa.BasicBlock {
	switch u := u.(type) {
	case *ssa.If:
		if !isErr && u.Cond == answer {
			return []*ssa.BasicBlock{u.Block().Succs[0]}
		}
	case *ssa.UnOp:
		if u.Op == token.NOT && !isErr {
			var out []*ssa.BasicBlock
			for _, ref := range *u.Referrers() {
				if iff, ok := ref.(*ssa.If); ok && iff.Cond == u {
					out = append(out, iff.Block().Succs[1])
				}
			}
			return out
		}
	case *ssa.BinOp:
		if !isErr || !(isNil(u.X) || isNil(u.Y)) {
			return nil
		}
		var out []*ssa.BasicBlock
		for _, ref := range *u.Referrers() {
			iff, ok := ref.(*ssa.If)
			if !ok || iff.Cond != u {
				continue
			}
			switch u.Op {
			case token.EQL:
				out = append(out, iff.Block().Succs[0])
			case token.NEQ:
				out = append(out, iff.Block().Succs[1])
			}
		}
		return out
	}
	return nil
}

func isNil(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.IsNil()
}

// entry returns the table entry of fn.
func (r *Result) entry(fn *types.Func) (*Entry, bool) {
	name, ok := entrySet.Entry(fn)
	if !ok {
		return nil, false
	}
	return entryByFunc[name], true
}

// Entry returns the protection-table entry of fn, if it has one.
func (r *Result) Entry(fn *types.Func) (*Entry, bool) { return r.entry(fn) }

// importedFact returns the fact of a function of another package.
func (r *Result) importedFact(fn *types.Func) *Fact {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == r.pass.Pkg {
		return r.local[fn]
	}
	var f Fact
	if r.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// ClientGuard returns the protections that the client of a remote call
// provides: the transport of an *http.Client, the interceptors and
// service config of a gRPC connection (followed from a generated client),
// a retrying client.
func (r *Result) ClientGuard(call ssa.CallInstruction) Protection {
	if r == nil || r.irr == nil {
		return Protection{}
	}
	recv := receiver(call.Common())
	if recv == nil {
		return Protection{}
	}
	k := r.kindsOf(recv)
	if k == 0 {
		return Protection{}
	}
	return Protection{Kinds: k, Via: "the client"}
}

// KindsOf returns the protections a value carries: a policy, an executor,
// a transport, an interceptor, a dial option, a client built with them.
func (r *Result) KindsOf(v ssa.Value) Kind {
	if r == nil || r.irr == nil || v == nil {
		return 0
	}
	return r.kindsOf(v)
}

// kindMemo holds the kinds of the values met while answering one
// question. Each question starts a fresh one: an answer cut by the depth
// bound or a cycle in one question is never reused by another, so no
// answer depends on the questions asked before it.
type kindMemo map[ssa.Value]Kind

// kindsOf answers KindsOf.
func (r *Result) kindsOf(v ssa.Value) Kind { return r.kindsIn(kindMemo{}, v, 0) }

func (r *Result) kindsIn(m kindMemo, v ssa.Value, depth int) Kind {
	if depth > 8 {
		return 0
	}
	if k, ok := m[v]; ok {
		return k
	}
	m[v] = 0
	var k Kind
	r.origins(v, func(o ssa.Value) {
		k |= typeKindsOf(o.Type())
		switch o := o.(type) {
		case *ssa.Call:
			k |= r.callKinds(m, &o.Call, depth)
		case *ssa.Alloc:
			k |= r.allocKinds(m, o, depth)
		case *ssa.Function:
			k |= deadlineInterceptor(o)
		case *ssa.MakeClosure:
			if fn, ok := o.Fn.(*ssa.Function); ok {
				k |= deadlineInterceptor(fn)
			}
		}
	})
	m[v] = k
	return k
}

var ctxWithDeadline = lint.NewFuncSet("context.WithTimeout", "context.WithTimeoutCause", "context.WithDeadline", "context.WithDeadlineCause")

// deadlineInterceptor returns Timeout for a gRPC unary client interceptor
// written in this package that hands the invoker a context derived with a
// timeout or deadline on every call (kratos' own interceptor does, when its
// timeout is set): the connection it is installed on bounds every unary
// call.
func deadlineInterceptor(fn *ssa.Function) Kind {
	if fn == nil || len(fn.Blocks) == 0 || len(fn.Params) < 6 {
		return 0
	}
	invoker := fn.Params[5]
	if !lint.IsNamed(invoker.Type(), "google.golang.org/grpc", "UnaryInvoker") {
		return 0
	}
	calls := 0
	for _, ref := range *invoker.Referrers() {
		call, ok := ref.(*ssa.Call)
		if !ok || call.Call.Value != invoker {
			continue
		}
		calls++
		if len(call.Call.Args) == 0 || !derivesDeadline(call.Call.Args[0], 0) {
			return 0
		}
	}
	if calls == 0 {
		return 0
	}
	return Timeout
}

// derivesDeadline reports whether the context ctx may come from a
// WithTimeout or WithDeadline (a deadline set only when configured, as in
// `if d > 0 { ctx, cancel = context.WithTimeout(ctx, d) }`, counts).
func derivesDeadline(ctx ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	switch v := ctx.(type) {
	case *ssa.Phi:
		for _, e := range v.Edges {
			if derivesDeadline(e, depth+1) {
				return true
			}
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return ctxWithDeadline.Has(remote.Callee(&call.Call))
		}
	}
	return false
}

// callKinds returns the protections of the result of a call.
func (r *Result) callKinds(m kindMemo, c *ssa.CallCommon, depth int) Kind {
	callee := remote.Callee(c)
	if callee == nil {
		return 0
	}
	if e, ok := r.entry(callee); ok && e.Role == Builds {
		switch e.From {
		case Fixed:
			return e.Kinds
		case Args:
			return r.argsKindsIn(m, c, e.Arg, depth)
		case Recv:
			var k Kind
			if recv := receiver(c); recv != nil {
				k = r.kindsIn(m, recv, depth+1)
			}
			return k | r.argsKindsIn(m, c, e.Arg, depth)
		}
	}
	if grpcServiceConfig.Has(callee) {
		if s, ok := constString(arg(c, 0)); ok && strings.Contains(s, "retryPolicy") {
			return Retry
		}
		return 0
	}
	if name := wrapperName(r.wrappers, callee); name != "" && !hasFuncParam(callee) {
		return r.wrappers.kinds[name]
	}
	// A generated gRPC client built on a connection: the connection's.
	if callee.Pkg() != nil && !ir.Modelled(callee.Pkg().Path()) {
		for i := range c.Args {
			if isGRPCConn(c.Args[i].Type()) {
				return r.kindsIn(m, c.Args[i], depth+1)
			}
		}
	}
	return 0
}

var grpcServiceConfig = lint.NewFuncSet("google.golang.org/grpc.WithDefaultServiceConfig")

// argsKinds returns the protections of the arguments of c from index from
// on (receiver not counted), variadic slices included.
func (r *Result) argsKinds(c *ssa.CallCommon, from int) Kind {
	return r.argsKindsIn(kindMemo{}, c, from, 0)
}

func (r *Result) argsKindsIn(m kindMemo, c *ssa.CallCommon, from, depth int) Kind {
	var k Kind
	for i := from; ; i++ {
		a := arg(c, i)
		if a == nil {
			break
		}
		k |= r.kindsIn(m, a, depth+1)
	}
	return k
}

// allocKinds returns the protections of a composite literal: the elements
// of a variadic array, the Transport of an http.Client.
func (r *Result) allocKinds(m kindMemo, a *ssa.Alloc, depth int) Kind {
	var k Kind
	elem := a.Type().(*types.Pointer).Elem()
	switch t := elem.Underlying().(type) {
	case *types.Array:
		for _, v := range arrayElems(a) {
			k |= r.kindsIn(m, v, depth+1)
		}
	case *types.Struct:
		if lint.IsNamed(elem, "net/http", "Client") {
			for i := range t.NumFields() {
				if t.Field(i).Name() == "Transport" {
					for _, v := range r.storesTo(a, t.Field(i)) {
						k |= r.kindsIn(m, v, depth+1)
					}
				}
			}
		}
	}
	return k
}

// storesTo returns the values stored into field f of the struct a points
// to: in its literal and through any pointer that comes from a.
func (r *Result) storesTo(a *ssa.Alloc, f *types.Var) []ssa.Value {
	var out []ssa.Value
	for _, st := range r.fieldStores[f] {
		fa := st.Addr.(*ssa.FieldAddr)
		if fa.X == a {
			out = append(out, st.Val)
			continue
		}
		found := false
		r.origins(fa.X, func(o ssa.Value) {
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

// typeKindsOf returns the protections of a value of type t by its type.
func typeKindsOf(t types.Type) Kind {
	return typeKinds[typeKey(t)]
}

// typeKey names a named type (or pointer to one) as "pkg/path.Name".
func typeKey(t types.Type) string {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return ""
	}
	obj := n.Origin().Obj()
	if obj.Pkg() == nil {
		return ""
	}
	return obj.Pkg().Path() + "." + obj.Name()
}

func isGRPCConn(t types.Type) bool {
	return lint.IsNamed(t, "google.golang.org/grpc", "ClientConn") || lint.IsNamed(t, "google.golang.org/grpc", "ClientConnInterface")
}

// origins calls visit with each value v may come from, following copies,
// conversions, phis, local variables, fields and globals (to what this
// package stores in them), results of this package's functions and
// parameters (to the arguments of this package's calls).
func (r *Result) origins(v ssa.Value, visit func(ssa.Value)) {
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || depth > 12 || seen[v] {
			return
		}
		seen[v] = true
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
				if sf := call.Call.StaticCallee(); sf != nil && sf.Pkg == r.irr.Pkg && len(sf.Blocks) > 0 {
					returns(sf, x.Index, func(v ssa.Value) { walk(v, depth+1) })
					return
				}
			}
			visit(x)
			walk(x.Tuple, depth+1)
		case *ssa.Call:
			if sf := x.Call.StaticCallee(); sf != nil && sf.Pkg == r.irr.Pkg && len(sf.Blocks) > 0 && sf.Signature.Results().Len() == 1 {
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
				stores := r.globalStores[p]
				for _, s := range stores {
					walk(s, depth+1)
				}
				if len(stores) == 0 {
					visit(p)
				}
			case *ssa.FieldAddr:
				stores := r.fieldStores[fieldVar(p)]
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
				for _, s := range r.fieldStores[st.Field(x.Field)] {
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
			calls := r.staticCalls[origin(fn)]
			if fn.Parent() != nil || len(calls) == 0 || !r.privateFunc(fn) || len(r.funcUses[origin(fn)]) > 0 {
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
			for _, u := range r.funcUses[origin(fn)] {
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

// Origins calls visit with each value v may come from (see origins).
func (r *Result) Origins(v ssa.Value, visit func(ssa.Value)) {
	if r == nil || r.irr == nil || v == nil {
		return
	}
	r.origins(v, visit)
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

// receiver returns the receiver of a method call, or nil.
func receiver(c *ssa.CallCommon) ssa.Value {
	if c.IsInvoke() {
		return c.Value
	}
	if sf := c.StaticCallee(); sf != nil && sf.Signature.Recv() != nil && len(c.Args) > 0 {
		return c.Args[0]
	}
	return nil
}

// Receiver returns the receiver of a method call, or nil.
func Receiver(c *ssa.CallCommon) ssa.Value { return receiver(c) }

// arg returns the i-th argument of a call, the receiver not counted, or
// nil.
func arg(c *ssa.CallCommon, i int) ssa.Value {
	if !c.IsInvoke() {
		if sf := c.StaticCallee(); sf != nil && sf.Signature.Recv() != nil {
			i++
		}
	}
	if i >= 0 && i < len(c.Args) {
		return c.Args[i]
	}
	return nil
}

// Arg returns the i-th argument of a call, the receiver not counted.
func Arg(c *ssa.CallCommon, i int) ssa.Value { return arg(c, i) }

func origin(f *ssa.Function) *ssa.Function {
	if o := f.Origin(); o != nil {
		return o
	}
	return f
}

func fieldVar(fa *ssa.FieldAddr) *types.Var {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return nil
	}
	return st.Field(fa.Field)
}

func constString(v ssa.Value) (string, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Value), true
}

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
		if f, ok := origin(sf).Object().(*types.Func); ok {
			return f.Origin()
		}
	}
	return nil
}
