package resilience

import (
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
)

// probe hands the tests the Result of a package; analysistest checks the
// facts of the analyzer it runs, and probe has none.
var probe = &analysis.Analyzer{
	Name:       "resilienceprobe",
	Doc:        "return the resilience result (test)",
	Requires:   []*analysis.Analyzer{Analyzer},
	Run:        func(p *analysis.Pass) (any, error) { return p.ResultOf[Analyzer], nil },
	ResultType: reflect.TypeFor[*Result](),
}

// fixtureResults runs the analyzer on the library stubs, the fixtures of
// this package and those of the four rules that use it (their
// expectations are not checked here: only the answers matter), and returns
// the results of the packages analysed in SSA.
func fixtureResults(t *testing.T) []*Result {
	t.Helper()
	dir := t.TempDir()
	for _, from := range []string{stubs.Src(), "testdata/src", "../../nobreaker/testdata/src", "../../retrybound/testdata/src", "../../retrybackoff/testdata/src", "../../nestedretry/testdata/src"} {
		err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(from, path)
			target := filepath.Join(dir, "src", rel)
			if _, err := os.Stat(target); err == nil {
				return nil // the first of two fixtures of the same path
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// The standard library outlined, as in the rules' tests: package ir
	// skips it.
	pkgs := ruletest.LoadIn(t, dir, filepath.Join(dir, "src"), "./...")
	g, err := checker.Analyze([]*analysis.Analyzer{probe}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []*Result
	for _, act := range g.Roots {
		if r, ok := act.Result.(*Result); ok && r.Analysed() {
			out = append(out, r)
		}
	}
	t.Logf("%d fixture packages analysed", len(out))
	if len(out) < 20 {
		t.Fatalf("only %d fixture packages analysed", len(out))
	}
	return out
}

// TestOrderIndependence builds the tables of each fixture package again
// with its functions in shuffled orders, asks every question in that
// order, and wants the answers of the first build. A memo that cut
// recursion at the first cycle met answered "does not wait" depending on
// which function was asked about first: nats-server's bootstrap loop
// (server.go, a 1 s ticker around updateAccountWithClaimJWT) was reported
// in one build and not in the next. ordercycle reproduces it in small;
// guardcycle does the same for guards and retries.
func TestOrderIndependence(t *testing.T) {
	for _, r := range fixtureResults(t) {
		want := answers(r, r.funcs)
		if r.pass.Pkg.Name() == "ordercycle" && !strings.Contains(want, "loop@") {
			t.Fatalf("ordercycle: no retry loop found:\n%s", want)
		}
		for seed := range 16 {
			order := slices.Clone(r.funcs)
			rand.New(rand.NewSource(int64(seed))).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			r2 := newResult(r.pass, r.irr, r.remote, r.wrappers)
			r2.build(order)
			r2.local = r.local
			if got := answers(r2, order); got != want {
				t.Errorf("%s, functions in order %d: answers differ\n got: %s\nwant: %s", r.pass.Pkg.Path(), seed, got, want)
			}
		}
	}
}

// TestConcurrentQuestions asks every question of one result from several
// goroutines at once, each in its own order, as the four rules do: under
// -race it checks that the result is never written once built, and the
// answers must be those asked alone.
func TestConcurrentQuestions(t *testing.T) {
	for _, r := range fixtureResults(t) {
		want := answers(r, r.funcs)
		var wg sync.WaitGroup
		got := make([]string, 4)
		for i := range got {
			order := slices.Clone(r.funcs)
			rand.New(rand.NewSource(int64(i))).Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[i] = answers(r, order)
			}()
		}
		wg.Wait()
		for i, g := range got {
			if g != want {
				t.Errorf("%s, goroutine %d: answers differ\n got: %s\nwant: %s", r.pass.Pkg.Path(), i, g, want)
			}
		}
	}
}

// answers asks every question the rules ask, about the functions in
// order, and writes the answers sorted by function.
func answers(r *Result, order []*ssa.Function) string {
	lines := map[*ssa.Function][]string{}
	for _, fn := range order {
		var ls []string
		add := func(format string, args ...any) { ls = append(ls, fmt.Sprintf(format, args...)) }
		add("sleeps=%v test=%v retrying=%v", r.loops.sleepsLocal(fn), r.TestCode().Contains(fn), r.protections.retryingFunc(fn))
		for _, l := range r.Loops().In(fn) {
			add("loop@%d bound=%d/%d delay=%d jitter=%v unslept=%v", l.Call.Pos(), l.Bound, l.Attempts, l.Delay, l.Jitter, l.Unslept)
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				g, cg := r.Protections().Guard(call), r.Protections().ClientGuard(call)
				add("call@%d guard=%s/%d client=%s layers=%v", call.Pos(), g.Kinds, g.Attempts, cg.Kinds, r.Protections().InnerRetries(call))
				if v, ok := call.(*ssa.Call); ok {
					add("  retryLayers=%v kinds=%s", r.RetryConfigs().Layers(v), r.protections.kindsOf(v))
				}
			}
		}
		lines[fn] = ls
	}
	var out []string
	for fn, ls := range lines {
		out = append(out, fn.String()+": "+strings.Join(ls, "; "))
	}
	slices.Sort(out)
	for _, c := range r.RetryConfigs().All() {
		out = append(out, fmt.Sprintf("config %s@%d attempts=%d delay=%d", c.API, c.Pos, c.Attempts, c.Delay))
	}
	return strings.Join(out, "\n")
}

// TestTestCodeCriterion checks each rule of TestCode on the functions of
// the testcode and layout fixtures.
func TestTestCodeCriterion(t *testing.T) {
	want := map[string]bool{
		"(*testcode.fixture).start":    true,  // a fixture's method
		"testcode.Helper":              true,  // takes the *testing.T
		"testcode.Helper$1":            true,  // a literal in it
		"testcode.onlyFromHelper":      true,  // only test code calls it
		"testcode.deeper":              true,  // transitively
		"testcode.shared":              false, // production code calls it too
		"testcode.dead":                false, // nobody calls it
		"(testcode.handler).ServeHTTP": false, // exported: an entry
		"testcode.Prod":                false, // asks testing.Testing()
		"layout/test/prog.main":        true,  // a test program under test/
		"layout/tests/lib.Ping":        false, // a library under tests/ without "testing"
	}
	got := map[string]bool{}
	for _, r := range fixtureResults(t) {
		for _, fn := range r.funcs {
			got[fn.String()] = r.TestCode().Contains(fn)
		}
	}
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Errorf("no function %s", name)
			continue
		}
		if g != w {
			t.Errorf("TestCode(%s) = %v, want %v", name, g, w)
		}
	}
}
