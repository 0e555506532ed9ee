// Package valueflow follows configuration values (http.Client,
// http.Transport, http.Server, net.Dialer, retryablehttp.Client, …) back
// through SSA to where they are built, across functions and packages, to
// tell whether a field such as Timeout is set.
//
// A question is a value and a field path: "is c.Timeout set?" is
// (c, "Timeout"); "is the handshake of c's transport bounded?" is
// (c, "Transport.TLSHandshakeTimeout"); the step "$dialer" goes from a
// DialContext or Dial function value to the net.Dialer whose method it is
// (Transport.DialContext.$dialer.Timeout), and the step "$unix" asks
// whether such a function dials only unix-domain sockets (UnixStep). The
// answer joins every origin of the value:
//
//   - composite literals and new(T), with every later assignment to the
//     field through any alias (c.Timeout = …, c.HTTPClient.Timeout = …);
//   - functions of this package that build the value (their returns) or
//     configure it (a parameter whose fields they assign);
//   - values stored in struct fields and package-level variables and read
//     back elsewhere (s.client set in a constructor, a client configured
//     in init);
//   - phi nodes and closures' captured variables;
//   - the library values faultline knows: http.DefaultClient (nothing set),
//     http.DefaultTransport and its Clone (dial 30s, TLS handshake 10s, no
//     response-header timeout), go-cleanhttp, retryablehttp.NewClient,
//     kafka-go's DefaultDialer;
//   - functions, struct fields and variables of other packages, through
//     facts this analyzer exports on them.
//
// An origin that is not followed (a parameter, an interface value, the
// result of an unmodelled call, a value that escapes where its fields may
// be assigned unseen) makes the answer Unknown unless another origin sets
// the field: rules stay silent on Unknown. A zero constant (Timeout: 0)
// is not a setting; any other value, constant or not, is.
//
// The analysis is flow-insensitive: an assignment anywhere counts, before
// or after the use, with one exception: a copy of a struct-valued local
// (d2 := d, or a composite literal copied into its variable) holds only
// the assignments through the local that may come before the copy. An assignment after a library constructor replaces the
// constructor's value (c := retryablehttp.NewClient(); c.RetryMax = 2 has
// RetryMax 2); otherwise origins and assignments join.
package valueflow

import (
	"go/types"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// State is what is known of a configuration value.
type State int

const (
	Unknown State = iota // comes from somewhere not followed: stay silent
	Unset                // every origin leaves it unset
	Set                  // some origin sets it
)

// String returns "unknown", "unset" or "set".
func (s State) String() string {
	switch s {
	case Unset:
		return "unset"
	case Set:
		return "set"
	}
	return "unknown"
}

// Info is what is known of one field: its State and, when every origin
// that sets it assigns the same constant, that constant.
type Info struct {
	State State
	// Const reports that Value holds the constant every setting origin
	// assigns.
	Const bool
	// Value is the constant: nanoseconds for a time.Duration, the number
	// for other integers.
	Value int64
	// IsDuration reports that the field is a time.Duration.
	IsDuration bool
}

// Duration returns the constant duration the field is set to, if known.
func (i Info) Duration() (time.Duration, bool) {
	if i.State != Set || !i.Const || !i.IsDuration {
		return 0, false
	}
	return time.Duration(i.Value), true
}

// String returns the constant ("10s", "4") when known, else the state.
func (i Info) String() string {
	if i.State == Set && i.Const {
		if i.IsDuration {
			return time.Duration(i.Value).String()
		}
		return strconv.FormatInt(i.Value, 10)
	}
	return i.State.String()
}

var (
	unknown = Info{State: Unknown}
	unset   = Info{State: Unset}
	set     = Info{State: Set}
)

func setTo(d time.Duration) Info {
	return Info{State: Set, Const: true, Value: int64(d), IsDuration: true}
}

func setInt(n int64) Info { return Info{State: Set, Const: true, Value: n} }

// join combines what two origins say of a field: a field is Set when some
// origin sets it, Unknown when none does and some origin is not followed,
// and Unset when every origin leaves it zero.
func join(a, b Info) Info {
	switch {
	case a.State == Set && b.State == Set:
		if a.Const && b.Const && a.Value == b.Value {
			return a
		}
		return Info{State: Set, IsDuration: a.IsDuration && b.IsDuration}
	case a.State == Set:
		return a
	case b.State == Set:
		return b
	case a.State == Unknown || b.State == Unknown:
		return unknown
	}
	return unset
}

// override combines what a value's origin says of a field with what
// assignments after construction say: an assignment replaces the origin's
// constant (c := retryablehttp.NewClient(); c.RetryMax = 2 has RetryMax
// 2), and otherwise the two join.
func override(origin, assigned Info) Info {
	if assigned.State == Set {
		return assigned
	}
	return join(origin, assigned)
}

// DialerStep is the path step from a DialContext or Dial function value to
// the net.Dialer whose bound method it is.
const DialerStep = "$dialer"

// Analyzer computes value-flow facts and answers value-flow questions
// for the rules of one package.
var Analyzer = &analysis.Analyzer{
	Name:       "faultlinevalueflow",
	Doc:        "follow configuration values to their origins (faultline internal)",
	Run:        run,
	Requires:   []*analysis.Analyzer{ir.Analyzer},
	FactTypes:  []analysis.Fact{new(Fact), new(PackageFact)},
	ResultType: reflect.TypeFor[*Result](),

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// Result answers value-flow questions within one package. It is safe for
// concurrent use by the rules that require it.
type Result struct {
	mu sync.Mutex
	e  *evaluator // nil when the package was not analysed
}

func run(pass *analysis.Pass) (any, error) {
	irr := lint.ResultOf[*ir.IR](pass)
	if irr == nil {
		return &Result{}, nil
	}
	e := newEvaluator(pass, irr)
	pass.ExportPackageFact(&PackageFact{Analysed: true})
	e.exportFacts()
	return &Result{e: e}, nil
}

// State answers whether the field path of the value v is set: path is a
// dot-separated list of field names (and DialerStep), read from the
// struct v points to or holds.
func (r *Result) State(v ssa.Value, path string) Info {
	if r == nil || r.e == nil || v == nil || path == "" {
		return unknown
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.e.state(v, path)
}

// HTTPClientTimeout reports whether the *http.Client (or http.Client) v has
// a non-zero Timeout. http.DefaultClient is Unset.
func (r *Result) HTTPClientTimeout(v ssa.Value) State { return r.State(v, "Timeout").State }

// ClientTimeout reports whether the *http.Client v has a non-zero Timeout,
// and the constant it is set to, when every origin sets the same one.
func (r *Result) ClientTimeout(v ssa.Value) (State, time.Duration) {
	i := r.State(v, "Timeout")
	d, _ := i.Duration()
	return i.State, d
}

// DefaultClientTimeout reports whether this package sets
// http.DefaultClient.Timeout (through which http.Get and its kin send).
// It is Unset unless an assignment in this package sets it.
func (r *Result) DefaultClientTimeout() State {
	if r == nil || r.e == nil {
		return Unset
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	g := r.e.stdGlobal("net/http", "DefaultClient")
	if g == nil {
		return Unset
	}
	return r.e.globalCell(g, "Timeout").State
}

// ServerReadTimeout reports whether the *http.Server (or http.Server) v
// bounds the read of request headers: ReadHeaderTimeout or, which the
// server falls back to, ReadTimeout.
func (r *Result) ServerReadTimeout(v ssa.Value) State { return r.ServerReadTimeoutAt(v, "") }

// ServerReadTimeoutAt is ServerReadTimeout for the *http.Server at the
// field path prefix of v ("Server." for echo's Echo).
func (r *Result) ServerReadTimeoutAt(v ssa.Value, prefix string) State {
	return join(r.State(v, prefix+"ReadHeaderTimeout"), r.State(v, prefix+"ReadTimeout")).State
}

// FirstVariadic answers what the first element of the variadic argument
// v (the slice a call of a variadic function passes) holds at path: the
// Config of fiber.New(cfg), the ListenConfig of fiber v3's Listen.
func (r *Result) FirstVariadic(v ssa.Value, path string) Info {
	if r == nil || r.e == nil || v == nil || path == "" {
		return unknown
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.e.firstVariadic(v, path)
}

// DialerTimeout reports whether the *net.Dialer (or kafka-go *Dialer) v
// bounds its dials with Timeout or Deadline.
func (r *Result) DialerTimeout(v ssa.Value) State { return r.DialerTimeoutAt(v, "") }

// DialerTimeoutAt is DialerTimeout for the dialer at the field path
// prefix of v ("NetDialer." for a tls.Dialer).
func (r *Result) DialerTimeoutAt(v ssa.Value, prefix string) State {
	return join(r.State(v, prefix+"Timeout"), r.State(v, prefix+"Deadline")).State
}

// RetryableClientTimeout reports whether the *retryablehttp.Client v has an
// HTTPClient with a non-zero Timeout, and the constant, when known.
func (r *Result) RetryableClientTimeout(v ssa.Value) (State, time.Duration) {
	i := r.State(v, "HTTPClient.Timeout")
	d, _ := i.Duration()
	return i.State, d
}

// TransportTimeouts is what is known of the timeouts of an http.Transport.
type TransportTimeouts struct {
	// Dial: DialContext or Dial is a bound method of a net.Dialer with
	// Timeout or Deadline. Unset when both are nil (the transport then
	// dials with a zero net.Dialer) or the dialer has neither; Unknown when
	// a function faultline does not follow dials.
	Dial Info
	// TLSHandshake: TLSHandshakeTimeout; Unknown when DialTLSContext or
	// DialTLS replace the transport's own handshake.
	TLSHandshake Info
	// ResponseHeader: ResponseHeaderTimeout.
	ResponseHeader Info
}

// Transport returns the timeouts of the *http.Transport (or an
// http.RoundTripper holding one) v.
func (r *Result) Transport(v ssa.Value) TransportTimeouts {
	return r.transportAt(v, "")
}

// ClientTransport returns the timeouts of the transport of the
// *http.Client v: its Transport, or http.DefaultTransport when that is nil.
// A RoundTripper that only forwards to another (otelhttp, opentracing's
// nethttp, OpenCensus' ochttp, promhttp, one of the user's own) has the
// timeouts of the one it forwards to.
func (r *Result) ClientTransport(v ssa.Value) TransportTimeouts {
	return r.ClientTransportAt(v, "")
}

// ClientTransportAt is ClientTransport for the client at the field path
// prefix of v ("Client." for a type that embeds *http.Client).
func (r *Result) ClientTransportAt(v ssa.Value, prefix string) TransportTimeouts {
	switch r.State(v, prefix+"Transport").State {
	case Unset:
		return r.defaultTransportTimeouts()
	case Unknown:
		return TransportTimeouts{Dial: unknown, TLSHandshake: unknown, ResponseHeader: unknown}
	}
	return r.transportAt(v, prefix+"Transport.")
}

// ClientDialsUnix answers whether the transport of the *http.Client v
// (at the field path prefix of v) dials unix-domain sockets: Set when its
// DialContext or Dial dials the network "unix" (see UnixStep), Unset when
// it dials TCP (http.DefaultTransport, a net.Dialer's method, a function
// dialing the network it is given), Unknown when faultline cannot tell.
func (r *Result) ClientDialsUnix(v ssa.Value, prefix string) State {
	return join(r.State(v, prefix+"Transport.DialContext."+UnixStep), r.State(v, prefix+"Transport.Dial."+UnixStep)).State
}

func (r *Result) transportAt(v ssa.Value, prefix string) TransportTimeouts {
	return transportTimeouts(func(path string) Info { return r.State(v, prefix+path) })
}

// transportTimeouts reads the timeouts of a transport whose paths get
// answers.
func transportTimeouts(get func(path string) Info) TransportTimeouts {
	var t TransportTimeouts
	dialer := func(field string) Info {
		return join(get(field+"."+DialerStep+".Timeout"), get(field+"."+DialerStep+".Deadline"))
	}
	dc, d := get("DialContext"), get("Dial")
	switch {
	case dc.State == Unknown || (dc.State == Unset && d.State == Unknown):
		t.Dial = unknown
	case dc.State == Set:
		t.Dial = dialer("DialContext")
	case d.State == Set:
		t.Dial = dialer("Dial")
	default:
		t.Dial = unset // a zero net.Dialer
	}
	t.TLSHandshake = get("TLSHandshakeTimeout")
	if t.TLSHandshake.State != Set {
		if custom := join(get("DialTLSContext"), get("DialTLS")); custom.State != Unset {
			t.TLSHandshake = unknown
		}
	}
	t.ResponseHeader = get("ResponseHeaderTimeout")
	return t
}

// defaultTransportTimeouts are those of http.DefaultTransport, with what
// this package assigns through it.
func (r *Result) defaultTransportTimeouts() TransportTimeouts {
	if r == nil || r.e == nil {
		return transportTimeouts(knownDefaultTransport.lookup)
	}
	return transportTimeouts(func(path string) Info {
		r.mu.Lock()
		defer r.mu.Unlock()
		return r.e.defaultTransport(path)
	})
}

// Installed returns the values installed as the Transport of the client
// v: those stored in the Transport field of a client literal, or the
// arguments of a call of a function that builds its client around the
// transport it is given.
func (r *Result) Installed(v ssa.Value) []ssa.Value {
	if r == nil || r.e == nil || v == nil {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	switch v := v.(type) {
	case *ssa.Alloc:
		return allocStores(v)["Transport"]
	case *ssa.Call:
		var out []ssa.Value
		for _, p := range r.e.callPassList(v) {
			if p.Result == 0 && p.Prefix == "Transport." && p.Param < len(v.Call.Args) {
				out = append(out, v.Call.Args[p.Param])
			}
		}
		return out
	}
	return nil
}

// Sends reports whether the method m sends the request it is given,
// unchanged, through the *http.Client in a field of its receiver (a type
// that embeds http.Client and forwards Do): such a call has that client's
// bounds.
func (r *Result) Sends(m *types.Func) (Send, bool) {
	if r == nil || r.e == nil || m == nil {
		return Send{}, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.e.sendOf(m)
}

// ContextClient answers whether the *http.Client that oauth2 takes from
// the context ctx (the one stored under oauth2.HTTPClient, or
// http.DefaultClient) has a Timeout, and whether it is http.DefaultClient.
func (r *Result) ContextClient(ctx ssa.Value) (timeout State, isDefault bool) {
	if r == nil || r.e == nil || ctx == nil {
		return Unknown, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	srcs, ok := r.e.ctxClients(ctx, map[ssa.Value]bool{})
	if !ok {
		return Unknown, false
	}
	isDefault = len(srcs) > 0
	for _, s := range srcs {
		isDefault = isDefault && s == nil
	}
	return r.e.ctxClient(ctx, "Timeout").State, isDefault
}

// Origin is a place where a configuration value is built.
type Origin struct {
	// Value is an *ssa.Alloc (a composite literal or new(T)), an
	// *ssa.Call (a constructor faultline models or does not follow), or an
	// *ssa.Global (a package-level variable of another package, such as
	// http.DefaultClient).
	Value ssa.Value
	// Literal reports an *ssa.Alloc of this package: the line to change.
	Literal bool
}

// Origins returns where the value v is built: its origins, following phi
// nodes, calls of this package's functions, fields and variables of this
// package. complete is false when some origin is not followed (a
// parameter, a value from another package, an interface).
func (r *Result) Origins(v ssa.Value) (origins []Origin, complete bool) {
	if r == nil || r.e == nil || v == nil {
		return nil, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.e.origins(v)
}

// PackageFact marks a package whose code valueflow analysed, so that a
// function of it without a Fact has nothing to say (Unknown) rather than
// belonging to a library faultline models.
type PackageFact struct {
	Analysed bool
}

// AFact marks PackageFact as an analysis fact.
func (*PackageFact) AFact() {}

// String describes the fact for tests.
func (*PackageFact) String() string { return "analysed" }

// Fact summarises, for other packages, a function that builds or
// configures values of the types valueflow tracks, or a struct field or
// package-level variable holding one. Paths absent from a Summary are
// Unknown.
type Fact struct {
	// Results describes, for a function, each result (empty where the
	// result's type is not tracked).
	Results []Summary
	// Params describes, for a function, what it assigns on each
	// parameter, receiver first (empty where not tracked).
	Params []Summary
	// Value describes, for a field or variable, the value it holds.
	Value Summary
	// Assigned describes, for a pointer- or interface-typed struct field,
	// what this package assigns through the values read from it, whatever
	// was stored in it: what another package that stores a value in the
	// field must add to its own assignments (a client handed over in an
	// options struct). Paths absent are Unknown.
	Assigned Summary
	// Passes describes, for a function, how its results hold its
	// parameters: a client built around the transport it is given, a
	// RoundTripper that forwards to it, the parameter itself.
	Passes []Pass
	// Forward describes, for a type, a RoundTripper that only forwards to
	// the one in a field.
	Forward *Forward
	// Send describes, for a method, that it sends the request it is given
	// through the *http.Client in a field of its receiver.
	Send *Send
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String lists the summaries, for tests: returns0{…} param1{…} value{…}
// assigned{…} passes{…} forwards{…} sends{…}.
func (f *Fact) String() string {
	var parts []string
	for i, s := range f.Results {
		if s != nil {
			parts = append(parts, "returns"+strconv.Itoa(i)+"{"+s.String()+"}")
		}
	}
	for i, s := range f.Params {
		if s != nil {
			parts = append(parts, "param"+strconv.Itoa(i)+"{"+s.String()+"}")
		}
	}
	if f.Value != nil {
		parts = append(parts, "value{"+f.Value.String()+"}")
	}
	if len(f.Assigned) > 0 {
		parts = append(parts, "assigned{"+f.Assigned.String()+"}")
	}
	if len(f.Passes) > 0 {
		var ps []string
		for _, p := range f.Passes {
			ps = append(ps, p.String())
		}
		parts = append(parts, "passes{"+strings.Join(ps, " ")+"}")
	}
	if f.Forward != nil {
		parts = append(parts, "forwards{"+f.Forward.String()+"}")
	}
	if f.Send != nil {
		parts = append(parts, "sends{"+f.Send.String()+"}")
	}
	return strings.Join(parts, " ")
}

// Summary lists what is known of the tracked paths of one value, sorted
// by path.
type Summary []PathInfo

// PathInfo is what is known of one path.
type PathInfo struct {
	Path string
	Info Info
}

func (s Summary) lookup(path string) Info {
	for _, p := range s {
		if p.Path == path {
			return p.Info
		}
	}
	return unknown
}

// String lists path=answer pairs.
func (s Summary) String() string {
	var b strings.Builder
	for i, p := range s {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p.Path)
		b.WriteByte('=')
		b.WriteString(p.Info.String())
	}
	return b.String()
}

// MethodCall splits a call of a method into its receiver and its other
// arguments, whether the method is called directly (c.Get(u)), through a
// method expression ((*http.Client).Get(c, u)) or through a method value
// bound in this function (get := c.Get; get(u)). It reports false when
// the receiver cannot be found (a method value from elsewhere). For calls
// of functions, recv is nil and args are the arguments.
func MethodCall(c *ssa.CallCommon) (recv ssa.Value, args []ssa.Value, ok bool) {
	if c.IsInvoke() {
		return c.Value, c.Args, true
	}
	callee := c.StaticCallee()
	if callee == nil {
		return nil, c.Args, true
	}
	if strings.HasPrefix(callee.Synthetic, "bound method wrapper") {
		mc, ok := c.Value.(*ssa.MakeClosure)
		if !ok || len(mc.Bindings) != 1 {
			return nil, nil, false
		}
		return mc.Bindings[0], c.Args, true
	}
	if callee.Signature.Recv() != nil || isMethodThunk(callee) {
		if len(c.Args) == 0 {
			return nil, nil, false
		}
		return c.Args[0], c.Args[1:], true
	}
	return nil, c.Args, true
}

// isMethodThunk reports whether fn is the function of a method expression
// (T.M), whose first parameter is the receiver.
func isMethodThunk(fn *ssa.Function) bool {
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Synthetic == "" {
		return false
	}
	sig, _ := obj.Type().(*types.Signature)
	return sig != nil && sig.Recv() != nil
}
