package directive

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/config"
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
		Requires:   append([]*analysis.Analyzer{config.Analyzer}, codeRules...),
		ResultType: lint.ResultType,

		RunDespiteErrors: true, // packages with type errors are skipped by the rules it reads
	}
	a.Run = func(pass *analysis.Pass) (any, error) { return run(pass, known), nil }
	return &lint.Rule{
		Name:     "directive",
		Summary:  doc.Summary,
		Doc:      docMD,
		Severity: lint.Warning,
		Analyzer: a,
		Audit:    func(p *lint.GraphPass) { audit(p, known) },
	}
}

// audit reports the topology's suppressions that are malformed or that
// silenced nothing: @faultline(ignore=…) attributes and settings.ignore
// entries. Suppressions of rules that did not run are not judged.
func audit(p *lint.GraphPass, known map[string]bool) {
	report := func(pos graph.Pos, where, msg string) {
		p.Report(lint.Finding{Message: msg, Pos: pos, Subject: where + "\x00" + msg})
	}
	unknown := func(rule string) string {
		if s := lint.Nearest(rule, keys(known)); s != "" {
			return " (did you mean " + s + "?)"
		}
		return ""
	}
	attributes := func(where string, ignores []graph.Ignore) {
		for i := range ignores {
			ig := &ignores[i]
			switch {
			case !known[ig.Rule]:
				report(ig.Pos, where, fmt.Sprintf("@faultline(ignore=%q) on %s names an unknown rule%s: it suppresses nothing", ig.Rule, where, unknown(ig.Rule)))
			case ig.Reason == "":
				report(ig.Pos, where, fmt.Sprintf("@faultline(ignore=%q) on %s gives no reason: add reason=\"…\" saying why the finding does not apply", ig.Rule, where))
			case p.Suppressions.Ran(ig.Rule) && !p.Suppressions.Used(ig):
				report(ig.Pos, where, fmt.Sprintf("@faultline(ignore=%q) on %s suppresses nothing: the finding it was written for is gone; remove it", ig.Rule, where))
			}
		}
	}
	g := p.Graph
	for _, n := range g.Nodes {
		attributes(n.Name, n.Ignore)
	}
	for _, e := range g.Edges {
		attributes(e.Key(), e.Ignore)
	}
	for _, ep := range g.Entrypoints {
		attributes("entrypoint "+ep.Name, ep.Ignore)
	}
	for i, si := range g.Settings.Ignore {
		where := "settings.ignore" + si.Subject
		switch {
		case !known[si.Rule]:
			report(si.Pos, where, fmt.Sprintf("settings.ignore names an unknown rule %q%s", si.Rule, unknown(si.Rule)))
		case si.Reason == "":
			report(si.Pos, where, fmt.Sprintf("settings.ignore entry for %s on %q gives no reason: add reason", si.Rule, si.Subject))
		case p.Suppressions.Ran(si.Rule) && !p.Suppressions.UsedSetting(i):
			report(si.Pos, where, fmt.Sprintf("settings.ignore entry for %s on %q suppresses nothing; remove it", si.Rule, si.Subject))
		}
	}
}

func run(pass *analysis.Pass, known map[string]bool) *lint.Result {
	used := map[string]map[int]bool{} // rule -> directive offsets it used
	code := map[string]bool{}
	// The code rules are what the pass's analyzer requires: the catalogue's,
	// or copies of them bound to a run's configuration.
	for _, a := range pass.Analyzer.Requires {
		res, ok := pass.ResultOf[a].(*lint.Result)
		if !ok {
			continue // the configuration
		}
		code[a.Name] = true
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
		for _, d := range lint.ParseDirectives(pass.Fset, f, true) {
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
