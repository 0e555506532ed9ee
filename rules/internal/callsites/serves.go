package callsites

import (
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

// Serve is a server a package starts: the engine tells services, which
// serve, from clients, which only call out, and infers the entrypoints of
// a system learned from code.
type Serve struct {
	Protocol string // "http" or "grpc"
	API      string // the function that starts serving, "(*net/http.Server).ListenAndServe"
	File     string // the call, absolute in facts, relative to the root once collected
	Line     int
	Col      int
}

func (s Serve) String() string { return s.Protocol + " " + s.API }

// Serving is the object fact of an exported function that starts a server,
// itself or through the functions it calls: the package that calls it
// serves.
type Serving struct {
	Serves []Serve
}

// AFact marks Serving as a fact.
func (*Serving) AFact() {}

func (s *Serving) String() string {
	var parts []string
	for _, sv := range s.Serves {
		parts = append(parts, sv.String())
	}
	return "starts(" + strings.Join(parts, ", ") + ")"
}

// httpServe are the functions of net/http and of libraries outside the
// catalogue's frameworks that start serving HTTP.
var httpServe = lint.NewFuncSet(
	"net/http.ListenAndServe",
	"net/http.ListenAndServeTLS",
	"net/http.Serve",
	"net/http.ServeTLS",
	"(*net/http.Server).ListenAndServe",
	"(*net/http.Server).ListenAndServeTLS",
	"(*net/http.Server).Serve",
	"(*net/http.Server).ServeTLS",
	"github.com/prometheus/exporter-toolkit/web.ListenAndServe",
	"github.com/prometheus/exporter-toolkit/web.Serve",
	"github.com/prometheus/exporter-toolkit/web.ServeMultiple",
	"github.com/valyala/fasthttp.ListenAndServe",
	"github.com/valyala/fasthttp.ListenAndServeTLS",
	"github.com/valyala/fasthttp.Serve",
	"(*github.com/valyala/fasthttp.Server).ListenAndServe",
	"(*github.com/valyala/fasthttp.Server).ListenAndServeTLS",
	"(*github.com/valyala/fasthttp.Server).Serve",
	"(*github.com/valyala/fasthttp.Server).ServeTLS",
)

// grpcServe starts a gRPC server.
var grpcServe = lint.NewFuncSet("(*google.golang.org/grpc.Server).Serve")

// serveOf returns what a call starts serving, if anything.
func (t *tracer) serveOf(c *ssa.CallCommon, at ssa.Instruction) []Serve {
	callee := ir.Callee(c)
	if callee == nil {
		return nil
	}
	one := func(protocol string) []Serve {
		p := t.pass.Fset.Position(at.Pos())
		return []Serve{{Protocol: protocol, API: remote.FuncName(callee), File: p.Filename, Line: p.Line, Col: p.Column}}
	}
	switch {
	case httpServe.Has(callee):
		return one("http")
	case grpcServe.Has(callee):
		return one("grpc")
	}
	if _, ok := catalog.ServeOf(callee); ok {
		return one("http")
	}
	obj := staticObj(c)
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == t.pass.Pkg {
		return nil
	}
	var s Serving
	if t.pass.ImportObjectFact(obj, &s) {
		return s.Serves
	}
	return nil
}

// servingMethod is a method of another package with a Serving fact.
type servingMethod struct {
	fn     *types.Func
	recv   types.Type
	serves []Serve
}

// invokedServe returns what an interface method call may start: the
// servers of the methods of that name, of types of other packages that
// implement the interface, whose Serving facts say they start one
// (mainflux's httpSrv.Start() on a server.Server built by
// httpserver.New). Every implementation counts: a program that calls
// Start on something that may be a server may serve.
func (t *tracer) invokedServe(c *ssa.CallCommon) []Serve {
	if !c.IsInvoke() {
		return nil
	}
	iface, ok := c.Value.Type().Underlying().(*types.Interface)
	if !ok {
		return nil
	}
	if t.servingMethods == nil {
		t.servingMethods = []servingMethod{}
		for _, f := range t.pass.AllObjectFacts() {
			sv, ok := f.Fact.(*Serving)
			fn, isFn := f.Object.(*types.Func)
			if !ok || !isFn {
				continue
			}
			if sig, _ := fn.Type().(*types.Signature); sig != nil && sig.Recv() != nil {
				t.servingMethods = append(t.servingMethods, servingMethod{fn, sig.Recv().Type(), sv.Serves})
			}
		}
	}
	var out []Serve
	for _, m := range t.servingMethods {
		if m.fn.Name() == c.Method.Name() && types.Implements(m.recv, iface) {
			out = append(out, m.serves...)
		}
	}
	return out
}

// servers exports the Serving facts of this package's exported functions
// that start servers, and returns the servers the package itself starts:
// those started by its functions that other packages cannot call and that
// no function of the package calls (main, init, closures of those). A
// server started inside an exported function belongs to the package that
// calls it, so a command-line tool that imports a package for its types
// does not serve what the package's Run would. Test code is skipped.
// This is registrations' reasoning, for servers.
func (t *tracer) servers(skip func(*ssa.Function) bool) []Serve {
	notTest := func(fn *ssa.Function) bool {
		return skip(fn) || strings.HasSuffix(t.pass.Fset.Position(fn.Pos()).Filename, "_test.go") // tests start servers of their own
	}
	starts, callers := throughCalls(t, notTest, func(c *ssa.CallCommon, instr ssa.Instruction) []Serve {
		return append(t.serveOf(c, instr), t.invokedServe(c)...)
	})
	var out []Serve
	for _, fn := range t.irr.SrcFuncs {
		ss := starts[fn]
		if fn.Parent() != nil || len(ss) == 0 {
			continue
		}
		sortServes(ss)
		if obj, ok := fn.Object().(*types.Func); ok && callable(fn, obj) {
			t.pass.ExportObjectFact(obj, &Serving{Serves: slices.Clone(ss)})
			continue
		}
		if len(callers[fn]) == 0 {
			out = append(out, ss...)
		}
	}
	sortServes(out)
	return slices.Compact(out)
}

func sortServes(ss []Serve) {
	slices.SortFunc(ss, func(a, b Serve) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		if a.Col != b.Col {
			return a.Col - b.Col
		}
		return strings.Compare(a.API, b.API)
	})
}
