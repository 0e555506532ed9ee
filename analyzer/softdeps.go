package analyzer

import (
	"slices"

	"github.com/faultline-dev/faultline/graph"
)

// dropSoftBreakers removes the code side's nobreaker findings whose calls
// all belong to soft or asynchronous edges of the topology: the graph side
// does not report those edges (the request survives the dependency's
// failure), and one rule must not say both. Under go vet, with no
// topology, every unguarded dependency is still reported.
func dropSoftBreakers(fs []Finding, g *graph.Graph) []Finding {
	if g == nil {
		return fs
	}
	edgesAt := map[graph.Pos][]*graph.Edge{}
	for _, e := range g.Edges {
		for _, c := range e.Calls {
			edgesAt[c.Pos] = append(edgesAt[c.Pos], e)
		}
	}
	return slices.DeleteFunc(fs, func(f Finding) bool {
		if f.Rule != "nobreaker" || f.pkg == "" || len(f.Related) == 0 {
			return false
		}
		for _, r := range f.Related {
			es := edgesAt[graph.Pos{File: r.File, Line: r.Line, Col: r.Column}]
			if len(es) == 0 {
				return false // a call the graph does not place: keep
			}
			for _, e := range es {
				if e.Sync() && e.Criticality != graph.Soft {
					return false
				}
			}
		}
		return true
	})
}
