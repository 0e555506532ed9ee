package ctxdeadline

import (
	_ "embed"
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
	"github.com/faultline-dev/faultline/rules/internal/valueflow"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("ctxdeadline", docMD)

// CategoryRequest is the Diagnostic.Category of findings whose context is
// an HTTP handler's request context. That context has no deadline unless
// the handler is wrapped by http.TimeoutHandler, which may happen where
// faultline cannot see it (another package, a proxy in front of the
// service), so these findings have a lower severity, and `faultline check`
// may drop them for services whose callers bound the request.
const CategoryRequest = "request-context"

// Analyzer reports remote calls whose context has no deadline.
var Analyzer = &analysis.Analyzer{
	Name:       "ctxdeadline",
	Doc:        doc.AnalyzerDoc(),
	URL:        lint.URL("ctxdeadline"),
	Run:        run,
	Requires:   []*analysis.Analyzer{config.Analyzer, ir.Analyzer, remote.Analyzer, valueflow.Analyzer, resilience.Analyzer},
	FactTypes:  []analysis.Fact{new(Fact), new(MiddlewareFact), new(RouterFact)},
	ResultType: lint.ResultType,

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// Rule is ctxdeadline's catalogue entry. A fresh context with no deadline
// is an error; a handler's request context, and a caller's context left
// behind by a call that takes none, and a message consumer's context, are
// warnings.
var Rule = &lint.Rule{
	Name:         "ctxdeadline",
	Summary:      doc.Summary,
	Doc:          docMD,
	Severity:     lint.Error,
	Categories:   map[string]lint.Severity{CategoryRequest: lint.Warning, CategoryIncoming: lint.Warning, CategoryDropped: lint.Warning, CategoryConsumer: lint.Warning},
	Analyzer:     Analyzer,
	Refine:       refine,
	Group:        group,
	ServiceGroup: serviceGroup,
}

// Fact summarises how contexts flow through a function, for its callers in
// other packages. It is exported on functions and methods, and on the
// methods of interfaces whose implementation in the same package has it
// (generated gRPC clients are used through their interface).
type Fact struct {
	// Sinks lists, by ascending Param, the parameters whose context reaches
	// a remote call with no deadline added on the way.
	Sinks []Sink
	// Returns lists, by ascending Result, the context results that carry
	// no deadline of their own.
	Returns []Return
	// Ctxless says that the function takes no context and reaches a
	// remote call through a variant that takes none (helpers.go).
	Ctxless *Ctxless `json:",omitempty"`
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// Sink says that the context of a parameter (a context.Context, or the
// context of an *http.Request) reaches a remote API with no deadline added.
type Sink struct {
	Param int         // index in the signature, receiver not counted
	API   string      // the remote API reached, e.g. "(*sql.DB).QueryContext"
	Kind  remote.Kind // what kind of remote operation API performs
	Via   []string    // the functions between this one and API, nearest first (at most 3)
	// Transport says, for an HTTP call, what the client's transport
	// bounds: see the Transport constants.
	Transport Transport
	// Hang says what a missing deadline means for the call, when its
	// library says it in words of its own (see remote.API.Hang); "" for
	// its kind's.
	Hang string
	// WaitsForReady says, for a gRPC call, what makes it wait for the
	// server to become ready (grpc.WaitForReady(true), a default call
	// option of the connection), "" when it fails fast.
	WaitsForReady string
	// At holds, under Config.System, the positions ("file:line:col",
	// newline-separated) of the calls from this function down to API:
	// every call the context passes through, which the system's call
	// sites are matched against (see refine).
	At string `json:",omitempty"`
	// Stream marks a sink that opens a gRPC stream (see resolveStream):
	// StreamOpen when its kind does not show yet (NewStream under a
	// generated client's streaming method), StreamServer for a server
	// stream opened outside a loop and a goroutine, reported only with a
	// request's context.
	Stream StreamUse `json:",omitempty"`
}

// StreamUse says how a sink that opens a gRPC stream is reported.
type StreamUse string

const (
	// StreamOpen: the kind of the stream does not show yet; never
	// reported.
	StreamOpen StreamUse = "open"
	// StreamServer: a server stream opened outside a loop and a
	// goroutine; reported when the context is a request's (an HTTP
	// handler's, a gRPC method's incoming context), within which it is
	// a listing read to its end. Opened with a context of the program's
	// own, it may as well be a watch held for the process' life.
	StreamServer StreamUse = "server"
)

// reports says whether a context from o makes a finding at u.
func (u use) reports(o *origin) bool {
	switch u.stream {
	case StreamOpen:
		return false
	case StreamServer:
		return o.kind == requestCtx || o.kind == incomingCtx
	}
	return true
}

// Transport is what the transport of an HTTP call with no deadline bounds.
type Transport string

// What a transport bounds.
const (
	// TransportNone: nothing (http.DefaultTransport, a transport built in
	// view without ResponseHeaderTimeout).
	TransportNone Transport = ""
	// TransportHeader: the wait for the response headers
	// (ResponseHeaderTimeout), nothing after them.
	TransportHeader Transport = "header"
	// TransportUnknown: a transport faultline cannot see.
	TransportUnknown Transport = "unknown"
)

// Describe names the path to the remote API, for messages:
// "store.Load → (*sql.DB).QueryContext".
func (s Sink) Describe() string {
	return strings.Join(append(slices.Clone(s.Via), s.API), " → ")
}

// Return says that a context result has no deadline of its own: it is
// derived, with none added, from the context of parameters (Params), or it
// is created fresh inside (Fresh names how, e.g. "context.Background()").
type Return struct {
	Result int
	Params []int // ascending
	Fresh  string
}

// String formats the fact for tests and debugging:
// "ctxdeadline(param0 → store.Load → (*sql.DB).QueryContext; result0 ← param1)".
func (f *Fact) String() string {
	var parts []string
	for _, s := range f.Sinks {
		parts = append(parts, fmt.Sprintf("param%d → %s", s.Param, s.Describe()))
	}
	for _, r := range f.Returns {
		var from []string
		for _, p := range r.Params {
			from = append(from, fmt.Sprintf("param%d", p))
		}
		if r.Fresh != "" {
			from = append(from, r.Fresh)
		}
		parts = append(parts, fmt.Sprintf("result%d ← %s", r.Result, strings.Join(from, ", ")))
	}
	if c := f.Ctxless; c != nil {
		parts = append(parts, "no context → "+strings.Join(append(slices.Clone(c.Via), c.API), " → "))
	}
	return "ctxdeadline(" + strings.Join(parts, "; ") + ")"
}

// maxVia bounds the chains kept in facts and messages.
const maxVia = 3

func run(pass *analysis.Pass) (any, error) {
	r := lint.NewReporter(pass, "ctxdeadline")
	irr := lint.ResultOf[*ir.IR](pass)
	if irr == nil {
		return r.Result(), nil
	}
	vf := lint.ResultOf[*valueflow.Result](pass)
	c := newChecker(pass, irr, vf)
	c.res = lint.ResultOf[*resilience.Result](pass)
	c.rem = lint.ResultOf[*remote.Result](pass)
	c.guarded = map[ssa.CallInstruction]bool{}
	if conf := lint.ResultOf[*config.Config](pass); conf != nil {
		c.system = conf.System
	}
	c.scan()
	c.solve()
	c.dropper = newDropper(c)
	c.drops = c.findDropped(c.dropper)
	c.exportFacts()
	c.exportMiddlewareFacts()
	c.report(r)
	return r.Result(), nil
}

// checker holds the analysis of one package.
type checker struct {
	pass *analysis.Pass
	irr  *ir.IR
	rem  *remote.Result // the remote APIs: the catalogue's and the run's own
	vf   *valueflow.Result
	// res knows the timeouts that guard a call from outside its context:
	// a timeout interceptor on its gRPC connection, a timeout executor
	// around it.
	res     *resilience.Result
	guarded map[ssa.CallInstruction]bool // timeoutGuarded's answers

	dropper *dropper   // the dropped contexts (dropped.go)
	drops   []*dropped // what it found

	inPkg        map[*ssa.Function]bool
	closures     map[*ssa.Function][]*ssa.MakeClosure // function literal -> where it is created
	calledStatic map[*ssa.Function]bool               // called directly somewhere in the package
	usedAsValue  map[*ssa.Function]bool               // referred to other than by a direct call

	// Call sites, in source order, and the sites that call each function
	// of this package (key *ssa.Function) or method of an interface of
	// this package (key *types.Func).
	sites   []site
	callers map[any][]int

	// Interfaces of this package and their implementations here.
	ifaceImpls map[*types.Func][]*ssa.Function
	implOf     map[*ssa.Function][]*types.Func
	ifaceOrder []*types.Func

	// Handlers wrapped by http.TimeoutHandler; wrapAll when a wrapped
	// handler could not be resolved, so every handler counts as wrapped.
	wrapped map[*ssa.Function]bool
	wrapAll bool

	fws  *fwState       // framework routers and handlers: see frameworks.go
	cons *consumerState // message consumers: see consumers.go

	flows   map[ssa.Value]*flow
	returns map[retKey]*retSummary
	sinks   map[*ssa.Function]map[int]*Sink // the facts being computed

	findings map[*origin]*finding

	// system: the driver joins the code to the whole system and refines
	// the findings (Config.System), so gRPC methods' incoming contexts
	// are judged; servers memoises serverIfaces.
	system  bool
	servers map[*types.Package][]*types.Named

	// enqueue schedules the call sites of a function or interface method
	// whose sinks grew; set by solve.
	enqueue func(key any)
}

// site is one call instruction and the function it is in.
type site struct {
	fn   *ssa.Function
	call ssa.CallInstruction
}

func newChecker(pass *analysis.Pass, irr *ir.IR, vf *valueflow.Result) *checker {
	return &checker{
		pass:         pass,
		irr:          irr,
		vf:           vf,
		inPkg:        map[*ssa.Function]bool{},
		closures:     map[*ssa.Function][]*ssa.MakeClosure{},
		calledStatic: map[*ssa.Function]bool{},
		usedAsValue:  map[*ssa.Function]bool{},
		callers:      map[any][]int{},
		ifaceImpls:   map[*types.Func][]*ssa.Function{},
		implOf:       map[*ssa.Function][]*types.Func{},
		wrapped:      map[*ssa.Function]bool{},
		flows:        map[ssa.Value]*flow{},
		returns:      map[retKey]*retSummary{},
		sinks:        map[*ssa.Function]map[int]*Sink{},
		findings:     map[*origin]*finding{},
		servers:      map[*types.Package][]*types.Named{},
	}
}

// scan indexes the package: call sites, closures, how functions are used,
// interface implementations and handler registrations.
func (c *checker) scan() {
	for _, fn := range c.irr.SrcFuncs {
		c.inPkg[fn] = true
	}
	for _, fn := range c.irr.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok {
					cc := call.Common()
					if sf := cc.StaticCallee(); sf != nil {
						c.calledStatic[c.resolve(sf)] = true
					}
					for _, arg := range cc.Args {
						if f, ok := arg.(*ssa.Function); ok {
							c.usedAsValue[c.resolve(f)] = true
						}
					}
					c.sites = append(c.sites, site{fn: fn, call: call})
					if key := c.calleeKey(cc); key != nil {
						c.callers[key] = append(c.callers[key], len(c.sites)-1)
					}
					continue
				}
				if mc, ok := instr.(*ssa.MakeClosure); ok {
					if anon, ok := mc.Fn.(*ssa.Function); ok {
						c.closures[anon] = append(c.closures[anon], mc)
						c.usedAsValue[c.resolve(anon)] = true
					}
				}
				for _, op := range instr.Operands(nil) {
					if op == nil {
						continue
					}
					if f, ok := (*op).(*ssa.Function); ok {
						c.usedAsValue[c.resolve(f)] = true
					}
				}
			}
		}
	}
	c.scanInterfaces()
	c.scanHandlers()
	c.scanFrameworks()
}

// resolve maps the synthetic wrappers of a method (bound method values,
// method expressions) to the method.
func (c *checker) resolve(fn *ssa.Function) *ssa.Function {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if fn.Synthetic != "" {
		if obj, ok := fn.Object().(*types.Func); ok {
			if m := c.irr.Pkg.Prog.FuncValue(obj); m != nil {
				return m
			}
		}
	}
	return fn
}

// localCallee returns the function of this package a call invokes
// statically, or nil.
func (c *checker) localCallee(cc *ssa.CallCommon) *ssa.Function {
	sf := cc.StaticCallee()
	if sf == nil {
		return nil
	}
	if fn := c.resolve(sf); c.inPkg[fn] {
		return fn
	}
	return nil
}

// calleeKey is the key of callers for a call: the function of this
// package it invokes, or the method of an interface of this package.
func (c *checker) calleeKey(cc *ssa.CallCommon) any {
	if cc.IsInvoke() {
		if m := cc.Method.Origin(); m.Pkg() == c.pass.Pkg {
			return m
		}
		return nil
	}
	if fn := c.localCallee(cc); fn != nil {
		return fn
	}
	return nil
}

// argOfFunc is argOf for a call of the declared function callee.
func argOfFunc(cc *ssa.CallCommon, callee *types.Func, i int) ssa.Value {
	sig, ok := callee.Type().(*types.Signature)
	if !ok {
		return nil
	}
	return ir.ArgOf(cc, sig.Params().Len(), i)
}

// funcLabel names a function of this package for messages.
func funcLabel(fn *ssa.Function) string {
	if obj, ok := fn.Object().(*types.Func); ok {
		return remote.FuncName(obj)
	}
	if p := fn.Parent(); p != nil {
		return "a function literal in " + funcLabel(p)
	}
	return fn.Name()
}

// solve propagates facts through the package's call sites until nothing
// changes. A site is processed again when a function it calls gains a
// sink; facts only grow, so this terminates.
func (c *checker) solve() {
	queued := make([]bool, len(c.sites))
	queue := make([]int, len(c.sites))
	for i := range c.sites {
		queue[i] = i
		queued[i] = true
	}
	c.enqueue = func(key any) {
		for _, i := range c.callers[key] {
			if !queued[i] {
				queued[i] = true
				queue = append(queue, i)
			}
		}
	}
	for len(queue) > 0 {
		i := queue[0]
		queue = queue[1:]
		queued[i] = false
		c.process(c.sites[i])
	}
}

// process looks at one call site: for each context that reaches a remote
// call through it, record where that context lost (or never had) a
// deadline, and which parameters of the enclosing functions it comes from.
func (c *checker) process(s site) {
	for _, u := range c.uses(s) {
		if c.system {
			u.at = c.chainAt(s, u.at)
		}
		fl := c.flowOf(u.arg)
		if o := c.consumerOrigin(s, u.arg, fl); o != nil {
			if u.reports(o) {
				c.record(entry{o: o}, s, u)
			}
			continue
		}
		for _, e := range fl.origins {
			if u.reports(e.o) {
				c.record(e, s, u)
			}
		}
		for _, p := range fl.params {
			c.addSink(p, u)
		}
	}
}

// addSink records that parameter p reaches the remote call u.
func (c *checker) addSink(p *ssa.Parameter, u use) {
	fn := p.Parent()
	idx := ir.ParamIndex(p)
	if idx < 0 {
		return
	}
	m := c.sinks[fn]
	if m == nil {
		m = map[int]*Sink{}
		c.sinks[fn] = m
	}
	if m[idx] != nil {
		return
	}
	m[idx] = &Sink{Param: idx, API: u.api, Kind: u.kind, Via: u.via, Transport: u.transport, Hang: u.hang, WaitsForReady: u.ready.what, At: u.at, Stream: u.stream}
	c.enqueue(fn)
	for _, im := range c.implOf[fn] {
		c.enqueue(im)
	}
}

// sortedSinks returns the sinks of a function by parameter.
func sortedSinks(m map[int]*Sink) []Sink {
	var out []Sink
	for _, s := range m {
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b Sink) int { return a.Param - b.Param })
	return out
}

// ifaceSinks returns the sinks of a method of an interface of this
// package: those of its implementations here, first one per parameter.
func (c *checker) ifaceSinks(m *types.Func) []Sink {
	seen := map[int]bool{}
	var out []Sink
	for _, fn := range c.ifaceImpls[m] {
		for _, s := range sortedSinks(c.sinks[fn]) {
			if !seen[s.Param] {
				seen[s.Param] = true
				out = append(out, s)
			}
		}
	}
	slices.SortFunc(out, func(a, b Sink) int { return a.Param - b.Param })
	return out
}

// exportFacts exports the facts of the package's named functions and of
// the methods of its interfaces.
func (c *checker) exportFacts() {
	for _, fn := range c.irr.SrcFuncs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || fn.Origin() != nil || fn.Synthetic != "" || obj.Pkg() != c.pass.Pkg {
			continue
		}
		f := &Fact{Sinks: sortedSinks(c.sinks[fn]), Returns: c.returnsOf(fn)}
		if h := c.dropper.ctxless[fn]; h != nil {
			f.Ctxless = &h.fact
		}
		if len(f.Sinks)+len(f.Returns) > 0 || f.Ctxless != nil {
			c.pass.ExportObjectFact(obj, f)
		}
	}
	for _, m := range c.ifaceOrder {
		if s := c.ifaceSinks(m); len(s) > 0 {
			c.pass.ExportObjectFact(m, &Fact{Sinks: s})
		}
	}
}

// scanInterfaces finds, for each method of an interface declared in this
// package that takes a context or a request, its implementations here.
func (c *checker) scanInterfaces() {
	scope := c.pass.Pkg.Scope()
	var concrete []types.Type
	var ifaces []*types.TypeName
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		named, ok := tn.Type().(*types.Named)
		if !ok || named.TypeParams().Len() > 0 {
			continue
		}
		if types.IsInterface(named) {
			ifaces = append(ifaces, tn)
		} else {
			concrete = append(concrete, named)
		}
	}
	prog := c.irr.Pkg.Prog
	for _, tn := range ifaces {
		iface := tn.Type().Underlying().(*types.Interface)
		var methods []*types.Func
		for i := range iface.NumExplicitMethods() {
			if m := iface.ExplicitMethod(i); carriesContext(m) {
				methods = append(methods, m)
			}
		}
		if len(methods) == 0 {
			continue
		}
		for _, t := range concrete {
			for _, rt := range []types.Type{t, types.NewPointer(t)} {
				if !types.Implements(rt, iface) {
					continue
				}
				mset := prog.MethodSets.MethodSet(rt)
				for _, m := range methods {
					sel := mset.Lookup(m.Pkg(), m.Name())
					if sel == nil {
						continue
					}
					if fn := prog.FuncValue(sel.Obj().(*types.Func)); fn != nil && c.inPkg[fn] {
						c.ifaceImpls[m] = append(c.ifaceImpls[m], fn)
						c.implOf[fn] = append(c.implOf[fn], m)
					}
				}
				break
			}
		}
		for _, m := range methods {
			if len(c.ifaceImpls[m]) > 0 {
				c.ifaceOrder = append(c.ifaceOrder, m)
			}
		}
	}
}

// carriesContext reports whether a function takes a context or a request.
func carriesContext(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	for i := range sig.Params().Len() {
		t := sig.Params().At(i).Type()
		if remote.IsContext(t) || isRequest(t) || carrierOf(t) != fwNone {
			return true
		}
	}
	return false
}

// finding is a place where a context without a deadline enters, and the
// remote calls it reaches.
type finding struct {
	o       *origin
	derived string
	hits    []hit
}

// hit is a remote call reached from an origin.
type hit struct {
	pos       token.Pos
	desc      string
	kind      remote.Kind
	transport Transport // see Sink.Transport
	hang      string    // see Sink.Hang
	ready     readiness // see Sink.WaitsForReady
	at        string    // see Sink.At
}

// record notes that the context of e reaches the remote call u at s.
func (c *checker) record(e entry, s site, u use) {
	f := c.findings[e.o]
	if f == nil {
		f = &finding{o: e.o}
		c.findings[e.o] = f
	}
	if f.derived == "" {
		f.derived = e.derived
	}
	h := hit{pos: s.call.Pos(), desc: u.describe(), kind: u.kind, transport: u.transport, hang: u.hang, ready: u.ready, at: u.at}
	if !slices.Contains(f.hits, h) {
		f.hits = append(f.hits, h)
	}
}
