package ctxdeadline_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/ctxdeadline"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
)

var packages = []string{"pb", "b", "a", "c", "handlers", "cloud", "wrapall", "trial", "interceptors"}

// firstRun is the output of Test, for TestDeterministic.
var firstRun []string

// Test checks the fixtures' `// want` diagnostics and facts; request
// contexts, and only they, have the request-context category, and every
// finding points at the remote calls it reaches.
func Test(t *testing.T) {
	results := ruletest.Run(t, stubs.TestData(t), ctxdeadline.Analyzer, packages...)
	var request, other int
	for _, res := range results {
		for _, d := range res.Diagnostics {
			isRequest := strings.HasPrefix(d.Message, "the request context of ")
			if isRequest != (d.Category == ctxdeadline.CategoryRequest) {
				t.Errorf("%s: category %q", d.Message, d.Category)
			}
			if isRequest {
				request++
			} else {
				other++
			}
			if len(d.Related) == 0 || !strings.HasPrefix(d.Related[0].Message, "the context reaches ") {
				t.Errorf("%s: related = %v, want the remote calls reached", d.Message, d.Related)
			}
		}
	}
	if request == 0 || other == 0 {
		t.Errorf("got %d request-context and %d other findings, want both", request, other)
	}
	firstRun = summary(results)
}

func TestRule(t *testing.T) {
	r := ctxdeadline.Rule
	if r.Severity != lint.Error {
		t.Errorf("severity = %v, want error", r.Severity)
	}
	if got := r.SeverityOf(ctxdeadline.CategoryRequest); got != lint.Warning {
		t.Errorf("severity of %s = %v, want warning", ctxdeadline.CategoryRequest, got)
	}
	if got := r.SeverityOf(""); got != lint.Error {
		t.Errorf("severity of uncategorised findings = %v, want error", got)
	}
}

// Two runs give the same diagnostics and facts, in the same order.
func TestDeterministic(t *testing.T) {
	run := func() []string {
		return summary(ruletest.Run(t, stubs.TestData(t), ctxdeadline.Analyzer, packages...))
	}
	first := firstRun
	if first == nil {
		first = run()
	}
	if second := run(); !slices.Equal(first, second) {
		t.Errorf("runs differ:\n%s\n---\n%s", strings.Join(first, "\n"), strings.Join(second, "\n"))
	}
}

// summary lists the diagnostics (in report order) and facts of results.
func summary(results []*analysistest.Result) []string {
	results = slices.Clone(results)
	slices.SortStableFunc(results, func(a, b *analysistest.Result) int {
		return strings.Compare(a.Pass.Pkg.Path(), b.Pass.Pkg.Path())
	})
	var out []string
	for _, res := range results {
		for _, d := range res.Diagnostics {
			p := res.Pass.Fset.Position(d.Pos)
			out = append(out, fmt.Sprintf("%s:%d:%d %s", filepath.Base(p.Filename), p.Line, p.Column, d.Message))
		}
		var facts []string
		for obj, fs := range res.Facts {
			for _, f := range fs {
				facts = append(facts, fmt.Sprintf("%s %v", obj, f))
			}
		}
		slices.Sort(facts)
		out = append(out, facts...)
	}
	return out
}

// TestDropped checks the dropped-context findings (database/sql, net/http,
// net and transactions, on the real standard library) and their
// suggested fixes (the .golden files).
func TestDropped(t *testing.T) {
	results := ruletest.RunWithSuggestedFixes(t, stubs.TestData(t), ctxdeadline.Analyzer, "dropped", "droppedtx", "droppeddefault", "droppedstore", "droppedhelp")
	for _, res := range results {
		for _, d := range res.Diagnostics {
			if d.Category != ctxdeadline.CategoryDropped {
				t.Errorf("%s: category %q, want %q", d.Message, d.Category, ctxdeadline.CategoryDropped)
			}
			// A transaction names its statements, a request where it is
			// sent.
			want := ""
			switch {
			case strings.Contains(d.Message, "BEGIN and the"):
				want = "runs on the transaction here"
			case strings.Contains(d.Message, "builds a request"):
				want = "the request is sent here"
			}
			if want != "" && (len(d.Related) == 0 || !strings.Contains(d.Related[0].Message, want)) {
				t.Errorf("%s: related = %v, want %q", d.Message, d.Related, want)
			}
		}
	}
	if got := ctxdeadline.Rule.SeverityOf(ctxdeadline.CategoryDropped); got != lint.Warning {
		t.Errorf("severity of %s = %v, want warning", ctxdeadline.CategoryDropped, got)
	}
}
