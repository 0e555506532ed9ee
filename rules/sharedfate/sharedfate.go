package sharedfate

import (
	_ "embed"
	"strconv"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/graphrule"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("sharedfate", docMD)

// Rule is sharedfate's catalogue entry.
var Rule = &lint.Rule{
	Name:     "sharedfate",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Warning,
	Check:    check,
}

// listed is how many dependents a message names before "and N more".
const listed = 5

// check reports every node that at least Settings.SharedFateMin services
// (3 by default) call hard and synchronously (Edge.HardSync: a fallback
// does not isolate a caller from a hang) when the node is not redundant or
// all its declared failure domains are one zone or region.
func check(pass *lint.GraphPass) {
	g := pass.Graph
	if g == nil {
		return
	}
	threshold := graphrule.SharedFateMin(&g.Settings)
	from, _ := g.Ends()
	for i, n := range g.Nodes {
		var dependents []string
		var edges []*graph.Edge
		for _, ei := range g.InIndex(i) {
			e := g.Edges[ei]
			if c := from[ei]; c < 0 || int(c) == i || g.Nodes[c].Kind != graph.Service || !e.HardSync() {
				continue
			}
			if len(dependents) == 0 || dependents[len(dependents)-1] != e.From {
				dependents = append(dependents, e.From)
				edges = append(edges, e)
			}
		}
		if len(dependents) < threshold {
			continue
		}
		var why, fix string
		var pos graph.Pos
		kind, domains := graphrule.Domains(n)
		switch {
		case n.ReplicasKnown && !n.Redundant():
			why, fix, pos = "it is not redundant", graphrule.RedundancyFix(n), graphrule.RedundancyPos(n)
		case len(domains) == 1:
			why = "all of it runs in " + kind + " " + domains[0]
			fix, pos = "spread it over 2 or more "+kind+"s", n.FieldPos(kind+"s")
		default:
			continue
		}
		pass.Report(lint.Finding{
			Message: graphrule.Describe(n) + " is a shared fate: " + strconv.Itoa(len(dependents)) + " services (" +
				graphrule.List(dependents, listed) + ") call it hard and synchronously and " + why +
				", so one fault fails them all at once; " + fix + ", or isolate the callers (soft dependencies with fallbacks, bulkheads, separate instances)",
			Pos:     pos,
			Service: n.Name,
			Related: graphrule.EdgeRelated(edges, func(e *graph.Edge) string { return e.From + " depends on " + e.To }),
		})
	}
}
