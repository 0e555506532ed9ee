package servertimeout

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
	"github.com/faultline-dev/faultline/rules/internal/valueflow"
	"github.com/faultline-dev/faultline/rules/internal/valueflow/edit"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("servertimeout", docMD)

// Analyzer reports HTTP servers with no read timeout.
var Analyzer = &analysis.Analyzer{
	Name:       "servertimeout",
	Doc:        doc.AnalyzerDoc(),
	URL:        lint.URL("servertimeout"),
	Run:        run,
	Requires:   []*analysis.Analyzer{config.Analyzer, ir.Analyzer, valueflow.Analyzer, resilience.Analyzer},
	FactTypes:  []analysis.Fact{new(Fact)},
	ResultType: lint.ResultType,

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// Fact records that a function starts serving the *http.Server it
// receives in some of its parameters, itself or through the functions it
// calls, so that a caller in another package that hands it a server with
// no read timeout is reported at that call.
type Fact struct {
	// Params lists, ascending, the indices of the parameters served,
	// receiver first (the indices of the call's arguments).
	Params []int
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String formats the fact for tests: "serves(0, 2)".
func (f *Fact) String() string {
	var ps []string
	for _, p := range f.Params {
		ps = append(ps, strconv.Itoa(p))
	}
	return "serves(" + strings.Join(ps, ", ") + ")"
}

// CategoryGRPC marks a gRPC server with none of the options that limit
// what one client holds (MaxConcurrentStreams, keepalive,
// ConnectionTimeout): a note, for grpc-go's defaults bound the handshake
// and police pings, and what is left open is a matter of limits.
const CategoryGRPC = "grpc"

// Rule is servertimeout's catalogue entry.
var Rule = &lint.Rule{
	Name:       "servertimeout",
	Summary:    doc.Summary,
	Doc:        docMD,
	Severity:   lint.Warning,
	Categories: map[string]lint.Severity{CategoryGRPC: lint.Note},
	Analyzer:   Analyzer,
}

// packageServe are the helpers that serve with a zero http.Server.
var packageServe = lint.NewFuncSet(
	"net/http.ListenAndServe",
	"net/http.ListenAndServeTLS",
	"net/http.Serve",
	"net/http.ServeTLS",
)

// serverServe are the methods that start serving an http.Server.
var serverServe = lint.NewFuncSet(
	"(*net/http.Server).ListenAndServe",
	"(*net/http.Server).ListenAndServeTLS",
	"(*net/http.Server).Serve",
	"(*net/http.Server).ServeTLS",
)

// serveHelperArg lists library functions, outside what faultline analyses
// by default, that serve the *http.Server they are given as it is, with
// the index of that argument. Prometheus' exporter-toolkit serves every
// exporter and Alertmanager this way, and sets no timeout.
var serveHelperArg = map[string]int{
	"github.com/prometheus/exporter-toolkit/web.ListenAndServe": 0,
	"github.com/prometheus/exporter-toolkit/web.Serve":          1,
	"github.com/prometheus/exporter-toolkit/web.ServeMultiple":  1,
}

var serveHelpers = lint.NewFuncSet(slices.Sorted(maps.Keys(serveHelperArg))...)

func run(pass *analysis.Pass) (any, error) {
	r := lint.NewReporter(pass, "servertimeout")
	irr := lint.ResultOf[*ir.IR](pass)
	vf := lint.ResultOf[*valueflow.Result](pass)
	if irr == nil || vf == nil {
		return r.Result(), nil
	}
	serves := servedParams(pass, irr)
	ix := edit.NewIndex(pass)
	var pt *resilience.Protections
	if res := lint.ResultOf[*resilience.Result](pass); res != nil {
		pt = res.Protections()
	}
	for _, fn := range irr.SrcFuncs {
		if remote.TestHelper(fn) {
			continue // test code outside _test.go files
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				callee := ir.Callee(call.Common())
				switch {
				case packageServe.Has(callee):
					reportPackageServe(ix, r, call, callee)
				case serverServe.Has(callee):
					srv, _, ok := valueflow.MethodCall(call.Common())
					if !ok || vf.ServerReadTimeout(srv) != valueflow.Unset {
						continue
					}
					reportServer(pass, ix, r, vf, call, srv, "http.Server starts serving")
				case grpcNewServer.Has(callee):
					checkGRPCServer(pass, ix, r, pt, call)
				case frameworkServe(callee) != nil:
					checkFramework(pass, ix, r, vf, fn, call, callee, frameworkServe(callee))
				default:
					for _, i := range serves.of(call.Common()) {
						srv := call.Common().Args[i]
						if paramOf(srv, fn) || vf.ServerReadTimeout(srv) != valueflow.Unset {
							continue // a parameter: its callers are asked
						}
						reportServer(pass, ix, r, vf, call, srv, "http.Server passed to "+remote.FuncName(callee)+" starts serving there")
					}
				}
			}
		}
	}
	serves.export(pass, irr)
	return r.Result(), nil
}

var grpcNewServer = lint.NewFuncSet("google.golang.org/grpc.NewServer")

// grpcLimits are the server options whose presence silences the gRPC note.
var grpcLimits = []resilience.GRPCEffect{
	resilience.GRPCMaxConcurrentStreams,
	resilience.GRPCKeepaliveParams,
	resilience.GRPCKeepaliveEnforcement,
	resilience.GRPCConnectionTimeout,
}

// checkGRPCServer notes a grpc.NewServer whose options, all in view, set
// none of grpcLimits. Servers built in _test.go files (bufconn servers
// of tests) are left alone.
func checkGRPCServer(pass *analysis.Pass, ix *edit.Index, r *lint.Reporter, pt *resilience.Protections, call ssa.CallInstruction) {
	if strings.HasSuffix(pass.Fset.File(call.Pos()).Name(), "_test.go") {
		return
	}
	opts, complete := pt.GRPCServerOptions(call)
	if !complete {
		return // an option faultline cannot see may set a limit
	}
	for _, o := range opts {
		if slices.Contains(grpcLimits, o.Effect) {
			return
		}
	}
	pos, end := ix.CallRange(call.Pos())
	r.Report(analysis.Diagnostic{
		Pos:      pos,
		End:      end,
		Category: CategoryGRPC,
		Message: "grpc.NewServer sets neither MaxConcurrentStreams nor keepalive (KeepaliveParams, KeepaliveEnforcementPolicy) nor ConnectionTimeout: " +
			"a client may open unlimited concurrent streams on each connection, each holding a goroutine for as long as the client is slow, " +
			"and idle connections are kept forever; set grpc.MaxConcurrentStreams and grpc.KeepaliveParams with MaxConnectionIdle",
	})
}

// frameworkServe returns the catalogue's entry of a framework method that
// starts serving, or nil.
func frameworkServe(fn *types.Func) *catalog.Serve {
	s, _ := catalog.ServeOf(fn)
	return s
}

// checkFramework reports a framework's server that starts serving at call
// with no read timeout.
func checkFramework(pass *analysis.Pass, ix *edit.Index, r *lint.Reporter, vf *valueflow.Result, fn *ssa.Function, call ssa.CallInstruction, callee *types.Func, s *catalog.Serve) {
	name := remote.FuncName(callee)
	if s.Builds {
		pos, end := ix.CallRange(call.Pos())
		r.Report(analysis.Diagnostic{
			Pos:     pos,
			End:     end,
			Message: name + " serves with an http.Server it builds with no timeouts: a slow or stalled client holds its connection and goroutine forever; serve the engine from an http.Server with ReadHeaderTimeout (Handler: engine)",
		})
		return
	}
	if s.Arg >= 0 {
		srv := ir.Arg(call.Common(), s.Arg)
		if srv == nil || paramOf(srv, fn) || vf.ServerReadTimeout(srv) != valueflow.Unset {
			return // a parameter: its callers are asked
		}
		reportServer(pass, ix, r, vf, call, srv, "http.Server passed to "+name+" starts serving there")
		return
	}
	recv, _, ok := valueflow.MethodCall(call.Common())
	if !ok || recv == nil {
		return
	}
	var msg string
	switch {
	case s.Field != "":
		if vf.ServerReadTimeoutAt(recv, s.Field+".") != valueflow.Unset {
			return
		}
		msg = name + " serves the Echo's " + s.Field + ", an http.Server with neither ReadHeaderTimeout nor ReadTimeout set: a slow or stalled client holds its connection and goroutine forever; set " + s.Field + ".ReadHeaderTimeout before starting"
	case s.Config != "":
		if vf.State(recv, s.Config).State != valueflow.Unset {
			return
		}
		if s.Before != "" && len(call.Common().Args) > 0 {
			last := call.Common().Args[len(call.Common().Args)-1]
			if vf.FirstVariadic(last, s.Before).State != valueflow.Unset {
				return // a hook may configure the server before it serves
			}
		}
		msg = name + " serves with fasthttp, and the app's fiber.Config leaves ReadTimeout zero (unlimited): a slow or stalled client holds its connection forever; set ReadTimeout in the fiber.Config given to fiber.New"
		if s.Config != catalog.FiberReadTimeout {
			msg = name + " serves with the hertz server's ReadTimeout set to zero, which hertz takes as no read deadline (its default is 3 minutes): a slow or stalled client holds its connection forever; drop server.WithReadTimeout(0) or give it a positive duration"
		}
	case s.Runner:
		given, unbounded := irisUnbounded(vf, call, recv, callee)
		if !unbounded {
			return
		}
		what := "an http.Server that iris builds with Addr only"
		if given {
			what = "the http.Server given to iris.Server, which sets neither ReadHeaderTimeout nor ReadTimeout,"
		}
		msg = name + " serves " + what + " and the Application's Timeout is not set (iris.WithTimeout), so nothing sets ReadHeaderTimeout: a slow or stalled client holds its connection and goroutine forever; pass iris.WithTimeout(d) (which also sets the server's read timeouts) or run iris.Server(&http.Server{ReadHeaderTimeout: ...})"
	default:
		return
	}
	pos, end := ix.CallRange(call.Pos())
	r.Report(analysis.Diagnostic{Pos: pos, End: end, Message: msg})
}

var (
	// irisBuilt are iris' runners that serve an http.Server built with
	// Addr only, configured by their variadic host configurators.
	irisBuilt = lint.NewFuncSet(
		"github.com/kataras/iris/v12.Addr",
		"github.com/kataras/iris/v12.TLS",
		"github.com/kataras/iris/v12.AutoTLS",
		"github.com/kataras/iris/v12.Listener",
	)
	// irisServer serves the http.Server it is given.
	irisServer = lint.NewFuncSet("github.com/kataras/iris/v12.Server")
)

// irisUnbounded reports whether an iris Application's Listen or Run, at
// call, serves an http.Server with no read timeout: its runner builds one
// with none (or is given one without), no host configurator is given,
// and neither the call's configurators nor the Application's set
// Timeout. What cannot be read (a runner or configurator of the user's,
// iris.Raw) is taken to bound it.
func irisUnbounded(vf *valueflow.Result, call ssa.CallInstruction, app ssa.Value, callee *types.Func) (given, unbounded bool) {
	args := call.Common().Args // receiver first
	if len(args) != 3 {
		return false, false
	}
	if callee.Name() == "Run" {
		runner, ok := ir.Peel(args[1]).(*ssa.Call)
		if !ok {
			return false, false
		}
		rc := runner.Call.Args
		rf := ir.Callee(&runner.Call)
		switch {
		case len(rc) == 0:
			return false, false
		case irisBuilt.Has(rf):
		case irisServer.Has(rf):
			if vf.ServerReadTimeout(rc[0]) != valueflow.Unset {
				return false, false
			}
			given = true
		default:
			return false, false
		}
		if hc, ok := rc[len(rc)-1].(*ssa.Const); !ok || !hc.IsNil() {
			return false, false // host configurators may set the server's fields
		}
	}
	return given, vf.IrisConfigurators(args[2]).State == valueflow.Unset &&
		vf.State(app, catalog.IrisTimeout).State == valueflow.Unset
}

// reportServer reports a server with no read timeout that starts serving
// at call; subject says where.
func reportServer(pass *analysis.Pass, ix *edit.Index, r *lint.Reporter, vf *valueflow.Result, call ssa.CallInstruction, srv ssa.Value, subject string) {
	pos, end := ix.CallRange(call.Pos())
	d := analysis.Diagnostic{
		Pos:     pos,
		End:     end,
		Message: subject + " with neither ReadHeaderTimeout nor ReadTimeout set: a slow or stalled client holds its connection and goroutine forever; set ReadHeaderTimeout",
	}
	if fix, ok := literalFix(pass, ix, vf, srv); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	r.Report(d)
}

// serving knows which parameters the functions of this package serve,
// and asks facts and the table for those of other packages.
type serving struct {
	pass     *analysis.Pass
	local    map[*ssa.Function][]int
	closures map[*ssa.Function][]*ssa.MakeClosure // function literal -> where it is created
}

// paramBehind returns the parameter that v is, or that a closure captures
// (go func() { srv.Serve(l) }(), where SSA keeps srv in a variable the
// closure reads), or nil.
func (s *serving) paramBehind(v ssa.Value) *ssa.Parameter {
	for range 8 {
		switch x := ir.Peel(v).(type) {
		case *ssa.Parameter:
			return x
		case *ssa.FreeVar:
			anon := x.Parent()
			i := slices.Index(anon.FreeVars, x)
			mcs := s.closures[anon]
			if i < 0 || len(mcs) != 1 || i >= len(mcs[0].Bindings) {
				return nil
			}
			v = mcs[0].Bindings[i]
		case *ssa.UnOp:
			// A load of a captured variable: the parameter stored in it,
			// when it is the variable's only value.
			if x.Op != token.MUL {
				return nil
			}
			cell := x.X
			for range 8 {
				fv, ok := cell.(*ssa.FreeVar)
				if !ok {
					break
				}
				anon := fv.Parent()
				i := slices.Index(anon.FreeVars, fv)
				mcs := s.closures[anon]
				if i < 0 || len(mcs) != 1 || i >= len(mcs[0].Bindings) {
					return nil
				}
				cell = mcs[0].Bindings[i]
			}
			alloc, ok := cell.(*ssa.Alloc)
			if !ok {
				return nil
			}
			v = nil
			for _, r := range *alloc.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == alloc {
					if v != nil {
						return nil // assigned more than once
					}
					v = st.Val
				}
			}
			if v == nil {
				return nil
			}
		default:
			return nil
		}
	}
	return nil
}

// servedParams computes, to a fixed point, the parameters of this
// package's functions that reach a Serve method, directly or through the
// functions they are passed to.
func servedParams(pass *analysis.Pass, irr *ir.IR) *serving {
	s := &serving{pass: pass, local: map[*ssa.Function][]int{}, closures: map[*ssa.Function][]*ssa.MakeClosure{}}
	for _, fn := range irr.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if mc, ok := instr.(*ssa.MakeClosure); ok {
					if anon, ok := mc.Fn.(*ssa.Function); ok {
						s.closures[anon] = append(s.closures[anon], mc)
					}
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, fn := range irr.SrcFuncs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					call, ok := instr.(ssa.CallInstruction)
					if !ok {
						continue
					}
					var servedArgs []ssa.Value
					callee := ir.Callee(call.Common())
					if serverServe.Has(callee) {
						if srv, _, ok := valueflow.MethodCall(call.Common()); ok {
							servedArgs = append(servedArgs, srv)
						}
					}
					if fs := frameworkServe(callee); fs != nil && fs.Arg >= 0 {
						if srv := ir.Arg(call.Common(), fs.Arg); srv != nil {
							servedArgs = append(servedArgs, srv)
						}
					}
					for _, i := range s.of(call.Common()) {
						servedArgs = append(servedArgs, call.Common().Args[i])
					}
					for _, a := range servedArgs {
						p := s.paramBehind(a)
						if p == nil {
							continue
						}
						owner := p.Parent()
						i := slices.Index(owner.Params, p)
						if !slices.Contains(s.local[owner], i) {
							s.local[owner] = append(s.local[owner], i)
							slices.Sort(s.local[owner])
							changed = true
						}
					}
				}
			}
		}
	}
	return s
}

// of returns the indices of the arguments of a call that the callee
// serves.
func (s *serving) of(cc *ssa.CallCommon) []int {
	if cc.IsInvoke() {
		return nil
	}
	sf := cc.StaticCallee()
	if sf == nil {
		return nil
	}
	var idx []int
	if ps, ok := s.local[sf]; ok {
		idx = ps
	} else if obj, ok := sf.Object().(*types.Func); ok && argsMatch(cc, obj) {
		if e, ok := serveHelpers.Entry(obj); ok {
			idx = []int{serveHelperArg[e]}
		} else if obj.Pkg() != s.pass.Pkg {
			var f Fact
			if s.pass.ImportObjectFact(obj.Origin(), &f) {
				idx = f.Params
			}
		}
	}
	var out []int
	for _, i := range idx {
		if i < len(cc.Args) && lint.IsNamed(cc.Args[i].Type(), "net/http", "Server") {
			out = append(out, i)
		}
	}
	return out
}

// argsMatch reports whether the arguments of a call of fn are its
// parameters, receiver first: not so for a bound method value, whose
// receiver is bound in a closure.
func argsMatch(cc *ssa.CallCommon, fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	n := sig.Params().Len()
	if sig.Recv() != nil {
		n++
	}
	return len(cc.Args) == n
}

// export exports the facts of this package's named functions.
func (s *serving) export(pass *analysis.Pass, irr *ir.IR) {
	for _, fn := range irr.SrcFuncs {
		ps := s.local[fn]
		obj, ok := fn.Object().(*types.Func)
		if len(ps) == 0 || !ok || fn.Parent() != nil || fn.Synthetic != "" || obj.Pkg() != pass.Pkg {
			continue
		}
		pass.ExportObjectFact(obj, &Fact{Params: slices.Clone(ps)})
	}
}

// paramOf reports whether v is (a conversion of) a parameter of fn.
func paramOf(v ssa.Value, fn *ssa.Function) bool {
	p, ok := ir.Peel(v).(*ssa.Parameter)
	return ok && p.Parent() == fn
}

// literalFix adds ReadHeaderTimeout: 10 * time.Second to the http.Server
// literal the server is built from, when it has exactly that one origin.
func literalFix(pass *analysis.Pass, ix *edit.Index, vf *valueflow.Result, srv ssa.Value) (analysis.SuggestedFix, bool) {
	os, complete := vf.Origins(srv)
	if !complete || len(os) != 1 || !os[0].Literal {
		return analysis.SuggestedFix{}, false
	}
	file, lit := ix.CompositeLit(os[0].Value.Pos())
	if lit == nil || !lint.IsNamed(pass.TypesInfo.TypeOf(lit), "net/http", "Server") || edit.KeyedField(lit, "ReadTimeout") != nil {
		return analysis.SuggestedFix{}, false
	}
	timeName, imp, ok := ix.Import(file, "time")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	e, ok := ix.SetField(lit, "ReadHeaderTimeout", "10 * "+timeName+".Second")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return edit.Fix("Set ReadHeaderTimeout to 10 seconds", imp, e), true
}

// reportPackageServe reports a call of http.ListenAndServe and its kin,
// with a fix for the two forms that take an address.
func reportPackageServe(ix *edit.Index, r *lint.Reporter, call ssa.CallInstruction, callee *types.Func) {
	pos, end := ix.CallRange(call.Pos())
	d := analysis.Diagnostic{
		Pos:     pos,
		End:     end,
		Message: "http." + callee.Name() + " serves with a zero http.Server, which has no timeouts: a slow or stalled client holds its connection forever; use an http.Server with ReadHeaderTimeout",
	}
	if fix, ok := listenFix(ix, call, callee); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	r.Report(d)
}

// listenFix rewrites http.ListenAndServe(addr, h) into
// (&http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 10 * time.Second}).ListenAndServe().
func listenFix(ix *edit.Index, call ssa.CallInstruction, callee *types.Func) (analysis.SuggestedFix, bool) {
	if callee.Name() != "ListenAndServe" && callee.Name() != "ListenAndServeTLS" {
		return analysis.SuggestedFix{}, false
	}
	file, expr := ix.Call(call.Pos())
	if expr == nil || expr.Ellipsis.IsValid() {
		return analysis.SuggestedFix{}, false
	}
	sel, ok := expr.Fun.(*ast.SelectorExpr)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	httpName := ix.Text(sel.X)
	timeName, imp, ok := ix.Import(file, "time")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	args := make([]string, len(expr.Args))
	for i, a := range expr.Args {
		args[i] = ix.Text(a)
	}
	// ListenAndServe(addr, handler); ListenAndServeTLS(addr, certFile, keyFile, handler).
	handler, method := args[1], "ListenAndServe()"
	if callee.Name() == "ListenAndServeTLS" {
		handler, method = args[3], "ListenAndServeTLS("+args[1]+", "+args[2]+")"
	}
	lit := httpName + ".Server{Addr: " + args[0] + ", Handler: " + handler + ", ReadHeaderTimeout: 10 * " + timeName + ".Second}"
	e := analysis.TextEdit{Pos: expr.Pos(), End: expr.End(), NewText: []byte("(&" + lit + ")." + method)}
	return edit.Fix("Use an http.Server with ReadHeaderTimeout", imp, e), true
}
