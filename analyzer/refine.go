package analyzer

import (
	"slices"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// refine applies the Refine hooks of the rules that ran to their code
// findings, once the code is joined to the graph g: rules whose findings
// depend on the whole system (a request bounded by every caller, a
// dependency the topology declares soft) drop what g shows is not a
// problem. It returns the findings kept.
func refine(fs []Finding, ran []*rules.Rule, g *graph.Graph) []Finding {
	keep := map[string]func(rules.CodeFinding) bool{}
	for _, r := range ran {
		if r.Refine != nil && r.Analyzer != nil {
			keep[r.Name] = r.Refine(g)
		}
	}
	if len(keep) == 0 {
		return fs
	}
	return slices.DeleteFunc(fs, func(f Finding) bool {
		k := keep[f.Rule]
		if k == nil || f.pkg == "" {
			return false // not a code finding of a rule that refines
		}
		cf := rules.CodeFinding{Category: f.category, Service: f.Service}
		for _, r := range f.Related {
			cf.Related = append(cf.Related, graph.Pos{File: r.File, Line: r.Line, Col: r.Column})
		}
		return !k(cf)
	})
}
