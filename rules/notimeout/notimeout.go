package notimeout

import (
	_ "embed"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/graphrule"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("notimeout", docMD)

// Rule is notimeout's catalogue entry.
var Rule = &lint.Rule{
	Name:     "notimeout",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Warning,
	Check:    check,
	// A call with no timeout is the code's side of an edge with none.
	SameAs: []string{"httptimeout", "dialtimeout", "ctxdeadline"},
}

// check reports every synchronous edge that is not protected by a timeout
// (Edge.Bounded: no timeout or deadline in the topology, and not every
// call site in code bounded). Asynchronous edges are not waited for.
func check(pass *lint.GraphPass) {
	g := pass.Graph
	if g == nil {
		return
	}
	from, to := g.Ends()
	for ei, e := range g.Edges {
		if !e.Sync() || e.Bounded() || from[ei] < 0 || to[ei] < 0 {
			continue
		}
		if e.Source == graph.FromCode {
			// An edge known only from code: httptimeout, ctxdeadline and
			// dialtimeout report its unbounded calls at the calls.
			continue
		}
		what := graphrule.EdgeName(e)
		if e.Protocol != "" {
			what += " (" + e.Protocol + ")"
		}
		fix := "set timeout (per attempt) or deadline"
		if e.Via == graph.ViaMesh {
			fix = "set a route timeout in the mesh and declare it as timeout"
		}
		var related []lint.Related
		for _, c := range e.Calls {
			if c.Bound == graph.No && c.Timeout <= 0 && c.Pos.IsValid() {
				related = append(related, lint.Related{Pos: c.Pos, Message: "call with no timeout or deadline"})
			}
		}
		pass.Report(lint.Finding{
			Message: what + " has no timeout: a hung " + e.To + " holds " + e.From + "'s requests for as long as it hangs; " + fix,
			Pos:     e.FieldPos("timeout"),
			Service: e.From,
			Target:  e.To,
			Related: related,
		})
	}
}
