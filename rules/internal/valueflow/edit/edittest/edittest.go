// Package edittest generates a package whose single function is as large
// as a test asks, so that the tests of the rules that build their fixes
// with package edit can check that their work stays linear in the size of
// a function: edit.Index answers each position from an index of the file
// and reads each file once, where a search of the file per finding made a
// function of n statements cost O(n²).
package edittest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
)

// Spec describes the generated package "big".
type Spec struct {
	// Stubs are the import paths of packages copied from the shared
	// library stubs (package stubs), for big to import.
	Stubs []string
	// Header is the source of big up to the first statement of its
	// function: package clause, imports, signature.
	Header string
	// Round writes the i-th round of statements; Write calls it until the
	// function has at least n statements.
	Round func(b *Body, i int)
	// Footer closes the function.
	Footer string
}

// Body accumulates the statements of the function and counts them and
// the findings among them.
type Body struct {
	b                      strings.Builder
	stmts, findings, fixes int
}

// Plain writes a statement that is not reported.
func (b *Body) Plain(format string, args ...any) {
	fmt.Fprintf(&b.b, format, args...)
	b.stmts++
}

// Want writes a statement that is reported, with its `// want` comment.
func (b *Body) Want(format string, args ...any) {
	b.Plain(format, args...)
	b.findings++
}

// Fixed writes a statement that is reported with a suggested fix.
func (b *Body) Fixed(format string, args ...any) {
	b.Want(format, args...)
	b.fixes++
}

// Write writes, under a new GOPATH-style tree, the stubs and package big
// with a function of about n statements. It returns the tree's root, the
// number of findings and the number of those with a suggested fix.
func Write(tb testing.TB, s Spec, n int) (dir string, findings, fixes int) {
	tb.Helper()
	dir = tb.TempDir()
	for _, p := range s.Stubs {
		from := filepath.Join(stubs.Src(), p)
		to := filepath.Join(dir, "src", p)
		if err := os.MkdirAll(to, 0o755); err != nil {
			tb.Fatal(err)
		}
		entries, err := os.ReadDir(from)
		if err != nil {
			tb.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			data, err := os.ReadFile(filepath.Join(from, e.Name()))
			if err != nil {
				tb.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
				tb.Fatal(err)
			}
		}
	}
	var b Body
	b.b.WriteString(s.Header)
	for i := 0; b.stmts < n; i++ {
		s.Round(&b, i)
	}
	b.b.WriteString(s.Footer)
	pkg := filepath.Join(dir, "src", "big")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(pkg, "big.go"), []byte(b.b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir, b.findings, b.fixes
}

// Count counts diagnostics and those with a suggested fix.
func Count(diags []analysis.Diagnostic) (findings, fixes int) {
	for _, d := range diags {
		findings++
		if len(d.SuggestedFixes) > 0 {
			fixes++
		}
	}
	return findings, fixes
}

// Test checks with ruletest that a analyses package big of about n
// statements as its `// want` comments say, and that every finding
// written with Body.Fixed, and no other, has a suggested fix. It returns
// the number of findings.
func Test(t *testing.T, a *analysis.Analyzer, s Spec, n int) (findings int) {
	t.Helper()
	dir, want, wantFixes := Write(t, s, n)
	res := ruletest.Run(t, dir, a, "big")
	if len(res) != 1 {
		t.Fatalf("%d results, want 1", len(res))
	}
	got, fixes := Count(res[0].Diagnostics)
	if got != want || fixes != wantFixes {
		t.Errorf("%d findings, %d with a fix; want %d, %d with a fix", got, fixes, want, wantFixes)
	}
	return want
}

// Bench measures a on package big with functions of each of sizes
// statements, one sub-benchmark each, and reports ns/stmt, which stays
// flat when the work is linear in the function's size. Loading and
// type-checking are outside the timer; the analysis of the dependencies
// (a's requirements on the standard library and the stubs) is in it, a
// constant.
func Bench(b *testing.B, a *analysis.Analyzer, s Spec, sizes ...int) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("stmts=%dk", n/1000), func(b *testing.B) {
			dir, want, wantFixes := Write(b, s, n)
			cfg := &packages.Config{
				Mode:  packages.LoadAllSyntax,
				Dir:   dir,
				Env:   append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off"),
				Tests: false,
			}
			pkgs, err := packages.Load(cfg, "big")
			if err != nil {
				b.Fatal(err)
			}
			if packages.PrintErrors(pkgs) > 0 {
				b.Fatal("errors loading the generated package")
			}
			b.ResetTimer()
			for range b.N {
				res, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
				if err != nil {
					b.Fatal(err)
				}
				root := res.Roots[0]
				if root.Err != nil {
					b.Fatal(root.Err)
				}
				if got, fixes := Count(root.Diagnostics); got != want || fixes != wantFixes {
					b.Fatalf("%d findings, %d with a fix; want %d, %d with a fix", got, fixes, want, wantFixes)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/stmt")
		})
	}
}
