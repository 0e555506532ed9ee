package analyzer

import (
	"slices"
	"strings"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// suppressor applies the suppressions a run knows to its findings, in one
// step, and remembers which were used, for the directive rule's audit:
//
//   - a finding of a code rule comes already suppressed by its
//     `//faultline:ignore` directive (the rule's reporter applies it, so
//     that go vet honours it too); of the topology's suppressions, a
//     settings.ignore entry naming its service, or "*", applies;
//   - a finding of a graph rule is suppressed by an @faultline(ignore=…)
//     attribute on its edge, node or entrypoint, tried in that order, by a
//     settings.ignore entry naming one of them, or, when it points into a Go
//     file, by a directive on its line or the line above.
type suppressor struct {
	g     *graph.Graph
	dirs  map[string][]rules.Directive // Go directives by file relative to the root
	used  map[*graph.Ignore]bool
	usedS map[int]bool // settings.ignore entries by index
	ran   map[string]bool
}

func newSuppressor(g *graph.Graph, code *codeResult, root string, ran []*rules.Rule) *suppressor {
	s := &suppressor{g: g, used: map[*graph.Ignore]bool{}, usedS: map[int]bool{}, dirs: map[string][]rules.Directive{}, ran: map[string]bool{}}
	for _, r := range ran {
		s.ran[r.Name] = true
	}
	if code != nil {
		s.dirs = code.directives
	}
	return s
}

// apply sets f.Suppression when a suppression applies to f.
func (s *suppressor) apply(f *Finding) {
	if f.Suppression != nil {
		return
	}
	if f.pkg != "" {
		f.Suppression = s.setting(f.Rule, f.Service)
		return
	}
	if f.Service != "" && f.Target != "" {
		if e := s.g.Edge(f.Service, f.Target); e != nil {
			if f.Suppression = s.attribute(f.Rule, e.Ignore); f.Suppression != nil {
				return
			}
		}
	}
	if n := s.g.Node(f.Service); n != nil {
		if f.Suppression = s.attribute(f.Rule, n.Ignore); f.Suppression != nil {
			return
		}
	}
	if ep := s.g.Entrypoint(f.entry); ep != nil {
		if f.Suppression = s.attribute(f.Rule, ep.Ignore); f.Suppression != nil {
			return
		}
	}
	subjects := []string{f.Service, f.entry}
	if f.Target != "" {
		subjects = append(subjects, f.Service+"->"+f.Target)
	}
	if f.Suppression = s.setting(f.Rule, subjects...); f.Suppression != nil {
		return
	}
	if strings.HasSuffix(f.File, ".go") {
		for _, d := range s.dirs[f.File] {
			if d.Applies(f.Rule, d.File, f.Line) {
				f.Suppression = &Suppression{Kind: "inSource", Reason: d.Reason, File: f.File, Line: d.Line}
				return
			}
		}
	}
}

// attribute returns the suppression of the first @faultline attribute of
// ignores that names rule and gives a reason.
func (s *suppressor) attribute(rule string, ignores []graph.Ignore) *Suppression {
	for i := range ignores {
		ig := &ignores[i]
		if ig.Rule == rule && ig.Reason != "" {
			s.used[ig] = true
			return &Suppression{Kind: "inSource", Reason: ig.Reason, File: ig.Pos.File, Line: ig.Pos.Line}
		}
	}
	return nil
}

// setting returns the suppression of the first settings.ignore entry for
// rule whose subject is one of subjects, or "*".
func (s *suppressor) setting(rule string, subjects ...string) *Suppression {
	for i, si := range s.g.Settings.Ignore {
		if si.Rule != rule || si.Reason == "" {
			continue
		}
		if si.Subject == "*" || (si.Subject != "" && slices.Contains(subjects, si.Subject)) {
			s.usedS[i] = true
			return &Suppression{Kind: "external", Reason: si.Reason, File: si.Pos.File, Line: si.Pos.Line}
		}
	}
	return nil
}

// The suppressor tells audits what was used (rules.Suppressions).

func (s *suppressor) Used(ig *graph.Ignore) bool { return s.used[ig] }
func (s *suppressor) UsedSetting(i int) bool     { return s.usedS[i] }
func (s *suppressor) Ran(rule string) bool       { return s.ran[rule] }
