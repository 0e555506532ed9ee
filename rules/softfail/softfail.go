package softfail

import (
	_ "embed"
	"time"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/graphrule"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("softfail", docMD)

// Rule is softfail's catalogue entry.
var Rule = &lint.Rule{
	Name:     "softfail",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Warning,
	Check:    check,
}

// budget is the time a service has to answer, and what sets it.
type budget struct {
	d   time.Duration
	why string
}

// budgets returns each node's own budget: the tightest of the per-attempt
// bounds of its incoming synchronous calls, the timeouts of the
// entrypoints that enter at it, and its server's request timeout.
func budgets(g *graph.Graph) []budget {
	bs := make([]budget, len(g.Nodes))
	tighten := func(i int, d time.Duration, why string) {
		if d > 0 && (bs[i].d == 0 || d < bs[i].d) {
			bs[i] = budget{d, why}
		}
	}
	for i, n := range g.Nodes {
		if n.Server != nil {
			tighten(i, n.Server.RequestTimeout, "its server's requestTimeout")
		}
		for _, ei := range g.InIndex(i) {
			e := g.Edges[ei]
			if d, ok := e.AttemptTimeout(); ok && e.Sync() && e.From != e.To {
				tighten(i, d, "the timeout of "+graphrule.EdgeName(e))
			}
		}
	}
	for _, ep := range g.Entrypoints {
		if i := g.NodeIndex(ep.Service); i >= 0 {
			tighten(i, ep.Timeout, "entrypoint "+ep.Name)
		}
	}
	return bs
}

// check reports every soft synchronous edge with no fallback, and every
// one whose wait (Edge.MaxWait: timeout × attempts, cut by a deadline; no
// bound at all counts as forever) is not shorter than its caller's budget.
func check(pass *lint.GraphPass) {
	g := pass.Graph
	if g == nil {
		return
	}
	var bs []budget
	froms, tos := g.Ends()
	for ei, e := range g.Edges {
		from := froms[ei]
		if e.Criticality != graph.Soft || !e.Sync() || from < 0 || tos[ei] < 0 {
			continue
		}
		if e.Fallback == "" {
			pass.Report(lint.Finding{
				Message: graphrule.EdgeName(e) + " is soft but has no fallback: nothing says what " + e.From + " does without " + e.To +
					", so its failure is likely to fail the request anyway; declare the fallback (and build it) or make the dependency hard",
				Pos:     e.FieldPos("fallback"),
				Service: e.From,
				Target:  e.To,
				Subject: e.Key() + "|fallback",
				Related: []lint.Related{{Pos: e.FieldPos("criticality"), Message: graphrule.EdgeName(e) + " is declared soft"}},
			})
		}
		if bs == nil {
			bs = budgets(g)
		}
		b := bs[from]
		if b.d <= 0 {
			continue
		}
		wait, bounded := e.MaxWait()
		if bounded && wait < b.d || !bounded && e.Bounded() {
			continue // shorter, or bounded by a value the code does not show
		}
		var how string
		if bounded {
			how = "can take " + graphrule.Duration(wait) + attempts(e)
		} else {
			how = "has no timeout"
		}
		pass.Report(lint.Finding{
			Message: graphrule.EdgeName(e) + " is soft, but it " + how + " while " + e.From + " must answer within " + graphrule.Duration(b.d) +
				" (" + b.why + "): a slow " + e.To + " fails the request instead of degrading; give it a timeout well under " + graphrule.Duration(b.d),
			Pos:     e.FieldPos("timeout"),
			Service: e.From,
			Target:  e.To,
			Subject: e.Key() + "|budget",
		})
	}
}

// attempts explains a wait made of several attempts.
func attempts(e *graph.Edge) string {
	if e.Timeout > 0 && e.Attempts() > 1 && (e.Deadline <= 0 || e.Deadline > e.Timeout) {
		return " (" + graphrule.Duration(e.Timeout) + " x " + graphrule.Plural(e.Attempts(), "attempt") + ")"
	}
	return ""
}
