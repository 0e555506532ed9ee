package analyzer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// runGraphRules runs the enabled graph rules over g and applies the
// topology's suppressions (attributes and settings.ignore) and, for
// findings placed in Go files, `//faultline:ignore` directives.
func runGraphRules(enabled []*rules.Rule, g *graph.Graph, sup *suppressor) []Finding {
	// The rules only read the graph: run them in parallel, then take their
	// findings in catalogue order (suppressions are applied in that order
	// too, so the output does not depend on scheduling).
	passes := make([]*rules.GraphPass, len(enabled))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, r := range enabled {
		if r.Check == nil {
			continue
		}
		passes[i] = rules.NewGraphPass(r, g)
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			r.Check(passes[i])
		}()
	}
	wg.Wait()

	var out []Finding
	names := map[string]bool{}
	for i, r := range enabled {
		names[r.Name] = true
		if passes[i] == nil {
			continue
		}
		for _, lf := range passes[i].Findings() {
			f := graphFinding(r, lf)
			f.Suppression = sup.suppress(r.Name, lf, f)
			out = append(out, f)
		}
	}
	if names["directive"] {
		out = append(out, sup.unused(names)...)
	}
	return out
}

func graphFinding(r *rules.Rule, lf rules.Finding) Finding {
	f := Finding{
		Rule:     r.Name,
		Severity: lf.Severity,
		Message:  lf.Message,
		File:     lf.Pos.File,
		Line:     lf.Pos.Line,
		Column:   lf.Pos.Col,
		Service:  lf.Service,
		Target:   lf.Target,
		Path:     slices.Clone(lf.Path),
	}
	if f.Severity == 0 {
		f.Severity = r.Severity
	}
	for _, rel := range lf.Related {
		f.Related = append(f.Related, Related{File: rel.Pos.File, Line: rel.Pos.Line, Column: rel.Pos.Col, Message: rel.Message})
	}
	f.subject = lf.Subject
	if f.subject == "" {
		f.subject = "entry=" + lf.Entry + "|service=" + lf.Service + "|target=" + lf.Target + "|path=" + strings.Join(lf.Path, ">")
	}
	return f
}

// fingerprint derives a finding's stable identity from its rule and
// subject: 32 hexadecimal digits of a SHA-256.
func fingerprint(rule, subject string) string {
	h := sha256.Sum256([]byte(rule + "\x00" + subject))
	return hex.EncodeToString(h[:16])
}

// suppressor applies the topology's and the code's suppressions to graph
// findings and remembers which were used.
type suppressor struct {
	g     *graph.Graph
	dirs  map[string][]rules.Directive // Go directives by file relative to root
	used  map[*graph.Ignore]bool
	usedS map[int]bool // settings.ignore entries by index
}

func newSuppressor(g *graph.Graph, code *codeResult, root string) *suppressor {
	s := &suppressor{g: g, used: map[*graph.Ignore]bool{}, usedS: map[int]bool{}, dirs: map[string][]rules.Directive{}}
	if code != nil {
		for _, p := range code.roots {
			for _, f := range p.Syntax {
				for _, d := range rules.ParseDirectives(p.Fset, f) {
					rel := relSlash(root, d.File)
					s.dirs[rel] = append(s.dirs[rel], d)
				}
			}
		}
	}
	return s
}

// suppress returns the suppression that applies to a finding of rule, or
// nil. The finding's own subjects are tried from the most specific: the
// edge, the node, the entrypoint.
func (s *suppressor) suppress(rule string, lf rules.Finding, f Finding) *Suppression {
	try := func(ignores []graph.Ignore) *Suppression {
		for i := range ignores {
			ig := &ignores[i]
			if ig.Rule == rule && ig.Reason != "" {
				s.used[ig] = true
				return &Suppression{Kind: "inSource", Reason: ig.Reason, File: ig.Pos.File, Line: ig.Pos.Line}
			}
		}
		return nil
	}
	if lf.Service != "" && lf.Target != "" {
		if e := s.g.Edge(lf.Service, lf.Target); e != nil {
			if sp := try(e.Ignore); sp != nil {
				return sp
			}
		}
	}
	if n := s.g.Node(lf.Service); n != nil {
		if sp := try(n.Ignore); sp != nil {
			return sp
		}
	}
	if ep := s.g.Entrypoint(lf.Entry); ep != nil {
		if sp := try(ep.Ignore); sp != nil {
			return sp
		}
	}
	subjects := []string{lf.Service, lf.Entry}
	if lf.Target != "" {
		subjects = append(subjects, lf.Service+"->"+lf.Target)
	}
	for i, si := range s.g.Settings.Ignore {
		if si.Rule != rule || si.Reason == "" {
			continue
		}
		if si.Subject == "*" || (si.Subject != "" && slices.Contains(subjects, si.Subject)) {
			s.usedS[i] = true
			return &Suppression{Kind: "external", Reason: si.Reason, File: si.Pos.File, Line: si.Pos.Line}
		}
	}
	if strings.HasSuffix(f.File, ".go") {
		for _, d := range s.dirs[f.File] {
			if d.Line == f.Line || d.Line == f.Line-1 {
				if slices.Contains(d.Rules, rule) && d.Reason != "" {
					return &Suppression{Kind: "inSource", Reason: d.Reason, File: f.File, Line: d.Line}
				}
			}
		}
	}
	return nil
}

// suppressCode applies settings.ignore to a code finding whose service is
// known: an entry for the rule naming the service, or "*".
func (s *suppressor) suppressCode(f *Finding) {
	if f.Suppression != nil {
		return
	}
	for i, si := range s.g.Settings.Ignore {
		if si.Rule == f.Rule && si.Reason != "" && (si.Subject == "*" || (f.Service != "" && si.Subject == f.Service)) {
			s.usedS[i] = true
			f.Suppression = &Suppression{Kind: "external", Reason: si.Reason, File: si.Pos.File, Line: si.Pos.Line}
			return
		}
	}
}

// unused reports, as findings of the directive rule, topology suppressions
// that are malformed or that silenced nothing. Suppressions of rules that
// did not run are not judged.
func (s *suppressor) unused(ran map[string]bool) []Finding {
	dr := rules.Lookup("directive")
	var out []Finding
	report := func(pos graph.Pos, subject, msg string) {
		out = append(out, Finding{
			Rule: "directive", Severity: dr.Severity, Message: msg,
			File: pos.File, Line: pos.Line, Column: pos.Col,
			subject: subject + "\x00" + msg,
		})
	}
	check := func(where string, ignores []graph.Ignore) {
		for i := range ignores {
			ig := &ignores[i]
			switch {
			case rules.Lookup(ig.Rule) == nil:
				msg := fmt.Sprintf("@faultline(ignore=%q) on %s names an unknown rule", ig.Rule, where)
				if n := rules.Nearest(ig.Rule); n != "" {
					msg += " (did you mean " + n + "?)"
				}
				report(ig.Pos, where, msg+": it suppresses nothing")
			case ig.Reason == "":
				report(ig.Pos, where, fmt.Sprintf("@faultline(ignore=%q) on %s gives no reason: add reason=\"…\" saying why the finding does not apply", ig.Rule, where))
			case ran[ig.Rule] && !s.used[ig]:
				report(ig.Pos, where, fmt.Sprintf("@faultline(ignore=%q) on %s suppresses nothing: the finding it was written for is gone; remove it", ig.Rule, where))
			}
		}
	}
	for _, n := range s.g.Nodes {
		check(n.Name, n.Ignore)
	}
	for _, e := range s.g.Edges {
		check(e.Key(), e.Ignore)
	}
	for _, ep := range s.g.Entrypoints {
		check("entrypoint "+ep.Name, ep.Ignore)
	}
	for i, si := range s.g.Settings.Ignore {
		where := "settings.ignore"
		switch {
		case rules.Lookup(si.Rule) == nil:
			msg := fmt.Sprintf("settings.ignore names an unknown rule %q", si.Rule)
			if n := rules.Nearest(si.Rule); n != "" {
				msg += " (did you mean " + n + "?)"
			}
			report(si.Pos, where+si.Subject, msg)
		case si.Reason == "":
			report(si.Pos, where+si.Subject, fmt.Sprintf("settings.ignore entry for %s on %q gives no reason: add reason", si.Rule, si.Subject))
		case ran[si.Rule] && !s.usedS[i]:
			report(si.Pos, where+si.Subject, fmt.Sprintf("settings.ignore entry for %s on %q suppresses nothing; remove it", si.Rule, si.Subject))
		}
	}
	return out
}
