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
		if len(f.Params) > 0 || f.Retries != nil || f.Sleeps {
			r.local[obj] = f
			r.pass.ExportObjectFact(obj, f)
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
