package nobreaker

import (
	_ "embed"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/graphrule"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("nobreaker", docMD)

// Rule is nobreaker's catalogue entry. The graph side is checkGraph; the
// code side (nobreaker.go) adds its Analyzer to this entry, so that one
// rule name covers both.
var Rule = &lint.Rule{
	Name:     "nobreaker",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Warning,
	Check:    checkGraph,
	Refine:   refine,
	// The code side reports the same missing breaker at the client.
	SameAs: []string{"nobreaker"},
}

// refine keeps the code side's findings except those whose calls all
// belong to soft or asynchronous edges of the graph: the graph side does
// not report such edges (the request survives the dependency's failure),
// and one rule must not say both. Under go vet, with no graph, every
// unguarded dependency is still reported.
func refine(g *graph.Graph, fs []lint.CodeFinding) []lint.Verdict {
	return lint.DropOnEdges(g, fs, func(e *graph.Edge) bool { return !e.Sync() || e.Criticality == graph.Soft })
}

// checkGraph reports every hard synchronous edge (Edge.HardSync: a
// fallback still pays every timeout without a breaker) to a service or an
// external that has no breaker (Edge.Guarded: the topology declares one, or
// every call site in code is guarded). Datastores and queues are left out:
// their clients usually fail fast on a bounded connection pool, and a
// breaker in front of a database is rarely what fixes its outages.
func checkGraph(pass *lint.GraphPass) {
	g := pass.Graph
	if g == nil {
		return
	}
	from, to := g.Ends()
	for ei, e := range g.Edges {
		if from[ei] < 0 || to[ei] < 0 {
			continue
		}
		if k := g.Nodes[to[ei]].Kind; k != graph.Service && k != graph.External {
			continue
		}
		if !e.HardSync() || e.Guarded() {
			continue
		}
		if e.Source == graph.FromCode {
			continue // known only from code: the code side reports it at the client
		}
		fix := "add a circuit breaker to the client and declare breaker: true"
		if e.Via == graph.ViaMesh {
			fix = "configure outlier detection in the mesh and declare breaker: true"
		}
		var related []lint.Related
		for _, c := range e.Calls {
			if c.Breaker == graph.No && c.Pos.IsValid() {
				related = append(related, lint.Related{Pos: c.Pos, Message: "call with no circuit breaker"})
			}
		}
		pass.Report(lint.Finding{
			Message: graphrule.EdgeName(e) + " has no circuit breaker: while " + e.To + " fails or slows down, " + e.From +
				" keeps sending it calls and waits out every timeout, which prolongs the outage; " + fix,
			Pos:     e.FieldPos("breaker"),
			Service: e.From,
			Target:  e.To,
			Related: related,
		})
	}
}
