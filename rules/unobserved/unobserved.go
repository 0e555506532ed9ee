package unobserved

import (
	"go/ast"
	"go/token"
	"go/types"
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
	FactTypes:  []analysis.Fact{new(ClientFact), new(DefaultFact)},
	ResultType: lint.ResultType,

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// init gives the catalogue entry (rule.go) its code side.
func init() { Rule.Analyzer = Analyzer }

// Tri is what the code shows of a client's telemetry.
type Tri int8

// The states of a Tri.
const (
	Unknown Tri = iota
	No
	Yes
)

// ClientFact is the object fact of a function of the package that returns
// a client, a transport or a connection: whether what it returns is
// observed. A client built in one package and called in another keeps
// what its constructor showed. Telemetry itself also travels as
// resilience's Fact (Carries); this fact adds the certainty of none.
type ClientFact struct{ Observed Tri }

// AFact marks ClientFact as a fact.
func (*ClientFact) AFact() {}

func (f *ClientFact) String() string { return "client(" + f.Observed.String() + ")" }

// DefaultFact is the package fact of a package that replaces the default
// HTTP transport (http.DefaultTransport = …, http.DefaultClient.Transport
// = …): whether what it installs is instrumentation.
type DefaultFact struct{ Observed Tri }

// AFact marks DefaultFact as a fact.
func (*DefaultFact) AFact() {}

func (f *DefaultFact) String() string { return "default(" + f.Observed.String() + ")" }

func (t Tri) String() string {
	switch t {
	case No:
		return "no"
	case Yes:
		return "yes"
	}
	return "unknown"
}

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
	observed Tri
}

type checker struct {
	pass  *analysis.Pass
	res   *resilience.Result
	vf    *valueflow.Result
	main  bool
	deflt Tri // what the default HTTP transport is, as far as the package sees
}

const debug = false

func run(pass *analysis.Pass) (any, error) {
	rep := lint.NewReporter(pass, "unobserved")
	res := lint.ResultOf[*resilience.Result](pass)
	sites := lint.ResultOf[*callsites.Calls](pass)
	vf := lint.ResultOf[*valueflow.Result](pass)
	if !res.Analysed() {
		return rep.Result(), nil
	}
	c := &checker{pass: pass, res: res, vf: vf, main: pass.Pkg.Name() == "main"}
	c.deflt = c.defaultTransport()
	c.exportFacts()
	if sites == nil || len(sites.Sites) == 0 {
		return rep.Result(), nil
	}
	// A package that imports an instrumentation library faultline does
	// not model may observe its calls in ways it cannot see: silent.
	for _, imp := range pass.Pkg.Imports() {
		if catalog.UnmodelledTelemetry(imp.Path()) {
			return rep.Result(), nil
		}
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
		if debug {
			println("site", s.File, s.Line, key, lib)
		}
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
		d.calls = append(d.calls, &callSite{call: call, caller: callerName(call.Parent(), pass.Pkg), observed: c.observed(call, remote.Kind(s.Kind))})
	}
	for _, d := range order {
		// One observed call path, or one that faultline cannot judge, is
		// enough to stay silent: the rule reports dependencies whose every
		// call is provably bare.
		bare := true
		for _, cs := range d.calls {
			if cs.observed != No {
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
		if lit := compositeLit(pass, at); lit != nil {
			rng = lit
		}
		rep.Report(analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: msg, Related: related})
	}
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

// observed returns what the code shows of the telemetry of one call.
func (c *checker) observed(call ssa.CallInstruction, k remote.Kind) Tri {
	pt := c.res.Protections()
	if pt.ClientGuard(call).Kinds.Has(resilience.Telemetry) || pt.Guard(call).Kinds.Has(resilience.Telemetry) {
		return Yes
	}
	if metricOnError(call) {
		return Yes
	}
	recv := resilience.Receiver(call.Common())
	if recv != nil {
		recv = ir.Unembed(recv)
	}
	if k == remote.GRPC {
		if recv == nil {
			return Unknown
		}
		_, complete, found := pt.GRPCConnOptions(recv)
		if debug {
			println("grpc", c.pass.Fset.Position(call.Pos()).String(), complete, found)
		}
		if found && complete {
			return No
		}
		return Unknown
	}
	if recv == nil {
		// A function of net/http (http.Get, http.Post): the default
		// client and transport.
		if k == remote.HTTP {
			return c.deflt
		}
		return Unknown
	}
	return c.valueObserved(recv, 0)
}

// valueObserved returns what the code shows of the telemetry of a client
// value, over every place it may come from: observed when one is, unknown
// when one cannot be followed, unobserved when all are built bare.
func (c *checker) valueObserved(v ssa.Value, depth int) Tri {
	if depth > 4 {
		return Unknown
	}
	if c.res.Protections().KindsOf(v).Has(resilience.Telemetry) {
		return Yes
	}
	yes, unknown, any := false, false, false
	c.res.Origins(v, func(o ssa.Value) {
		any = true
		switch c.originObserved(o, depth) {
		case Yes:
			yes = true
		case Unknown:
			unknown = true
		}
	})
	switch {
	case yes:
		return Yes
	case unknown || !any:
		return Unknown
	}
	return No
}

// originObserved judges one place a client comes from.
func (c *checker) originObserved(o ssa.Value, depth int) Tri {
	switch o := o.(type) {
	case *ssa.Call:
		callee := ir.Callee(&o.Call)
		if callee == nil || callee.Pkg() == nil {
			return Unknown
		}
		if callee.Pkg() != c.pass.Pkg {
			var f ClientFact
			if c.pass.ImportObjectFact(callee, &f) {
				return f.Observed
			}
		}
		if ir.Modelled(callee.Pkg().Path()) {
			// A client library's constructor (redis.NewClient, sql.Open,
			// a Transport's Clone): what instruments it was looked for.
			return No
		}
		return Unknown
	case *ssa.Extract:
		if call, ok := o.Tuple.(*ssa.Call); ok {
			return c.originObserved(call, depth)
		}
		return Unknown
	case *ssa.Alloc:
		elem := o.Type().(*types.Pointer).Elem()
		st, ok := elem.Underlying().(*types.Struct)
		if !ok {
			return Unknown
		}
		if lint.IsNamed(elem, "net/http", "Client") {
			for i := range st.NumFields() {
				if st.Field(i).Name() != "Transport" {
					continue
				}
				ts := c.res.Protections().StoresTo(o, st.Field(i))
				if len(ts) == 0 {
					return c.deflt
				}
				return c.transportsObserved(ts, depth)
			}
			return Unknown
		}
		if lint.IsNamed(elem, "net/http", "Transport") {
			return No
		}
		return Unknown
	case *ssa.Global:
		if o.Pkg != nil && o.Pkg.Pkg.Path() == "net/http" && (o.Name() == "DefaultClient" || o.Name() == "DefaultTransport") {
			return c.deflt
		}
		return Unknown
	case *ssa.UnOp:
		if g, ok := o.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "net/http" && (g.Name() == "DefaultClient" || g.Name() == "DefaultTransport") {
			return c.deflt
		}
	}
	return Unknown
}

// transportsObserved judges the transports stored in a client: a nil
// transport is the default one.
func (c *checker) transportsObserved(ts []ssa.Value, depth int) Tri {
	out := No
	for _, t := range ts {
		var r Tri
		if k, ok := ir.Peel(t).(*ssa.Const); ok && k.IsNil() {
			r = c.deflt
		} else {
			r = c.valueObserved(t, depth+1)
		}
		switch {
		case r == Yes:
			return Yes
		case r == Unknown:
			out = Unknown
		}
	}
	return out
}

// defaultTransport returns what the default HTTP transport is for the
// package's calls: observed when the package, or (in a main package, where
// the whole program is in view) a package it imports, installs
// instrumentation there; unobserved in a main package that nothing
// changes; unknown elsewhere, as the program's main may install it.
func (c *checker) defaultTransport() Tri {
	own := c.ownDefault()
	if own != Unknown {
		return own
	}
	if !c.main {
		return Unknown
	}
	out := No
	for _, pf := range c.pass.AllPackageFacts() {
		if f, ok := pf.Fact.(*DefaultFact); ok {
			switch f.Observed {
			case Yes:
				return Yes
			case Unknown:
				out = Unknown
			}
		}
	}
	return out
}

// ownDefault returns what the package itself installs as the default
// transport: Unknown when it installs none.
func (c *checker) ownDefault() Tri {
	var vals []ssa.Value
	for _, fn := range c.res.Funcs() {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				switch a := st.Addr.(type) {
				case *ssa.Global:
					if a.Pkg != nil && a.Pkg.Pkg.Path() == "net/http" && a.Name() == "DefaultTransport" {
						vals = append(vals, st.Val)
					}
				case *ssa.FieldAddr:
					if f := ir.FieldVar(a); f != nil && f.Name() == "Transport" && lint.IsNamed(a.X.Type(), "net/http", "Client") {
						if u, ok := a.X.(*ssa.UnOp); ok {
							if g, ok := u.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "net/http" && g.Name() == "DefaultClient" {
								vals = append(vals, st.Val)
							}
						}
					}
				}
			}
		}
	}
	if len(vals) == 0 {
		return Unknown
	}
	for _, v := range vals {
		if c.res.Protections().KindsOf(v).Has(resilience.Telemetry) {
			return Yes
		}
	}
	return No
}

// exportFacts exports what the package's client constructors return and
// what it installs as the default transport.
func (c *checker) exportFacts() {
	if d := c.ownDefault(); d != Unknown {
		c.pass.ExportPackageFact(&DefaultFact{Observed: d})
	}
	for _, fn := range c.res.Funcs() {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || obj.Pkg() != c.pass.Pkg || !obj.Exported() {
			continue
		}
		r := fn.Signature.Results()
		if r.Len() == 0 || !clientType(r.At(0).Type()) {
			continue
		}
		out := Tri(-1)
		for _, b := range fn.Blocks {
			if len(b.Instrs) == 0 {
				continue
			}
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || len(ret.Results) == 0 {
				continue
			}
			v := ret.Results[0]
			if k, ok := ir.Peel(v).(*ssa.Const); ok && k.IsNil() {
				continue // the error return
			}
			t := c.valueObserved(v, 0)
			switch {
			case out < 0:
				out = t
			case t == Yes || out == Yes:
				out = Yes
			case t == Unknown:
				out = Unknown
			}
		}
		if out >= 0 && out != Unknown {
			c.pass.ExportObjectFact(obj, &ClientFact{Observed: out})
		}
	}
}

// clientType reports whether t is a client, transport or connection of a
// library faultline models.
func clientType(t types.Type) bool {
	if lint.IsNamed(t, "net/http", "RoundTripper") || lint.IsNamed(t, "net/http", "Client") || lint.IsNamed(t, "net/http", "Transport") {
		return true
	}
	if ir.TypeKey(t) != "" && strings.HasPrefix(ir.TypeKey(t), "net/http.") {
		return false // requests, responses, headers
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && ir.Modelled(n.Obj().Pkg().Path()) && n.Obj().Pkg().Path() != "google.golang.org/grpc"
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
		if !best.IsValid() || n > count[best] || (n == count[best] && pos < best) {
			best = pos
		}
	}
	if best.IsValid() {
		return best
	}
	first := calls[0].call.Pos()
	for _, cs := range calls {
		first = min(first, cs.call.Pos())
	}
	return first
}

// callerName names the declared function fn belongs to, for messages.
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
	for _, cs := range calls {
		if !slices.Contains(ns, cs.caller) {
			ns = append(ns, cs.caller)
		}
	}
	return strings.Join(ns, ", ")
}

// compositeLit returns the composite literal whose brace is at lbrace, or
// nil.
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
