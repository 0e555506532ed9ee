package ruletest

import (
	"fmt"
	"go/ast"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// calls is a fact: the function calls http.Get.
type calls struct{}

func (*calls) AFact()         {}
func (*calls) String() string { return "calls http.Get" }

// getter reports every call of net/http.Get and marks the functions that
// make one with a fact. It records, for the test, whether the function
// bodies of net/http were there to see.
var getter = &analysis.Analyzer{
	Name:       "getter",
	Doc:        "report calls of http.Get (test)",
	FactTypes:  []analysis.Fact{new(calls)},
	ResultType: reflect.TypeFor[bool](),
	Run: func(pass *analysis.Pass) (any, error) {
		bodies := false
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				bodies = bodies || fd.Body != nil
				if fd.Body == nil {
					continue
				}
				ast.Inspect(fd.Body, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok {
						return true
					}
					if fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func); ok && fn.FullName() == "net/http.Get" {
						pass.Reportf(call.Pos(), "call of http.Get")
						pass.ExportObjectFact(pass.TypesInfo.Defs[fd.Name], new(calls))
					}
					return true
				})
			}
		}
		seenMu.Lock()
		seen[pass.Pkg.Path()] = bodies
		seenMu.Unlock()
		return bodies, nil
	},
}

var (
	seenMu sync.Mutex
	seen   = map[string]bool{} // package path -> getter saw function bodies
)

// TestRun checks the fixture that matches, and that the standard library
// was loaded without bodies while the fixture kept its own.
func TestRun(t *testing.T) {
	results := Run(t, abs(t, "testdata"), getter, "good")
	if len(results) != 1 {
		t.Fatalf("%d results, want 1", len(results))
	}
	r := results[0]
	if r.Pass.Pkg.Path() != "good" || r.Result != true {
		t.Errorf("result on %s: %v, want the bodies of good's functions seen", r.Pass.Pkg.Path(), r.Result)
	}
	if len(r.Diagnostics) != 1 || len(r.Facts) != 1 {
		t.Errorf("%d diagnostics and facts on %d objects, want 1 and 1", len(r.Diagnostics), len(r.Facts))
	}
	seenMu.Lock()
	defer seenMu.Unlock()
	if bodies, ok := seen["net/http"]; !ok || bodies {
		t.Errorf("net/http analysed: %v, with function bodies: %v; want analysed without", ok, bodies)
	}
}

// TestRunFails checks that the checking fails, in order of position, on
// a diagnostic and a fact no want comment expects, and a want comment
// nothing matches.
func TestRunFails(t *testing.T) {
	rec := &recorder{TB: t}
	Run(rec, abs(t, "testdata"), getter, "bad")
	want := []string{
		"bad/bad.go:8:6: unexpected fact: Fetch: calls http.Get",
		"bad/bad.go:9:2: unexpected diagnostic: call of http.Get",
		"bad/bad.go:12: no diagnostic was reported matching `call of http.Get`",
	}
	if len(rec.errors) != len(want) {
		t.Fatalf("errors %q, want %q", rec.errors, want)
	}
	for i, w := range want {
		if !strings.Contains(rec.errors[i], w) {
			t.Errorf("error %q, want one that says %q", rec.errors[i], w)
		}
	}
}

// recorder keeps the errors Run reports instead of failing the test.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func abs(t *testing.T, dir string) string {
	d, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
