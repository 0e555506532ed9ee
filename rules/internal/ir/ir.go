// Package ir builds the SSA form of a package once for all of faultline's
// code rules, and only for packages where it can matter.
//
// faultline's rules carry facts across packages, which makes every driver
// (go vet's unitchecker and the go/packages checker alike) run them on every
// dependency of the packages being checked, the standard library and third
// party code included. Building SSA for all of that would dominate the cost
// of a run, so this analyzer returns a nil result, and the rules skip the
// package, when the package
//   - belongs to the standard library, whose network APIs faultline models
//     by tables instead of analysing their bodies;
//   - belongs to a library faultline models the same way (gRPC, go-redis,
//     kafka-go, the resilience libraries, …); or
//   - imports nothing, directly or indirectly, through which it could reach
//     the network, a database or a context.
//
// Unlike x/tools' buildssa it does not require ctrlflow, whose no-return
// facts would themselves force a pass over every dependency.
package ir

import (
	"go/ast"
	"go/build"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Analyzer builds SSA for relevant packages. Its result is a *IR, nil for
// packages that cannot matter.
var Analyzer = &analysis.Analyzer{
	Name:       "faultlineir",
	Doc:        "build SSA for packages that can reach the network (faultline internal)",
	Run:        run,
	ResultType: reflect.TypeFor[*IR](),

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// IR is the SSA form of one package.
type IR struct {
	Pkg *ssa.Package
	// SrcFuncs lists the package's source functions, function literals
	// included, in source order.
	SrcFuncs []*ssa.Function
}

func run(pass *analysis.Pass) (any, error) {
	if !Relevant(pass) {
		return (*IR)(nil), nil
	}
	prog := ssa.NewProgram(pass.Fset, ssa.InstantiateGenerics)
	for _, p := range pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()

	var funcs []*ssa.Function
	var addAnons func(f *ssa.Function)
	addAnons = func(f *ssa.Function) {
		funcs = append(funcs, f)
		for _, anon := range f.AnonFuncs {
			addAnons(anon)
		}
	}
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			fdecl, ok := decl.(*ast.FuncDecl)
			if !ok || fdecl.Name.Name == "_" {
				continue
			}
			fn := pass.TypesInfo.Defs[fdecl.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if f := prog.FuncValue(fn); f != nil {
				addAnons(f)
			}
		}
	}
	// Package-level variable initialisers may hold function literals
	// (var handler = func(...) {...}); they live under init.
	if initFn := pkg.Func("init"); initFn != nil {
		for _, anon := range initFn.AnonFuncs {
			addAnons(anon)
		}
	}
	return &IR{Pkg: pkg, SrcFuncs: funcs}, nil
}

// Relevant reports whether the package of pass can hold code that faultline
// must analyse: see the package documentation.
func Relevant(pass *analysis.Pass) bool {
	// A package with type errors is skipped: SSA needs well-typed code.
	// Drivers report the errors; dependencies parsed without their
	// function bodies (faultline check's default) land here too.
	if len(pass.Files) == 0 || len(pass.TypeErrors) > 0 || inGOROOT(pass) || Modelled(pass.Pkg.Path()) {
		return false
	}
	return reaches(pass.Pkg)
}

// Modelled reports whether path belongs to a library whose behaviour
// faultline knows from its catalogue, so its bodies need no analysis.
func Modelled(path string) bool { return catalog.Modelled(path) }

// roots are the packages through which code reaches the network, a
// database, or deadlines.
var roots = map[string]bool{
	"net": true, "context": true, "database/sql": true, "crypto/tls": true,
	"net/http": true, "net/rpc": true, "net/smtp": true,
}

// reachOf remembers, per package, whether it reaches a root.
var reachOf lint.PkgMemo[bool]

// reaches reports whether pkg imports a root, directly or indirectly, or a
// modelled library (which reaches the network by definition).
func reaches(pkg *types.Package) bool {
	return reach(pkg, map[*types.Package]bool{})
}

func reach(pkg *types.Package, visiting map[*types.Package]bool) bool {
	if visiting[pkg] {
		return false // a cycle only through packages under way: decided by them
	}
	visiting[pkg] = true
	return reachOf.Get(pkg, func() bool {
		for _, imp := range pkg.Imports() {
			if roots[imp.Path()] || Modelled(imp.Path()) || reach(imp, visiting) {
				return true
			}
		}
		return false
	})
}

var goroot = func() string {
	if r := build.Default.GOROOT; r != "" {
		if abs, err := filepath.EvalSymlinks(r); err == nil {
			return filepath.Join(abs, "src") + string(filepath.Separator)
		}
		return filepath.Join(r, "src") + string(filepath.Separator)
	}
	return ""
}()

// inGOROOT reports whether the package's files are in the standard library.
func inGOROOT(pass *analysis.Pass) bool {
	if goroot == "" {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	if abs, err := filepath.EvalSymlinks(name); err == nil {
		name = abs
	}
	return strings.HasPrefix(name, goroot)
}
