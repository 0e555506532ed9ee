// This file holds the architecture tests of faultline: the import arrows of
// the layout in README.md ("How it works": cmd -> analyzer -> rules ->
// graph) and the rule that each outside dependency lives behind one package.
package faultline_test

import (
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/faultline-dev/faultline/rules"
)

const module = "github.com/faultline-dev/faultline"

// layer returns the layer of one of faultline's packages.
func layer(path string) string {
	rel := strings.TrimPrefix(strings.TrimPrefix(path, module), "/")
	top, _, _ := strings.Cut(rel, "/")
	return top
}

// allowed lists, for each layer, the layers it may import.
var allowed = map[string][]string{
	"cmd": {"cmd", "analyzer", "rules", "graph"},
	// golangci is the golangci-lint plugin: beside cmd, a driver of the
	// code rules; nothing imports it.
	"golangci": {"rules"},
	"scripts":  {"analyzer", "rules", "graph"},
	"analyzer": {"analyzer", "rules", "graph"},
	"rules":    {"rules", "graph"},
	"graph":    {"graph"},
}

// owners says which single package may import each outside module.
var owners = map[string]string{
	"cuelang.org/go":                             module + "/graph/topology",
	"github.com/awalterschulze/gographviz":       module + "/graph/dot",
	"github.com/goccy/go-graphviz":               module + "/graph/svg/builtin",
	"go.yaml.in/yaml":                            module + "/graph/manifest",
	"github.com/santhosh-tekuri/jsonschema":      "", // tests only
	"github.com/golangci/plugin-module-register": module + "/golangci",
}

// framework is the outside module every layer speaks: the analysis API the
// rules are written in. It does not count as a package's outside
// dependency.
const framework = "golang.org/x/tools"

func loadOwn(t *testing.T) []*packages.Package {
	t.Helper()
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedImports}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	return pkgs
}

func TestImportDirection(t *testing.T) {
	for _, p := range loadOwn(t) {
		from := layer(p.PkgPath)
		for imp := range p.Imports {
			if !strings.HasPrefix(imp, module+"/") {
				continue
			}
			to := layer(imp)
			if !slices.Contains(allowed[from], to) {
				t.Errorf("%s imports %s: %s may not import %s (cmd -> analyzer -> rules -> graph)", p.PkgPath, imp, from, to)
			}
		}
	}
}

func TestOutsideDependencies(t *testing.T) {
	for _, p := range loadOwn(t) {
		modules := map[string]bool{}
		for imp := range p.Imports {
			if strings.HasPrefix(imp, module+"/") || !strings.Contains(strings.Split(imp, "/")[0], ".") {
				continue // our own, or the standard library
			}
			for mod, owner := range owners {
				if (imp == mod || strings.HasPrefix(imp, mod+"/")) && p.PkgPath != owner {
					t.Errorf("%s imports %s: only %s may import %s", p.PkgPath, imp, owner, mod)
				}
			}
			if m := moduleOf(imp); m != framework {
				modules[m] = true
			}
		}
		if len(modules) > 1 {
			t.Errorf("%s depends on %d outside modules %v: keep each outside dependency behind one package", p.PkgPath, len(modules), keys(modules))
		}
		if layer(p.PkgPath) == "graph" && p.PkgPath == module+"/graph" && len(modules) > 0 {
			t.Errorf("package graph must use the standard library only, imports %v", keys(modules))
		}
	}
}

// TestLibrariesStayBelowRules checks that the libraries under
// rules/internal, their tests included, import no rule and not the
// catalogue: a test that runs rules together lives in package rules (or in
// a rule's own package), above what it tests.
func TestLibrariesStayBelowRules(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedImports, Tests: true}, "./rules/internal/...")
	if err != nil {
		t.Fatal(err)
	}
	internal := module + "/rules/internal/"
	for _, p := range pkgs {
		for imp := range p.Imports {
			if (imp == module+"/rules" || strings.HasPrefix(imp, module+"/rules/")) && !strings.HasPrefix(imp, internal) {
				t.Errorf("%s imports %s: the libraries under rules/internal and their tests may not import rules; move the test up into package rules", p.ID, imp)
			}
		}
	}
}

// TestEngineKnowsNoRule checks that the engine and the command line do not
// name rules: what a rule does after the join, or to the topology's
// suppressions, lives in the rule (its Refine and Audit hooks, or graph
// data its Check reads), so a rule can change without the engine knowing.
func TestEngineKnowsNoRule(t *testing.T) {
	names := map[string]bool{}
	for _, n := range rules.Names() {
		names[n] = true
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax}, "./analyzer/...", "./cmd/...")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.BasicLit)
				if !ok || lit.Kind != token.STRING {
					return true
				}
				if s, err := strconv.Unquote(lit.Value); err == nil && names[s] {
					t.Errorf("%s: the rule name %q in %s: give the rule a hook or graph data instead", p.Fset.Position(lit.Pos()), s, p.PkgPath)
				}
				return true
			})
		}
	}
}

// moduleOf approximates the module of an import path by its first three
// elements (host/owner/repo), or two for hosts like cuelang.org/go.
func moduleOf(path string) string {
	parts := strings.Split(path, "/")
	n := 3
	if parts[0] == "cuelang.org" || parts[0] == "golang.org" && len(parts) > 1 && parts[1] == "x" {
		n = 3
		if parts[0] == "cuelang.org" {
			n = 2
		}
	}
	if len(parts) < n {
		n = len(parts)
	}
	return strings.Join(parts[:n], "/")
}

func keys(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// TestFaultlineIsLean checks that the faultline program does not link the
// WebAssembly Graphviz: it compiles itself when a process starts, a cost
// every one of the hundreds of processes `go vet -vettool` starts would
// pay. Pictures are drawn by cmd/faultline-render, a program of its own.
func TestFaultlineIsLean(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedImports | packages.NeedDeps}, "./cmd/faultline")
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, banned := range []string{"github.com/goccy/go-graphviz", "github.com/tetratelabs/wazero"} {
			if p.PkgPath == banned || strings.HasPrefix(p.PkgPath, banned+"/") {
				t.Errorf("cmd/faultline links %s: the WebAssembly start-up would slow every go vet run; keep it in cmd/faultline-render", p.PkgPath)
			}
		}
	})
}
