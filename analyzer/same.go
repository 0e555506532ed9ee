package analyzer

import (
	"fmt"
	"slices"

	"github.com/faultline-dev/faultline/rules"
)

// mergeSame makes one finding of a graph finding and the code findings
// that report the same problem (rules.Rule.SameAs, limited by SameIf): a
// code finding of a named rule, of the same service, at one of the call
// sites the graph finding names as related (or naming one of them
// itself). The code
// finding stays, where the fix goes, with the graph finding's position as
// related and the higher of the two severities; the graph finding goes.
// Suppressed findings are left as they are.
func mergeSame(fs []Finding, enabled []*rules.Rule) []Finding {
	same := map[string]*rules.Rule{}
	for _, r := range enabled {
		if len(r.SameAs) > 0 {
			same[r.Name] = r
		}
	}
	if len(same) == 0 {
		return fs
	}
	at := func(file string, line int) string { return fmt.Sprintf("%s:%d", file, line) }
	codeOf := map[string][]int{} // service -> its code findings
	for i, f := range fs {
		if f.pkg != "" && f.Service != "" && f.Suppression == nil {
			codeOf[f.Service] = append(codeOf[f.Service], i)
		}
	}
	drop := map[int]bool{}
	for gi := range fs {
		g := &fs[gi]
		r := same[g.Rule]
		if g.pkg != "" || r == nil || g.Service == "" || g.Suppression != nil || r.SameIf != nil && !r.SameIf(g.subject) {
			continue
		}
		names := r.SameAs
		sites := map[string]bool{}
		for _, r := range g.Related {
			sites[at(r.File, r.Line)] = true
		}
		if len(sites) == 0 {
			continue
		}
		for _, ci := range codeOf[g.Service] {
			c := &fs[ci]
			if !slices.Contains(names, c.Rule) {
				continue
			}
			hit := sites[at(c.File, c.Line)]
			for _, r := range c.Related {
				hit = hit || sites[at(r.File, r.Line)]
			}
			for _, p := range c.sites {
				hit = hit || sites[at(p.File, p.Line)]
			}
			if !hit {
				continue
			}
			c.Related = append(c.Related, Related{File: g.File, Line: g.Line, Column: g.Column,
				Message: "the same problem, seen on the system graph (" + g.Rule + "): " + g.Message})
			c.Severity = max(c.Severity, g.Severity)
			drop[gi] = true
		}
	}
	if len(drop) == 0 {
		return fs
	}
	out := fs[:0]
	for i, f := range fs {
		if !drop[i] {
			out = append(out, f)
		}
	}
	return out
}
