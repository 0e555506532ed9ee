package libtest

import (
	"fmt"
	"go/types"
	"reflect"
	"slices"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/internal/ruletest"
)

// A Suite is an analyzer and the fixture packages whose `// want`
// comments are its expectations.
type Suite struct {
	Analyzer *analysis.Analyzer
	Packages []string
	// Facts makes the packages' `// want` comments check the facts the
	// analyzer exports on them too (`package:"..."`, `name:"..."`), as
	// analysistest does for a root analyzer.
	Facts bool
}

// Run checks the suites in one analysis of the fixtures module: the real
// libraries are loaded, type-checked and turned into SSA once, and the
// analyzers the suites share (the catalogue, resilience, valueflow) run
// once per package, instead of once per suite. Each root package is
// checked against the diagnostics (and, with Facts, the facts) of the
// suites that list it, exactly as analysistest.Run checks a root
// analyzer; the diagnostics of an analyzer on a package its suite does
// not list are not checked, as analysistest ignores those on
// dependencies. ResultOf gives each analyzer's result on a package.
//
// The suites' analyzers are instrumented for the duration of the test
// (their Run records what they report); the test must not run in
// parallel with another that uses them.
func Run(t *testing.T, suites ...Suite) []*analysistest.Result {
	t.Helper()
	dir := Dir(t)
	rec := &recorder{seen: make(map[recKey]*recorded)}
	var (
		requires []*analysis.Analyzer
		patterns []string
		facts    bool
	)
	for _, s := range suites {
		if !slices.Contains(requires, s.Analyzer) {
			requires = append(requires, s.Analyzer)
			rec.instrument(t, s.Analyzer)
		}
		for _, p := range s.Packages {
			if !slices.Contains(patterns, p) {
				patterns = append(patterns, p)
			}
		}
		facts = facts || s.Facts
	}
	all := &analysis.Analyzer{
		Name:       "libraries",
		Doc:        "the findings and facts of the library suites' analyzers, each on the packages of its suite (test)",
		Requires:   requires,
		ResultType: reflect.TypeFor[results](),
		Run: func(pass *analysis.Pass) (any, error) {
			out := make(results)
			for _, s := range suites {
				r := rec.get(s.Analyzer, pass.Pkg)
				out[s.Analyzer] = pass.ResultOf[s.Analyzer]
				if r == nil || !slices.Contains(s.Packages, pass.Pkg.Path()) {
					continue
				}
				for _, d := range r.diags {
					pass.Report(d)
				}
				if !s.Facts {
					continue
				}
				for _, f := range r.facts {
					if f.obj == nil {
						pass.ExportPackageFact(&echo{fmt.Sprint(f.fact)})
					} else {
						pass.ExportObjectFact(f.obj, &echo{fmt.Sprint(f.fact)})
					}
				}
			}
			return out, nil
		},
	}
	if facts {
		all.FactTypes = []analysis.Fact{new(echo)}
	}
	return ruletest.Run(t, dir, all, patterns...)
}

// ResultOf returns the result of the analyzer a of one of Run's suites on
// the package of r.
func ResultOf(r *analysistest.Result, a *analysis.Analyzer) any {
	out, _ := r.Action.Result.(results)
	return out[a]
}

type results map[*analysis.Analyzer]any

// echo carries a suite analyzer's fact as a fact of Run's root analyzer
// (a fact type belongs to one analyzer): its text, which is what the
// `// want` comments match (and what analysistest's gob round trip of
// every fact can encode).
type echo struct{ Text string }

func (*echo) AFact()           {}
func (e *echo) String() string { return e.Text }

type recKey struct {
	a   *analysis.Analyzer
	pkg *types.Package
}

type recordedFact struct {
	obj  types.Object // nil for a package fact
	fact analysis.Fact
}

type recorded struct {
	diags []analysis.Diagnostic
	facts []recordedFact
}

// recorder keeps what the instrumented analyzers report and export, per
// analyzer and package; the checker runs packages in parallel.
type recorder struct {
	mu   sync.Mutex
	seen map[recKey]*recorded
}

func (rc *recorder) get(a *analysis.Analyzer, pkg *types.Package) *recorded {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.seen[recKey{a, pkg}]
}

func (rc *recorder) entry(a *analysis.Analyzer, pkg *types.Package) *recorded {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	k := recKey{a, pkg}
	if rc.seen[k] == nil {
		rc.seen[k] = new(recorded)
	}
	return rc.seen[k]
}

// instrument makes a's Run record the diagnostics and facts of each pass
// (the analyzer keeps its identity, so the analyzers that require it share
// its run), until the test ends.
func (rc *recorder) instrument(t *testing.T, a *analysis.Analyzer) {
	run := a.Run
	t.Cleanup(func() { a.Run = run })
	a.Run = func(pass *analysis.Pass) (any, error) {
		r := rc.entry(a, pass.Pkg)
		exportPkg, exportObj := pass.ExportPackageFact, pass.ExportObjectFact
		pass.Report = func(d analysis.Diagnostic) {
			rc.mu.Lock()
			defer rc.mu.Unlock()
			r.diags = append(r.diags, d)
		}
		pass.ExportPackageFact = func(f analysis.Fact) {
			exportPkg(f)
			rc.mu.Lock()
			defer rc.mu.Unlock()
			r.facts = append(r.facts, recordedFact{nil, f})
		}
		pass.ExportObjectFact = func(obj types.Object, f analysis.Fact) {
			exportObj(obj, f)
			rc.mu.Lock()
			defer rc.mu.Unlock()
			r.facts = append(r.facts, recordedFact{obj, f})
		}
		return run(pass)
	}
}
