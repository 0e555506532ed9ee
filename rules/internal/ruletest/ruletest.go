// Package ruletest runs an analyzer on test fixtures and checks its
// diagnostics, facts and suggested fixes against the fixtures' `// want`
// comments and `.golden` files, with the standard library parsed without
// function bodies. Its Result is x/tools' analysistest.Result, so that
// tests can read the analysis as they would there.
//
// The checking is the project's own (expect.go, fixes.go) and supports the
// forms the repository's fixtures use: diagnostics expected by line with
// patterns that are raw or double-quoted Go strings (several per comment),
// facts on the object declared on the line (`F:"re"`) or on the package
// (`package:"re"` on a package clause), want comments at the start of a //
// comment, after a directive (`//faultline:ignore x // want "re"`) or in a
// block comment; golden files hold the whole fixed file. Any other form
// after "want" (a line offset, a word) fails the test at its position.
//
// analysistest type-checks every function body of every dependency: for
// a fixture that imports net/http, most of the standard library, the
// larger part of a rule test's time. None of it is analysed: package ir
// skips the packages of GOROOT whatever they hold (faultline models the
// standard library by tables), and faultline check never parses those
// bodies either (analyzer/code.go, outlineDeps). Everything else (the
// fixtures, the shared library stubs, the real modules of the library
// fixtures) is loaded in full, as analysistest loads it, so what the
// analyzers see and report is unchanged.
package ruletest

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Run loads the packages of patterns from dir (a module root, or a
// GOPATH-style tree) with the standard library outlined (see the package
// documentation), runs a, reports load and analysis errors to t, checks each root package's diagnostics and facts against its
// `// want` comments, and returns a Result per root package.
func Run(t testing.TB, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	t.Helper()
	pkgs, outlined, err := load(dir, dir, patterns...)
	if err != nil {
		t.Errorf("loading %s: %v", patterns, err)
		return nil
	}
	// Print parse and type errors to the test log, not those of outlined
	// dependencies, which every such package has (imports its missing
	// bodies used).
	if !a.RunDespiteErrors {
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			if outlined[p] {
				return
			}
			for _, err := range p.Errors {
				t.Log(err)
			}
		})
	}
	res, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, &checker.Options{SanityCheck: true})
	if err != nil {
		t.Errorf("Analyze: %v", err)
		return nil
	}
	var results []*analysistest.Result
	for _, act := range res.Roots {
		if act.Err != nil {
			t.Errorf("error analyzing %s: %v", act, act.Err)
		} else {
			check(t, dir, act)
		}
		facts := make(map[types.Object][]analysis.Fact)
		for _, objFact := range act.AllObjectFacts() {
			if obj := objFact.Object; obj.Pkg() == act.Package.Types {
				facts[obj] = append(facts[obj], objFact.Fact)
			}
		}
		for _, pkgFact := range act.AllPackageFacts() {
			if pkgFact.Package == act.Package.Types {
				facts[nil] = append(facts[nil], pkgFact.Fact)
			}
		}
		results = append(results, &analysistest.Result{
			Action: act,
			// The pass itself is the checker's; what tests read of it
			// (the package and the file set) is here.
			Pass: &analysis.Pass{
				Analyzer:   act.Analyzer,
				Fset:       act.Package.Fset,
				Files:      act.Package.Syntax,
				Pkg:        act.Package.Types,
				TypesInfo:  act.Package.TypesInfo,
				TypesSizes: act.Package.TypesSizes,
				TypeErrors: act.Package.TypeErrors,
			},
			Diagnostics: act.Diagnostics,
			Facts:       facts,
			Result:      act.Result,
			Err:         act.Err,
		})
	}
	return results
}

// Load loads the packages of patterns from dir as Run does (dir is a
// module root or a GOPATH-style tree; the standard library outlined; test
// variants included), for tests that run the checker themselves. A load
// error fails the test.
func Load(t testing.TB, dir string, patterns ...string) []*packages.Package {
	t.Helper()
	return LoadIn(t, dir, dir, patterns...)
}

// LoadIn is Load with go list run in the directory wd (such as the src
// directory of a GOPATH, for the pattern ./...).
func LoadIn(t testing.TB, dir, wd string, patterns ...string) []*packages.Package {
	t.Helper()
	pkgs, _, err := load(dir, wd, patterns...)
	if err != nil {
		t.Fatalf("loading %s: %v", patterns, err)
	}
	return pkgs
}

// load loads patterns from dir as analysistest does (module mode when dir
// holds go.mod, else GOPATH mode with dir as GOPATH; test variants
// included; go list runs in wd), parsing the files of GOROOT without
// function bodies. It returns the packages and the set of outlined ones.
//
// A package whose bodies are gone reports the imports only they used; it
// and the packages above it are not marked ill-typed for that, so the
// analysis sees what analysistest's complete load gives: ill-typed only
// where the fixtures (or the stubs) have errors of their own. The
// outlined packages keep their type errors in TypeErrors (package ir
// skips GOROOT before it looks at them).
func load(dir, wd string, patterns ...string) ([]*packages.Package, map[*packages.Package]bool, error) {
	env := []string{"GOPATH=" + dir, "GO111MODULE=off", "GOWORK=off"}
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
		gowork := filepath.Join(dir, "go.work")
		if _, err := os.Stat(gowork); err != nil {
			gowork = "off"
		}
		env = []string{"GO111MODULE=on", "GOPROXY=off", "GOWORK=" + gowork}
	}
	goroot := filepath.Clean(build.Default.GOROOT) + string(filepath.Separator)
	dep := func(filename string) bool { return strings.HasPrefix(filename, goroot) }
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo |
			packages.NeedDeps | packages.NeedModule,
		Dir:   wd,
		Tests: true,
		Env:   append(os.Environ(), env...),
		ParseFile: func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
			if !dep(filename) {
				// As go/packages parses by default.
				return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
			}
			f, err := parser.ParseFile(fset, filename, src, parser.SkipObjectResolution)
			if f != nil {
				for _, d := range f.Decls {
					if fd, ok := d.(*ast.FuncDecl); ok {
						fd.Body = nil
					}
				}
			}
			return f, err
		},
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, nil, err
	}
	for _, p := range pkgs {
		if p.Name == "" {
			return nil, nil, fmt.Errorf("failed to load %q: Errors=%v", p.PkgPath, p.Errors)
		}
	}
	if len(pkgs) == 0 {
		return nil, nil, fmt.Errorf("no packages matched %s", patterns)
	}
	outlined := map[*packages.Package]bool{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.CompiledGoFiles) > 0 && dep(p.CompiledGoFiles[0]) {
			outlined[p] = true
		}
	})
	// Recompute IllTyped bottom-up (Visit's post order), leaving out the
	// errors outlining causes.
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if outlined[p] {
			p.IllTyped = false
			return
		}
		ill := len(p.Errors) > 0
		for _, imp := range p.Imports {
			ill = ill || imp.IllTyped
		}
		p.IllTyped = ill
	})
	return pkgs, outlined, nil
}
