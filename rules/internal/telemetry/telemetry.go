// Package telemetry judges whether the calls of remote clients produce
// metrics or traces: the telemetry resilience finds on a client (an
// instrumented transport, a stats handler, an instrumented driver; see
// catalog.TelemetryAPIs), hand-written metrics on a call's error path
// (metrics.go), and whether what is missing is certain. The callsites
// analyzer records the answer per call site (Site.Observed) and exports
// this package's facts; the unobserved rule and the system graph read it.
//
// The answer is unknown, never "unobserved", when the client comes from
// somewhere that cannot be followed (a parameter, a field nothing in view
// sets, a function of another package with no fact), when it uses the
// default HTTP transport outside a main package (the program's main may
// replace it), and for every call of a package that imports an
// instrumentation library the catalogue does not model.
package telemetry

import (
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
)

// Analyzer judges the telemetry of a package's clients: its result is the
// package's *Judge, and it exports the facts that carry the answer across
// packages (ClientFact, DefaultFact).
var Analyzer = &analysis.Analyzer{
	Name:       "faultlinetelemetry",
	Doc:        "judge the telemetry of remote clients (faultline internal)",
	Run:        run,
	Requires:   []*analysis.Analyzer{resilience.Analyzer},
	FactTypes:  []analysis.Fact{new(ClientFact), new(DefaultFact)},
	ResultType: reflect.TypeFor[*Judge](),

	RunDespiteErrors: true,
}

func run(pass *analysis.Pass) (any, error) {
	j := New(pass, lint.ResultOf[*resilience.Result](pass))
	if j != nil {
		j.ExportFacts()
	}
	return j, nil
}

// Judge answers for the calls of one package.
type Judge struct {
	pass       *analysis.Pass
	res        *resilience.Result
	main       bool
	deflt      Tri  // what the default HTTP transport is, as far as the package sees
	unmodelled bool // the package imports an instrumentation library faultline does not model
}

// New returns the judge of a pass, nil when resilience did not analyse the
// package.
func New(pass *analysis.Pass, res *resilience.Result) *Judge {
	if !res.Analysed() {
		return nil
	}
	c := &Judge{pass: pass, res: res, main: pass.Pkg.Name() == "main"}
	for _, imp := range pass.Pkg.Imports() {
		if catalog.UnmodelledTelemetry(imp.Path()) {
			c.unmodelled = true
		}
	}
	c.deflt = c.defaultTransport()
	return c
}

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

// Call returns what the code shows of the telemetry of one remote call
// of kind k.
func (c *Judge) Call(call ssa.CallInstruction, k remote.Kind) Tri {
	if c == nil || c.unmodelled {
		return Unknown
	}
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
func (c *Judge) valueObserved(v ssa.Value, depth int) Tri {
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
func (c *Judge) originObserved(o ssa.Value, depth int) Tri {
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
func (c *Judge) transportsObserved(ts []ssa.Value, depth int) Tri {
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
func (c *Judge) defaultTransport() Tri {
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
func (c *Judge) ownDefault() Tri {
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

// ExportFacts exports what the package's client constructors return and
// what it installs as the default transport.
func (c *Judge) ExportFacts() {
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
