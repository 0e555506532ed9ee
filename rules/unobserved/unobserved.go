package unobserved

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/callsites"
	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/deps"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
	"github.com/faultline-dev/faultline/rules/internal/valueflow"
)

// Analyzer is unobserved's code side: it reports the remote dependencies
// of a package whose calls pass through no telemetry faultline can see,
// once per dependency at the client's construction.
var Analyzer = &analysis.Analyzer{
	Name:       "unobserved",
	Doc:        doc.AnalyzerDoc(),
	URL:        lint.URL("unobserved"),
	Run:        run,
	Requires:   []*analysis.Analyzer{config.Analyzer, ir.Analyzer, callsites.Analyzer, resilience.Analyzer, valueflow.Analyzer},
	ResultType: lint.ResultType,

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// init gives the catalogue entry (rule.go) its code side.
func init() { Rule.Analyzer = Analyzer }

// kinds are the kinds of dependency the rule judges: those whose client
// libraries have instrumentation faultline models (catalog.TelemetryFix).
var kinds = map[remote.Kind]bool{
	remote.HTTP: true, remote.GRPC: true, remote.SQL: true, remote.Redis: true, remote.Kind(catalog.Mongo): true, remote.Kafka: true,
}

// dependency is one remote dependency as the code shows it.
type dependency struct {
	key, name string
	lib       string // the client library's package path, for the fix
	calls     []*callSite
}

type callSite struct {
	call     ssa.CallInstruction
	caller   string
	observed callsites.Tri
}

type checker struct {
	pass *analysis.Pass
	res  *resilience.Result
}

func run(pass *analysis.Pass) (any, error) {
	rep := lint.NewReporter(pass, "unobserved")
	res := lint.ResultOf[*resilience.Result](pass)
	sites := lint.ResultOf[*callsites.Calls](pass)
	vf := lint.ResultOf[*valueflow.Result](pass)
	if !res.Analysed() {
		return rep.Result(), nil
	}
	c := &checker{pass: pass, res: res}
	if sites == nil || len(sites.Sites) == 0 {
		return rep.Result(), nil
	}

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
		if s.Consume || !kinds[remote.Kind(s.Kind)] || generated[s.File] {
			continue
		}
		key, name := deps.Identify(s)
		if key == "" {
			continue // the code does not show which dependency, or it is local
		}
		call := byPos[token.Position{Filename: s.File, Line: s.Line, Column: s.Col}]
		if call == nil || res.TestCode().Contains(call.Parent()) || startup.Once(call) {
			continue
		}
		if deps.UnixSocket(vf, res, s, call) {
			continue // local IPC, like loopback
		}
		if recv := resilience.Receiver(call.Common()); recv != nil && res.TestCode().BuiltIn(recv) {
			continue
		}
		lib := library(call, remote.Kind(s.Kind))
		if catalog.TelemetryFix(lib) == "" {
			continue // no instrumentation of this library is modelled
		}
		if remote.Kind(s.Kind) == remote.GRPC {
			// Generated clients on different connections are different
			// clients, whatever service they call.
			if ck := deps.ConnKey(res, call); ck != "" {
				key = "conn:" + ck
			}
		}
		d := byKey[key]
		if d == nil {
			d = &dependency{key: key, name: depName(s, name), lib: lib}
			byKey[key] = d
			order = append(order, d)
		}
		d.calls = append(d.calls, &callSite{call: call, caller: deps.CallerName(call.Parent(), pass.Pkg), observed: s.Observed})
	}
	for _, d := range order {
		// One observed call path, or one that faultline cannot judge, is
		// enough to stay silent: the rule reports dependencies whose every
		// call is provably bare.
		bare := true
		for _, cs := range d.calls {
			if cs.observed != callsites.No {
				bare = false
			}
		}
		if !bare {
			continue
		}
		at := c.clientOrigin(d.calls)
		msg := d.name + " has no telemetry (called in " + names(d.calls) + "): when it fails or slows down, nothing records its errors or latency, " +
			"and the service's own health stays green; " + catalog.TelemetryFix(d.lib)
		var related []analysis.RelatedInformation
		for _, cs := range d.calls {
			related = append(related, analysis.RelatedInformation{Pos: cs.call.Pos(), Message: "call with no telemetry in " + cs.caller})
		}
		rng := rep.AtCall(at)
		if lit := deps.CompositeLit(pass, at); lit != nil {
			rng = lit
		}
		rep.Report(analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: msg, Related: related})
	}
	// A service with no health endpoint needs the whole service (its
	// servers and every route its packages register): the graph side
	// reports it (health.go).
	return rep.Result(), nil
}

// depName names the dependency for the headline: "gRPC client for
// shop.v1.Payment", "HTTP client for env CATALOG_URL", "SQL client for env
// DATABASE_URL".
func depName(s callsites.Site, identified string) string {
	label := map[remote.Kind]string{remote.HTTP: "HTTP", remote.GRPC: "gRPC", remote.SQL: "SQL", remote.Redis: "Redis",
		remote.Kind(catalog.Mongo): "MongoDB", remote.Kafka: "Kafka"}[remote.Kind(s.Kind)]
	target := identified
	for _, p := range []string{"gRPC service ", "gRPC services ", "the gRPC target at "} {
		target = strings.TrimPrefix(target, p)
	}
	if _, rest, ok := strings.Cut(target, " service at "); ok && strings.HasPrefix(target, "the ") {
		target = rest
	}
	return label + " client for " + target
}

// library returns the package path of the client library a call goes
// through: "google.golang.org/grpc" for a generated client's method.
func library(call ssa.CallInstruction, k remote.Kind) string {
	if k == remote.GRPC {
		return "google.golang.org/grpc"
	}
	callee := ir.Callee(call.Common())
	if callee == nil || callee.Pkg() == nil {
		return ""
	}
	return callee.Pkg().Path()
}

// clientOrigin returns where the client of the calls is built in this
// package: the dial, the constructor, the *http.Client literal most calls
// go through; the first call when none is in view.
func (c *checker) clientOrigin(calls []*callSite) token.Pos {
	pkg := calls[0].call.Parent().Pkg
	count := map[token.Pos]int{}
	for _, cs := range calls {
		recv := resilience.Receiver(cs.call.Common())
		if recv == nil {
			continue
		}
		recv = ir.Unembed(recv)
		seen := map[token.Pos]bool{}
		var visit func(o ssa.Value)
		visit = func(o ssa.Value) {
			instr, ok := o.(ssa.Instruction)
			if !ok || instr.Parent() == nil || instr.Parent().Pkg != pkg || !o.Pos().IsValid() || seen[o.Pos()] {
				return
			}
			switch o := o.(type) {
			case *ssa.Call:
				callee := ir.Callee(&o.Call)
				if callee == nil {
					return
				}
				if recv := ir.Receiver(&o.Call); recv != nil && callee.Pkg() != nil && ir.Modelled(callee.Pkg().Path()) {
					// Derived from a client (a mongo Database of its
					// Client, a Collection of its Database): the client's
					// construction.
					c.res.Origins(ir.Unembed(recv), visit)
					return
				}
				if deps.BuiltOnConn(&o.Call) && !deps.IsDial(callee) {
					// A generated client: the connection's dial, when it
					// is made here.
					for _, a := range o.Call.Args {
						if deps.IsConn(a.Type()) {
							c.res.Origins(a, visit)
						}
					}
					if len(count) > 0 {
						return
					}
				}
			case *ssa.Alloc:
				if !lint.IsNamed(o.Type(), "net/http", "Client") {
					return
				}
			case *ssa.Extract:
				return
			default:
				return
			}
			seen[o.Pos()] = true
			count[o.Pos()]++
		}
		c.res.Origins(recv, visit)
	}
	best := token.NoPos
	for pos, n := range count {
		if !best.IsValid() || n > count[best] || (n == count[best] && deps.Before(c.pass.Fset, pos, best)) {
			best = pos
		}
	}
	if best.IsValid() {
		return best
	}
	first := calls[0].call.Pos()
	for _, cs := range calls {
		if deps.Before(c.pass.Fset, cs.call.Pos(), first) {
			first = cs.call.Pos()
		}
	}
	return first
}

// names lists the distinct callers of calls, in order.
func names(calls []*callSite) string {
	var ns []string
	for _, cs := range calls {
		if !slices.Contains(ns, cs.caller) {
			ns = append(ns, cs.caller)
		}
	}
	return strings.Join(ns, ", ")
}
