package analyzer

import (
	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// refine applies the Refine hooks of the rules that ran to their code
// findings, once the code is joined to the graph g: rules whose findings
// depend on the whole system (a request bounded by every caller, a
// dependency the topology declares soft, a context with no deadline when
// a caller sends none) drop what g shows is not a problem, and may name
// the cause upstream as related positions. It returns the findings kept.
func refine(fs []Finding, ran []*rules.Rule, g *graph.Graph) []Finding {
	drop := make([]bool, len(fs))
	for _, r := range ran {
		if r.Refine == nil || r.Analyzer == nil {
			continue
		}
		var idx []int
		var cfs []rules.CodeFinding
		for i, f := range fs {
			if f.Rule != r.Name || f.pkg == "" {
				continue // not a code finding of this rule
			}
			cf := rules.CodeFinding{Category: f.category, Service: f.Service, Pos: graph.Pos{File: f.File, Line: f.Line, Col: f.Column}, Sites: f.sites, Entry: f.via, Suppressed: f.Suppression != nil}
			for _, rel := range f.Related {
				cf.Related = append(cf.Related, graph.Pos{File: rel.File, Line: rel.Line, Col: rel.Column})
			}
			idx = append(idx, i)
			cfs = append(cfs, cf)
		}
		if len(cfs) == 0 {
			continue
		}
		for j, v := range r.Refine(g, cfs) {
			f := &fs[idx[j]]
			drop[idx[j]] = v.Drop
			for _, rel := range v.Related {
				f.Related = append(f.Related, Related{File: rel.Pos.File, Line: rel.Pos.Line, Column: rel.Pos.Col, Message: rel.Message})
			}
		}
	}
	out := fs[:0]
	for i, f := range fs {
		if !drop[i] {
			out = append(out, f)
		}
	}
	return out
}
