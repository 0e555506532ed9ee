// The rules built on package valueflow, run together. This test lives
// here, above the rules, so that valueflow's own tests need nothing above
// it.

package rules_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/faultline-dev/faultline/rules/dialtimeout"
	"github.com/faultline-dev/faultline/rules/httptimeout"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
	"github.com/faultline-dev/faultline/rules/servertimeout"
)

// TestValueflowRulesTogether runs the rules built on valueflow side by
// side with the standalone checker (not go vet, not analysistest) over
// each rule's fixtures: the three analyzers share one valueflow result per
// package and query it concurrently, which `go test -race` checks. Each
// rule must report exactly as many findings in its own fixtures as they
// have want comments.
func TestValueflowRulesTogether(t *testing.T) {
	if testing.Short() {
		t.Skip("loads packages with go list")
	}
	rules := []*analysis.Analyzer{httptimeout.Analyzer, dialtimeout.Analyzer, servertimeout.Analyzer}
	for _, rule := range rules {
		t.Run(rule.Name, func(t *testing.T) {
			fixtures := filepath.Join(rule.Name, "testdata", "src")
			roots := fixtureRoots(t, fixtures)
			// The fixtures and the stubs in full, the standard library
			// outlined (package ir skips it), as in the rules' own tests.
			pkgs := ruletest.Load(t, stubs.GOPATH(t, fixtures), roots...)
			packages.Visit(pkgs, nil, func(p *packages.Package) {
				if p.IllTyped {
					t.Fatalf("fixtures do not load: %s: %v", p.PkgPath, p.Errors)
				}
			})
			graph, err := checker.Analyze(rules, pkgs, &checker.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for act := range graph.All() {
				if !act.IsRoot {
					continue
				}
				if act.Err != nil {
					t.Errorf("%s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
				}
				got[act.Analyzer.Name] += len(act.Diagnostics)
			}
			if want := countWants(t, fixtures, roots); got[rule.Name] != want {
				t.Errorf("%s reported %d findings in its fixtures, which have %d want comments", rule.Name, got[rule.Name], want)
			}
			t.Logf("findings in %s fixtures: %v", rule.Name, got)
		})
	}
}

// fixtureRoots returns the fixture packages of a testdata/src directory:
// its top-level directories that are not stubs of third-party modules.
func fixtureRoots(t *testing.T, src string) []string {
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	var roots []string
	for _, e := range entries {
		if e.IsDir() && !strings.Contains(e.Name(), ".") {
			roots = append(roots, e.Name())
		}
	}
	return roots
}

var wantRE = regexp.MustCompile("// want `")

// countWants counts the diagnostics the fixtures expect: one per
// backquoted pattern of each want comment.
func countWants(t *testing.T, src string, roots []string) int {
	n := 0
	for _, root := range roots {
		files, _ := filepath.Glob(filepath.Join(src, root, "*.go"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			n += len(wantRE.FindAllIndex(data, -1))
		}
	}
	return n
}
