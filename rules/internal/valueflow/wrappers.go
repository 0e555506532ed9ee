package valueflow

import (
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Forward describes a RoundTripper that only forwards each request to the
// RoundTripper held in one field of its struct: what its transport bounds
// are those of that RoundTripper.
type Forward struct {
	// Field is the struct field holding the inner RoundTripper.
	Field string
	// NilDefault: a nil inner RoundTripper is http.DefaultTransport.
	NilDefault bool
}

func (f Forward) String() string {
	if f.NilDefault {
		return f.Field + ", nil=DefaultTransport"
	}
	return f.Field
}

// knownForwards are the library RoundTrippers that only forward: they
// trace or measure requests and add no bound.
var knownForwards = map[string]Forward{
	// opentracing-contrib/go-stdlib v1.1.1 nethttp/client.go:29-33,176-198.
	"github.com/opentracing-contrib/go-stdlib/nethttp.Transport": {Field: "RoundTripper", NilDefault: true},
	// opencensus-go v0.24.0 plugin/ochttp/client.go:31-37,68-107.
	"go.opencensus.io/plugin/ochttp.Transport": {Field: "Base", NilDefault: true},
	// golang.org/x/oauth2 v0.38.0 transport.go:20-75 (it also fetches
	// tokens, through the client of the token source's context).
	"golang.org/x/oauth2.Transport": {Field: "Base", NilDefault: true},
}

// wrapCtor is a library function that returns a RoundTripper forwarding to
// its argument Arg.
type wrapCtor struct {
	Arg        int
	NilDefault bool
}

var knownWrapCtors = map[string]wrapCtor{
	// otelhttp v0.72.0 transport.go:50-68 (nil base: http.DefaultTransport).
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp.NewTransport": {Arg: 0, NilDefault: true},
	// client_golang v1.25.0 prometheus/promhttp/instrument_client.go:40,65,108,165.
	"github.com/prometheus/client_golang/prometheus/promhttp.InstrumentRoundTripperInFlight": {Arg: 1},
	"github.com/prometheus/client_golang/prometheus/promhttp.InstrumentRoundTripperCounter":  {Arg: 1},
	"github.com/prometheus/client_golang/prometheus/promhttp.InstrumentRoundTripperDuration": {Arg: 1},
	"github.com/prometheus/client_golang/prometheus/promhttp.InstrumentRoundTripperTrace":    {Arg: 1},
}

var knownWrapCtorSet = func() *lint.FuncSet {
	var names []string
	for n := range knownWrapCtors {
		names = append(names, n)
	}
	return lint.NewFuncSet(names...)
}()

var (
	// roundTrips are the calls through which a RoundTripper forwards.
	roundTrips = lint.NewFuncSet("(net/http.RoundTripper).RoundTrip", "(*net/http.Transport).RoundTrip")
	// timers can cancel a request after a delay.
	timers = lint.NewFuncSet("time.AfterFunc", "time.NewTimer", "time.After")
	// clientDo is the method a forwarding Do sends through.
	clientDo = lint.NewFuncSet("(*net/http.Client).Do")
)

// isKnownForwardField reports whether the field f, addressed by fa, is
// the inner RoundTripper of a library wrapper faultline knows, which
// assigns nothing through it.
func isKnownForwardField(fa *ssa.FieldAddr, f *types.Var) bool {
	fw, ok := knownForwards[ir.TypeKey(fa.X.Type())]
	return ok && f.Name() == fw.Field
}

// wrapCtorOf returns the model of a library function that wraps a
// RoundTripper.
func wrapCtorOf(obj *types.Func) (wrapCtor, bool) {
	if entry, ok := knownWrapCtorSet.Entry(obj); ok {
		return knownWrapCtors[entry], true
	}
	return wrapCtor{}, false
}

// namedOf returns the named type t is or points to, or nil.
func namedOf(t types.Type) *types.Named {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	return n
}

// forwardOf reports whether values of type t (or *t) are RoundTrippers
// that only forward: a library type faultline knows, a type of this
// package whose RoundTrip it reads, or one of another package's, from its
// fact.
func (e *evaluator) forwardOf(t types.Type) (Forward, bool) {
	named := namedOf(t)
	if named == nil || named.TypeArgs().Len() > 0 {
		return Forward{}, false
	}
	if fw, ok := knownForwards[ir.TypeKey(named)]; ok {
		return fw, true
	}
	fw := decide(e, e.fwds, named.Obj(), func() Forward { return e.localForward(named) }, func(f *Fact) *Forward { return f.Forward })
	return fw, fw.Field != ""
}

// decide answers a question about obj once per pass, in memo: for an
// object of this package by local, for one of another package (not a
// library faultline models) from the fact it exported, the zero value
// otherwise. While local runs, obj's answer is the zero value, so a
// question that comes back to obj through a cycle gets no.
func decide[O interface {
	types.Object
	comparable
}, T any](e *evaluator, memo map[O]T, obj O, local func() T, imported func(*Fact) *T) T {
	if v, ok := memo[obj]; ok {
		return v
	}
	var v T
	memo[obj] = v
	switch pkg := obj.Pkg(); {
	case pkg == e.pass.Pkg:
		v = local()
	case pkg != nil && !e.library(pkg):
		var f Fact
		if e.pass.ImportObjectFact(obj, &f) && imported(&f) != nil {
			v = *imported(&f)
		}
	}
	memo[obj] = v
	return v
}

// localForward decides whether the RoundTrip method of a struct type of
// this package only forwards to the RoundTripper in one field of its
// receiver: every RoundTrip it makes goes through that field (or, when
// the field is nil, through http.DefaultTransport), and nothing in it can
// bound the request: no context deadline, no timer, no helper of this
// package or interface method given the request or a context.
func (e *evaluator) localForward(named *types.Named) Forward {
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return Forward{}
	}
	m := lint.MethodOf(named.Obj(), "RoundTrip")
	if m == nil {
		return Forward{}
	}
	fn := e.irr.Pkg.Prog.FuncValue(m)
	if fn == nil || fn.Blocks == nil || len(fn.Params) != 2 {
		return Forward{}
	}
	recv := fn.Params[0]
	var fw Forward
	n := 0

	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			cc := call.Common()
			if obj := calleeObject(cc); obj != nil && roundTrips.Has(obj) {
				rt := cc.Value
				if !cc.IsInvoke() {
					rt = cc.Args[0]
				}
				field, dflt, ok := e.recvField(rt, recv, 0)
				if !ok || (fw.Field != "" && field != fw.Field) {
					return Forward{}
				}
				fw.Field = field
				fw.NilDefault = fw.NilDefault || dflt
				n++
				continue
			}
			if e.mayBound(cc) {
				return Forward{}
			}
		}
	}
	if n == 0 || fw.Field == "" || !e.anonsInert(fn) {
		return Forward{}
	}
	return fw
}

// anonsInert reports whether the function literals in fn neither forward
// nor may bound the request.
func (e *evaluator) anonsInert(fn *ssa.Function) bool {
	for _, anon := range fn.AnonFuncs {
		for _, b := range anon.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok {
					cc := call.Common()
					if obj := calleeObject(cc); (obj != nil && roundTrips.Has(obj)) || e.mayBound(cc) {
						return false
					}
				}
			}
		}
		if !e.anonsInert(anon) {
			return false
		}
	}
	return true
}

// mayBound reports whether a call in a RoundTrip or Do method may bound
// the request: a context deadline, a timer, or the request or a context
// handed to code of this package, to an interface method or to a function
// value.
func (e *evaluator) mayBound(cc *ssa.CallCommon) bool {
	obj := calleeObject(cc)
	if obj != nil && (ctxDeadlines.Has(obj) || timers.Has(obj)) {
		return true
	}
	if !hasRequestOrContext(cc) {
		return false
	}
	if cc.IsInvoke() {
		return true
	}
	callee := cc.StaticCallee()
	if callee == nil {
		return true // a function value
	}
	return e.local(callee)
}

// hasRequestOrContext reports whether a call is given an *http.Request or
// a context.Context.
func hasRequestOrContext(cc *ssa.CallCommon) bool {
	for _, a := range cc.Args {
		t := a.Type()
		if lint.IsNamed(t, "net/http", "Request") || lint.IsNamed(t, "context", "Context") {
			return true
		}
	}
	return false
}

// recvField resolves the RoundTripper a forwarding call goes through to
// the field of the receiver recv it reads: a load of the field, the
// field of a value receiver, a choice between the field and
// http.DefaultTransport (dflt), or a method of the same receiver that
// returns one of these.
func (e *evaluator) recvField(v, recv ssa.Value, depth int) (field string, dflt, ok bool) {
	if depth > 3 {
		return "", false, false
	}
	v = ir.Peel(v)
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return "", false, false
		}
		switch x := v.X.(type) {
		case *ssa.FieldAddr:
			if isRecv(x.X, recv) {
				if f := fieldOf(x); f != nil {
					return f.Name(), false, true
				}
			}
		case *ssa.Global:
			if isDefaultTransport(x) {
				return "", true, true
			}
		}
	case *ssa.Field:
		if isRecv(v.X, recv) {
			if f := fieldOfValue(v); f != nil {
				return f.Name(), false, true
			}
		}
	case *ssa.Phi:
		for _, edge := range v.Edges {
			f, d, ok := e.recvField(edge, recv, depth+1)
			if !ok || (f != "" && field != "" && f != field) {
				return "", false, false
			}
			if f != "" {
				field = f
			}
			dflt = dflt || d
		}
		return field, dflt, true
	case *ssa.Call:
		callee := v.Call.StaticCallee()
		if callee == nil || !e.local(callee) || len(v.Call.Args) == 0 || !isRecv(v.Call.Args[0], recv) || len(callee.Params) == 0 {
			return "", false, false
		}
		inner := callee.Params[0]
		for _, b := range callee.Blocks {
			if len(b.Instrs) == 0 {
				continue
			}
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || len(ret.Results) != 1 {
				continue
			}
			f, d, ok := e.recvField(ret.Results[0], inner, depth+1)
			if !ok || (f != "" && field != "" && f != field) {
				return "", false, false
			}
			if f != "" {
				field = f
			}
			dflt = dflt || d
		}
		return field, dflt, field != "" || dflt
	}
	return "", false, false
}

// isRecv reports whether x is the receiver recv: the parameter itself, a
// value receiver spilled to a local (t0 = local T (b); *t0 = b), or a load
// of it.
func isRecv(x, recv ssa.Value) bool {
	if x == recv {
		return true
	}
	if ld, ok := x.(*ssa.UnOp); ok && ld.Op == token.MUL {
		x = ld.X
	}
	a, ok := x.(*ssa.Alloc)
	if !ok {
		return false
	}
	for _, r := range referrers(a) {
		if st, ok := r.(*ssa.Store); ok && st.Addr == a && st.Val == recv {
			return true
		}
	}
	return false
}

// isDefaultTransport reports whether g is net/http's DefaultTransport.
func isDefaultTransport(g *ssa.Global) bool {
	v, _ := g.Object().(*types.Var)
	if v == nil {
		return false
	}
	k, ok := knownGlobal(v)
	return ok && v.Pkg().Path() == "net/http" && v.Name() == "DefaultTransport" && k != nil
}

// forwardState answers what the forwarding RoundTripper v holds at path:
// what its inner RoundTripper holds, or http.DefaultTransport when that is
// nil and the wrapper falls back to it.
func (e *evaluator) forwardState(v ssa.Value, fw Forward, path string) Info {
	if !fw.NilDefault {
		return e.state(v, fw.Field+"."+path)
	}
	switch e.state(v, fw.Field).State {
	case Unset:
		return e.defaultTransport(path)
	case Set:
		return e.state(v, fw.Field+"."+path)
	}
	return unknown
}

// wrapped answers what the RoundTripper a wrapper is built around holds at
// path.
func (e *evaluator) wrapped(inner ssa.Value, nilDefault bool, path string) Info {
	if nilDefault {
		switch e.leaf(inner).State {
		case Unset:
			return e.defaultTransport(path)
		case Unknown:
			return unknown
		}
	}
	return e.state(inner, path)
}

// defaultTransport answers what http.DefaultTransport holds at path: its
// defaults, and what this package assigns through it
// (http.DefaultTransport.(*http.Transport).ResponseHeaderTimeout = …).
func (e *evaluator) defaultTransport(path string) Info {
	if g := e.stdGlobal("net/http", "DefaultTransport"); g != nil {
		return e.globalCell(g, path)
	}
	return knownDefaultTransport.lookup(path)
}

// defaultClient answers what http.DefaultClient holds at path.
func (e *evaluator) defaultClient(path string) Info {
	if g := e.stdGlobal("net/http", "DefaultClient"); g != nil {
		return e.globalCell(g, path)
	}
	return knownGlobals[[2]string{"net/http", "DefaultClient"}].lookup(path)
}

// Pass says that what result Result of a function holds at the paths
// under Prefix is what its parameter Param holds at the rest of the path:
// the function builds its result around the parameter (a client around
// the transport it is given, a forwarding wrapper around a RoundTripper)
// or returns it.
type Pass struct {
	Result int
	Prefix string
	Param  int
	// NilDefault: a nil argument is http.DefaultTransport.
	NilDefault bool
}

func (p Pass) String() string {
	s := strconv.Itoa(p.Result)
	if p.Prefix != "" {
		s += ":" + p.Prefix
	}
	s += "<-param" + strconv.Itoa(p.Param)
	if p.NilDefault {
		s += "/default"
	}
	return s
}

type passKey struct {
	fn  *ssa.Function
	idx int
}

// passes returns how result idx of the function fn of this package passes
// its parameters through.
func (e *evaluator) passes(fn *ssa.Function, idx int) []Pass {
	k := passKey{fn, idx}
	if ps, ok := e.passMemo[k]; ok {
		return ps
	}
	e.passMemo[k] = nil // recursion: no pass
	var out []Pass
	first := true
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
		if !ok || idx >= len(ret.Results) {
			continue
		}
		ps := e.resolvePasses(ret.Results[idx], fn, 0)
		if first {
			out, first = ps, false
		} else {
			out = intersectPasses(out, ps)
		}
	}
	for i := range out {
		out[i].Result = idx
	}
	e.passMemo[k] = out
	return out
}

// intersectPasses keeps the passes both lists hold.
func intersectPasses(a, b []Pass) []Pass {
	var out []Pass
	for _, p := range a {
		for _, q := range b {
			if p == q {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// resolvePasses returns how the value v of fn holds fn's parameters.
func (e *evaluator) resolvePasses(v ssa.Value, fn *ssa.Function, depth int) []Pass {
	if depth > 8 {
		return nil
	}
	if ps, ok := e.resolved[v]; ok {
		return slices.Clone(ps)
	}
	e.resolved[v] = nil // a cycle through phi nodes: no pass
	ps := e.resolvePassesOf(v, fn, depth)
	e.resolved[v] = ps
	return slices.Clone(ps)
}

func (e *evaluator) resolvePassesOf(v ssa.Value, fn *ssa.Function, depth int) []Pass {
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return e.resolvePasses(v.X, fn, depth+1)
	case *ssa.ChangeInterface:
		return e.resolvePasses(v.X, fn, depth+1)
	case *ssa.ChangeType:
		return e.resolvePasses(v.X, fn, depth+1)
	case *ssa.TypeAssert:
		if !v.CommaOk {
			return e.resolvePasses(v.X, fn, depth+1)
		}
	case *ssa.UnOp:
		// A struct value built in a local variable (wrapper{next: rt}).
		if a, ok := v.X.(*ssa.Alloc); ok && v.Op == token.MUL && structOf(a.Type()) != nil {
			return e.resolvePasses(a, fn, depth+1)
		}
	case *ssa.Parameter:
		if v.Parent() == fn {
			for i, p := range fn.Params {
				if p == v {
					return []Pass{{Param: i}}
				}
			}
		}
	case *ssa.Phi:
		var out []Pass
		for i, edge := range v.Edges {
			ps := e.resolvePasses(edge, fn, depth+1)
			if i == 0 {
				out = ps
			} else {
				out = intersectPasses(out, ps)
			}
		}
		return out
	case *ssa.Alloc:
		st := structOf(v.Type())
		if st == nil {
			return nil
		}
		stores := allocStores(v)
		if fw, ok := e.forwardOf(v.Type()); ok {
			vals := stores[fw.Field]
			if len(vals) != 1 {
				return nil
			}
			ps := e.resolvePasses(vals[0], fn, depth+1)
			for i := range ps {
				ps[i].NilDefault = ps[i].NilDefault || fw.NilDefault
			}
			return ps
		}
		isClient := lint.IsNamed(v.Type(), "net/http", "Client")
		var out []Pass
		for i := range st.NumFields() {
			f := st.Field(i)
			vals := stores[f.Name()]
			if len(vals) != 1 {
				continue
			}
			for _, p := range e.resolvePasses(vals[0], fn, depth+1) {
				p.Prefix = f.Name() + "." + p.Prefix
				p.NilDefault = p.NilDefault || (isClient && f.Name() == "Transport" && p.Prefix == "Transport.")
				out = append(out, p)
			}
		}
		return out
	case *ssa.Call:
		return e.callPasses(v, 0, fn, depth)
	case *ssa.Extract:
		if c, ok := v.Tuple.(*ssa.Call); ok {
			return e.callPasses(c, v.Index, fn, depth)
		}
	}
	return nil
}

// callPasses returns how result idx of the call c, in fn, holds fn's
// parameters: through a wrapper constructor, a clone, or a function that
// passes its own parameters through.
func (e *evaluator) callPasses(c *ssa.Call, idx int, fn *ssa.Function, depth int) []Pass {
	if c.Call.IsInvoke() {
		return nil
	}
	args := c.Call.Args
	obj := calleeObject(&c.Call)
	if obj != nil && idx == 0 {
		if w, ok := wrapCtorOf(obj); ok && w.Arg < len(args) {
			ps := e.resolvePasses(args[w.Arg], fn, depth+1)
			for i := range ps {
				ps[i].NilDefault = ps[i].NilDefault || w.NilDefault
			}
			return ps
		}
		if cloneSet.Has(obj) && len(args) == 1 {
			return e.resolvePasses(args[0], fn, depth+1)
		}
	}
	var out []Pass
	for _, p := range e.callPassList(c) {
		if p.Result != idx || p.Param >= len(args) {
			continue
		}
		for _, q := range e.resolvePasses(args[p.Param], fn, depth+1) {
			out = append(out, Pass{Prefix: p.Prefix + q.Prefix, Param: q.Param, NilDefault: p.NilDefault || q.NilDefault})
		}
	}
	return out
}

// callPassList returns the passes of the function c calls: of this
// package, or from another package's fact.
func (e *evaluator) callPassList(c *ssa.Call) []Pass {
	if c.Call.IsInvoke() {
		return nil
	}
	callee := c.Call.StaticCallee()
	if callee == nil {
		return nil
	}
	if e.local(callee) {
		var out []Pass
		for i := range callee.Signature.Results().Len() {
			out = append(out, e.passes(callee, i)...)
		}
		return out
	}
	obj := calleeObject(&c.Call)
	if obj == nil || e.library(obj.Pkg()) {
		return nil
	}
	var f Fact
	if e.pass.ImportObjectFact(obj, &f) {
		return f.Passes
	}
	return nil
}

// allocStores returns, by field name, the values stored in the fields of
// the struct a points to through its own field addresses.
func allocStores(a *ssa.Alloc) map[string][]ssa.Value {
	out := map[string][]ssa.Value{}
	for _, r := range referrers(a) {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.X != a {
			continue
		}
		f := fieldOf(fa)
		if f == nil {
			continue
		}
		for _, rr := range referrers(fa) {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == fa {
				out[f.Name()] = append(out[f.Name()], st.Val)
			}
		}
	}
	return out
}

// passState answers, by the passes ps of the called function, what result
// idx of a call with args holds at path; added says what the function
// itself assigns through the parameter at the rest of the path. It reports
// false when no pass covers path.
func (e *evaluator) passState(ps []Pass, idx int, args []ssa.Value, path string, added func(p Pass, rest string) Info) (Info, bool) {
	for _, p := range ps {
		if p.Result != idx || p.Param >= len(args) || !strings.HasPrefix(path, p.Prefix) || len(path) == len(p.Prefix) {
			continue
		}
		rest := path[len(p.Prefix):]
		return override(e.wrapped(args[p.Param], p.NilDefault, rest), added(p, rest)), true
	}
	return Info{}, false
}

// Send describes a method that sends the request it is given, unchanged,
// through the *http.Client in a field of its receiver (a type that embeds
// http.Client and forwards Do): the request has that client's bounds.
type Send struct {
	// Field is the receiver's field holding the client (its type's name
	// when embedded).
	Field string
	// Embedded: the field is embedded.
	Embedded bool
	// Req is the index of the request among the method's parameters,
	// receiver excluded.
	Req int
}

func (s Send) String() string {
	return s.Field + ".Do req=param" + strconv.Itoa(s.Req+1)
}

// sendOf reports whether the method m forwards its request to the client
// in a field of its receiver.
func (e *evaluator) sendOf(m *types.Func) (Send, bool) {
	if m == nil {
		return Send{}, false
	}
	m = m.Origin()
	s := decide(e, e.sends, m, func() Send { return e.localSend(m) }, func(f *Fact) *Send { return f.Send })
	return s, s.Field != ""
}

// localSend decides whether the method m of this package sends its
// request parameter, unchanged, through (*http.Client).Do on a field of
// its receiver, once, with nothing that may bound it.
func (e *evaluator) localSend(m *types.Func) Send {
	sig, _ := m.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || sig.Recv().Origin() != sig.Recv() {
		return Send{}
	}
	if rt := lint.RecvTypeName(m); rt == nil || rt.Pkg() != e.pass.Pkg {
		return Send{}
	}
	fn := e.irr.Pkg.Prog.FuncValue(m)
	if fn == nil || fn.Blocks == nil || len(fn.Params) < 2 {
		return Send{}
	}
	recv := fn.Params[0]
	var s Send
	n := 0
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			cc := call.Common()
			if obj := calleeObject(cc); obj != nil && clientDo.Has(obj) && !cc.IsInvoke() && len(cc.Args) == 2 {
				f := recvClientField(cc.Args[0], recv)
				req := -1
				for i, p := range fn.Params[1:] {
					if p == cc.Args[1] {
						req = i
					}
				}
				if f == nil || req < 0 {
					return Send{}
				}
				s = Send{Field: f.Name(), Embedded: f.Embedded(), Req: req}
				n++
				continue
			}
			if obj := calleeObject(cc); obj != nil && (ctxDeadlines.Has(obj) || timers.Has(obj)) {
				return Send{}
			}
			// The receiver, or what it points to, handed elsewhere: the
			// client may be configured there, unseen by importers.
			for _, a := range cc.Args {
				if fromRecv(a, recv) && !isBasic(a.Type()) {
					return Send{}
				}
			}
			if cc.IsInvoke() && fromRecv(cc.Value, recv) {
				return Send{}
			}
		}
	}
	// Nothing stored through the receiver: the method assigns nothing on
	// the client it forwards to, which importers rely on.
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok && fromRecv(st.Addr, recv) {
				return Send{}
			}
		}
	}
	if n != 1 || len(fn.AnonFuncs) > 0 {
		return Send{}
	}
	return s
}

// recvClientField returns the field of the receiver recv that the client
// value v is: a load of a pointer field, the address of a struct field,
// or the field of a value receiver.
func recvClientField(v, recv ssa.Value) *types.Var {
	switch v := v.(type) {
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL && isRecv(fa.X, recv) {
			return fieldOf(fa)
		}
	case *ssa.FieldAddr:
		if v.X == recv {
			return fieldOf(v)
		}
	case *ssa.Field:
		if isRecv(v.X, recv) {
			return fieldOfValue(v)
		}
	}
	return nil
}

// fromRecv reports whether v is the receiver recv or is reached from it
// through fields and loads.
func fromRecv(v, recv ssa.Value) bool {
	for range 16 {
		if isRecv(v, recv) {
			return true
		}
		switch x := v.(type) {
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.Field:
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return false
			}
			v = x.X
		default:
			return false
		}
	}
	return false
}

// isBasic reports whether t is a basic type (a string, a number): handing
// it over cannot configure anything.
func isBasic(t types.Type) bool {
	_, ok := t.Underlying().(*types.Basic)
	return ok
}
