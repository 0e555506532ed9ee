package zonespof

import (
	_ "embed"

	"github.com/faultline-dev/faultline/rules/internal/graphrule"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("zonespof", docMD)

// Rule is zonespof's catalogue entry.
var Rule = &lint.Rule{
	Name:     "zonespof",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Warning,
	Check:    check,
}

// check reports every redundant node in some required set whose declared
// failure domains (zones, else regions) are fewer than two distinct ones.
// A node that declares neither zones nor regions is not reported: the rule
// is about declared placement, and an unknown placement is not a finding.
// Nodes that are not redundant are spof's; nodes whose replica count is
// unknown are nobody's.
func check(pass *lint.GraphPass) {
	g := pass.Graph
	if g == nil || len(g.Entrypoints) == 0 {
		return
	}
	req := pass.Requirements()
	for i, n := range g.Nodes {
		if n.Client || !n.ReplicasKnown || !n.Redundant() || !req.IsRequired(i) {
			continue
		}
		kind, domains := graphrule.Domains(n)
		if len(domains) != 1 {
			continue // none declared, or spread
		}
		entries, related := graphrule.BlastRadius(g, req, i)
		pass.Report(lint.Finding{
			Message: graphrule.Describe(n) + " runs in one " + kind + ", " + domains[0] + ": an outage of " +
				domains[0] + " takes down " + graphrule.Entrypoints(entries, len(g.Entrypoints)) + "; spread it over 2 or more " + kind + "s",
			Pos:         n.FieldPos(kind + "s"),
			Service:     n.Name,
			Related:     related,
			Entrypoints: entries,
		})
	}
}
