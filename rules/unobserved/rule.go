package unobserved

import (
	_ "embed"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("unobserved", docMD)

// Rule is unobserved's catalogue entry. The code side (unobserved.go) adds
// its Analyzer to this entry.
var Rule = &lint.Rule{
	Name:     "unobserved",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Note,
	Refine:   refine,
	Check:    checkHealth,
}

// refine drops the code side's findings whose calls all belong to edges
// the topology declares observed (`observed: true`, or a network edge of a
// system whose settings declare a service mesh): telemetry the code does
// not show, a sidecar's for instance. A call the graph does not place
// keeps the finding.
func refine(g *graph.Graph, fs []lint.CodeFinding) []lint.Verdict {
	return lint.DropOnEdges(g, fs, g.ObservedByDeclaration)
}
