package resilience

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

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

type paramKey struct {
	fn  *ssa.Function
	idx int
}

// region is the part of a function that a two-step breaker allowed.
type region struct {
	block *ssa.BasicBlock
	via   string
}

// maxRounds bounds the rounds of a fixpoint. The kinds of protection only
// grow from one round to the next, so they settle in a few rounds; the
// bound only stops details (attempts, names) that could alternate.
const maxRounds = 12

// Protections tells which protections guard the calls of a package.
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
// Guard answers the first three, ClientGuard the last; InnerRetries
// tells the retries that happen inside a call.
type Protections struct {
	*pkgIndex
	configs *RetryConfigs // the attempts of retry libraries
	loops   *Loops        // the retry loops of retrying functions

	// Tables, complete for funcs: a function that is absent has none.
	funcGuards  map[*ssa.Function]Protection
	paramGuards map[paramKey]Protection
	regions     map[*ssa.Function][]region
	retrying    map[*ssa.Function]*Retrying

	// telMarked holds the values the package instruments after building
	// them (telemetry.go), computed when first asked.
	telMarked map[ssa.Value]bool
}

// newProtections computes the tables of the protections of a package:
// two-step breaker regions, then guards, then retrying functions.
func newProtections(ix *pkgIndex, configs *RetryConfigs, loops *Loops) *Protections {
	pt := &Protections{
		pkgIndex:    ix,
		configs:     configs,
		loops:       loops,
		funcGuards:  map[*ssa.Function]Protection{},
		paramGuards: map[paramKey]Protection{},
		regions:     map[*ssa.Function][]region{},
		retrying:    map[*ssa.Function]*Retrying{},
	}
	configs.pt = pt
	pt.findAllRegions()
	pt.solveGuards()
	pt.solveRetrying()
	return pt
}

// Guard returns the protections an instruction runs under, from the
// function values and helpers it runs inside and the two-step breakers
// that allowed it. It does not look at the client a call goes through:
// see ClientGuard.
func (pt *Protections) Guard(instr ssa.Instruction) Protection {
	if pt == nil || instr == nil || instr.Parent() == nil {
		return Protection{}
	}
	return pt.guard(instr)
}

// ClientGuard returns the protections that the client of a remote call
// provides: the transport of an *http.Client, the interceptors and
// service config of a gRPC connection (followed from a generated client),
// a retrying client.
func (pt *Protections) ClientGuard(call ssa.CallInstruction) Protection {
	if pt == nil {
		return Protection{}
	}
	recv := ir.Receiver(call.Common())
	if recv == nil {
		return Protection{}
	}
	k := pt.kindsOf(recv)
	// The service config of a gRPC connection, for the method called.
	if conn, method, _, ok := pt.grpcCallParts(call); ok {
		if opts, _, found := pt.grpcConnOptions(conn); found {
			k |= grpcServiceConfigKinds(opts, method)
		}
	}
	if k == 0 {
		return Protection{}
	}
	return Protection{Kinds: k, Via: "the client"}
}

// InnerRetries returns the retries that happen inside a call, innermost
// last: a retry library running its function, a retrying client
// (retryablehttp, go-redis, kafka-go's Writer, a gRPC connection with a
// retry interceptor or retryPolicy), or a function that retries. It
// returns nil when the call does not retry.
func (pt *Protections) InnerRetries(call ssa.CallInstruction) []Layer {
	if pt == nil {
		return nil
	}
	return pt.innerRetries(call)
}

func (pt *Protections) guard(instr ssa.Instruction) Protection {
	if instr == nil || instr.Parent() == nil {
		return Protection{}
	}
	return pt.regionGuard(instr).union(pt.funcGuard(instr.Parent()))
}

// funcGuard returns the protections every run of fn is under, from the
// table solveGuards fills.
func (pt *Protections) funcGuard(fn *ssa.Function) Protection {
	return pt.funcGuards[ir.Origin(fn)]
}

// solveGuards computes the protections of every function and of every
// parameter of function type of the package: the least fixpoint of the
// equations funcGuard and paramGuard state, from "none" everywhere,
// visiting the functions in order round after round until nothing
// changes. Functions that call each other therefore get the same answer
// whichever is asked about first; a recursive path that no protection
// enters is no protection.
func (pt *Protections) solveGuards() {
	if !pt.mayProtect() {
		return
	}
	var params []paramKey
	for _, fn := range pt.funcs {
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
		for _, fn := range pt.funcs {
			if p := pt.computeFuncGuard(fn); p != pt.funcGuards[fn] {
				setOrDelete(pt.funcGuards, fn, p)
				changed = true
			}
		}
		for _, k := range params {
			if p := pt.computeParamGuard(k.fn, k.idx); p != pt.paramGuards[k] {
				setOrDelete(pt.paramGuards, k, p)
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
func (pt *Protections) mayProtect() bool {
	for _, fn := range pt.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				callee := ir.Callee(call.Common())
				if callee == nil {
					continue
				}
				if _, ok := entryOf(callee); ok || wrapperName(pt.wrappers, callee) != "" {
					return true
				}
				if f := pt.importedFact(callee); f != nil && len(f.Params) > 0 {
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
func (pt *Protections) computeFuncGuard(fn *ssa.Function) Protection {
	var uses []ssa.Instruction
	vals := map[ssa.Instruction]ssa.Value{}
	if fn.Parent() != nil {
		for _, u := range pt.funcUses[fn] {
			uses = append(uses, u)
			if mc, ok := u.(*ssa.MakeClosure); ok && mc.Fn == fn {
				vals[u] = mc
			} else {
				vals[u] = fn
			}
		}
	} else if pt.privateFunc(fn) {
		for _, c := range pt.staticCalls[fn] {
			uses = append(uses, c)
			vals[c] = fn
		}
		for _, u := range pt.funcUses[fn] {
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
			g = pt.valueGuard(mc, 0)
		} else {
			g = pt.useGuard(u, vals[u], 0)
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

// valueGuard returns the protections under which the function value v is
// called, over all its uses; none when some use is not understood.
func (pt *Protections) valueGuard(v ssa.Value, depth int) Protection {
	if depth > 6 {
		return Protection{}
	}
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 {
		return Protection{}
	}
	var p Protection
	for i, u := range *refs {
		g := pt.useGuard(u, v, depth)
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
func (pt *Protections) useGuard(u ssa.Instruction, v ssa.Value, depth int) Protection {
	switch u := u.(type) {
	case ssa.CallInstruction:
		c := u.Common()
		if !c.IsInvoke() && c.Value == v {
			return pt.guard(u)
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
			p := pt.argProtection(u, idx)
			if p.Kinds == 0 {
				return Protection{}
			}
			return p.union(pt.guard(u))
		}
	case *ssa.MakeClosure:
		for i, b := range u.Bindings {
			if b == v {
				fv := u.Fn.(*ssa.Function).FreeVars[i]
				return pt.valueGuard(fv, depth+1)
			}
		}
	case *ssa.ChangeType, *ssa.MakeInterface, *ssa.ChangeInterface:
		return pt.valueGuard(u.(ssa.Value), depth+1)
	case *ssa.Store:
		// A variable captured by a closure lives in a cell.
		if a, ok := u.Addr.(*ssa.Alloc); ok && u.Val == v {
			return pt.cellGuard(a, depth+1)
		}
	}
	return Protection{}
}

// cellGuard returns the protections under which the function value held
// in a variable's cell is called: through every load of the cell, in the
// function and in the closures that capture it.
func (pt *Protections) cellGuard(cell ssa.Value, depth int) Protection {
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
				add(pt.valueGuard(u, depth+1))
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
					add(pt.cellGuard(u.Fn.(*ssa.Function).FreeVars[i], depth+1))
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
func (pt *Protections) argProtection(call ssa.CallInstruction, idx int) Protection {
	c := call.Common()
	callee := ir.Callee(c)
	if callee == nil {
		return Protection{}
	}
	if e, ok := entryOf(callee); ok && e.Role == Runs && e.Arg == idx {
		return pt.runsProtection(call, e, callee)
	}
	if k := pt.wrappers.kinds[wrapperName(pt.wrappers, callee)]; k != 0 && isFuncParam(callee, idx) {
		return Protection{Kinds: k, Via: remote.FuncName(callee)}
	}
	if sf := c.StaticCallee(); sf != nil && sf.Pkg == pt.irr.Pkg && len(sf.Blocks) > 0 {
		return pt.paramGuard(ir.Origin(sf), idx)
	}
	if f := pt.importedFact(callee); f != nil {
		for _, p := range f.Params {
			if p.Index == idx {
				return p.Protection
			}
		}
	}
	return Protection{}
}

// runsProtection returns what a call of a Runs entry provides.
func (pt *Protections) runsProtection(call ssa.CallInstruction, e *Entry, callee *types.Func) Protection {
	p := Protection{Kinds: e.Kinds, Via: remote.FuncName(callee)}
	c := call.Common()
	switch e.From {
	case Args:
		p.Kinds = pt.argsKinds(c, e.Arg+1)
	case Recv:
		if recv := ir.Receiver(c); recv != nil {
			p.Kinds = pt.kindsOf(recv)
		}
	}
	if p.Kinds&Retry != 0 {
		if cfg := pt.configs.retryConfig(call); cfg != nil && cfg.Attempts > 0 {
			p.Attempts = cfg.Attempts
		} else if e.From != Fixed {
			// An executor or runner: the retry policies it was built with.
			var layers []Layer
			if recv := ir.Receiver(c); recv != nil && e.From == Recv {
				layers = append(layers, pt.configs.retryLayers(recv)...)
			}
			for i := e.Arg + 1; e.From == Args && ir.Arg(c, i) != nil; i++ {
				layers = append(layers, pt.configs.retryLayers(ir.Arg(c, i))...)
			}
			if len(layers) > 0 {
				p.Attempts = Product(layers)
			}
		}
	}
	return p
}

// paramGuard returns the protections under which fn calls its idx-th
// parameter on every path that calls it, from the table solveGuards
// fills.
func (pt *Protections) paramGuard(fn *ssa.Function, idx int) Protection {
	return pt.paramGuards[paramKey{fn, idx}]
}

// computeParamGuard computes paramGuard from the current tables.
func (pt *Protections) computeParamGuard(fn *ssa.Function, idx int) Protection {
	i := idx
	if fn.Signature.Recv() != nil {
		i++
	}
	if i >= 0 && i < len(fn.Params) {
		if _, ok := fn.Params[i].Type().Underlying().(*types.Signature); ok {
			return pt.valueGuard(fn.Params[i], 0)
		}
	}
	return Protection{}
}

// regionGuard returns the protection of a two-step breaker that allowed
// instr.
func (pt *Protections) regionGuard(instr ssa.Instruction) Protection {
	fn := instr.Parent()
	regs := pt.regions[fn]
	if !pt.inPkg[fn] {
		regs = findRegions(fn)
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
func (pt *Protections) findAllRegions() {
	for _, fn := range pt.funcs {
		if regs := findRegions(fn); len(regs) > 0 {
			pt.regions[fn] = regs
		}
	}
}

// findRegions finds the blocks of fn that run only once a two-step
// breaker's Allow answered yes.
func findRegions(fn *ssa.Function) []region {
	var out []region
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			callee := ir.Callee(call.Common())
			e, ok := entryOf(callee)
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

// kindMemo holds the kinds of the values met while answering one
// question. Each question starts a fresh one: an answer cut by the depth
// bound or a cycle in one question is never reused by another, so no
// answer depends on the questions asked before it.
type kindMemo map[ssa.Value]Kind

// kindsOf returns the protections a value carries: a policy, an
// executor, a transport, an interceptor, a dial option, a client built
// with them.
func (pt *Protections) kindsOf(v ssa.Value) Kind { return pt.kindsIn(kindMemo{}, v, 0) }

func (pt *Protections) kindsIn(m kindMemo, v ssa.Value, depth int) Kind {
	if depth > 8 {
		return 0
	}
	if k, ok := m[v]; ok {
		return k
	}
	m[v] = 0
	var k Kind
	pt.originsUntil(v, func(o ssa.Value) {
		k |= typeKindsOf(o.Type())
		if pt.telemetryMarked(o) {
			k |= Telemetry
		}
		switch o := o.(type) {
		case *ssa.Global:
			k |= globalKinds(o)
		case *ssa.Call:
			k |= pt.callKinds(m, &o.Call, depth)
		case *ssa.Alloc:
			k |= pt.allocKinds(m, o, depth)
		case *ssa.Function:
			k |= pt.interceptorKinds(o)
		case *ssa.MakeClosure:
			k |= pt.closureKinds(m, o, depth)
		}
	}, pt.isGRPCWrapperCall)
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
			return ctxWithDeadline.Has(ir.Callee(&call.Call))
		}
	}
	return false
}

// callKinds returns the protections of the result of a call.
func (pt *Protections) callKinds(m kindMemo, c *ssa.CallCommon, depth int) Kind {
	callee := ir.Callee(c)
	if callee == nil {
		return 0
	}
	if sf := c.StaticCallee(); sf != nil && pt.isGRPCWrapper(sf) {
		return pt.wrapperKinds(m, c, sf, depth)
	}
	if calleeIn(callee, grpcRetry1, "UnaryClientInterceptor", "StreamClientInterceptor") || calleeIn(callee, grpcRetry2, "UnaryClientInterceptor", "StreamClientInterceptor") {
		// A retry interceptor retries unless it makes one attempt
		// (WithMax defaults to 0, which turns it off); a per-attempt
		// timeout with a bounded number of attempts bounds the call.
		cfg := pt.configs.grpcRetryConfig(token.NoPos, c, callee.Pkg().Path())
		var k Kind
		if cfg.Attempts != 1 {
			k |= Retry
		}
		if cfg.perAttemptTimeout {
			k |= Timeout
		}
		return k
	}
	if e, ok := entryOf(callee); ok && e.Role == Builds {
		// Kinds are the entry's own (a telemetry transport), besides
		// those of what it wraps.
		switch e.From {
		case Fixed:
			return e.Kinds
		case Args:
			return e.Kinds | pt.argsKindsIn(m, c, e.Arg, depth)
		case Recv:
			k := e.Kinds
			if recv := ir.Receiver(c); recv != nil {
				k |= pt.kindsIn(m, recv, depth+1)
			}
			return k | pt.argsKindsIn(m, c, e.Arg, depth)
		}
	}
	if name := wrapperName(pt.wrappers, callee); name != "" && !hasFuncParam(callee) {
		return pt.wrappers.kinds[name]
	}
	// A helper of another package that returns gRPC options, an
	// interceptor or a connection: what they carry, and what its
	// parameters add.
	if f := pt.importedFact(callee); f != nil && f.GRPC != nil {
		k := f.Carries | grpcOptionKinds(f.GRPC.Options)
		for _, p := range f.GRPC.Params {
			if a := ir.Arg(c, p); a != nil {
				k |= pt.kindsIn(m, a, depth+1)
			}
		}
		return k
	}
	// A client of another package's constructor: the telemetry it
	// carries (its other protections are not in the fact).
	var carries Kind
	if f := pt.importedFact(callee); f != nil {
		carries = f.Carries
	}
	// A generated gRPC client built on a connection: the connection's.
	if callee.Pkg() != nil && !ir.Modelled(callee.Pkg().Path()) {
		for i := range c.Args {
			if isGRPCConn(c.Args[i].Type()) {
				return carries | pt.kindsIn(m, c.Args[i], depth+1)
			}
		}
	}
	return carries
}

// argsKinds returns the protections of the arguments of c from index from
// on (receiver not counted), variadic slices included.
func (pt *Protections) argsKinds(c *ssa.CallCommon, from int) Kind {
	return pt.argsKindsIn(kindMemo{}, c, from, 0)
}

func (pt *Protections) argsKindsIn(m kindMemo, c *ssa.CallCommon, from, depth int) Kind {
	var k Kind
	for i := from; ; i++ {
		a := ir.Arg(c, i)
		if a == nil {
			break
		}
		k |= pt.kindsIn(m, a, depth+1)
	}
	return k
}

// allocKinds returns the protections of a composite literal: the elements
// of a variadic array, the Transport of an http.Client.
func (pt *Protections) allocKinds(m kindMemo, a *ssa.Alloc, depth int) Kind {
	var k Kind
	elem := a.Type().(*types.Pointer).Elem()
	switch t := elem.Underlying().(type) {
	case *types.Array:
		for _, v := range arrayElems(a) {
			k |= pt.kindsIn(m, v, depth+1)
		}
	case *types.Struct:
		if !lint.IsNamed(elem, "net/http", "Client") && implementsRoundTripper(a.Type()) {
			// A RoundTripper of the program's own that wraps another
			// (logging, auth headers): the telemetry of the transports
			// it holds is on its path. Only telemetry: whether it
			// forwards every request (a breaker's, a retry's question)
			// is not read here.
			for i := range t.NumFields() {
				if implementsRoundTripper(t.Field(i).Type()) {
					for _, v := range pt.storesTo(a, t.Field(i)) {
						k |= pt.kindsIn(m, v, depth+1) & Telemetry
					}
				}
			}
		}
		if lint.IsNamed(elem, "net/http", "Client") {
			for i := range t.NumFields() {
				if t.Field(i).Name() == "Transport" {
					for _, v := range pt.storesTo(a, t.Field(i)) {
						k |= pt.kindsIn(m, v, depth+1)
					}
				}
			}
		}
	}
	return k
}

// typeKindsOf returns the protections of a value of type t by its type.
func typeKindsOf(t types.Type) Kind {
	return typeKinds[ir.TypeKey(t)]
}

func (pt *Protections) innerRetries(call ssa.CallInstruction) []Layer {
	c := call.Common()
	callee := staticFunc(c)
	if callee == nil {
		return nil
	}
	if e, ok := entryOf(callee); ok && e.Role == Runs {
		p := pt.runsProtection(call, e, callee)
		if p.Kinds&Retry != 0 {
			return []Layer{{Via: remote.FuncName(callee), Attempts: p.Attempts}}
		}
		return nil
	}
	// A helper that runs a remote function argument with retries.
	for i := range c.Args {
		fnArg := ir.Arg(c, i)
		if fnArg == nil {
			break
		}
		if _, ok := fnArg.Type().Underlying().(*types.Signature); !ok || !pt.remoteFuncValue(fnArg) {
			continue
		}
		if p := pt.argProtection(call, i); p.Kinds&Retry != 0 {
			return []Layer{{Via: remote.FuncName(callee), Attempts: p.Attempts}}
		}
	}
	if callee.Pkg() != nil && callee.Pkg().Path() == rhttp && callee.Name() != "NewRequest" && callee.Name() != "NewRequestWithContext" {
		if _, ok := remote.Lookup(callee); ok {
			if recv := ir.Receiver(c); recv != nil {
				return pt.configs.retryLayers(recv)
			}
			return []Layer{{Via: "retryablehttp", Attempts: 5}}
		}
	}
	if t, ok := pt.remote.Classify(c); ok && t.API == nil {
		if sf := c.StaticCallee(); sf != nil && sf.Pkg == pt.irr.Pkg && len(sf.Blocks) > 0 {
			if rt := pt.retryingFunc(ir.Origin(sf)); rt != nil {
				return []Layer{{Via: rt.Via, Attempts: rt.Attempts}}
			}
			return nil
		}
		if f := pt.importedFact(callee); f != nil && f.Retries != nil {
			return []Layer{{Via: f.Retries.Via, Attempts: f.Retries.Attempts}}
		}
	}
	if _, ok := pt.remote.Classify(c); ok {
		if conn, method, _, ok := pt.grpcCallParts(call); ok {
			// A gRPC call: the retries of its connection for its method.
			if opts, _, found := pt.grpcConnOptions(conn); found {
				return grpcLayers(opts, method)
			}
		}
		if recv := ir.Receiver(c); recv != nil {
			return pt.configs.retryLayers(recv)
		}
	}
	return nil
}

// remoteFuncValue reports whether the function value v performs remote
// operations: a literal or function of this package with a remote fact.
func (pt *Protections) remoteFuncValue(v ssa.Value) bool {
	found := false
	pt.origins(v, func(o ssa.Value) {
		var fn *ssa.Function
		switch o := o.(type) {
		case *ssa.Function:
			fn = o
		case *ssa.MakeClosure:
			fn, _ = o.Fn.(*ssa.Function)
		}
		if fn != nil && pt.remote.Func(ir.Origin(fn)) != nil {
			found = true
		}
	})
	return found
}

// retryingFunc returns the retries inside a function of this package, from
// the table solveRetrying fills.
func (pt *Protections) retryingFunc(fn *ssa.Function) *Retrying { return pt.retrying[fn] }

// solveRetrying fills the table of the package's remote functions that
// retry: the least fixpoint, from "does not retry" everywhere, of
// computeRetrying, round after round in the order of pt.funcs until
// nothing changes, so that functions that call each other get the same
// answer whichever is asked about first.
func (pt *Protections) solveRetrying() {
	var nodes []*ssa.Function
	for _, fn := range pt.funcs {
		if pt.remote.Func(fn) != nil {
			nodes = append(nodes, fn)
		}
	}
	for range maxRounds {
		changed := false
		for _, fn := range nodes {
			rt, old := pt.computeRetrying(fn), pt.retrying[fn]
			if (rt == nil) != (old == nil) || (rt != nil && *rt != *old) {
				if rt == nil {
					delete(pt.retrying, fn)
				} else {
					pt.retrying[fn] = rt
				}
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

// computeRetrying returns the retries inside a function of this package:
// a retry loop, or a call that retries, from the current tables.
func (pt *Protections) computeRetrying(fn *ssa.Function) *Retrying {
	name := shortName(fn)
	if ls := pt.loops.retryLoops(fn); len(ls) > 0 {
		return &Retrying{Attempts: ls[0].Attempts, Via: "the retry loop in " + name}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if ls := pt.innerRetries(call); len(ls) > 0 {
				via := ls[len(ls)-1].Via
				if !strings.Contains(via, " in ") {
					via += " in " + name
				}
				return &Retrying{Attempts: Product(ls), Via: via}
			}
		}
	}
	return nil
}

// shortName names a function for messages: "pkg.F", "(*pkg.T).M"; a
// literal by the function it is declared in.
func shortName(fn *ssa.Function) string {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		return remote.FuncName(obj)
	}
	return fn.Name()
}
