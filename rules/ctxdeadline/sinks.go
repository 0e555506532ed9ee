package ctxdeadline

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/ir"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
	"github.com/faultline-dev/faultline/rules/internal/valueflow"
)

// use is a context (or request) that a call site hands to a remote call.
type use struct {
	arg  ssa.Value // the context or request
	api  string    // the remote API it reaches
	kind remote.Kind
	via  []string // the functions between the call site and api, nearest first

	transport Transport // see Sink.Transport
	hang      string    // see Sink.Hang
	ready     readiness // see Sink.WaitsForReady
	at        string    // see Sink.At: the calls below the call site
	stream    StreamUse // see Sink.Stream
}

// describe names the path to the remote API, for messages.
func (u use) describe() string {
	return strings.Join(append(slices.Clone(u.via), u.api), " → ")
}

var (
	// dialers dial with their own Timeout or Deadline when set.
	dialers = lint.NewFuncSet(
		"(*net.Dialer).DialContext",
		"(*crypto/tls.Dialer).DialContext",
		"(*github.com/segmentio/kafka-go.Dialer).DialContext",
		"(*github.com/segmentio/kafka-go.Dialer).DialLeader",
	)
	httpClientDo = lint.NewFuncSet("(*net/http.Client).Do")
	retryableDo  = lint.NewFuncSet("(*github.com/hashicorp/go-retryablehttp.Client).Do")
	retryableNew = lint.NewFuncSet("github.com/hashicorp/go-retryablehttp.NewClient")
	redisNew     = lint.NewFuncSet(
		"github.com/redis/go-redis/v9.NewClient",
		"github.com/redis/go-redis/v9.NewClusterClient",
		"github.com/redis/go-redis/v9.NewFailoverClient",
		"github.com/redis/go-redis/v9.NewFailoverClusterClient",
		"github.com/redis/go-redis/v9.NewUniversalClient",
		"github.com/redis/go-redis/v9.NewRing",
		"github.com/go-redis/redis/v8.NewClient",
		"github.com/go-redis/redis/v8.NewClusterClient",
		"github.com/go-redis/redis/v8.NewFailoverClient",
		"github.com/go-redis/redis/v8.NewFailoverClusterClient",
		"github.com/go-redis/redis/v8.NewUniversalClient",
		"github.com/go-redis/redis/v8.NewRing",
	)
)

// uses returns the contexts that the call at s hands to remote calls: the
// call is a remote API of the table, or a function whose parameters reach
// one (its fact, or the sinks computed so far for this package).
func (c *checker) uses(s site) []use {
	us := c.resolveStream(s.call, c.contextUses(s))
	if len(us) > 0 && c.timeoutGuarded(s.call) {
		return nil
	}
	c.markReady(s.call, us)
	return us
}

// contextUses is uses without the guards from outside the context.
func (c *checker) contextUses(s site) []use {
	cc := s.call.Common()
	callee := ir.Callee(cc)
	if callee != nil {
		if api, ok := c.rem.API(callee); ok {
			return c.directUses(cc, callee, api)
		}
	}
	var sinks []Sink
	var name string
	var nparams int
	switch key := c.calleeKey(cc).(type) {
	case *ssa.Function:
		sinks, name, nparams = sortedSinks(c.sinks[key]), funcLabel(key), key.Signature.Params().Len()
	case *types.Func:
		sinks, name = c.ifaceSinks(key), remote.FuncName(key)
		nparams = key.Type().(*types.Signature).Params().Len()
	default:
		if callee == nil || callee.Pkg() == nil || callee.Pkg() == c.pass.Pkg {
			return nil
		}
		var fact Fact
		if !c.pass.ImportObjectFact(callee, &fact) {
			return nil
		}
		sinks, name = fact.Sinks, remote.FuncName(callee)
		nparams = callee.Type().(*types.Signature).Params().Len()
	}
	var out []use
	for _, sk := range sinks {
		arg := ir.ArgOf(cc, nparams, sk.Param)
		if arg == nil {
			continue
		}
		via := append([]string{name}, sk.Via...)
		if len(via) > maxVia {
			via = via[:maxVia]
		}
		out = append(out, use{arg: arg, api: sk.API, kind: sk.Kind, via: via, transport: sk.Transport, hang: sk.Hang, ready: readiness{what: sk.WaitsForReady}, at: sk.At, stream: sk.Stream})
	}
	return out
}

// timeoutGuarded reports whether something other than the context bounds
// the call: a timeout interceptor on the connection the call goes through
// (go-grpc-middleware's timeout.UnaryClientInterceptor, a framework's
// connection with a default deadline), the timeout of the connection's
// service config for the method called, or a timeout policy it runs
// under.
func (c *checker) timeoutGuarded(call ssa.CallInstruction) bool {
	if c.res == nil {
		return false
	}
	g, ok := c.guarded[call]
	if !ok {
		g = c.res.Protections().ClientGuard(call).Kinds.Has(resilience.Timeout) || c.res.Protections().Guard(call).Kinds.Has(resilience.Timeout) ||
			c.grpcBounded(call)
		c.guarded[call] = g
	}
	return g
}

// directUses returns the context a call of a remote API depends on for a
// bound, or nothing when something else bounds the call or when waiting
// is the call's purpose.
func (c *checker) directUses(cc *ssa.CallCommon, callee *types.Func, api *remote.API) []use {
	// A gRPC stream is followed up to the call that shows its kind (see
	// resolveStream); other libraries' streams are meant to stay open.
	grpcStream := api.Stream && api.Kind == remote.GRPC
	var stream StreamUse
	if grpcStream {
		stream = StreamOpen
	}
	switch {
	case api.Consume, api.Bounded(), api.Stream && !grpcStream:
		// Waiting is its purpose, something else bounds it (see the
		// catalogue), or it opens a stream meant to stay open.
		return nil
	case api.Library().BoundsSet() != nil && remote.BuiltWith(ir.Receiver(cc), api.Library(), api.Library().BoundsSet()):
		// The client was built with a timeout of its own (mongo's
		// options.SetTimeout).
		return nil
	case dialers.Has(callee):
		if c.dialerBounded(ir.Receiver(cc), callee) {
			return nil
		}
	case api.Library() == catalog.GoRedis:
		if !redisUnbounded(ir.Receiver(cc)) {
			return nil
		}
	}
	var arg ssa.Value
	var transport Transport
	switch {
	case api.Ctx >= 0:
		arg = argOfFunc(cc, callee, api.Ctx)
	case api.CtxFrom != "":
		arg = remote.CtxFromChain(ir.Receiver(cc), api)
	case api.Req >= 0:
		if !c.httpUnbounded(cc, callee) {
			return nil
		}
		arg = argOfFunc(cc, callee, api.Req)
		transport = c.transportBound(cc, callee)
	}
	if arg == nil {
		return nil
	}
	var hang string
	if h := api.Hang(); h != api.Kind.Hang() {
		hang = h
	}
	return []use{{arg: arg, api: remote.FuncName(callee), kind: api.Kind, transport: transport, hang: hang, stream: stream}}
}

// resolveStream decides, at a call whose result shows the kind of the gRPC
// stream it opens (a generated client's streaming method), how the uses
// that open one (StreamOpen) are reported, after nobreaker's reading of
// the stream's kind (rules/nobreaker/doc.md): a client stream (an upload
// ended by CloseAndRecv) is a request/response call, which a context with
// no deadline leaves unbounded, and becomes a plain use; a bidirectional
// stream, and a server stream opened in a loop or in a goroutine
// (resilience.LongLivedStream), are held open on purpose and are dropped;
// any other server stream becomes StreamServer: a listing when opened
// with a request's context, reported then. Where the kind does not show
// yet (NewStream itself, a wrapper that hides the stream's type), the use
// stays StreamOpen, followed to the callers but never reported.
func (c *checker) resolveStream(call ssa.CallInstruction, us []use) []use {
	var kind resilience.StreamKind
	known := false
	out := us[:0:0]
	for _, u := range us {
		if u.stream != StreamOpen {
			out = append(out, u)
			continue
		}
		if !known {
			kind, known = resilience.StreamKindOf(call), true
		}
		switch kind {
		case resilience.NotStream:
			out = append(out, u)
		case resilience.ClientStream:
			u.stream = ""
			out = append(out, u)
		case resilience.ServerStream:
			if c.res != nil && c.res.Analysed() && !c.res.LongLivedStream(call) {
				u.stream = StreamServer
				out = append(out, u)
			}
		}
	}
	return out
}

// httpUnbounded reports whether nothing but the request's context bounds
// an HTTP call: a client with no Timeout, or a transport.
func (c *checker) httpUnbounded(cc *ssa.CallCommon, callee *types.Func) bool {
	recv := ir.Receiver(cc)
	switch {
	case httpClientDo.Has(callee):
		if c.vf != nil {
			switch c.vf.HTTPClientTimeout(recv) {
			case valueflow.Set:
				return false
			case valueflow.Unset:
				return true
			}
		}
		// valueflow could not tell: look at the client locally.
		v := ir.Peel(recv)
		if isGlobalLoad(v, "net/http", "DefaultClient") {
			return true
		}
		return fieldsSet(v, "Timeout") == unset
	case retryableDo.Has(callee):
		return retryableUnbounded(ir.Peel(recv))
	}
	return true // a transport: no overall timeout
}

// transportBound says what the transport of an HTTP call (the client's,
// for Do) bounds: the wait for response headers when some origin of the
// transport sets ResponseHeaderTimeout (the call is then bounded until the
// headers arrive, not after), or nothing, or what faultline cannot see.
func (c *checker) transportBound(cc *ssa.CallCommon, callee *types.Func) Transport {
	if c.vf == nil || retryableDo.Has(callee) {
		return TransportNone
	}
	var t valueflow.TransportTimeouts
	if httpClientDo.Has(callee) {
		t = c.vf.ClientTransport(ir.Receiver(cc))
	} else {
		t = c.vf.Transport(ir.Receiver(cc)) // RoundTrip
	}
	switch t.ResponseHeader.State {
	case valueflow.Set:
		return TransportHeader
	case valueflow.Unknown:
		return TransportUnknown
	}
	return TransportNone
}

// dialerBounded reports whether a dialer has (or may have) a Timeout or a
// Deadline. tls.Dialer dials with its NetDialer, or a zero net.Dialer.
// valueflow follows the dialer to where it is built (a composite literal
// held by value and copied into its variable, a constructor, a field);
// where it cannot tell, the dialer is judged in view.
func (c *checker) dialerBounded(recv ssa.Value, callee *types.Func) bool {
	fields := []string{"Timeout", "Deadline"}
	prefix := ""
	if tn := lint.RecvTypeName(callee); tn != nil && lint.IsNamed(tn.Type(), "crypto/tls", "Dialer") {
		prefix = "NetDialer."
	}
	if c.vf != nil {
		switch c.vf.DialerTimeoutAt(recv, prefix) {
		case valueflow.Set:
			return true
		case valueflow.Unset:
			return false
		}
	}
	if prefix != "" {
		fields = []string{"NetDialer"}
	}
	return fieldsSet(ir.Peel(recv), fields...) != unset
}

// setState is what is known of a struct's fields.
type setState int

const (
	unknown setState = iota // built or changed where faultline does not look
	unset                   // every field asked for is zero
	set                     // one of them is given a non-zero value
)

// isGlobalLoad reports whether v loads the package-level variable
// pkg.name.
func isGlobalLoad(v ssa.Value, pkg, name string) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	g, ok := load.X.(*ssa.Global)
	if !ok {
		return false
	}
	obj := g.Object()
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == pkg && obj.Pkg().Scope().Lookup(name) == obj
}

// fieldsSet says whether one of fields is given a non-zero value on the
// struct that v (a pointer to a local variable or composite literal)
// points to. A struct that escapes into a function or another variable is
// unknown: it may be configured there. A whole struct stored into the
// variable (v := T{…}, whose literal SSA builds in a temporary and copies
// in, or v := w) counts with the fields of what is stored.
func fieldsSet(v ssa.Value, fields ...string) setState {
	return fieldsSetDepth(v, 0, fields)
}

func fieldsSetDepth(v ssa.Value, depth int, fields []string) setState {
	alloc, ok := v.(*ssa.Alloc)
	if !ok || alloc.Referrers() == nil || depth > 4 {
		return unknown
	}
	st := unset
	for _, ref := range *alloc.Referrers() {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
			if slices.Contains(fields, fieldName(ref)) && storesNonZero(ref) {
				return set
			}
		case *ssa.Store:
			if ref.Val == alloc {
				st = unknown
			}
			if ref.Addr == alloc {
				switch whole := ref.Val.(type) {
				case *ssa.Const: // the zero struct
				case *ssa.UnOp:
					switch fieldsSetDepth(whole.X, depth+1, fields) {
					case set:
						return set
					case unknown:
						st = unknown
					}
				default:
					st = unknown
				}
			}
		case ssa.CallInstruction:
			cc := ref.Common()
			for i, arg := range cc.Args {
				// The receiver of a static method call is fine;
				// anything else may configure the struct.
				if arg == alloc && (i > 0 || cc.IsInvoke() || !isMethodCall(cc)) {
					st = unknown
				}
			}
		case *ssa.MakeInterface, *ssa.MakeClosure, *ssa.ChangeType:
			st = unknown
		}
	}
	return st
}

// isMethodCall reports whether a static call's callee is a method, whose
// receiver is Args[0].
func isMethodCall(cc *ssa.CallCommon) bool {
	sf := cc.StaticCallee()
	return sf != nil && sf.Signature.Recv() != nil
}

// fieldName returns the name of the field a FieldAddr selects.
func fieldName(fa *ssa.FieldAddr) string {
	pt, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return ""
	}
	st, ok := pt.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return ""
	}
	return st.Field(fa.Field).Name()
}

// storesNonZero reports whether a value other than the constant zero is
// stored at a field address.
func storesNonZero(fa *ssa.FieldAddr) bool {
	if fa.Referrers() == nil {
		return false
	}
	for _, ref := range *fa.Referrers() {
		st, ok := ref.(*ssa.Store)
		if !ok || st.Addr != fa {
			continue
		}
		if k, ok := st.Val.(*ssa.Const); ok && (k.Value == nil || isZero(k.Value)) {
			continue
		}
		return true
	}
	return false
}

func isZero(v constant.Value) bool {
	switch v.Kind() {
	case constant.Int, constant.Float:
		return constant.Sign(v) == 0
	case constant.Bool:
		return !constant.BoolVal(v)
	case constant.String:
		return constant.StringVal(v) == ""
	}
	return false
}

// constField returns the constant stored into field name of the struct
// alloc points to, when there is exactly one such store.
func constField(alloc *ssa.Alloc, name string) (constant.Value, bool) {
	var found constant.Value
	n := 0
	for _, ref := range *alloc.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok || fieldName(fa) != name || fa.Referrers() == nil {
			continue
		}
		for _, r := range *fa.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa {
				n++
				if k, ok := st.Val.(*ssa.Const); ok && k.Value != nil {
					found = k.Value
				} else {
					found = nil
				}
			}
		}
	}
	return found, n == 1 && found != nil
}

// redisUnbounded reports whether a go-redis client is built, in view, with
// its socket read timeout disabled (ReadTimeout -1 or -2), so that only
// the context bounds a command; with go-redis v9 only if the client also
// applies context deadlines (ContextTimeoutEnabled). With the defaults
// the client's own ReadTimeout (3s, 5s in recent releases) bounds every
// command, and the rule stays silent.
func redisUnbounded(recv ssa.Value) bool {
	v := ir.Peel(recv)
	// Commands are methods of the embedded cmdable: *(&client.cmdable).
	for range 4 {
		load, ok := v.(*ssa.UnOp)
		if !ok || load.Op != token.MUL {
			break
		}
		fa, ok := load.X.(*ssa.FieldAddr)
		if !ok || !embedded(fa.X.Type(), fa.Field) {
			break
		}
		v = ir.Peel(fa.X)
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	callee := ir.Callee(&call.Call)
	if !redisNew.Has(callee) {
		return false
	}
	opt, ok := ir.Peel(argOfFunc(&call.Call, callee, 0)).(*ssa.Alloc)
	if !ok || opt.Referrers() == nil {
		return false
	}
	rt, ok := constField(opt, "ReadTimeout")
	if !ok || rt.Kind() != constant.Int || constant.Sign(rt) >= 0 {
		return false
	}
	if strings.HasPrefix(callee.Pkg().Path(), "github.com/redis/go-redis/v9") {
		cte, ok := constField(opt, "ContextTimeoutEnabled")
		return ok && cte.Kind() == constant.Bool && constant.BoolVal(cte)
	}
	return true
}

// retryableUnbounded reports whether a retryablehttp client is
// retryablehttp.NewClient() used as is: its HTTP client has no Timeout.
func retryableUnbounded(v ssa.Value) bool {
	call, ok := v.(*ssa.Call)
	if !ok || !retryableNew.Has(ir.Callee(&call.Call)) || call.Referrers() == nil {
		return false
	}
	for _, ref := range *call.Referrers() {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
			if fieldName(ref) == "HTTPClient" {
				return false
			}
		case *ssa.Store, *ssa.MakeInterface, *ssa.MakeClosure:
			return false
		case ssa.CallInstruction:
			for i, arg := range ref.Common().Args {
				if arg == call && i > 0 {
					return false
				}
			}
		}
	}
	return true
}
