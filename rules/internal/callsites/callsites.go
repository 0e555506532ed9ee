// Package callsites finds the outbound calls of Go code and what the code
// shows of their targets, so that faultline can draw the system graph from
// the code and join it to the topology.
//
// For every remote call (HTTP, gRPC, SQL, Redis, Kafka, AMQP, TCP, SMTP,
// RPC) its Analyzer records a Site: where it is, its kind, and Hints about
// the target: the environment variable or flag that holds the address, a
// URL host literal, the gRPC service of a generated client, a Kafka topic, a
// SQL driver. Values that arrive through a parameter or a struct field of
// another package cannot be followed from the callee, so those hints stay
// symbolic ("param example.com/shop/internal/clients.NewCatalog#0") and the
// packages that call the constructor record Bindings for them. The engine
// joins both, across the whole program.
//
// Clients and addresses also cross packages as results: an exported
// function that returns one (platform.OpenPostgres(dsn) returning a
// *sql.DB) gets a Returns fact with its evidence, its own parameters left
// symbolic for each caller to substitute with its arguments. Generated gRPC
// clients get GRPCMethod facts, and service descriptors and the functions
// that register them on a server get GRPCService facts, so that the engine
// can name a gRPC call's target after the service whose code registers it.
//
// Everything is exported as facts, so it flows through go vet's .vetx files
// and the checker alike.
package callsites

import (
	"go/build"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
	"github.com/faultline-dev/faultline/rules/internal/telemetry"
)

// Analyzer records the outbound calls of each package.
var Analyzer = &analysis.Analyzer{
	Name:       "faultlinecallsites",
	Doc:        "record outbound calls and the evidence of their targets (faultline internal)",
	Run:        run,
	Requires:   []*analysis.Analyzer{ir.Analyzer, remote.Analyzer, resilience.Analyzer, telemetry.Analyzer},
	FactTypes:  []analysis.Fact{new(Calls), new(GRPCMethod), new(Returns), new(GRPCService), new(Serving)},
	ResultType: reflect.TypeFor[*Calls](),

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// Hint kinds.
const (
	Env    = "env"    // an environment variable: os.Getenv("PAYMENT_ADDR")
	Flag   = "flag"   // a command-line flag: flag.String("payment-addr", …)
	Host   = "host"   // a host (and port) from a URL or address literal
	GRPC   = "grpc"   // a fully qualified gRPC service name
	Topic  = "topic"  // a Kafka topic or AMQP exchange/queue name
	Driver = "driver" // a database/sql driver name
	Param  = "param"  // a parameter: "pkg/path.Func#i" (receiver not counted)
	Field  = "field"  // a struct field: "pkg/path.Type.Field"
)

// Hint is one piece of evidence about a call's target.
type Hint struct {
	Kind  string
	Value string
}

func (h Hint) String() string { return h.Kind + ":" + h.Value }

// Site is one outbound call.
type Site struct {
	File    string // absolute file name
	Line    int
	Col     int
	Func    string // the enclosing function, "pkg/path.Func" or "pkg/path.(T).M"
	Kind    remote.Kind
	API     string // the API called, e.g. "(*net/http.Client).Do" or "/shop.v1.Payment/Charge"
	Service string // the managed service a cloud API reaches ("s3", "gcs"), from the catalogue
	Engine  string // what a library's calls reach ("mongodb"), from the catalogue
	Consume bool   // a queue consumer's read, not a call to the queue's consumers
	Hints   []Hint

	// What the code shows of the call's bound: a constant timeout, some
	// bound, or provably none of its own. Neither flag means unknown.
	Timeout   time.Duration
	Bounded   bool
	Unbounded bool
	// Request marks an unbounded call whose context is an HTTP handler's
	// request context: the code sets no bound of its own, and the server's
	// (http.TimeoutHandler, the entrypoint's timeout) decides, which
	// ctxdeadline judges.
	Request bool

	// What the code shows of the call's breaker (Unknown, No, Yes) and
	// its attempts per call (0 when unknown, 1 when it is not retried).
	Breaker  Tri
	Attempts int
	// Observed is what the code shows of the call's telemetry
	// (package telemetry): Yes when metrics or traces record it, No when
	// provably nothing does, Unknown otherwise.
	Observed Tri
	// Path is the path of an HTTP call's URL where the code writes it as
	// a literal, alone or after the base URL (base + "/api/cart",
	// fmt.Sprintf("%s/api/cart/%s", host, id), url.JoinPath(base, "api",
	// "cart")): "/api/cart/{}", the parts built from values faultline
	// cannot read as routes.Unknown segments; "" when unknown. Method is
	// the call's HTTP method when known. The engine links a call whose
	// host names no service to the service whose routes match.
	Path   string
	Method string

	// Backoff is the delay between the attempts of the hand-written retry
	// loops around the call: "none", "constant" or "exponential"; "" when
	// unknown, when the loops disagree, or when a retry library or a
	// retrying client makes some of the attempts.
	Backoff string
}

// Binding says what a parameter or field of another package receives at
// one call or composite literal in this package.
type Binding struct {
	Name  string // "pkg/path.Func#i" or "pkg/path.Type.Field"
	Func  string // where the binding happens
	File  string
	Line  int
	Hints []Hint
}

// Calls is the package fact: the package's outbound calls and bindings.
type Calls struct {
	Sites    []Site
	Bindings []Binding
	// Registers lists the gRPC services the package registers on a
	// server: the engine names the target of a gRPC call after the
	// service whose code registers it.
	Registers []string
	// Routes lists the HTTP routes the package registers: the engine
	// links HTTP calls to the services that serve their paths.
	Routes []Route
	// Serves lists the servers (HTTP, gRPC) the package starts, itself or
	// through exported functions of other packages (Serving facts): the
	// engine tells a service, which serves, from a client, which only
	// calls out.
	Serves []Serve
	// Unread counts the package's route registrations whose path or
	// prefix the analysis cannot read: its routes are known only in part.
	Unread int
	// HealthLibs lists the packages outside the standard library the
	// package imports whose import path names health ("…/healthcheck",
	// "google.golang.org/grpc/health"): they may serve health endpoints
	// the route table cannot see.
	HealthLibs []string
}

// Route is an HTTP route a package registers.
type Route struct {
	Method  string // "" for any
	Path    string // the full path, group prefixes included (routes.Canonical)
	File    string
	Line    int
	Col     int
	Handler string // the handler's function, when it is one
}

// AFact marks Calls as a fact.
func (*Calls) AFact() {}

func (c *Calls) String() string {
	var parts []string
	for _, s := range c.Sites {
		var hs []string
		for _, h := range s.Hints {
			hs = append(hs, h.String())
		}
		switch {
		case s.Timeout > 0:
			hs = append(hs, "timeout="+s.Timeout.String())
		case s.Bounded:
			hs = append(hs, "bounded")
		case s.Unbounded && s.Request:
			hs = append(hs, "unbounded(request)")
		case s.Unbounded:
			hs = append(hs, "unbounded")
		}
		if s.Breaker != Unknown {
			hs = append(hs, "breaker="+map[Tri]string{No: "no", Yes: "yes"}[s.Breaker])
		}

		if s.Attempts > 0 {
			hs = append(hs, "attempts="+strconv.Itoa(s.Attempts))
		}
		if s.Backoff != "" {
			hs = append(hs, "backoff="+s.Backoff)
		}
		parts = append(parts, string(s.Kind)+"("+strings.Join(hs, " ")+")")
	}
	for _, b := range c.Bindings {
		var hs []string
		for _, h := range b.Hints {
			hs = append(hs, h.String())
		}
		parts = append(parts, "bind "+b.Name+"="+strings.Join(hs, " "))
	}
	for _, r := range c.Registers {
		parts = append(parts, "registers "+r)
	}
	for _, sv := range c.Serves {
		parts = append(parts, "starts "+sv.String())
	}
	if c.Unread > 0 {
		parts = append(parts, "unread routes "+strconv.Itoa(c.Unread))
	}
	for _, h := range c.HealthLibs {
		parts = append(parts, "health "+h)
	}
	return "calls[" + strings.Join(parts, "; ") + "]"
}

// GRPCMethod is the object fact of a generated gRPC client method (and of
// the interface method it implements): the full method name it invokes.
type GRPCMethod struct {
	Method string // "/shop.payment.v1.PaymentService/Charge"
}

// AFact marks GRPCMethod as a fact.
func (*GRPCMethod) AFact() {}

func (m *GRPCMethod) String() string { return "grpc(" + m.Method + ")" }

// Service returns the gRPC service of the method: "shop.payment.v1.PaymentService".
func (m *GRPCMethod) Service() string {
	s := strings.TrimPrefix(m.Method, "/")
	svc, _, _ := strings.Cut(s, "/")
	return svc
}

func run(pass *analysis.Pass) (any, error) {
	res := &Calls{}
	irr := lint.ResultOf[*ir.IR](pass)
	if irr == nil {
		return res, nil
	}
	t := newTracer(pass, irr)
	t.exportGRPCMethods()
	t.exportReturns()
	res.Registers = t.registrations()
	res.Routes, res.Unread = t.routes()
	res.HealthLibs = healthLibs(pass.Pkg)

	rr := lint.ResultOf[*resilience.Result](pass)
	res.Serves = t.servers(rr.TestCode().Contains)
	t.judge = lint.ResultOf[*telemetry.Judge](pass)
	for _, fn := range irr.SrcFuncs {
		if rr.TestCode().Contains(fn) {
			// Test helpers and harnesses call test doubles and fixtures:
			// their calls and bindings are not the system's edges.
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if site, ok := t.site(fn, call); ok {
					res.Sites = append(res.Sites, site)
				}
				res.Bindings = append(res.Bindings, t.bindings(fn, call)...)
			}
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if bd, ok := t.fieldBinding(fn, st); ok {
						res.Bindings = append(res.Bindings, bd)
					}
				}
			}
		}
	}
	if len(res.Sites) > 0 || len(res.Bindings) > 0 || len(res.Registers) > 0 || len(res.Routes) > 0 || len(res.Serves) > 0 || res.Unread > 0 || len(res.HealthLibs) > 0 {
		pass.ExportPackageFact(res)
	}
	return res, nil
}

// site describes call when it is an outbound call.
func (t *tracer) site(fn *ssa.Function, call ssa.CallInstruction) (Site, bool) {
	c := call.Common()
	callee := ir.Callee(c)
	if callee == nil {
		return Site{}, false
	}
	s := Site{Func: funcName(fn)}
	var b bound
	if api, ok := t.rem.API(callee); ok {
		if api.Kind == remote.DNS {
			return Site{}, false
		}
		s.Kind, s.API, s.Consume, s.Service = api.Kind, remote.FuncName(callee), api.Consume, api.Service
		if lib := api.Library(); lib != nil {
			s.Engine = lib.Engine
		}
		s.Hints = t.apiHints(c, callee, api)
		if api.Kind == remote.HTTP {
			s.Method, s.Path = t.httpPath(c, callee, api)
		}
		b = t.callBound(c, api, false)
	} else if m := t.grpcMethod(callee); m != nil {
		s.Kind, s.API = remote.GRPC, m.Method
		s.Hints = append([]Hint{{GRPC, m.Service()}}, t.grpcClientHints(ir.Receiver(c))...)
		b = t.callBound(c, nil, true)
	} else {
		return Site{}, false
	}
	s.Timeout, s.Bounded, s.Unbounded, s.Request = b.timeout, b.bounded, b.unbounded, b.request
	s.Breaker, s.Attempts, s.Backoff = t.protection(fn, call)
	if !s.Consume {
		s.Observed = Tri(t.judge.Call(call, s.Kind))
	}
	if t.generated(call.Pos()) {
		// A call inside generated code (a gRPC client stub) is not the
		// user's call site; the user's call of the generated method is.
		return Site{}, false
	}
	p := t.pass.Fset.Position(call.Pos())
	s.File, s.Line, s.Col = p.Filename, p.Line, p.Column
	s.Hints = dedupe(s.Hints)
	return s, true
}

// Tri is what the code shows of a protection.
type Tri int8

// The states of a Tri.
const (
	Unknown Tri = iota
	No
	Yes
)

// protection returns whether a breaker guards the call and how many
// attempts it makes: the retry loops of fn around it, a retry library or
// wrapper it runs inside, and the retries inside the call itself (a
// retrying client, a gRPC retry policy). A missing breaker or retry is
// certain only in a main package, where every caller is in view; elsewhere
// a caller in another package may add them, and they are unknown.
func (t *tracer) protection(fn *ssa.Function, call ssa.CallInstruction) (Tri, int, string) {
	res := lint.ResultOf[*resilience.Result](t.pass)
	if res == nil {
		return Unknown, 0, ""
	}
	whole := t.pass.Pkg.Name() == "main"
	guard := res.Protections().Guard(call)
	breaker := Unknown
	switch {
	case guard.Kinds.Has(resilience.Breaker) || res.Protections().ClientGuard(call).Kinds.Has(resilience.Breaker):
		breaker = Yes
	case whole:
		breaker = No
	}
	var delays []resilience.Delay
	attempts, retried := t.attemptsAround(res, fn, call, map[*ssa.Function]bool{}, 0, &delays)
	library := false
	if guard.Kinds.Has(resilience.Retry) {
		attempts, retried, library = mulAttempts(attempts, guard.Attempts), true, true
	}
	if inner := res.Protections().InnerRetries(call); len(inner) > 0 {
		attempts, retried, library = mulAttempts(attempts, resilience.Product(inner)), true, true
	}
	if !retried {
		// Nothing recognisably retries the call here. That is not proof
		// of a single attempt (a loop around a helper that takes a
		// closure, a caller in another package), so the count is unknown.
		return breaker, 0, ""
	}
	backoff := ""
	if !library {
		backoff = loopBackoff(delays)
	}
	return breaker, attempts, backoff
}

// loopBackoff names the delay the retry loops share, "" when they
// disagree or one is unknown.
func loopBackoff(delays []resilience.Delay) string {
	if len(delays) == 0 {
		return ""
	}
	for _, d := range delays[1:] {
		if d != delays[0] {
			return ""
		}
	}
	switch delays[0] {
	case resilience.DelayNone:
		return "none"
	case resilience.DelayFixed:
		return "constant"
	case resilience.DelayGrowing:
		return "exponential"
	}
	return ""
}

// mulAttempts multiplies attempts, 0 (unknown) absorbing.
func mulAttempts(a, b int) int {
	if a <= 0 || b <= 0 {
		return 0
	}
	return a * b
}

// attemptsAround returns how many times the retry loops around instr (in
// fn and, up the package's calls, around the calls of fn and around the
// places a function literal is made) run it: the most over every path
// through the package, 0 when a retry loop's bound is unknown. retried
// reports that some path has a retry loop. Loops that are not retries
// (over items, polling) multiply nothing: each turn is another call.
func (t *tracer) attemptsAround(res *resilience.Result, fn *ssa.Function, instr ssa.Instruction, seen map[*ssa.Function]bool, depth int, delays *[]resilience.Delay) (attempts int, retried bool) {
	here := 1
	for _, l := range res.Loops().In(fn) {
		if l.Blocks[instr.Block()] {
			here = mulAttempts(here, l.Attempts)
			retried = true
			*delays = append(*delays, l.Delay)
		}
	}
	if depth > 6 || seen[fn] {
		return here, retried
	}
	seen[fn] = true
	defer delete(seen, fn)
	best := 1
	for _, u := range t.uses(fn) {
		n, r := t.attemptsAround(res, u.Parent(), u, seen, depth+1, delays)
		if !r {
			continue
		}
		retried = true
		if n == 0 {
			return 0, true
		}
		best = max(best, n)
	}
	return mulAttempts(here, best), retried
}

// uses returns the instructions of this package that call fn or, for a
// function literal, make it.
func (t *tracer) uses(fn *ssa.Function) []ssa.Instruction {
	t.index()
	if fn.Parent() != nil {
		var out []ssa.Instruction
		for _, b := range fn.Parent().Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.MakeClosure:
					if instr.Fn == fn {
						out = append(out, instr)
					}
				case ssa.CallInstruction:
					for _, a := range instr.Common().Args {
						if a == fn {
							out = append(out, instr)
						}
					}
					if instr.Common().Value == fn {
						out = append(out, instr)
					}
				}
			}
		}
		return out
	}
	return t.callSites[ir.Origin(fn)]
}

// apiHints gathers the target evidence of a call to a table API.
func (t *tracer) apiHints(c *ssa.CallCommon, callee *types.Func, api *remote.API) []Hint {
	if lib := api.Library(); lib != nil && len(lib.Addrs) > 0 {
		return t.libHints(c, callee, lib)
	}
	switch remote.Kind(api.Kind) {
	case remote.HTTP:
		if api.Req >= 0 {
			return t.requestHints(ir.Arg(c, api.Req))
		}
		// Get(url) and friends: the URL is the first string argument.
		for i := range 2 {
			if v := ir.Arg(c, i); v != nil && isString(v.Type()) {
				return hostsOnly(t.strings(v))
			}
		}
	case remote.SQL:
		return t.dbHints(ir.Unembed(ir.Receiver(c)))
	case remote.Redis:
		return t.redisHints(ir.Receiver(c))
	case remote.Kafka:
		if r := ir.Receiver(c); r != nil {
			return t.kafkaHints(r)
		}
		// kafka.Dial(network, address) and kafka.DialLeader(ctx, network, address, topic, partition).
		var hs []Hint
		for i := range 5 {
			if v := ir.Arg(c, i); v != nil && isString(v.Type()) && i > 0 {
				hs = append(hs, t.strings(v)...)
			}
		}
		return hs
	case remote.GRPC:
		// A direct Invoke/NewStream in user code.
		idx := 1
		if callee.Name() == "NewStream" || callee.Name() == "NewClientStream" {
			idx = 2
		}
		var hs []Hint
		if m, ok := ir.ConstString(ir.Arg(c, idx)); ok {
			hs = append(hs, Hint{GRPC, (&GRPCMethod{Method: m}).Service()})
		}
		if r := ir.Receiver(c); r != nil {
			hs = append(hs, t.grpcConnHints(r)...)
		}
		return hs
	case remote.AMQP:
		var hs []Hint
		for i := range 3 {
			if v := ir.Arg(c, i); v != nil && isString(v.Type()) && !remote.IsContext(v.Type()) {
				for _, h := range t.strings(v) {
					if h.Kind == Host || h.Kind == Env || h.Kind == Flag {
						hs = append(hs, h)
					} else if h.Kind == "literal" {
						hs = append(hs, Hint{Topic, h.Value})
					}
				}
			}
		}
		return hs
	}
	// TCP, SMTP, RPC: the address is the first string argument that is not
	// a network name ("tcp").
	var hs []Hint
	for i := range 3 {
		v := ir.Arg(c, i)
		if v == nil || !isString(v.Type()) {
			continue
		}
		if s, ok := ir.ConstString(v); ok && (s == "tcp" || s == "tcp4" || s == "tcp6" || s == "udp" || s == "unix") {
			continue
		}
		return t.strings(v)
	}
	return hs
}

// grpcMethod returns the gRPC method a callee invokes, from the facts of
// generated clients.
func (t *tracer) grpcMethod(fn *types.Func) *GRPCMethod {
	if m, ok := t.local[fn]; ok {
		return m
	}
	if fn.Pkg() == t.pass.Pkg {
		return nil
	}
	var m GRPCMethod
	if t.pass.ImportObjectFact(fn, &m) {
		return &m
	}
	return fullMethodConst(fn)
}

// fullMethodConst returns the gRPC method a method of a generated client
// invokes, from the constant protoc-gen-go-grpc (1.3 and later) declares
// beside it: PaymentService_Charge_FullMethodName for
// PaymentServiceClient.Charge. It needs only the package's types, so it
// works for generated code in other modules, whose bodies faultline does
// not analyse.
func fullMethodConst(fn *types.Func) *GRPCMethod {
	recv := lint.RecvTypeName(fn)
	if recv == nil || fn.Pkg() == nil {
		return nil
	}
	svc, ok := strings.CutSuffix(recv.Name(), "Client")
	if !ok || svc == "" {
		return nil
	}
	svc = strings.ToUpper(svc[:1]) + svc[1:] // the implementation type is unexported
	c, ok := fn.Pkg().Scope().Lookup(svc + "_" + fn.Name() + "_FullMethodName").(*types.Const)
	if !ok || c.Val().Kind() != constant.String {
		return nil
	}
	m := constant.StringVal(c.Val())
	if !strings.HasPrefix(m, "/") {
		return nil
	}
	return &GRPCMethod{Method: m}
}

// exportGRPCMethods marks the methods of this package that invoke a
// constant gRPC method (generated clients) and the interface methods they
// implement.
func (t *tracer) exportGRPCMethods() {
	for _, fn := range t.irr.SrcFuncs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Signature.Recv() == nil {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				callee := ir.Callee(call.Common())
				api, ok := t.rem.API(callee)
				if !ok || api.Kind != remote.GRPC {
					continue
				}
				idx := 1
				if callee.Name() == "NewStream" {
					idx = 2
				}
				if m, ok := ir.ConstString(ir.Arg(call.Common(), idx)); ok && strings.HasPrefix(m, "/") {
					t.local[obj] = &GRPCMethod{Method: m}
				}
			}
		}
	}
	// Interface methods implemented by a marked method of this package.
	scope := t.pass.Pkg.Scope()
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
			if gm := t.implMethod(iface, m.Name()); gm != nil {
				t.local[m] = gm
			}
		}
	}
	objs := make([]*types.Func, 0, len(t.local))
	for obj := range t.local {
		objs = append(objs, obj)
	}
	slices.SortFunc(objs, func(a, b *types.Func) int { return int(a.Pos() - b.Pos()) })
	for _, obj := range objs {
		t.pass.ExportObjectFact(obj, t.local[obj])
	}
}

func (t *tracer) implMethod(iface *types.Interface, name string) *GRPCMethod {
	scope := t.pass.Pkg.Scope()
	for _, tname := range scope.Names() {
		tn, ok := scope.Lookup(tname).(*types.TypeName)
		if !ok || types.IsInterface(tn.Type()) {
			continue
		}
		for _, typ := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			if !types.Implements(typ, iface) {
				continue
			}
			if sel := types.NewMethodSet(typ).Lookup(t.pass.Pkg, name); sel != nil {
				if gm, ok := t.local[sel.Obj().(*types.Func)]; ok {
					return gm
				}
			}
		}
	}
	return nil
}

// bindings records what a call passes to the string and client
// parameters of functions of other packages of the module: the evidence a
// callee cannot see.
func (t *tracer) bindings(fn *ssa.Function, call ssa.CallInstruction) []Binding {
	c := call.Common()
	sf := c.StaticCallee()
	if sf == nil {
		return nil
	}
	obj, ok := ir.Origin(sf).Object().(*types.Func)
	if !ok || obj.Pkg() == nil || obj.Pkg() == t.pass.Pkg || !t.userCode(obj.Pkg().Path()) {
		return nil
	}
	sig := obj.Type().(*types.Signature)
	var out []Binding
	for i := range sig.Params().Len() {
		if !t.tracked(sig.Params().At(i).Type()) {
			continue
		}
		v := ir.Arg(c, i)
		if v == nil {
			continue
		}
		hs := evidence(t.valueHints(v))
		if len(hs) == 0 {
			continue
		}
		p := t.pass.Fset.Position(call.Pos())
		out = append(out, Binding{Name: obj.FullName() + "#" + strconv.Itoa(i), Func: funcName(fn), File: p.Filename, Line: p.Line, Hints: hs})
	}
	return out
}

// fieldBinding records a store of evidence into a string or client field
// of a struct type declared in another package
// (clients.Config{URL: os.Getenv("X")}, handler.Deps{DB: db}).
func (t *tracer) fieldBinding(fn *ssa.Function, st *ssa.Store) (Binding, bool) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || !t.tracked(st.Val.Type()) {
		return Binding{}, false
	}
	f := ir.FieldVar(fa)
	if f == nil || f.Pkg() == nil || f.Pkg() == t.pass.Pkg || !t.userCode(f.Pkg().Path()) || !f.Exported() {
		return Binding{}, false
	}
	key := fieldKey(fa)
	if key == "" {
		return Binding{}, false
	}
	hs := evidence(t.valueHints(st.Val))
	if len(hs) == 0 {
		return Binding{}, false
	}
	p := t.pass.Fset.Position(st.Pos())
	return Binding{Name: key, Func: funcName(fn), File: p.Filename, Line: p.Line, Hints: hs}, true
}

// library reports whether path is the standard library or a library
// faultline models: bindings to their parameters are never looked up.
func library(path string) bool {
	if ir.Modelled(path) {
		return true
	}
	libMu.Lock()
	defer libMu.Unlock()
	if v, ok := libCache[path]; ok {
		return v
	}
	// A standard library package is a directory of GOROOT/src. (go/build's
	// Import would answer too, but in module mode it runs `go list` for
	// each path: minutes on a large module.)
	fi, err := os.Stat(filepath.Join(build.Default.GOROOT, "src", filepath.FromSlash(path)))
	v := err == nil && fi.IsDir()
	libCache[path] = v
	return v
}

var (
	libMu    sync.Mutex
	libCache = map[string]bool{}
)

// userCode reports whether bindings to parameters and fields of the
// package path can matter: not the standard library nor a library
// faultline models, and, when the driver says which module is analysed,
// a package of that module (only its call sites are joined).
func (t *tracer) userCode(path string) bool {
	if library(path) {
		return false
	}
	if m := t.pass.Module; m != nil && m.Path != "" {
		return path == m.Path || strings.HasPrefix(path, m.Path+"/")
	}
	return true
}

// evidence keeps the hints a binding passes on: what says something by
// itself, and the parameters and fields the value comes from in turn,
// which the engine follows to their own bindings.
func evidence(hs []Hint) []Hint {
	var out []Hint
	for _, h := range hs {
		switch h.Kind {
		case Env, Flag, Host, GRPC, Topic, Driver, Param, Field:
			out = append(out, h)
		}
	}
	return dedupe(out)
}

func dedupe(hs []Hint) []Hint {
	slices.SortFunc(hs, func(a, b Hint) int {
		if c := strings.Compare(string(a.Kind), string(b.Kind)); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	return slices.Compact(hs)
}

// funcName names an SSA function for messages and subjects: the enclosing
// declared function for literals.
func funcName(fn *ssa.Function) string {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return fn.String()
	}
	return obj.FullName()
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isStringSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	return ok && isString(s.Elem())
}

// generated reports whether pos is in a file marked as generated.
func (t *tracer) generated(pos token.Pos) bool {
	for _, f := range t.pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			for _, cg := range f.Comments {
				if cg.Pos() > f.Package {
					break
				}
				for _, c := range cg.List {
					if strings.HasPrefix(c.Text, "// Code generated ") && strings.HasSuffix(c.Text, " DO NOT EDIT.") {
						return true
					}
				}
			}
		}
	}
	return false
}
