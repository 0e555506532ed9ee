package ctxdeadline

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

// originKind says how a context without a deadline enters.
type originKind int

const (
	freshCtx    originKind = iota // context.Background() or context.TODO()
	droppedCtx                    // context.WithoutCancel: drops its parent's deadline
	helperCtx                     // a call of a function that returns a fresh context
	requestCtx                    // an HTTP handler's request context
	incomingCtx                   // a gRPC method's incoming context (judged across services)
	consumerCtx                   // a message consumer's context: no deadline per message (consumers.go)
)

// origin is a place where a context without a deadline enters: the
// position a finding is reported at.
type origin struct {
	pos   token.Pos
	kind  originKind
	what  string        // "context.Background()", "a.newContext()", or the handler's name
	inner string        // helperCtx: what the helper's context is, e.g. "context.Background()"
	fn    *ssa.Function // the function pos lies in
	entry string        // incomingCtx: the gRPC method ("/pkg.Service/Method"), when the generated code names it
	fw    fwKind        // the framework whose context it is, if any (frameworks.go)
	stall string        // consumerCtx: what a handler call that never returns holds up
	// anchor, for a consumer loop or callback (consumerCtx), says what
	// happens at pos (the read, the callback); the finding is then
	// reported at the first remote call, with pos as related.
	anchor string
}

// entry is an origin reached along one path, with the first derivation on
// that path that adds no deadline (for the message), if any.
type entry struct {
	o       *origin
	derived string
}

// flow is what is known of where a context value comes from: the origins
// with no deadline that reach it on some path, and the parameters (of the
// function or of the functions enclosing a closure) it is derived from
// with no deadline added. Paths through a deadline (context.WithTimeout)
// and through values faultline does not follow (struct fields, globals,
// unknown functions) contribute nothing: the rule stays silent on them.
type flow struct {
	origins []entry
	params  []*ssa.Parameter
}

var (
	none = &flow{} // nothing without a deadline reaches the value
	busy = &flow{} // being computed: a cycle, which adds nothing new
)

// add merges g into f; derived, when not empty, names a derivation that
// adds no deadline, for the entries that have none yet.
func (f *flow) add(g *flow, derived string) {
	for _, e := range g.origins {
		if e.derived == "" {
			e.derived = derived
		}
		if !slices.ContainsFunc(f.origins, func(x entry) bool { return x.o == e.o }) {
			f.origins = append(f.origins, e)
		}
	}
	for _, p := range g.params {
		if !slices.Contains(f.params, p) {
			f.params = append(f.params, p)
		}
	}
}

func (f *flow) empty() bool { return len(f.origins) == 0 && len(f.params) == 0 }

// derive returns g seen through a derivation named derived.
func derive(g *flow, derived string) *flow {
	if g.empty() {
		return none
	}
	f := &flow{}
	f.add(g, derived)
	return f
}

// how a function of the context table treats contexts.
type how int

const (
	hFresh    how = iota // returns a context with no deadline
	hDrop                // returns its argument's values without its deadline
	hBound               // returns a context with a deadline, or one that is not this rule's business
	hDerive              // returns a context with its argument's deadline, no more
	hReqCtx              // (*http.Request).Context
	hReqBuild            // builds a request whose context is its argument
)

// behaviour is an entry of the context table. arg and result are indices
// in the signature (receiver not counted).
type behaviour struct {
	how         how
	arg, result int
	label       string
}

// ctxTable lists the functions that create or derive contexts and requests.
var ctxTable = map[string]behaviour{
	"context.Background":                     {how: hFresh, label: "context.Background()"},
	"context.TODO":                           {how: hFresh, label: "context.TODO()"},
	"context.WithCancel":                     {how: hDerive, label: "context.WithCancel"},
	"context.WithCancelCause":                {how: hDerive, label: "context.WithCancelCause"},
	"context.WithValue":                      {how: hDerive, label: "context.WithValue"},
	"context.WithoutCancel":                  {how: hDrop, label: "context.WithoutCancel"},
	"context.WithTimeout":                    {how: hBound},
	"context.WithTimeoutCause":               {how: hBound},
	"context.WithDeadline":                   {how: hBound},
	"context.WithDeadlineCause":              {how: hBound},
	"os/signal.NotifyContext":                {how: hDerive, label: "signal.NotifyContext"},
	"golang.org/x/sync/errgroup.WithContext": {how: hDerive, result: 1, label: "errgroup.WithContext"},

	// Tests: the test binary's -timeout bounds t.Context().
	"(*testing.T).Context": {how: hBound},
	"(*testing.B).Context": {how: hBound},
	"(*testing.F).Context": {how: hBound},
	"(testing.TB).Context": {how: hBound},

	"(*net/http.Request).Context":                                  {how: hReqCtx},
	"net/http.NewRequestWithContext":                               {how: hReqBuild},
	"(*net/http.Request).WithContext":                              {how: hReqBuild},
	"(*net/http.Request).Clone":                                    {how: hReqBuild},
	"github.com/hashicorp/go-retryablehttp.NewRequestWithContext":  {how: hReqBuild},
	"(*github.com/hashicorp/go-retryablehttp.Request).WithContext": {how: hReqBuild},
	"github.com/hashicorp/go-retryablehttp.FromRequest":            {how: hReqBuild},
	// Requests built with no context belong to the httptimeout rule.
	"net/http.NewRequest":                              {how: hBound},
	"net/http/httptest.NewRequest":                     {how: hBound},
	"github.com/hashicorp/go-retryablehttp.NewRequest": {how: hBound},
}

var ctxFuncs = func() *lint.FuncSet {
	var names []string
	for k := range ctxTable {
		names = append(names, k)
	}
	slices.Sort(names)
	return lint.NewFuncSet(names...)
}()

// boundedFuncs are the derivations that add a deadline.
var boundedFuncs = lint.NewFuncSet(
	"context.WithTimeout", "context.WithTimeoutCause",
	"context.WithDeadline", "context.WithDeadlineCause",
)

// flowOf returns where the context value v (a context.Context, or a
// request whose context is meant) comes from. Results are memoised.
func (c *checker) flowOf(v ssa.Value) *flow {
	if v == nil {
		return none
	}
	if f, ok := c.flows[v]; ok {
		if f == busy {
			return none
		}
		return f
	}
	c.flows[v] = busy
	f := c.flow0(v)
	if f.empty() {
		f = none
	}
	c.flows[v] = f
	return f
}

func (c *checker) flow0(v ssa.Value) *flow {
	switch v := v.(type) {
	case *ssa.Parameter:
		return c.paramFlow(v)
	case *ssa.Phi:
		return c.join(v.Edges)
	case *ssa.FreeVar:
		return c.join(c.bindings(v))
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return none
		}
		if f, ok := c.frameworkLoad(v); ok {
			return f
		}
		if cell := c.cellOf(v.X, 0); cell != nil {
			return c.cellFlow(cell)
		}
		// The *http.Request embedded in a retryablehttp.Request.
		if fa, ok := v.X.(*ssa.FieldAddr); ok && embedded(fa.X.Type(), fa.Field) {
			return c.flowOf(fa.X)
		}
	case *ssa.Field:
		if embedded(v.X.Type(), v.Field) {
			return c.flowOf(v.X)
		}
	case *ssa.MakeInterface:
		if f, ok := c.ginAsContext(v); ok {
			return f
		}
		return c.flowOf(v.X)
	case *ssa.ChangeInterface:
		return c.flowOf(v.X)
	case *ssa.ChangeType:
		return c.flowOf(v.X)
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return c.callFlow(call, v.Index)
		}
	case *ssa.Call:
		return c.callFlow(v, 0)
	}
	return none
}

// embedded reports whether field i of the struct t (or *t) is embedded.
func embedded(t types.Type, i int) bool {
	t = t.Underlying()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem().Underlying()
	}
	st, ok := t.(*types.Struct)
	return ok && i < st.NumFields() && st.Field(i).Embedded()
}

// paramFlow is the flow of a parameter: its callers decide, except for
// the request of an HTTP handler, whose context has no deadline unless
// the handler is wrapped by http.TimeoutHandler.
func (c *checker) paramFlow(p *ssa.Parameter) *flow {
	t := p.Type()
	switch {
	case remote.IsContext(t):
		if f, ok := c.callbackCtxFlow(p); ok {
			return f
		}
		if f, ok := c.hertzCtxFlow(p); ok {
			return f
		}
		if method, ok := c.incomingParam(p); ok && c.system {
			return &flow{origins: []entry{{o: &origin{pos: p.Pos(), kind: incomingCtx, what: grpcMethodLabel(p.Parent()), fn: p.Parent(), entry: method}}}}
		}
		return &flow{params: []*ssa.Parameter{p}}
	case isRequest(t):
		fn := p.Parent()
		if lint.IsNamed(t, "net/http", "Request") && c.isHandler(fn) {
			if c.wrapAll || c.wrapped[fn] {
				return none
			}
			return &flow{origins: []entry{{o: &origin{pos: p.Pos(), kind: requestCtx, what: handlerLabel(fn), fn: fn}}}}
		}
		return &flow{params: []*ssa.Parameter{p}}
	case carrierOf(t) != fwNone:
		return c.carrierFlow(p)
	}
	return none
}

// handlerLabel names a handler for messages: "handler pkg.handleOrder",
// "a handler literal in pkg.routes".
func handlerLabel(fn *ssa.Function) string {
	if _, ok := fn.Object().(*types.Func); ok {
		return "handler " + funcLabel(fn)
	}
	if p := fn.Parent(); p != nil && p.Synthetic == "" {
		return "a handler literal in " + funcLabel(p)
	}
	return "a handler literal"
}

// isRequest reports whether t is *http.Request or *retryablehttp.Request.
func isRequest(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.Pointer); !ok {
		return false
	}
	return lint.IsNamed(t, "net/http", "Request") || lint.IsNamed(t, "github.com/hashicorp/go-retryablehttp", "Request")
}

// join is the flow of a value that is one of vals (a phi's edges, the
// values stored in a variable). An edge that is the parent of another
// edge's deadline is left out: `if d > 0 { ctx, cancel =
// context.WithTimeout(ctx, d) }` makes the deadline optional on purpose,
// and the rule does not second-guess configuration.
func (c *checker) join(vals []ssa.Value) *flow {
	skip := map[ssa.Value]bool{}
	for _, v := range vals {
		if p := boundedParent(v); p != nil {
			skip[p] = true
		}
	}
	f := &flow{}
	for _, v := range vals {
		if !skip[v] {
			f.add(c.flowOf(v), "")
		}
	}
	return f
}

// boundedParent returns X when v is the context of context.WithTimeout(X, …)
// or another derivation that adds a deadline.
func boundedParent(v ssa.Value) ssa.Value {
	ex, ok := v.(*ssa.Extract)
	if !ok || ex.Index != 0 {
		return nil
	}
	call, ok := ex.Tuple.(*ssa.Call)
	if !ok {
		return nil
	}
	callee := ir.Callee(&call.Call)
	if !boundedFuncs.Has(callee) {
		return nil
	}
	return argOfFunc(&call.Call, callee, 0)
}

// bindings returns the values a closure's free variable is bound to where
// the closure is created.
func (c *checker) bindings(fv *ssa.FreeVar) []ssa.Value {
	anon := fv.Parent()
	i := slices.Index(anon.FreeVars, fv)
	var vals []ssa.Value
	for _, mc := range c.closures[anon] {
		if i >= 0 && i < len(mc.Bindings) {
			vals = append(vals, mc.Bindings[i])
		}
	}
	return vals
}

// cellOf returns the local variable (an Alloc) that addr is the address
// of, looking through the free variables of closures that capture it.
func (c *checker) cellOf(addr ssa.Value, depth int) *ssa.Alloc {
	switch addr := addr.(type) {
	case *ssa.Alloc:
		return addr
	case *ssa.FreeVar:
		if b := c.bindings(addr); len(b) == 1 && depth < 8 {
			return c.cellOf(b[0], depth+1)
		}
	}
	return nil
}

// cellFlow is the flow of a variable captured by a closure (SSA keeps such
// variables in memory): the values stored into it, by the function that
// declares it or by its closures. When one of them is the variable's own
// value bounded by a deadline (ctx, cancel = context.WithTimeout(ctx, d)),
// the variable is taken to be bounded: which store the closure sees
// depends on timing that faultline does not model.
func (c *checker) cellFlow(cell *ssa.Alloc) *flow {
	var vals []ssa.Value
	var visit func(addr ssa.Value, depth int)
	visit = func(addr ssa.Value, depth int) {
		refs := addr.Referrers()
		if refs == nil || depth > 8 {
			return
		}
		for _, ref := range *refs {
			switch ref := ref.(type) {
			case *ssa.Store:
				if ref.Addr == addr {
					vals = append(vals, ref.Val)
				}
			case *ssa.MakeClosure:
				anon, ok := ref.Fn.(*ssa.Function)
				if !ok {
					continue
				}
				for i, b := range ref.Bindings {
					if b == addr && i < len(anon.FreeVars) {
						visit(anon.FreeVars[i], depth+1)
					}
				}
			}
		}
	}
	visit(cell, 0)
	for _, v := range vals {
		if p := boundedParent(v); p != nil {
			if load, ok := p.(*ssa.UnOp); ok && load.Op == token.MUL && c.cellOf(load.X, 0) == cell {
				return none
			}
		}
	}
	return c.join(vals)
}

// callFlow is the flow of result idx of a call.
func (c *checker) callFlow(call *ssa.Call, idx int) *flow {
	cc := &call.Call
	callee := ir.Callee(cc)
	if f, ok := c.frameworkCall(call, callee, idx); ok {
		return f
	}
	if f, ok := c.consumerCall(call, callee, idx); ok {
		return f
	}
	if f, ok := c.streamContext(call, callee); ok {
		return f
	}
	if e, ok := ctxFuncs.Entry(callee); ok {
		b := ctxTable[e]
		if idx != b.result {
			return none
		}
		switch b.how {
		case hFresh:
			if nilDefault(call) {
				return none
			}
			return &flow{origins: []entry{{o: &origin{pos: call.Pos(), kind: freshCtx, what: b.label, fn: call.Parent()}}}}
		case hDrop:
			return &flow{origins: []entry{{o: &origin{pos: call.Pos(), kind: droppedCtx, what: b.label, fn: call.Parent()}}}}
		case hDerive:
			return derive(c.flowOf(argOfFunc(cc, callee, b.arg)), b.label)
		case hReqBuild:
			return c.flowOf(argOfFunc(cc, callee, b.arg))
		case hReqCtx:
			// A handler's request context is reported where Context()
			// is called.
			g := c.flowOf(ir.Receiver(cc))
			f := &flow{params: g.params}
			for _, e := range g.origins {
				if e.o.kind == requestCtx {
					o := *e.o
					o.pos = call.Pos()
					e.o = &o
				}
				f.origins = append(f.origins, e)
			}
			return f
		}
		return none
	}
	if fn := c.localCallee(cc); fn != nil {
		return c.applyReturn(call, funcLabel(fn), fn.Signature.Params().Len(), c.returnSummary(fn, idx))
	}
	if callee == nil {
		return none
	}
	if callee.Pkg() != nil && callee.Pkg() != c.pass.Pkg {
		var fact Fact
		if c.pass.ImportObjectFact(callee, &fact) {
			for _, r := range fact.Returns {
				if r.Result == idx {
					sum := &retSummary{fresh: r.Fresh, params: r.Params}
					return c.applyReturn(call, remote.FuncName(callee), callee.Type().(*types.Signature).Params().Len(), sum)
				}
			}
			return none
		}
	}
	if cc.IsInvoke() || (callee.Pkg() != nil && library(callee.Pkg().Path())) {
		if k := passesContext(callee, idx); k >= 0 {
			return c.flowOf(argOfFunc(cc, callee, k))
		}
	}
	return none
}

// nilDefault reports whether a fresh context is the default for a nil
// one: `if ctx == nil { ctx = context.Background() }`. A nil context has
// no deadline to drop, and libraries guard against nil this way.
func nilDefault(call *ssa.Call) bool {
	b := call.Block()
	if b == nil || len(b.Preds) != 1 {
		return false
	}
	p := b.Preds[0]
	if len(p.Instrs) == 0 || len(p.Succs) != 2 {
		return false
	}
	iff, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	bin, ok := iff.Cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return false
	}
	x := bin.X
	if isNil(x) {
		x = bin.Y
	} else if !isNil(bin.Y) {
		return false
	}
	if !remote.IsContext(x.Type()) {
		return false
	}
	if bin.Op == token.EQL {
		return p.Succs[0] == b
	}
	return p.Succs[1] == b
}

// isNil reports whether v is the constant nil.
func isNil(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && k.IsNil()
}

// library reports whether a package's bodies are not analysed (the
// standard library, and libraries faultline models by tables), so their
// functions have no facts.
func library(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") || ir.Modelled(path)
}

// passesContext returns the index of the context parameter whose deadline
// result idx of fn carries, for functions faultline has no facts on:
// those with exactly one context parameter that return a context and no
// function (no cancel func). Such a function cannot add a deadline
// without leaking its timer, so it derives by value
// (metadata.AppendToOutgoingContext, trace.ContextWithSpan, a tracer's
// Start). -1 when fn does not have that shape.
func passesContext(fn *types.Func, idx int) int {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || idx >= sig.Results().Len() || !remote.IsContext(sig.Results().At(idx).Type()) {
		return -1
	}
	for i := range sig.Results().Len() {
		if _, ok := sig.Results().At(i).Type().Underlying().(*types.Signature); ok {
			return -1
		}
	}
	k := -1
	for i := range sig.Params().Len() {
		if remote.IsContext(sig.Params().At(i).Type()) {
			if k >= 0 {
				return -1
			}
			k = i
		}
	}
	return k
}

// retKey identifies a context result of a function.
type retKey struct {
	fn  *ssa.Function
	idx int
}

// retSummary says what a function's context result carries: a fresh
// context with no deadline (fresh names it), and the parameters it is
// derived from with no deadline added.
type retSummary struct {
	fresh  string
	params []int
}

var busySummary = &retSummary{}

// returnSummary summarises result idx of a function of this package.
func (c *checker) returnSummary(fn *ssa.Function, idx int) *retSummary {
	key := retKey{fn, idx}
	if s, ok := c.returns[key]; ok {
		if s == busySummary {
			return &retSummary{}
		}
		return s
	}
	c.returns[key] = busySummary
	s := &retSummary{}
	if idx < fn.Signature.Results().Len() {
		t := fn.Signature.Results().At(idx).Type()
		if remote.IsContext(t) || isRequest(t) {
			for _, b := range fn.Blocks {
				if len(b.Instrs) == 0 {
					continue
				}
				ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
				if !ok || idx >= len(ret.Results) {
					continue
				}
				f := c.flowOf(ret.Results[idx])
				for _, e := range f.origins {
					if s.fresh == "" {
						s.fresh = e.o.label()
					}
				}
				for _, p := range f.params {
					if p.Parent() == fn {
						if i := ir.ParamIndex(p); i >= 0 && !slices.Contains(s.params, i) {
							s.params = append(s.params, i)
						}
					}
				}
			}
		}
	}
	slices.Sort(s.params)
	c.returns[key] = s
	return s
}

// returnsOf returns the Return facts of a function.
func (c *checker) returnsOf(fn *ssa.Function) []Return {
	var out []Return
	for i := range fn.Signature.Results().Len() {
		if !remote.IsContext(fn.Signature.Results().At(i).Type()) {
			continue
		}
		s := c.returnSummary(fn, i)
		if s.fresh != "" || len(s.params) > 0 {
			out = append(out, Return{Result: i, Params: slices.Clone(s.params), Fresh: s.fresh})
		}
	}
	return out
}

// applyReturn is the flow of a call's result that s summarises.
func (c *checker) applyReturn(call *ssa.Call, name string, nparams int, s *retSummary) *flow {
	f := &flow{}
	if s.fresh != "" {
		f.origins = append(f.origins, entry{o: &origin{pos: call.Pos(), kind: helperCtx, what: name + "()", inner: s.fresh, fn: call.Parent()}})
	}
	for _, i := range s.params {
		f.add(c.flowOf(ir.ArgOf(&call.Call, nparams, i)), "")
	}
	return f
}

// label names an origin's context, for the summary of a function that
// returns it.
func (o *origin) label() string {
	switch o.kind {
	case helperCtx:
		return o.what
	case requestCtx:
		return "the request context of " + o.what
	case incomingCtx:
		return "the incoming context of " + o.what
	}
	return o.what
}
