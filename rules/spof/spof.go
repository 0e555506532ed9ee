package spof

import (
	_ "embed"

	"github.com/faultline-dev/faultline/rules/internal/graphrule"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("spof", docMD)

// Rule is spof's catalogue entry.
var Rule = &lint.Rule{
	Name:     "spof",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Error,
	Check:    check,
}

// check reports every node that is not redundant and is in the required
// set of at least one entrypoint, naming all the entrypoints it would take
// down. Nodes whose replica count is unknown (learned from code alone) are
// never reported.
func check(pass *lint.GraphPass) {
	g := pass.Graph
	if g == nil || len(g.Entrypoints) == 0 {
		return
	}
	req := pass.Requirements()
	for i, n := range g.Nodes {
		if n.Client || !n.ReplicasKnown || n.Redundant() || !req.IsRequired(i) {
			continue
		}
		entries, related := graphrule.BlastRadius(g, req, i)
		pass.Report(lint.Finding{
			Message: graphrule.Describe(n) + " is a single point of failure for " + graphrule.Entrypoints(entries, len(g.Entrypoints)) +
				": " + graphrule.RedundancyFix(n),
			Pos:         graphrule.RedundancyPos(n),
			Service:     n.Name,
			Related:     related,
			Entrypoints: entries,
		})
	}
}
