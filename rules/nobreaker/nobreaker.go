package nobreaker

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/callsites"
	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/deps"
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
	byKey := map[string]*dependency{}
	var order []*dependency
	for _, s := range sites.Sites {
		if s.Consume || !serviceKinds[remote.Kind(s.Kind)] || generated[s.File] {
			continue
		}
		key, name := deps.Identify(s)
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
		if deps.UnixSocket(vf, res, s, call) {
			continue // local IPC over a unix-domain socket, like loopback
		}
		if recv := resilience.Receiver(call.Common()); recv != nil && res.TestCode().BuiltIn(recv) {
			continue // through a client only test code builds
		}
		if strings.HasPrefix(key, "grpc:") {
			// Generated clients of several services on one connection
			// reach one dependency.
			if ck := deps.ConnKey(res, call); ck != "" {
				svc := strings.TrimPrefix(key, "grpc:")
				key = "conn:" + ck
				if d := byKey[key]; d != nil {
					if !slices.Contains(d.services, svc) {
						d.services = append(d.services, svc)
						d.name = servicesName(d.services, d.addr)
					}
				} else {
					d := &dependency{key: key, services: []string{svc}, addr: addrOf(name)}
					d.name = servicesName(d.services, d.addr)
					byKey[key] = d
					order = append(order, d)
				}
			}
		}
		d := byKey[key]
		if d == nil {
			d = &dependency{key: key, name: name}
			byKey[key] = d
			order = append(order, d)
		}
		guarded := res.Protections().Guard(call).Kinds&resilience.Breaker != 0 || res.Protections().ClientGuard(call).Kinds&resilience.Breaker != 0
		d.calls = append(d.calls, &callSite{call: call, caller: deps.CallerName(call.Parent(), pass.Pkg), guarded: guarded})
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
			if lit := deps.CompositeLit(pass, at); lit != nil {
				rng = lit
			}
			rep.Report(analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: msg, Related: related})
		}
	}
	return rep.Result(), nil
}

// serviceKinds are the kinds of remote calls that reach services: the
// code side leaves datastores and queues out, as the graph side does.
var serviceKinds = map[remote.Kind]bool{remote.HTTP: true, remote.GRPC: true, remote.SMTP: true, remote.RPC: true}

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
				if callee == nil || !(deps.IsDial(callee) || deps.BuiltOnConn(&o.Call)) {
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
		if sc.calls > b.calls || (sc.calls == b.calls && (sc.sameFile > b.sameFile || (sc.sameFile == b.sameFile && deps.Before(pass.Fset, pos, best)))) {
			best = pos
		}
	}
	if best.IsValid() {
		return best
	}
	first := calls[0].call.Pos()
	for _, c := range calls {
		if deps.Before(pass.Fset, c.call.Pos(), first) {
			first = c.call.Pos()
		}
	}
	return first
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
					return remote.FuncName(callee) + " in " + deps.CallerName(fn, pass.Pkg)
				}
			}
		}
	}
	return ""
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
