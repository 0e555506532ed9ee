package resilience

import (
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Fact summarises a function for other packages.
type Fact struct {
	// Params lists the parameters of function type that the function
	// calls under protection on every path that calls them.
	Params []ParamGuard
	// Retries is set when the function's remote operations are retried
	// inside it: callers that retry it multiply the attempts.
	Retries *Retrying
	// Sleeps reports that the function waits (time.Sleep, a timer), so a
	// loop calling it has a delay.
	Sleeps bool
	// GRPC is set on a function that returns gRPC dial options, call
	// options, an interceptor or a connection: what they carry.
	GRPC *GRPCFact
	// Carries is the telemetry the function's result carries: a client,
	// a transport or a connection built with instrumentation.
	Carries Kind
	// GRPCMethod is the gRPC method a method of a generated client
	// invokes ("/pkg.Service/Method"), for generated code that declares
	// no FullMethodName constant.
	GRPCMethod string
}

// ParamGuard is a parameter run under protection.
type ParamGuard struct {
	Index int // receiver not counted
	Protection
}

// Retrying describes the retries inside a function.
type Retrying struct {
	Attempts int    // attempts per call, 0 when unknown
	Via      string // what retries: "retryablehttp", "a retry loop in pkg.F"
}

// AFact marks Fact as an analysis fact.
func (*Fact) AFact() {}

// String shows the fact in tests: "resilience(param0=breaker retries(3) sleeps)".
func (f *Fact) String() string {
	var parts []string
	for _, p := range f.Params {
		s := "param" + strconv.Itoa(p.Index) + "=" + p.Kinds.String()
		if p.Attempts != 0 {
			s += "(" + strconv.Itoa(p.Attempts) + ")"
		}
		parts = append(parts, s)
	}
	if f.Retries != nil {
		parts = append(parts, "retries("+strconv.Itoa(f.Retries.Attempts)+")")
	}
	if f.Sleeps {
		parts = append(parts, "sleeps")
	}
	if f.GRPC != nil {
		parts = append(parts, f.GRPC.String())
	}
	if f.GRPCMethod != "" {
		parts = append(parts, "method("+f.GRPCMethod+")")
	}
	if f.Carries != 0 {
		parts = append(parts, "carries("+f.Carries.String()+")")
	}
	return "resilience(" + strings.Join(parts, " ") + ")"
}

// exportFacts exports the facts of the package's functions.
func (r *Result) exportFacts() {
	for _, fn := range r.irr.SrcFuncs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || obj.Pkg() != r.pass.Pkg {
			continue
		}
		f := &Fact{}
		off := 0
		if fn.Signature.Recv() != nil {
			off = 1
		}
		for i := off; i < len(fn.Params); i++ {
			if _, ok := fn.Params[i].Type().Underlying().(*types.Signature); !ok {
				continue
			}
			if p := r.protections.paramGuard(fn, i-off); p.Kinds != 0 {
				f.Params = append(f.Params, ParamGuard{Index: i - off, Protection: p})
			}
		}
		if r.remote.Func(fn) != nil {
			f.Retries = r.protections.retryingFunc(fn)
		}
		f.Sleeps = r.loops.sleepsLocal(fn)
		f.GRPC = r.protections.grpcFact(fn)
		if fn.Signature.Recv() != nil {
			f.GRPCMethod = r.protections.invokedMethod(fn)
		}
		f.Carries = r.protections.carries(fn)
		if len(f.Params) > 0 || f.Retries != nil || f.Sleeps || f.GRPC != nil || f.GRPCMethod != "" || f.Carries != 0 {
			r.local[obj] = f
			r.pass.ExportObjectFact(obj, f)
		}
	}
	r.exportInterfaceMethods()
}

// exportInterfaceMethods marks the methods of the package's interfaces
// (generated gRPC client interfaces) with the gRPC method their
// implementation in the package invokes.
func (r *Result) exportInterfaceMethods() {
	scope := r.pass.Pkg.Scope()
	var ifaces []*types.Interface
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if iface, ok := tn.Type().Underlying().(*types.Interface); ok && takesCallOptions(iface) {
			ifaces = append(ifaces, iface)
		}
	}
	if len(ifaces) == 0 {
		return // no generated gRPC client: skip the search for implementations
	}
	var concrete []types.Type
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		concrete = append(concrete, tn.Type(), types.NewPointer(tn.Type()))
	}
	for _, iface := range ifaces {
		for i := range iface.NumExplicitMethods() {
			m := iface.ExplicitMethod(i)
			if r.local[m] != nil {
				continue
			}
			for _, t := range concrete {
				if !types.Implements(t, iface) {
					continue
				}
				sel := types.NewMethodSet(t).Lookup(r.pass.Pkg, m.Name())
				if sel == nil {
					continue
				}
				if f := r.local[sel.Obj().(*types.Func)]; f != nil && f.GRPCMethod != "" {
					mf := &Fact{GRPCMethod: f.GRPCMethod}
					r.local[m] = mf
					r.pass.ExportObjectFact(m, mf)
					break
				}
			}
		}
	}
}

// exportSleepFacts marks, in a package not analysed in SSA (one that
// cannot reach the network), the functions that wait, so that retry loops
// calling a helper such as util.Backoff(attempt) see their delay.
func (ix *pkgIndex) exportSleepFacts() {
	pass := ix.pass
	if len(pass.Files) == 0 || ir.Modelled(pass.Pkg.Path()) || inGOROOT(pass) {
		return
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			sleeps := false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || sleeps {
					return !sleeps
				}
				var id *ast.Ident
				switch fun := ast.Unparen(call.Fun).(type) {
				case *ast.Ident:
					id = fun
				case *ast.SelectorExpr:
					id = fun.Sel
				}
				if id == nil {
					return true
				}
				callee, ok := pass.TypesInfo.Uses[id].(*types.Func)
				if !ok {
					return true
				}
				if sleepFuncs.Has(callee) {
					sleeps = true
				} else if f := ix.importedFact(callee); f != nil && f.Sleeps {
					sleeps = true
				}
				return true
			})
			if sleeps {
				f := &Fact{Sleeps: true}
				ix.local[obj] = f
				pass.ExportObjectFact(obj, f)
			}
		}
	}
}

var goroot = func() string {
	if root := build.Default.GOROOT; root != "" {
		if abs, err := filepath.EvalSymlinks(root); err == nil {
			return filepath.Join(abs, "src") + string(filepath.Separator)
		}
		return filepath.Join(root, "src") + string(filepath.Separator)
	}
	return ""
}()

// inGOROOT reports whether the package's files are in the standard library.
func inGOROOT(pass *analysis.Pass) bool {
	if goroot == "" || len(pass.Files) == 0 {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	if abs, err := filepath.EvalSymlinks(name); err == nil {
		name = abs
	}
	return strings.HasPrefix(name, goroot)
}

// takesCallOptions reports whether an interface declares a method whose
// last parameter is `...grpc.CallOption`: a generated gRPC client.
func takesCallOptions(iface *types.Interface) bool {
	for i := range iface.NumExplicitMethods() {
		sig := iface.ExplicitMethod(i).Signature()
		if !sig.Variadic() {
			continue
		}
		last := sig.Params().At(sig.Params().Len() - 1).Type()
		if sl, ok := last.(*types.Slice); ok && lint.IsNamed(sl.Elem(), grpcPath, "CallOption") {
			return true
		}
	}
	return false
}
