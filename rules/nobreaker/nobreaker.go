package nobreaker

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"net"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/callsites"
	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
	"github.com/faultline-dev/faultline/rules/internal/valueflow"
)

// Analyzer is nobreaker's code side: it reports the HTTP, gRPC, SMTP and RPC
// dependencies of a package that no circuit breaker guards, once per
// dependency at the client's construction, and the calls that bypass the
// breaker guarding the other calls to the same dependency.
var Analyzer = &analysis.Analyzer{
	Name:       "nobreaker",
	Doc:        doc.AnalyzerDoc(),
	URL:        lint.URL("nobreaker"),
	Run:        run,
	Requires:   []*analysis.Analyzer{config.Analyzer, ir.Analyzer, callsites.Analyzer, resilience.Analyzer, valueflow.Analyzer},
	ResultType: lint.ResultType,

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// init gives the catalogue entry (graph.go) its code side.
func init() { Rule.Analyzer = Analyzer }

// breakerCtors build circuit breakers: a finding mentions one built in the
// package that the reported calls do not go through.
var breakerCtors = lint.NewFuncSet(
	"github.com/sony/gobreaker.NewCircuitBreaker",
	"github.com/sony/gobreaker.NewTwoStepCircuitBreaker",
	"github.com/sony/gobreaker/v2.NewCircuitBreaker",
	"github.com/sony/gobreaker/v2.NewTwoStepCircuitBreaker",
	"github.com/sony/gobreaker/v2.NewDistributedCircuitBreaker",
	"github.com/afex/hystrix-go/hystrix.ConfigureCommand",
	"github.com/afex/hystrix-go/hystrix.Configure",
	"(*github.com/cep21/circuit/v4.Manager).MustCreateCircuit",
	"(*github.com/cep21/circuit/v4.Manager).CreateCircuit",
	"github.com/failsafe-go/failsafe-go/circuitbreaker.NewWithDefaults",
	"github.com/failsafe-go/failsafe-go/circuitbreaker.NewBuilder",
	"github.com/eapache/go-resiliency/breaker.New",
	"github.com/mercari/go-circuitbreaker.New",
	"github.com/rubyist/circuitbreaker.NewBreaker",
	"github.com/rubyist/circuitbreaker.NewThresholdBreaker",
	"github.com/rubyist/circuitbreaker.NewConsecutiveBreaker",
	"github.com/rubyist/circuitbreaker.NewRateBreaker",
	"github.com/slok/goresilience/circuitbreaker.New",
	"github.com/slok/goresilience/circuitbreaker.NewMiddleware",
)

// dependency is one remote service as the code shows it.
type dependency struct {
	key      string // what tells it apart: "grpc:shop.v1.Payment", a connection, or the sorted address hints
	name     string // for messages: "gRPC service shop.v1.Payment"
	services []string
	addr     string // " (at env PAYMENT_ADDR)", or ""
	calls    []*callSite
}

// servicesName names the gRPC services of one connection.
func servicesName(svcs []string, addr string) string {
	if len(svcs) == 1 {
		return "gRPC service " + svcs[0] + addr
	}
	return "gRPC services " + strings.Join(svcs, ", ") + " (one connection)" + addr
}

// addrOf returns the address part of a gRPC dependency's name.
func addrOf(name string) string {
	if i := strings.Index(name, " (at "); i >= 0 {
		return name[i:]
	}
	return ""
}

// connKey identifies the connection a generated gRPC client's call goes
// through: the dial in this package, or the parameter, field or variable
// it is passed in. It returns "" when there is not exactly one.
func connKey(res *resilience.Result, call ssa.CallInstruction) string {
	recv := resilience.Receiver(call.Common())
	if recv == nil {
		return ""
	}
	keys := map[string]bool{}
	var conns []ssa.Value
	res.Origins(recv, func(o ssa.Value) {
		c, ok := o.(*ssa.Call)
		if !ok || !builtOnConn(&c.Call) {
			keys["?"] = true
			return
		}
		for _, a := range c.Call.Args {
			if isConn(a.Type()) {
				conns = append(conns, a)
			}
		}
	})
	for _, a := range conns {
		res.Origins(a, func(co ssa.Value) {
			switch co := co.(type) {
			case *ssa.Call:
				if isDial(ir.Callee(&co.Call)) {
					keys[fmt.Sprintf("dial %d", co.Pos())] = true
					return
				}
			case *ssa.Parameter:
				keys["param "+co.Parent().String()+" "+co.Name()] = true
				return
			case *ssa.UnOp:
				if fa, ok := co.X.(*ssa.FieldAddr); ok {
					keys[fmt.Sprintf("field %s %d", fa.X.Type(), fa.Field)] = true
					return
				}
				if g, ok := co.X.(*ssa.Global); ok {
					keys["global "+g.String()] = true
					return
				}
			}
			keys["?"] = true
		})
	}
	if len(keys) != 1 || keys["?"] {
		return ""
	}
	for k := range keys {
		return k
	}
	return ""
}

func isConn(t types.Type) bool {
	return lint.IsNamed(t, "google.golang.org/grpc", "ClientConn") || lint.IsNamed(t, "google.golang.org/grpc", "ClientConnInterface")
}

type callSite struct {
	call    ssa.CallInstruction
	caller  string // the calling function, for messages
	guarded bool
}

func run(pass *analysis.Pass) (any, error) {
	rep := lint.NewReporter(pass, "nobreaker")
	res := lint.ResultOf[*resilience.Result](pass)
	sites := lint.ResultOf[*callsites.Calls](pass)
	vf := lint.ResultOf[*valueflow.Result](pass)
	if !res.Analysed() || sites == nil || len(sites.Sites) == 0 {
		return rep.Result(), nil
	}

	// SSA calls by position: call sites are recorded at the call's
	// parenthesis, as SSA positions calls.
	byPos := map[token.Position]ssa.CallInstruction{}
	for _, fn := range res.Funcs() {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok && call.Pos().IsValid() {
					p := pass.Fset.Position(call.Pos())
					p.Offset = 0
					byPos[p] = call
				}
			}
		}
	}

	// Calls inside generated code (a gRPC client's Invoke) are not the
	// user's call sites; the calls of the generated methods are.
	generated := map[string]bool{}
	for _, f := range pass.Files {
		if ast.IsGenerated(f) {
			generated[pass.Fset.File(f.Pos()).Name()] = true
		}
	}

	startup := res.Startup()
	deps := map[string]*dependency{}
	var order []*dependency
	for _, s := range sites.Sites {
		if s.Consume || !serviceKinds[remote.Kind(s.Kind)] || generated[s.File] {
			continue
		}
		key, name := identify(s)
		if key == "" {
			continue // the code does not show which dependency: stay silent
		}
		call := byPos[token.Position{Filename: s.File, Line: s.Line, Column: s.Col}]
		if call == nil {
			continue
		}
		if res.TestCode().Contains(call.Parent()) {
			continue // a test helper or harness: not a production dependency
		}
		if startup.Once(call) {
			continue // made once per process: no traffic for a breaker to shed
		}
		if res.LongLivedStream(call) {
			continue // a stream held open: reconnect backoff, not a breaker (retrybackoff)
		}
		if unixSocket(vf, res, s, call) {
			continue // local IPC over a unix-domain socket, like loopback
		}
		if recv := resilience.Receiver(call.Common()); recv != nil && res.TestCode().BuiltIn(recv) {
			continue // through a client only test code builds
		}
		if strings.HasPrefix(key, "grpc:") {
			// Generated clients of several services on one connection
			// reach one dependency.
			if ck := connKey(res, call); ck != "" {
				svc := strings.TrimPrefix(key, "grpc:")
				key = "conn:" + ck
				if d := deps[key]; d != nil {
					if !slices.Contains(d.services, svc) {
						d.services = append(d.services, svc)
						d.name = servicesName(d.services, d.addr)
					}
				} else {
					d := &dependency{key: key, services: []string{svc}, addr: addrOf(name)}
					d.name = servicesName(d.services, d.addr)
					deps[key] = d
					order = append(order, d)
				}
			}
		}
		d := deps[key]
		if d == nil {
			d = &dependency{key: key, name: name}
			deps[key] = d
			order = append(order, d)
		}
		guarded := res.Protections().Guard(call).Kinds&resilience.Breaker != 0 || res.Protections().ClientGuard(call).Kinds&resilience.Breaker != 0
		d.calls = append(d.calls, &callSite{call: call, caller: callerName(call.Parent(), pass.Pkg), guarded: guarded})
	}

	unused := unusedBreaker(pass, res)
	for _, d := range order {
		for _, c := range d.calls {
			if c.guarded {
				unused = "" // the package's breakers are in use
			}
		}
	}
	for _, d := range order {
		var guardedIn, unguarded []*callSite
		for _, c := range d.calls {
			if c.guarded {
				guardedIn = append(guardedIn, c)
			} else {
				unguarded = append(unguarded, c)
			}
		}
		switch {
		case len(unguarded) == 0:
		case len(guardedIn) > 0:
			for _, c := range unguarded {
				rep.Report(analysis.Diagnostic{
					Pos: rep.AtCall(c.call.Pos()).Pos(), End: rep.AtCall(c.call.Pos()).End(),
					Message: "this call to " + d.name + " in " + c.caller + " bypasses the circuit breaker that guards its calls in " +
						names(guardedIn) + ": while it fails, this path keeps waiting on it and adding load; send the call through the same breaker",
				})
			}
		default:
			at := clientOrigin(pass, res, unguarded)
			msg := "no circuit breaker guards " + d.name + " (called in " + names(unguarded) + "): while it fails or hangs, every request still waits out the call and adds load to it; " + fix(d)
			if unused != "" {
				msg += "; " + unused + " builds a breaker that these calls do not go through"
			}
			var related []analysis.RelatedInformation
			for _, c := range unguarded {
				related = append(related, analysis.RelatedInformation{Pos: c.call.Pos(), Message: "call with no circuit breaker in " + c.caller})
			}
			rng := rep.AtCall(at)
			if lit := compositeLit(pass, at); lit != nil {
				rng = lit
			}
			rep.Report(analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: msg, Related: related})
		}
	}
	return rep.Result(), nil
}

// infraServices are gRPC services that every server offers to probes and
// tools: a health check must see the failure a breaker would hide, and
// reflection serves tooling. They are not dependencies.
var infraServices = []string{"grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"}

func infraService(svc string) bool { return slices.Contains(infraServices, svc) }

// metadataHosts are the instance-metadata and credential endpoints of
// cloud platforms that are not link-local addresses (those are all
// metadata: see platformLocal).
var metadataHosts = []string{
	"fd00:ec2::254",            // AWS instance metadata (IPv6)
	"fd00:ec2::23",             // AWS EKS Pod Identity agent (IPv6)
	"metadata.google.internal", // Google Cloud metadata server
	"metadata.goog",            // Google Cloud metadata server
	"100.100.100.200",          // Alibaba Cloud metadata
}

// platformLocal reports whether host is a link-local address (IPv4
// 169.254.0.0/16, IPv6 fe80::/10) or a cloud metadata endpoint: the
// instance metadata service (169.254.169.254, fd00:ec2::254), the
// container credential endpoints (ECS 169.254.170.2, EKS 169.254.170.23).
// They are served by the host or the platform's agent next to the
// process, not by a service that fails under load, and SDKs already
// retry them briefly: like loopback, not a dependency a breaker protects.
func platformLocal(host string) bool {
	h := strings.ToLower(remote.HostOnly(host))
	if slices.Contains(metadataHosts, h) {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && (ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || slices.ContainsFunc(metadataHosts, func(m string) bool {
		mip := net.ParseIP(m)
		return mip != nil && mip.Equal(ip)
	}))
}

// serviceKinds are the kinds of remote calls that reach services: the
// code side leaves datastores and queues out, as the graph side does.
var serviceKinds = map[remote.Kind]bool{remote.HTTP: true, remote.GRPC: true, remote.SMTP: true, remote.RPC: true}

// kindName names a kind of service for messages.
var kindName = map[remote.Kind]string{remote.HTTP: "HTTP", remote.GRPC: "gRPC", remote.SMTP: "SMTP", remote.RPC: "RPC"}

// identify names the dependency of a call site from what the code shows:
// the gRPC service of a generated client, else the URL host, environment
// variable or flag that holds the address. It returns "" when none is
// known.
func identify(s callsites.Site) (key, name string) {
	var svc string
	var addr []string
	hosts := 0
	for _, h := range s.Hints {
		switch h.Kind {
		case callsites.GRPC:
			svc = h.Value
		case callsites.Env:
			addr = append(addr, "env "+h.Value)
		case callsites.Flag:
			addr = append(addr, "flag -"+h.Value)
		case callsites.Host:
			if platformLocal(h.Value) {
				// The site can reach a metadata or credential endpoint:
				// the environment variables beside it override that
				// endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI); it is
				// not a service dependency.
				return "", ""
			}
			if remote.Local(h.Value) {
				continue
			}
			hosts++
			addr = append(addr, "host "+h.Value)
		}
	}
	slices.Sort(addr)
	addr = slices.Compact(addr)
	if hosts > 1 && svc == "" {
		return "", "" // one call site reaching several hosts: which one is not known
	}
	switch {
	case svc != "" && infraService(svc):
		return "", ""
	case svc != "":
		name = "gRPC service " + svc
		if len(addr) > 0 {
			name += " (at " + strings.Join(addr, ", ") + ")"
		}
		return "grpc:" + svc, name
	case len(addr) == 0:
		return "", ""
	case s.Kind == remote.GRPC:
		return string(s.Kind) + ":" + strings.Join(addr, ","), "the gRPC target at " + strings.Join(addr, ", ")
	}
	return string(s.Kind) + ":" + strings.Join(addr, ","), "the " + kindName[s.Kind] + " service at " + strings.Join(addr, ", ")
}

// fix says how to add a breaker for this kind of dependency.
func fix(d *dependency) string {
	switch {
	case strings.HasPrefix(d.key, "grpc"):
		return "wrap the calls in a breaker (gobreaker Execute, a failsafe-go executor) or add a failsafegrpc breaker interceptor to this connection"
	case !strings.HasPrefix(d.key, "http"):
		return "wrap the calls in a breaker (gobreaker Execute, a failsafe-go executor)"
	}
	return "wrap the calls in a breaker (gobreaker Execute, a failsafe-go executor) or give this client a failsafehttp RoundTripper with a circuit breaker"
}

// clientOrigin returns where the client of the calls is built in this
// package: the generated gRPC client's constructor (pb.NewXClient(conn)),
// the connection's dial, the *http.Client literal. When several clients
// reach the dependency, the one most calls go through wins, then the one
// built in the file that holds most of its calls. It falls back to the
// first call.
func clientOrigin(pass *analysis.Pass, res *resilience.Result, calls []*callSite) token.Pos {
	pkg := calls[0].call.Parent().Pkg
	type score struct{ calls, sameFile int }
	scores := map[token.Pos]*score{}
	for _, c := range calls {
		recv := resilience.Receiver(c.call.Common())
		if recv == nil {
			continue
		}
		seen := map[token.Pos]bool{}
		res.Origins(recv, func(o ssa.Value) {
			instr, ok := o.(ssa.Instruction)
			if !ok || instr.Parent() == nil || instr.Parent().Pkg != pkg || !o.Pos().IsValid() || seen[o.Pos()] {
				return
			}
			switch o := o.(type) {
			case *ssa.Call:
				callee := ir.Callee(&o.Call)
				if callee == nil || !(isDial(callee) || builtOnConn(&o.Call)) {
					return
				}
			case *ssa.Alloc:
				if !lint.IsNamed(o.Type(), "net/http", "Client") {
					return
				}
			default:
				return
			}
			seen[o.Pos()] = true
			sc := scores[o.Pos()]
			if sc == nil {
				sc = &score{}
				scores[o.Pos()] = sc
			}
			sc.calls++
			if pass.Fset.File(o.Pos()) == pass.Fset.File(c.call.Pos()) {
				sc.sameFile++
			}
		})
	}
	best := token.NoPos
	for pos, sc := range scores {
		if !best.IsValid() {
			best = pos
			continue
		}
		b := scores[best]
		if sc.calls > b.calls || (sc.calls == b.calls && (sc.sameFile > b.sameFile || (sc.sameFile == b.sameFile && before(pass.Fset, pos, best)))) {
			best = pos
		}
	}
	if best.IsValid() {
		return best
	}
	first := calls[0].call.Pos()
	for _, c := range calls {
		if before(pass.Fset, c.call.Pos(), first) {
			first = c.call.Pos()
		}
	}
	return first
}

// before orders positions by file name, then offset: the order of
// token.Pos values across files is the order go/packages happened to
// parse them in, which varies from run to run.
func before(fset *token.FileSet, a, b token.Pos) bool {
	pa, pb := fset.Position(a), fset.Position(b)
	if pa.Filename != pb.Filename {
		return pa.Filename < pb.Filename
	}
	return pa.Offset < pb.Offset
}

var dials = lint.NewFuncSet("google.golang.org/grpc.NewClient", "google.golang.org/grpc.Dial", "google.golang.org/grpc.DialContext")

func isDial(fn *types.Func) bool { return dials.Has(fn) }

// builtOnConn reports whether a call builds something on a gRPC
// connection: a generated client's constructor.
func builtOnConn(c *ssa.CallCommon) bool {
	for _, a := range c.Args {
		if isConn(a.Type()) {
			return true
		}
	}
	return false
}

// unusedBreaker names the first breaker constructor called in the package
// ("gobreaker.NewCircuitBreaker in NewClient"), or "".
func unusedBreaker(pass *analysis.Pass, res *resilience.Result) string {
	for _, fn := range res.Funcs() {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if callee := ir.Callee(call.Common()); breakerCtors.Has(callee) {
					return remote.FuncName(callee) + " in " + callerName(fn, pass.Pkg)
				}
			}
		}
	}
	return ""
}

// callerName names the declared function fn belongs to, for messages:
// "Checkout", "(*Client).Charge".
func callerName(fn *ssa.Function, pkg *types.Package) string {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return fn.Name()
	}
	sig := obj.Type().(*types.Signature)
	if sig.Recv() != nil {
		return "(" + types.TypeString(sig.Recv().Type(), types.RelativeTo(pkg)) + ")." + obj.Name()
	}
	return obj.Name()
}

// names lists the distinct callers of calls, in order.
func names(calls []*callSite) string {
	var ns []string
	for _, c := range calls {
		if !slices.Contains(ns, c.caller) {
			ns = append(ns, c.caller)
		}
	}
	return strings.Join(ns, ", ")
}

// compositeLit returns the composite literal whose brace is at lbrace
// (where SSA positions the allocation of &http.Client{…}), or nil.
func compositeLit(pass *analysis.Pass, lbrace token.Pos) ast.Node {
	var found ast.Node
	for _, f := range pass.Files {
		if lbrace < f.FileStart || lbrace > f.FileEnd {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil || n == nil || lbrace < n.Pos() || lbrace >= n.End() {
				return false
			}
			if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
				if lit, ok := u.X.(*ast.CompositeLit); ok && lit.Lbrace == lbrace {
					found = u
					return false
				}
			}
			if lit, ok := n.(*ast.CompositeLit); ok && lit.Lbrace == lbrace {
				found = lit
				return false
			}
			return true
		})
	}
	return found
}
