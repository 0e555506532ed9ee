package unsaferetry

import (
	"slices"

	_ "embed"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/graphrule"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("unsaferetry", docMD)

// Rule is unsaferetry's catalogue entry. Findings about idempotency are
// errors; findings about backoff are warnings.
var Rule = &lint.Rule{
	Name:     "unsaferetry",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Error,
	Check:    check,
}

// check reports every edge with more than one attempt that is not
// idempotent (an error), and every such edge with no backoff declared
// (retries.backoff absent or "none"; a warning). Edges through a service
// mesh are not reported for backoff: Envoy-based meshes back off between
// retries by default.
func check(pass *lint.GraphPass) {
	g := pass.Graph
	if g == nil {
		return
	}
	from, to := g.Ends()
	for ei, e := range g.Edges {
		if !e.Retrying() || from[ei] < 0 || to[ei] < 0 {
			continue
		}
		attempts := graphrule.Plural(e.Attempts(), "attempt")
		if !e.Idempotent {
			pass.Report(lint.Finding{
				Message: graphrule.EdgeName(e) + " makes up to " + attempts + " but the call is not idempotent: an attempt that timed out may have succeeded, so a retry can apply it twice (a double charge, a duplicate order); retry only idempotent calls (an idempotency key, then idempotent: true) or drop the retries",
				Pos:     e.FieldPos("retries"),
				Service: e.From,
				Target:  e.To,
				Subject: e.Key() + "|idempotent",
				Related: []lint.Related{{Pos: e.FieldPos("idempotent"), Message: graphrule.EdgeName(e) + " is declared not idempotent"}},
			})
		}
		// The delays of an edge known only from code, and an undeclared
		// backoff on an edge whose calls the code shows retrying, are the
		// code's: retrybackoff judges them where they are written.
		codeDelays := e.Source == graph.FromCode || (e.Retries.Backoff == "" && slices.ContainsFunc(e.Calls, func(c graph.CallSite) bool { return c.Attempts > 1 }))
		if (e.Retries.Backoff == "" || e.Retries.Backoff == graph.BackoffNone) && e.Via != graph.ViaMesh && !codeDelays {
			pass.Report(lint.Finding{
				Severity: lint.Warning,
				Message: graphrule.EdgeName(e) + " makes up to " + attempts + " with no backoff: retries follow failures at once, in step across every caller, and keep a struggling " +
					e.To + " down; set retries.backoff to exponential, with jitter",
				Pos:     e.FieldPos("retries"),
				Service: e.From,
				Target:  e.To,
				Subject: e.Key() + "|backoff",
			})
		}
	}
}
