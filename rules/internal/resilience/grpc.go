package resilience

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

// gRPC connections as values. A connection's behaviour comes from the
// dial options it is built with, and a call's from the connection's and
// its own call options; services build those options as values: in
// slices, appended per environment, returned by helpers (of this package
// or, through facts, of another), held in fields and globals, passed on
// with `...`. This file follows them and answers what they mean for the
// rules: whether a dial blocks (dialtimeout), whether a call waits for the
// server to become ready or is bounded by the service config
// (ctxdeadline), how many attempts the service config's retryPolicy makes
// (InnerRetries, and so callsites, nestedretry and the graph).

const grpcPath = "google.golang.org/grpc"

// GRPCEffect is what a gRPC dial or call option does that faultline reads.
type GRPCEffect uint8

// The effects of options.
const (
	// GRPCBlock: Dial and DialContext wait for the connection
	// (WithBlock, WithReturnConnectionError).
	GRPCBlock GRPCEffect = iota + 1
	// GRPCFailOnNonTemp: FailOnNonTempDialError(true), which fails a
	// blocking dial on errors that are not temporary only.
	GRPCFailOnNonTemp
	// GRPCDialTimeout: WithTimeout bounds a blocking Dial.
	GRPCDialTimeout
	// GRPCWaitForReady: WaitForReady(true) or FailFast(false), a call
	// option (Default when set by WithDefaultCallOptions).
	GRPCWaitForReady
	// GRPCFailFast: WaitForReady(false) or FailFast(true), which turns a
	// WaitForReady set before it off.
	GRPCFailFast
	// GRPCServiceConfig: WithDefaultServiceConfig; Config holds what
	// faultline read of it, nil when its JSON is not known.
	GRPCServiceConfig
	// GRPCInterceptor: an interceptor, with the protections it gives
	// (Kinds) and its retries (Layers).
	GRPCInterceptor
	// GRPCDisableRetry: WithDisableRetry turns the retryPolicy off.
	GRPCDisableRetry
	// GRPCMaxCallAttempts: WithMaxCallAttempts(N) caps the attempts of
	// the retryPolicy (5 when N < 2 or unknown).
	GRPCMaxCallAttempts
	// GRPCConnectionTimeout: the server option ConnectionTimeout, which
	// bounds a new connection's handshake (120s when not set).
	GRPCConnectionTimeout
	// GRPCKeepaliveParams: the server option KeepaliveParams
	// (MaxConnectionIdle, MaxConnectionAge, pings to idle clients).
	GRPCKeepaliveParams
	// GRPCKeepaliveEnforcement: the server option
	// KeepaliveEnforcementPolicy, what pings the server tolerates.
	GRPCKeepaliveEnforcement
	// GRPCMaxConcurrentStreams: the server option MaxConcurrentStreams,
	// the streams one connection may open at once (unlimited when not
	// set).
	GRPCMaxConcurrentStreams
	// GRPCStatsHandler: WithStatsHandler, whose handler (otelgrpc's,
	// ocgrpc's, or the program's own: a stats handler exists to record
	// what calls do) gives the connection telemetry.
	GRPCStatsHandler
)

// GRPCOption is one gRPC dial or call option faultline reads.
type GRPCOption struct {
	Effect GRPCEffect
	// Name is the API that sets it: "grpc.WithBlock",
	// "grpc.WaitForReady(true)".
	Name string
	// Pos is where it is added, in the package asking: the option's call,
	// or the call of the helper of another package that adds it. Facts
	// carry no position.
	Pos token.Pos
	// From names the function of another package that adds it
	// ("platform.BlockingOptions"), "" when the package asking adds it.
	From string
	// Default marks a call option set by WithDefaultCallOptions.
	Default bool
	Config  *ServiceConfig // GRPCServiceConfig
	Kinds   Kind           // GRPCInterceptor
	Layers  []Layer        // GRPCInterceptor
	N       int            // GRPCMaxCallAttempts
}

// Describe names the option for messages: "grpc.WithBlock", "grpc.WithBlock
// (from platform.BlockingOptions)".
func (o *GRPCOption) Describe() string {
	if o.From != "" {
		return o.Name + " (from " + o.From + ")"
	}
	return o.Name
}

// GRPCFact is what a function of another package gives the gRPC
// connections built with what it returns: the dial options (or call
// options, or interceptor) its result carries, for a function that
// returns options; the options of the connection it returns, for one that
// returns a connection.
type GRPCFact struct {
	Options []GRPCOption
	// Complete is false when the result may carry options faultline
	// cannot see.
	Complete bool
	// Params are the parameters whose options the result carries too
	// (`extra ...grpc.DialOption`), receiver not counted.
	Params []int
}

// String shows the fact in tests: "grpc(grpc.WithBlock; params 0)".
func (f *GRPCFact) String() string {
	var parts []string
	for _, o := range f.Options {
		s := o.Name
		switch o.Effect {
		case GRPCInterceptor:
			s += "=" + o.Kinds.String()
		case GRPCServiceConfig:
			s += "(" + o.Config.String() + ")"
		}
		parts = append(parts, s)
	}
	s := strings.Join(parts, ", ")
	if len(f.Params) > 0 {
		var ps []string
		for _, p := range f.Params {
			ps = append(ps, strconv.Itoa(p))
		}
		s += "; params " + strings.Join(ps, ",")
	}
	if !f.Complete {
		s += "; incomplete"
	}
	return "grpc(" + s + ")"
}

var (
	grpcDials     = lint.NewFuncSet(grpcPath+".NewClient", grpcPath+".Dial", grpcPath+".DialContext")
	grpcInvoke    = lint.NewFuncSet("(*"+grpcPath+".ClientConn).Invoke", "("+grpcPath+".ClientConnInterface).Invoke")
	grpcNewStream = lint.NewFuncSet("(*"+grpcPath+".ClientConn).NewStream", "("+grpcPath+".ClientConnInterface).NewStream")
	grpcInvokeFn  = lint.NewFuncSet(grpcPath + ".Invoke")
	grpcStreamFn  = lint.NewFuncSet(grpcPath + ".NewClientStream")
	fmtSprintf    = lint.NewFuncSet("fmt.Sprintf")
)

// dialOptionsFrom returns the index of the first dial option of a call of
// grpc.NewClient, Dial or DialContext, or -1.
func dialOptionsFrom(fn *types.Func) int {
	if !grpcDials.Has(fn) {
		return -1
	}
	if fn.Name() == "DialContext" {
		return 2
	}
	return 1
}

// optWalk collects the gRPC options values carry.
type optWalk struct {
	pt       *Protections
	fn       *ssa.Function // computing fn's fact: its parameters are recorded, not unknown
	opts     []GRPCOption
	complete bool
	found    bool // a connection, or a helper that returns one, was met
	params   []int
	seen     map[ssa.Value]bool
}

func (pt *Protections) newOptWalk(fn *ssa.Function) *optWalk {
	return &optWalk{pt: pt, fn: fn, complete: true, seen: map[ssa.Value]bool{}}
}

// value adds the options v carries: v is an option, a slice of options, a
// connection, or a generated client built on one.
func (w *optWalk) value(v ssa.Value, depth int) {
	if v == nil || depth > 10 || w.seen[v] {
		return
	}
	w.seen[v] = true
	w.pt.originsUntil(v, func(o ssa.Value) {
		switch o := o.(type) {
		case *ssa.Const:
			if !o.IsNil() {
				w.complete = false
			}
		case *ssa.Alloc:
			if _, ok := o.Type().(*types.Pointer).Elem().Underlying().(*types.Array); !ok {
				w.complete = false
				return
			}
			for _, e := range arrayElems(o) {
				w.value(e, depth+1)
			}
		case *ssa.MakeSlice:
			for _, e := range sliceStores(o) {
				w.value(e, depth+1)
			}
		case *ssa.Call:
			w.call(o, depth)
		case *ssa.Extract:
			// The call is visited too (see origins).
			if _, ok := o.Tuple.(*ssa.Call); !ok {
				w.complete = false
			}
		case *ssa.Parameter:
			if w.fn != nil && o.Parent() == w.fn {
				if i := ir.ParamIndex(o); i >= 0 && !slices.Contains(w.params, i) {
					w.params = append(w.params, i)
				}
				return
			}
			w.complete = false
		default:
			w.complete = false
		}
	}, w.stop)
}

// stop ends origins at the parameters of the function whose fact is being
// computed, and at calls of this package's helpers that wrap options
// (read by call with the call's own arguments).
func (w *optWalk) stop(v ssa.Value) bool {
	if p, ok := v.(*ssa.Parameter); ok && w.fn != nil && p.Parent() == w.fn {
		return true
	}
	return w.pt.isGRPCWrapperCall(v)
}

// call adds the options of a call's result: an option of grpc, a dial,
// a helper of another package with a fact, a generated client.
func (w *optWalk) call(c *ssa.Call, depth int) {
	callee := ir.Callee(&c.Call)
	if callee == nil {
		w.complete = false
		return
	}
	if sf := c.Call.StaticCallee(); sf != nil && w.pt.isGRPCWrapper(sf) {
		// A helper of this package that wraps the options it is given:
		// what it adds, and what this call gives it.
		sub := w.pt.newOptWalk(sf)
		sub.seen = w.seen
		idx := grpcResult(sf.Signature)
		returns(sf, idx, func(r ssa.Value) { sub.value(r, depth+1) })
		w.opts = append(w.opts, sub.opts...)
		w.found = w.found || sub.found
		if !sub.complete {
			w.complete = false
		}
		for _, p := range sub.params {
			w.value(ir.Arg(&c.Call, p), depth+1)
		}
		return
	}
	if callee.Pkg() != nil && callee.Pkg().Path() == grpcPath {
		if from := dialOptionsFrom(callee); from >= 0 {
			w.found = true
			for i := from; ir.Arg(&c.Call, i) != nil; i++ {
				w.value(ir.Arg(&c.Call, i), depth+1)
			}
			return
		}
		w.option(c, callee, depth)
		return
	}
	if f := w.pt.importedFact(callee); f != nil && f.GRPC != nil {
		w.found = true
		for _, o := range f.GRPC.Options {
			o.Pos = c.Pos()
			if o.From == "" {
				o.From = remote.FuncName(callee)
			}
			w.opts = append(w.opts, o)
		}
		if !f.GRPC.Complete {
			w.complete = false
		}
		for _, p := range f.GRPC.Params {
			w.value(ir.Arg(&c.Call, p), depth+1)
		}
		return
	}
	// A generated client built on a connection: the connection's.
	if callee.Pkg() != nil && !ir.Modelled(callee.Pkg().Path()) {
		for i := range c.Call.Args {
			if isGRPCConn(c.Call.Args[i].Type()) {
				w.value(c.Call.Args[i], depth+1)
				return
			}
		}
	}
	w.complete = false
}

// option adds what a call of a grpc option constructor sets.
func (w *optWalk) option(c *ssa.Call, callee *types.Func, depth int) {
	add := func(o GRPCOption) {
		o.Pos = c.Pos()
		if o.Name == "" {
			o.Name = "grpc." + callee.Name()
		}
		w.opts = append(w.opts, o)
	}
	arg := func(i int) ssa.Value { return ir.Arg(&c.Call, i) }
	switch callee.Name() {
	case "WithBlock", "WithReturnConnectionError":
		add(GRPCOption{Effect: GRPCBlock})
	case "FailOnNonTempDialError":
		if b, ok := constBool(arg(0)); ok && b {
			add(GRPCOption{Effect: GRPCFailOnNonTemp})
		}
	case "WithTimeout":
		add(GRPCOption{Effect: GRPCDialTimeout})
	case "WithDefaultCallOptions":
		sub := w.pt.newOptWalk(w.fn)
		sub.seen = w.seen
		for i := 0; arg(i) != nil; i++ {
			sub.value(arg(i), depth+1)
		}
		for _, o := range sub.opts {
			if o.Effect == GRPCWaitForReady || o.Effect == GRPCFailFast {
				o.Default = true
				w.opts = append(w.opts, o)
			}
		}
		for _, p := range sub.params {
			if !slices.Contains(w.params, p) {
				w.params = append(w.params, p)
			}
		}
	case "WithDefaultServiceConfig":
		o := GRPCOption{Effect: GRPCServiceConfig}
		if s, ok := w.pt.stringValue(arg(0), 0); ok {
			o.Config = parseServiceConfig(s)
		}
		add(o)
	case "WithUnaryInterceptor", "WithChainUnaryInterceptor", "WithStreamInterceptor", "WithChainStreamInterceptor":
		add(GRPCOption{Effect: GRPCInterceptor, Kinds: w.pt.kindsOf(c), Layers: w.pt.configs.retryLayers(c)})
		if w.fn != nil {
			for i := 0; arg(i) != nil; i++ {
				for _, p := range w.pt.interceptorParams(w.fn, arg(i)) {
					if !slices.Contains(w.params, p) {
						w.params = append(w.params, p)
					}
				}
			}
		}
	case "WithStatsHandler":
		add(GRPCOption{Effect: GRPCStatsHandler, Kinds: Telemetry})
	case "WithDisableRetry":
		add(GRPCOption{Effect: GRPCDisableRetry})
	case "WithMaxCallAttempts":
		n, _ := constInt(arg(0))
		add(GRPCOption{Effect: GRPCMaxCallAttempts, N: int(n)})
	case "ConnectionTimeout":
		add(GRPCOption{Effect: GRPCConnectionTimeout})
	case "KeepaliveParams":
		add(GRPCOption{Effect: GRPCKeepaliveParams})
	case "KeepaliveEnforcementPolicy":
		add(GRPCOption{Effect: GRPCKeepaliveEnforcement})
	case "MaxConcurrentStreams":
		add(GRPCOption{Effect: GRPCMaxConcurrentStreams})
	case "WaitForReady":
		if b, ok := constBool(arg(0)); ok {
			if b {
				add(GRPCOption{Effect: GRPCWaitForReady, Name: "grpc.WaitForReady(true)"})
			} else {
				add(GRPCOption{Effect: GRPCFailFast, Name: "grpc.WaitForReady(false)"})
			}
		}
	case "FailFast":
		if b, ok := constBool(arg(0)); ok {
			if b {
				add(GRPCOption{Effect: GRPCFailFast, Name: "grpc.FailFast(true)"})
			} else {
				add(GRPCOption{Effect: GRPCWaitForReady, Name: "grpc.FailFast(false)"})
			}
		}
	}
	// Other options of grpc do nothing faultline reads.
}

// sliceStores returns the values stored into the elements of a slice made
// with make.
func sliceStores(m *ssa.MakeSlice) []ssa.Value {
	var out []ssa.Value
	for _, ref := range *m.Referrers() {
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

func constBool(v ssa.Value) (bool, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(k.Value), true
}

// GRPCDialOptions returns the options of a call of grpc.NewClient, Dial or
// DialContext, in the order they are met; complete is false when some
// option cannot be seen (a parameter of an exported function, a helper of
// another package without a fact), which may then be anything.
func (pt *Protections) GRPCDialOptions(call ssa.CallInstruction) (opts []GRPCOption, complete bool) {
	if pt == nil {
		return nil, false
	}
	from := dialOptionsFrom(ir.Callee(call.Common()))
	if from < 0 {
		return nil, false
	}
	w := pt.newOptWalk(nil)
	for i := from; ir.Arg(call.Common(), i) != nil; i++ {
		w.value(ir.Arg(call.Common(), i), 0)
	}
	return w.opts, w.complete
}

var grpcNewServer = lint.NewFuncSet(grpcPath + ".NewServer")

// GRPCServerOptions returns the options of a call of grpc.NewServer, as
// GRPCDialOptions does for a dial: the same walk through slices, append
// chains, helpers of this package and, through facts, of another;
// complete is false when some option cannot be seen.
func (pt *Protections) GRPCServerOptions(call ssa.CallInstruction) (opts []GRPCOption, complete bool) {
	if pt == nil || !grpcNewServer.Has(ir.Callee(call.Common())) {
		return nil, false
	}
	w := pt.newOptWalk(nil)
	for i := 0; ir.Arg(call.Common(), i) != nil; i++ {
		w.value(ir.Arg(call.Common(), i), 0)
	}
	return w.opts, w.complete
}

// grpcConnOptions returns the dial options of the connections v may be (a
// connection, or a generated client built on one); found is false when no
// dial of a connection is in view.
func (pt *Protections) grpcConnOptions(v ssa.Value) (opts []GRPCOption, complete, found bool) {
	w := pt.newOptWalk(nil)
	w.value(ir.Unembed(v), 0)
	return w.opts, w.complete, w.found
}

// GRPCCall is what the options of a gRPC call's connection and of the call
// itself say about it.
type GRPCCall struct {
	// Method is the method called, "/pkg.Service/Method"; "" when unknown.
	Method string
	// Timeout is the service config that bounds the call (a timeout for
	// its method), nil when none does.
	Timeout *GRPCOption
	// ConfigUnknown reports a service config faultline cannot read (built
	// from a flag, a file, the environment): it may bound the call.
	ConfigUnknown bool
	// WaitForReady is what makes the call wait for the server to become
	// ready rather than fail fast: a WaitForReady call option (default or
	// per call), or the service config's waitForReady for the method.
	// nil when the call fails fast.
	WaitForReady *GRPCOption
}

// GRPCCall returns what the options of its connection and its own say
// about a call of a generated gRPC client (or of Invoke), or nil when the
// call is not one or its connection is not in view.
func (pt *Protections) GRPCCall(call ssa.CallInstruction) *GRPCCall {
	if pt == nil {
		return nil
	}
	conn, method, callOpts, ok := pt.grpcCallParts(call)
	if !ok {
		return nil
	}
	opts, _, found := pt.grpcConnOptions(conn)
	if !found {
		return nil
	}
	out := &GRPCCall{Method: method}
	var cw *optWalk
	if callOpts != nil {
		cw = pt.newOptWalk(nil)
		cw.value(callOpts, 0)
	}
	// The service config first, then the default call options, then the
	// call's own: each overrides the one before (grpc-go's order).
	for i := range opts {
		o := &opts[i]
		if o.Effect != GRPCServiceConfig {
			continue
		}
		if o.Config == nil || o.Config.Invalid {
			out.ConfigUnknown = true
			continue
		}
		mc, sure := o.Config.lookup(method)
		if !sure {
			out.ConfigUnknown = true
		}
		if mc == nil {
			continue
		}
		if mc.HasTimeout && out.Timeout == nil {
			out.Timeout = o
		}
		if mc.WaitForReady != nil && *mc.WaitForReady && out.WaitForReady == nil {
			wfr := *o
			wfr.Name = "the service config's waitForReady"
			out.WaitForReady = &wfr
		}
	}
	pick := func(opts []GRPCOption, dflt bool) {
		var ready, fast *GRPCOption
		for i := range opts {
			o := &opts[i]
			if o.Default != dflt {
				continue
			}
			switch o.Effect {
			case GRPCWaitForReady:
				if ready == nil {
					ready = o
				}
			case GRPCFailFast:
				fast = o
			}
		}
		switch {
		case fast != nil:
			out.WaitForReady = nil
		case ready != nil:
			out.WaitForReady = ready
		}
	}
	pick(opts, true)
	if cw != nil {
		pick(cw.opts, false)
	}
	return out
}

// grpcCallParts returns the connection (or generated client) a gRPC call
// goes through, its method when known, and its call options.
func (pt *Protections) grpcCallParts(call ssa.CallInstruction) (conn ssa.Value, method string, callOpts ssa.Value, ok bool) {
	c := call.Common()
	callee := ir.Callee(c)
	if callee == nil {
		return nil, "", nil, false
	}
	switch {
	case grpcInvoke.Has(callee):
		m, _ := pt.stringValue(ir.Arg(c, 1), 0)
		return ir.Receiver(c), m, ir.Arg(c, 4), true
	case grpcNewStream.Has(callee):
		m, _ := pt.stringValue(ir.Arg(c, 2), 0)
		return ir.Receiver(c), m, ir.Arg(c, 3), true
	case grpcInvokeFn.Has(callee):
		m, _ := pt.stringValue(ir.Arg(c, 1), 0)
		return ir.Arg(c, 4), m, ir.Arg(c, 5), true
	case grpcStreamFn.Has(callee):
		m, _ := pt.stringValue(ir.Arg(c, 3), 0)
		return ir.Arg(c, 2), m, ir.Arg(c, 4), true
	}
	// A method of a generated client: its last parameter is the call
	// options.
	sig, _ := callee.Type().(*types.Signature)
	recv := ir.Receiver(c)
	if sig == nil || recv == nil || !sig.Variadic() || callee.Pkg() == nil || ir.Modelled(callee.Pkg().Path()) {
		return nil, "", nil, false
	}
	last := sig.Params().At(sig.Params().Len() - 1).Type()
	if sl, ok := last.(*types.Slice); !ok || !lint.IsNamed(sl.Elem(), grpcPath, "CallOption") {
		return nil, "", nil, false
	}
	return recv, pt.grpcMethodOf(callee), ir.ArgOf(c, sig.Params().Len(), sig.Params().Len()-1), true
}

// grpcMethodOf returns the gRPC method a method of a generated client
// invokes: from the FullMethodName constant protoc-gen-go-grpc (1.3 and
// later) declares beside it, a fact of its package, or its body.
func (pt *Protections) grpcMethodOf(fn *types.Func) string {
	if m := fullMethodConst(fn); m != "" {
		return m
	}
	if f := pt.importedFact(fn); f != nil && f.GRPCMethod != "" {
		return f.GRPCMethod
	}
	if fn.Pkg() == pt.pass.Pkg {
		if sf := pt.irr.Pkg.Prog.FuncValue(fn); sf != nil {
			return pt.invokedMethod(sf)
		}
	}
	return ""
}

// fullMethodConst returns the method a generated client's method invokes
// from the constant protoc-gen-go-grpc declares beside it:
// Payments_Charge_FullMethodName for PaymentsClient.Charge.
func fullMethodConst(fn *types.Func) string {
	recv := lint.RecvTypeName(fn)
	if recv == nil || fn.Pkg() == nil {
		return ""
	}
	svc, ok := strings.CutSuffix(recv.Name(), "Client")
	if !ok || svc == "" {
		return ""
	}
	svc = strings.ToUpper(svc[:1]) + svc[1:] // the implementation type is unexported
	c, ok := fn.Pkg().Scope().Lookup(svc + "_" + fn.Name() + "_FullMethodName").(*types.Const)
	if !ok || c.Val().Kind() != constant.String {
		return ""
	}
	if m := constant.StringVal(c.Val()); strings.HasPrefix(m, "/") {
		return m
	}
	return ""
}

// invokedMethod returns the constant gRPC method a function of this
// package invokes (Invoke or NewStream on a connection), or "".
func (pt *Protections) invokedMethod(fn *ssa.Function) string {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			callee := ir.Callee(call.Common())
			idx := -1
			switch {
			case grpcInvoke.Has(callee), grpcInvokeFn.Has(callee):
				idx = 1
			case grpcNewStream.Has(callee):
				idx = 2
			}
			if idx < 0 {
				continue
			}
			if m, ok := pt.stringValue(ir.Arg(call.Common(), idx), 0); ok && strings.HasPrefix(m, "/") {
				return m
			}
		}
	}
	return ""
}

// stringValue returns the string v is when the code builds it from
// constants: a constant, a concatenation, fmt.Sprintf of constants, a
// variable or field assigned one such string. A string read from a flag,
// a file or the environment is not known.
func (ix *pkgIndex) stringValue(v ssa.Value, depth int) (string, bool) {
	if v == nil || depth > 6 {
		return "", false
	}
	var out string
	n, ok := 0, true
	ix.origins(v, func(o ssa.Value) {
		n++
		var s string
		var k bool
		switch o := o.(type) {
		case *ssa.Const:
			s, k = ir.ConstString(o)
		case *ssa.BinOp:
			if o.Op == token.ADD {
				var l, r string
				var lk, rk bool
				l, lk = ix.stringValue(o.X, depth+1)
				r, rk = ix.stringValue(o.Y, depth+1)
				s, k = l+r, lk && rk
			}
		case *ssa.Call:
			if fmtSprintf.Has(ir.Callee(&o.Call)) {
				s, k = ix.sprintf(&o.Call, depth)
			}
		}
		if !k || (n > 1 && s != out) {
			ok = false
		}
		out = s
	})
	return out, ok && n > 0
}

// sprintf evaluates fmt.Sprintf of constants.
func (ix *pkgIndex) sprintf(c *ssa.CallCommon, depth int) (string, bool) {
	format, ok := ix.stringValue(ir.Arg(c, 0), depth+1)
	if !ok {
		return "", false
	}
	var args []any
	if a := ir.Arg(c, 1); a != nil {
		if k, ok := a.(*ssa.Const); ok && k.IsNil() {
			return fmt.Sprintf(format, args...), true
		}
		sl, ok := a.(*ssa.Slice)
		if !ok {
			return "", false
		}
		arr, ok := sl.X.(*ssa.Alloc)
		if !ok {
			return "", false
		}
		elems := indexedElems(arr)
		if elems == nil {
			return "", false
		}
		for _, e := range elems {
			x, ok := constValue(ir.Peel(e))
			if !ok {
				if s, ok := ix.stringValue(ir.Peel(e), depth+1); ok {
					x = s
				} else {
					return "", false
				}
			}
			args = append(args, x)
		}
	}
	return fmt.Sprintf(format, args...), true
}

// indexedElems returns the values stored into each element of an array,
// in index order; nil when an element is not stored exactly once with a
// constant index.
func indexedElems(a *ssa.Alloc) []ssa.Value {
	arr, ok := a.Type().(*types.Pointer).Elem().Underlying().(*types.Array)
	if !ok {
		return nil
	}
	out := make([]ssa.Value, arr.Len())
	for _, ref := range *a.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		i, ok := constInt(ia.Index)
		if !ok || i < 0 || int(i) >= len(out) {
			return nil
		}
		for _, r2 := range *ia.Referrers() {
			if st, ok := r2.(*ssa.Store); ok && st.Addr == ia {
				if out[i] != nil {
					return nil
				}
				out[i] = st.Val
			}
		}
	}
	for _, v := range out {
		if v == nil {
			return nil
		}
	}
	return out
}

// constValue returns the Go value of a basic constant.
func constValue(v ssa.Value) (any, bool) {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil {
		return nil, false
	}
	switch k.Value.Kind() {
	case constant.String:
		return constant.StringVal(k.Value), true
	case constant.Bool:
		return constant.BoolVal(k.Value), true
	case constant.Int:
		if n, ok := constant.Int64Val(k.Value); ok {
			return n, true
		}
	case constant.Float:
		f, _ := constant.Float64Val(k.Value)
		return f, true
	}
	return nil, false
}

// interceptorParams returns the parameters of fn whose interceptors the
// interceptor v runs: v is a parameter, or a closure capturing one (a
// chain).
func (pt *Protections) interceptorParams(fn *ssa.Function, v ssa.Value) []int {
	var out []int
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || depth > 6 || seen[v] {
			return
		}
		seen[v] = true
		pt.originsUntil(v, func(o ssa.Value) {
			switch o := o.(type) {
			case *ssa.Parameter:
				if o.Parent() == fn && isInterceptorType(o.Type()) {
					if i := ir.ParamIndex(o); i >= 0 && !slices.Contains(out, i) {
						out = append(out, i)
					}
				}
			case *ssa.MakeClosure:
				for _, b := range o.Bindings {
					if isInterceptorType(b.Type()) {
						for _, cv := range cellValues(b) {
							walk(cv, depth+1)
						}
					}
				}
			case *ssa.Alloc:
				for _, e := range arrayElems(o) {
					walk(e, depth+1)
				}
			}
		}, func(v ssa.Value) bool {
			p, ok := v.(*ssa.Parameter)
			return ok && p.Parent() == fn
		})
	}
	walk(v, 0)
	slices.Sort(out)
	return out
}

// isInterceptorType reports whether t is a gRPC client interceptor, a
// slice of them, or a pointer to a captured one.
func isInterceptorType(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return isInterceptorType(u.Elem())
	case *types.Pointer:
		return isInterceptorType(u.Elem())
	}
	return lint.IsNamed(t, grpcPath, "UnaryClientInterceptor") || lint.IsNamed(t, grpcPath, "StreamClientInterceptor")
}

// isGRPCOptionType reports whether t is what a helper returns that
// faultline follows: dial, call or server options (or slices of them), a
// connection, an interceptor.
func isGRPCOptionType(t types.Type) bool {
	if sl, ok := t.Underlying().(*types.Slice); ok {
		t = sl.Elem()
	}
	return lint.IsNamed(t, grpcPath, "DialOption") || lint.IsNamed(t, grpcPath, "CallOption") ||
		lint.IsNamed(t, grpcPath, "ServerOption") || isGRPCConn(t) || isInterceptorType(t)
}

// grpcFact computes the fact of a function of this package whose result
// carries gRPC options, a connection or an interceptor; nil otherwise.
func (pt *Protections) grpcFact(fn *ssa.Function) *GRPCFact {
	res := fn.Signature.Results()
	idx := -1
	for i := range res.Len() {
		if isGRPCOptionType(res.At(i).Type()) {
			idx = i
			break
		}
	}
	if idx < 0 || len(fn.Blocks) == 0 {
		return nil
	}
	w := pt.newOptWalk(fn)
	if isInterceptorType(res.At(idx).Type()) {
		var k Kind
		var layers []Layer
		var params []int
		returns(fn, idx, func(v ssa.Value) {
			k |= pt.kindsOf(v)
			layers = append(layers, pt.configs.retryLayers(v)...)
			for _, p := range pt.interceptorParams(fn, v) {
				if !slices.Contains(params, p) {
					params = append(params, p)
				}
			}
		})
		if k == 0 && len(params) == 0 {
			return nil
		}
		slices.Sort(params)
		return &GRPCFact{Options: []GRPCOption{{Effect: GRPCInterceptor, Name: "interceptor", Kinds: k, Layers: layers}}, Complete: true, Params: params}
	}
	returns(fn, idx, func(v ssa.Value) { w.value(v, 0) })
	if len(w.opts) == 0 && len(w.params) == 0 && !w.complete {
		return nil
	}
	f := &GRPCFact{Complete: w.complete, Params: w.params}
	for _, o := range w.opts {
		o.Pos = token.NoPos
		f.Options = append(f.Options, o)
	}
	slices.Sort(f.Params)
	return f
}

// grpcOptionKinds returns the protections a fact's options give.
func grpcOptionKinds(opts []GRPCOption) Kind {
	var k Kind
	for _, o := range opts {
		if o.Effect == GRPCInterceptor || o.Effect == GRPCStatsHandler {
			k |= o.Kinds
		}
	}
	return k
}

// grpcLayers returns the retrying layers of a connection built with opts
// for a call of method ("" for any method: the connection's), in the order
// of the options: the service config's retryPolicy (unless retries are
// disabled), capped by WithMaxCallAttempts, and the retry interceptors.
func grpcLayers(opts []GRPCOption, method string) []Layer {
	limit := defaultMaxCallAttempts
	disabled := false
	for _, o := range opts {
		switch o.Effect {
		case GRPCDisableRetry:
			disabled = true
		case GRPCMaxCallAttempts:
			if o.N >= 2 {
				limit = o.N
			}
		}
	}
	var out []Layer
	for _, o := range opts {
		switch o.Effect {
		case GRPCServiceConfig:
			if disabled || o.Config == nil || o.Config.Invalid {
				continue
			}
			n := 0
			if method == "" {
				for _, mc := range o.Config.Methods {
					if mc.Retry != nil {
						n = max(n, mc.Retry.MaxAttempts)
					}
				}
			} else if mc, _ := o.Config.lookup(method); mc != nil && mc.Retry != nil {
				n = mc.Retry.MaxAttempts
			}
			if n > 1 {
				out = append(out, Layer{Via: "the service config's retryPolicy", Attempts: min(n, limit)})
			}
		case GRPCInterceptor:
			out = append(out, o.Layers...)
		}
	}
	return out
}

// defaultMaxCallAttempts is grpc-go's cap on the attempts of a call.
const defaultMaxCallAttempts = 5

// grpcServiceConfigKinds returns the protections the service config of a
// connection built with opts gives a call of method: a timeout, a retry.
func grpcServiceConfigKinds(opts []GRPCOption, method string) Kind {
	var k Kind
	disabled := false
	for _, o := range opts {
		if o.Effect == GRPCDisableRetry {
			disabled = true
		}
	}
	for _, o := range opts {
		if o.Effect != GRPCServiceConfig || o.Config == nil || o.Config.Invalid {
			continue
		}
		mc, _ := o.Config.lookup(method)
		if mc == nil {
			continue
		}
		if mc.HasTimeout {
			k |= Timeout
		}
		if mc.Retry != nil && mc.Retry.MaxAttempts > 1 && !disabled {
			k |= Retry
		}
	}
	return k
}

// serviceConfigs returns the Configs of the service configs' retry
// policies set in the package, for All: grpc-go waits a random delay
// (jittered) before each retry, growing unless backoffMultiplier is 1.
func (rc *RetryConfigs) serviceConfigs(call ssa.CallInstruction) *Config {
	c := call.Common()
	if !grpcServiceConfig.Has(ir.Callee(c)) {
		return nil
	}
	s, ok := rc.stringValue(ir.Arg(c, 0), 0)
	if !ok {
		return nil
	}
	sc := parseServiceConfig(s)
	if sc.Invalid {
		return nil
	}
	var cfg *Config
	for _, mc := range sc.Methods {
		if mc.Retry == nil {
			continue
		}
		if cfg == nil {
			cfg = &Config{API: "the service config's retryPolicy", Pos: call.Pos(), Delay: DelayFixed, Jitter: true, DelayWhy: "backoffMultiplier 1"}
		}
		cfg.Attempts = max(cfg.Attempts, min(mc.Retry.MaxAttempts, defaultMaxCallAttempts))
		if mc.Retry.BackoffMultiplier != 1 {
			cfg.Delay, cfg.DelayWhy = DelayGrowing, ""
		}
	}
	return cfg
}

// interceptorKinds returns the protections a gRPC unary client
// interceptor written in this package gives every call: a deadline it
// derives for the invoker (see deadlineInterceptor), or the breaker,
// retry or timeout policy that runs every call of the invoker.
func (pt *Protections) interceptorKinds(fn *ssa.Function) Kind {
	k := deadlineInterceptor(fn)
	if fn == nil || len(fn.Blocks) == 0 || len(fn.Params) < 6 {
		return k
	}
	invoker := fn.Params[5]
	if !lint.IsNamed(invoker.Type(), grpcPath, "UnaryInvoker") {
		return k
	}
	// The calls of the invoker: directly, through the cell of a variable
	// that holds it, in the closures that capture it.
	var calls []ssa.CallInstruction
	var collect func(v ssa.Value, depth int)
	collect = func(v ssa.Value, depth int) {
		if depth > 6 || v.Referrers() == nil {
			return
		}
		for _, ref := range *v.Referrers() {
			switch ref := ref.(type) {
			case ssa.CallInstruction:
				if !ref.Common().IsInvoke() && ref.Common().Value == v {
					calls = append(calls, ref)
				}
			case *ssa.Store:
				if a, ok := ref.Addr.(*ssa.Alloc); ok && ref.Val == v {
					collect(a, depth+1)
				}
			case *ssa.UnOp:
				if ref.Op == token.MUL && ref.X == v {
					collect(ref, depth+1)
				}
			case *ssa.MakeClosure:
				for i, b := range ref.Bindings {
					if b == v {
						if inner, ok := ref.Fn.(*ssa.Function); ok && i < len(inner.FreeVars) {
							collect(inner.FreeVars[i], depth+1)
						}
					}
				}
			}
		}
	}
	collect(invoker, 0)
	if len(calls) == 0 {
		return k
	}
	g := Kind(Breaker | Retry | Timeout)
	for _, c := range calls {
		g &= pt.guard(c).Kinds
	}
	return k | g
}

// closureKinds returns the protections of a closure: an interceptor's
// own, and those of the interceptors it captures (a chain).
func (pt *Protections) closureKinds(m kindMemo, mc *ssa.MakeClosure, depth int) Kind {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return 0
	}
	k := pt.interceptorKinds(fn)
	if !isInterceptorType(mc.Type()) && !isInterceptorSig(mc.Type()) {
		return k
	}
	for _, b := range mc.Bindings {
		if !isInterceptorType(b.Type()) {
			continue
		}
		for _, v := range cellValues(b) {
			if p, ok := v.(*ssa.Parameter); ok && pt.isGRPCWrapper(p.Parent()) {
				continue // the wrapper's caller adds its arguments: see wrapperKinds
			}
			k |= pt.kindsIn(m, v, depth+1)
		}
	}
	return k
}

// cellValues returns the values a closure's binding holds: the binding,
// or what is stored into it when it is the cell of a captured variable.
func cellValues(b ssa.Value) []ssa.Value {
	a, ok := b.(*ssa.Alloc)
	if !ok || a.Referrers() == nil {
		return []ssa.Value{b}
	}
	if _, ok := a.Type().(*types.Pointer).Elem().Underlying().(*types.Array); ok {
		return []ssa.Value{b}
	}
	var out []ssa.Value
	for _, ref := range *a.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == a {
			out = append(out, st.Val)
		}
	}
	return out
}

// isInterceptorSig reports whether t has the signature of a unary client
// interceptor.
func isInterceptorSig(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 7 && lint.IsNamed(sig.Params().At(5).Type(), grpcPath, "UnaryInvoker")
}

// grpcResult returns the index of the first result of sig that is gRPC
// options, a connection or an interceptor, or -1.
func grpcResult(sig *types.Signature) int {
	for i := range sig.Results().Len() {
		if isGRPCOptionType(sig.Results().At(i).Type()) {
			return i
		}
	}
	return -1
}

// isGRPCWrapper reports whether fn is a function of this package that
// returns gRPC options, a connection or an interceptor and takes some
// (options to add, interceptors to chain): what it returns depends on
// each call's arguments.
func (pt *Protections) isGRPCWrapper(fn *ssa.Function) bool {
	fn = ir.Origin(fn)
	if fn.Pkg != pt.irr.Pkg || len(fn.Blocks) == 0 || fn.Parent() != nil || grpcResult(fn.Signature) < 0 {
		return false
	}
	params := fn.Signature.Params()
	for i := range params.Len() {
		if isGRPCOptionType(params.At(i).Type()) {
			return true
		}
	}
	return false
}

// isGRPCWrapperCall reports whether v is a call of a gRPC wrapper of this
// package (see isGRPCWrapper).
func (pt *Protections) isGRPCWrapperCall(v ssa.Value) bool {
	c, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	sf := c.Call.StaticCallee()
	return sf != nil && pt.isGRPCWrapper(sf)
}

// wrapperKinds returns the protections of the result of a call of a gRPC
// wrapper of this package: what the wrapper adds, and the protections of
// the arguments it wraps, at this call.
func (pt *Protections) wrapperKinds(m kindMemo, c *ssa.CallCommon, sf *ssa.Function, depth int) Kind {
	sf = ir.Origin(sf)
	idx := grpcResult(sf.Signature)
	var k Kind
	var params []int
	if isInterceptorType(sf.Signature.Results().At(idx).Type()) {
		returns(sf, idx, func(r ssa.Value) {
			k |= pt.kindsIn(m, r, depth+1)
			params = append(params, pt.interceptorParams(sf, r)...)
		})
	} else {
		w := pt.newOptWalk(sf)
		returns(sf, idx, func(r ssa.Value) { w.value(r, depth+1) })
		k = grpcOptionKinds(w.opts)
		params = w.params
	}
	for _, p := range params {
		if a := ir.Arg(c, p); a != nil {
			k |= pt.kindsIn(m, a, depth+1)
		}
	}
	return k
}
