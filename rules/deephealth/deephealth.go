package deephealth

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("deephealth", docMD)

// Analyzer reports health, liveness and readiness handlers that call
// remote dependencies.
var Analyzer = &analysis.Analyzer{
	Name:       "deephealth",
	Doc:        doc.AnalyzerDoc(),
	URL:        lint.URL("deephealth"),
	Run:        run,
	Requires:   []*analysis.Analyzer{config.Analyzer, ir.Analyzer, remote.Analyzer},
	ResultType: lint.ResultType,

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// CategoryReadiness is the category of findings on readiness checks: a
// dependency check there is sometimes wanted, and an unready instance is
// not restarted, so they are notes.
const CategoryReadiness = "readiness"

// Rule is deephealth's catalogue entry.
var Rule = &lint.Rule{
	Name:       "deephealth",
	Summary:    doc.Summary,
	Doc:        docMD,
	Severity:   lint.Warning,
	Categories: map[string]lint.Severity{CategoryReadiness: lint.Note},
	Analyzer:   Analyzer,
}

// checker holds the state of one pass.
type checker struct {
	pass         *analysis.Pass
	irr          *ir.IR
	rem          *remote.Result
	r            *lint.Reporter
	inPkg        map[*ssa.Function]bool
	globalStores map[*ssa.Global][]binding
	implCache    map[*types.Func][]*ssa.Function
}

func run(pass *analysis.Pass) (any, error) {
	r := lint.NewReporter(pass, "deephealth")
	irr := lint.ResultOf[*ir.IR](pass)
	rem := lint.ResultOf[*remote.Result](pass)
	if irr == nil || rem == nil {
		return r.Result(), nil
	}
	c := &checker{
		pass: pass, irr: irr, rem: rem, r: r,
		inPkg:        map[*ssa.Function]bool{},
		globalStores: map[*ssa.Global][]binding{},
		implCache:    map[*types.Func][]*ssa.Function{},
	}
	funcs := irr.SrcFuncs
	if init := irr.Pkg.Func("init"); init != nil {
		funcs = append([]*ssa.Function{init}, funcs...)
	}
	for _, fn := range irr.SrcFuncs {
		c.inPkg[fn] = true
	}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if g, ok := st.Addr.(*ssa.Global); ok {
						c.globalStores[g] = append(c.globalStores[g], binding{v: st.Val})
					}
				}
			}
		}
	}
	for _, fn := range funcs {
		if remote.TestHelper(fn) {
			continue // routes of a test harness, outside _test.go files
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok {
					if reg, ok := c.registrationOf(call); ok {
						c.checkRegistration(reg)
					}
				}
			}
		}
	}
	c.checkGRPCHealth()
	return r.Result(), nil
}

// checkRegistration reports a handler registered on a health path that
// reaches a remote operation.
func (c *checker) checkRegistration(reg registration) {
	w := newWalk()
	for _, ref := range c.resolve(reg.handler, nil) {
		h := c.reachRef(ref, w, 0)
		if h == nil {
			continue
		}
		d := analysis.Diagnostic{Message: c.message(reg.probe, "handler for "+reg.path, h)}
		rng := c.r.AtCall(reg.call.Pos())
		d.Pos, d.End = rng.Pos(), rng.End()
		if reg.probe == readiness {
			d.Category = CategoryReadiness
		}
		c.related(&d, h)
		c.r.Report(d)
		return
	}
}

// related points a diagnostic at the call through which the handler
// leaves the package for the remote operation.
func (c *checker) related(d *analysis.Diagnostic, h *hit) {
	if h.pos.IsValid() {
		d.Related = []analysis.RelatedInformation{{Pos: h.pos, Message: "the call that reaches " + h.api}}
	}
}

// message words a finding: the probe, what it calls and through what, the
// consequence and the fix.
func (c *checker) message(p probe, subject string, h *hit) string {
	what := h.api
	if len(h.via) > 0 {
		via := h.via
		if len(via) > maxVia {
			via = via[:maxVia]
		}
		what += " via " + strings.Join(via, " → ")
	}
	dep := dependency(h.kinds)
	switch p {
	case readiness:
		return fmt.Sprintf("readiness %s calls %s: when %s is slow or down every instance turns unready at once and the load balancer has none left to send callers to; "+
			"answer from the result of a background check, or fail readiness only on dependencies the instance cannot serve without", subject, what, dep)
	case grpcLiveness:
		return fmt.Sprintf("liveness %s calls %s: when %s is slow or down every instance fails its gRPC health probe and, probed for liveness, is restarted at once; "+
			"answer Check from a status a background check keeps (grpc/health's SetServingStatus), or check dependencies only for a readiness service name", subject, what, dep)
	default:
		return fmt.Sprintf("liveness %s calls %s: when %s is slow or down every instance fails its liveness probe and is restarted at once; "+
			"keep liveness shallow and check dependencies in readiness (/readyz)", subject, what, dep)
	}
}

// dependency names, for messages, what a remote operation talks to.
func dependency(kinds []remote.Kind) string {
	if len(kinds) != 1 {
		return "a dependency"
	}
	switch kinds[0] {
	case remote.SQL:
		return "the database"
	case remote.Redis:
		return "Redis"
	case remote.HTTP:
		return "the HTTP service it calls"
	case remote.GRPC:
		return "the gRPC service it calls"
	case remote.Kafka:
		return "Kafka"
	case remote.AMQP:
		return "the message broker"
	case remote.TCP:
		return "the host it dials"
	case remote.SMTP:
		return "the mail server"
	case remote.RPC:
		return "the RPC server"
	case remote.DNS:
		return "DNS"
	case remote.Cloud:
		return "the cloud service"
	}
	return "the dependency"
}

// checkGRPCHealth reports the Check and Watch methods of this package's
// implementations of the gRPC health service (grpc_health_v1.HealthServer)
// that reach remote operations. grpc/health.Server, which answers from
// the statuses set with SetServingStatus, is shallow by construction.
func (c *checker) checkGRPCHealth() {
	iface := healthServer(c.pass.Pkg)
	if iface == nil {
		return
	}
	prog := c.irr.Pkg.Prog
	scope := c.pass.Pkg.Scope()
	done := map[*ssa.Function]bool{}
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		if n, ok := tn.Type().(*types.Named); ok && n.TypeParams().Len() > 0 {
			continue
		}
		for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
			if !types.Implements(t, iface) {
				continue
			}
			for _, method := range []string{"Check", "Watch"} {
				sel := prog.MethodSets.MethodSet(t).Lookup(nil, method)
				if sel == nil || sel.Obj().Pkg() != c.pass.Pkg {
					continue
				}
				fn := prog.FuncValue(sel.Obj().(*types.Func))
				if fn == nil || !c.inPkg[fn] || done[fn] {
					continue
				}
				done[fn] = true
				c.checkHealthMethod(fn, method)
			}
			break
		}
	}
}

// checkHealthMethod reports one Check or Watch method. Check is what
// Kubernetes' gRPC probes and grpc_health_probe call, for liveness as well
// as readiness, so it is held to the liveness standard, unless the remote
// call is made only for a service name that says readiness
// (req.Service == "readiness"), the convention for telling the two probes
// apart. Watch serves clients that balance load by health, so it is a
// readiness check.
func (c *checker) checkHealthMethod(fn *ssa.Function, method string) {
	h := c.reach(fn, nil, newWalk(), 0)
	if h == nil {
		return
	}
	p := grpcLiveness
	subject := "gRPC health " + method + " of " + c.recvName(fn)
	if method == "Watch" {
		p = readiness
	} else if svc, ok := readinessGuard(fn, h.top); ok {
		p = readiness
		subject += fmt.Sprintf(" for service %q", svc)
	}
	d := analysis.Diagnostic{Pos: fn.Pos(), Message: c.message(p, subject, h)}
	if p == readiness {
		d.Category = CategoryReadiness
	}
	c.related(&d, h)
	c.r.Report(d)
}

// recvName formats the receiver type of a method for messages.
func (c *checker) recvName(fn *ssa.Function) string {
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return fn.Name()
	}
	return types.TypeString(recvType(obj), func(p *types.Package) string {
		if p == c.pass.Pkg {
			return ""
		}
		return p.Name()
	})
}

// healthServer returns the grpc_health_v1.HealthServer interface when the
// package imports it.
func healthServer(pkg *types.Package) *types.Interface {
	for _, p := range pkg.Imports() {
		if p.Path() != "google.golang.org/grpc/health/grpc_health_v1" {
			continue
		}
		tn, ok := p.Scope().Lookup("HealthServer").(*types.TypeName)
		if !ok {
			return nil
		}
		iface, _ := tn.Type().Underlying().(*types.Interface)
		return iface
	}
	return nil
}

// readinessGuard reports whether instr, in the Check method fn, runs only
// when the request names a readiness service: its block is dominated by
// the true side of `req.Service == "readiness"` (or req.GetService(), or
// the false side of !=), as a switch on the service name compiles to.
func readinessGuard(fn *ssa.Function, instr ssa.Instruction) (string, bool) {
	if instr == nil || instr.Parent() != fn || len(fn.Params) < 3 {
		return "", false
	}
	req := fn.Params[2] // receiver, ctx, req
	at := instr.Block()
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 || len(b.Succs) != 2 {
			continue
		}
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cond, ok := iff.Cond.(*ssa.BinOp)
		if !ok || (cond.Op != token.EQL && cond.Op != token.NEQ) {
			continue
		}
		svc, ok := ir.ConstString(cond.Y)
		other := cond.X
		if !ok {
			svc, ok = ir.ConstString(cond.X)
			other = cond.Y
		}
		if !ok || classifyName(svc) != readiness || !fromRequest(other, req) {
			continue
		}
		taken := b.Succs[0]
		if cond.Op == token.NEQ {
			taken = b.Succs[1]
		}
		if len(taken.Preds) == 1 && taken.Dominates(at) {
			return svc, true
		}
	}
	return "", false
}

// fromRequest reports whether v is the service name of the health check
// request req: req.Service or req.GetService().
func fromRequest(v, req ssa.Value) bool {
	switch x := v.(type) {
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL && fa.X == req {
			ptr, ok := fa.X.Type().Underlying().(*types.Pointer)
			if !ok {
				return false
			}
			st, ok := ptr.Elem().Underlying().(*types.Struct)
			return ok && fa.Field < st.NumFields() && st.Field(fa.Field).Name() == "Service"
		}
	case *ssa.Call:
		return getService.Has(ir.Callee(&x.Call)) && len(x.Call.Args) == 1 && x.Call.Args[0] == req
	}
	return false
}

var getService = lint.NewFuncSet("(*google.golang.org/grpc/health/grpc_health_v1.HealthCheckRequest).GetService")
