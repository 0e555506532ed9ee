package directive

import (
	_ "embed"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("directive", docMD)

// New returns the directive rule for a catalogue whose rules are named
// names, of which codeRules are the analyzers of the code rules. Directives
// naming a code rule are reported when that rule's result shows they
// suppressed nothing; directives naming graph rules are left to the driver.
func New(codeRules []*analysis.Analyzer, names []string) *lint.Rule {
	known := map[string]bool{"directive": true}
	for _, n := range names {
		known[n] = true
	}
	a := &analysis.Analyzer{
		Name:       "directive",
		Doc:        doc.AnalyzerDoc(),
		URL:        lint.URL("directive"),
		Requires:   slices.Clone(codeRules),
		ResultType: lint.ResultType,
	}
	a.Run = func(pass *analysis.Pass) (any, error) { return run(pass, codeRules, known), nil }
	return &lint.Rule{
		Name:     "directive",
		Summary:  doc.Summary,
		Doc:      docMD,
		Severity: lint.Warning,
		Analyzer: a,
	}
}

func run(pass *analysis.Pass, codeRules []*analysis.Analyzer, known map[string]bool) *lint.Result {
	used := map[string]map[int]bool{} // rule -> directive offsets it used
	code := map[string]bool{}
	for _, a := range codeRules {
		code[a.Name] = true
		res, _ := pass.ResultOf[a].(*lint.Result)
		if res == nil {
			continue
		}
		for _, p := range res.Used {
			if used[a.Name] == nil {
				used[a.Name] = map[int]bool{}
			}
			used[a.Name][int(p)] = true
		}
	}
	r := lint.NewReporter(pass, "directive")
	for _, f := range pass.Files {
		for _, d := range lint.ParseDirectives(pass.Fset, f) {
			report := func(msg string) {
				r.Report(analysis.Diagnostic{Pos: d.Pos, End: d.Pos + 1, Message: msg})
			}
			switch {
			case len(d.Rules) == 0:
				report("faultline:ignore directive names no rule: write //faultline:ignore RULE reason")
				continue
			case d.Reason == "":
				report("faultline:ignore directive for " + strings.Join(d.Rules, ",") + " gives no reason: say why the finding does not apply, or the suppression is indistinguishable from a silenced alarm")
				continue
			}
			for _, r := range d.Rules {
				if !known[r] {
					msg := "faultline:ignore directive names unknown rule " + r
					if s := lint.Nearest(r, keys(known)); s != "" {
						msg += " (did you mean " + s + "?)"
					}
					report(msg + ": it suppresses nothing")
					continue
				}
				if code[r] && !used[r][int(d.Pos)] {
					report("faultline:ignore directive for " + r + " suppresses nothing here: the finding it was written for is gone; remove the directive")
				}
			}
		}
	}
	return r.Result()
}

func keys(m map[string]bool) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
