package retryamp

import (
	_ "embed"
	"strings"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/graphrule"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("retryamp", docMD)

// Rule is retryamp's catalogue entry.
var Rule = &lint.Rule{
	Name:     "retryamp",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Warning,
	Check:    check,
}

// check reports one finding per entrypoint whose service starts a path of
// synchronous calls (a) whose product of load factors (attempts, capped by
// a retry budget) exceeds Settings.MaxAmplification (10 by default): the
// heaviest such path; or else (b) on which two or more edges retry without
// a budget: the path with the most of them. Paths come from
// graph.AmplificationPaths and graph.RetryLayerPaths, computed once over
// the condensation of the synchronous edges, so cycles cost nothing extra;
// inside a cycle the path found is a lower bound (see graph.Paths).
func check(pass *lint.GraphPass) {
	g := pass.Graph
	if g == nil || len(g.Entrypoints) == 0 {
		return
	}
	limit := graphrule.MaxAmplification(&g.Settings)
	amp := g.AmplificationPaths()
	layers := g.RetryLayerPaths()
	for _, ep := range g.Entrypoints {
		s := g.NodeIndex(ep.Service)
		if s < 0 {
			continue
		}
		_, path := amp.From(s)
		factor := product(path)
		var why string
		if factor > limit*(1+1e-9) {
			why = "above the limit of " + graphrule.Factor(limit)
		} else {
			n, lp := layers.From(s)
			if n < 2 {
				continue
			}
			path, factor = lp, product(lp)
			why = "with retries at " + graphrule.Plural(int(n), "layer")
		}
		first := firstRetrying(path)
		if first == nil {
			continue // cannot happen: the factor or the layer count needs a retrying edge
		}
		names := graphrule.PathNodes(path)
		last := names[len(names)-1]
		pass.Report(lint.Finding{
			Message: "entrypoint " + ep.Name + ": one request can become " + graphrule.Factor(factor) + " calls to " + last +
				" along " + graphrule.Arrow(names) + " (" + factors(path) + "), " + why +
				": under failure each layer retries the retries below it; retry at one layer only, or give the retries a budget",
			Pos:     first.FieldPos("retries"),
			Service: ep.Service,
			Target:  last,
			Path:    names,
			Entry:   ep.Name,
			Subject: ep.Name,
			Related: graphrule.EdgeRelated(path, func(e *graph.Edge) string {
				return graphrule.EdgeName(e) + ": " + graphrule.Plural(e.Attempts(), "attempt") + budget(e)
			}),
		})
	}
}

// product is the load multiplication along a path.
func product(path []*graph.Edge) float64 {
	f := 1.0
	for _, e := range path {
		f *= e.LoadFactor()
	}
	return f
}

// factors writes the load factors above 1 of a path: "3 x 4 attempts".
func factors(path []*graph.Edge) string {
	var fs []string
	for _, e := range path {
		if e.LoadFactor() > 1 {
			fs = append(fs, graphrule.Factor(e.LoadFactor()))
		}
	}
	return strings.Join(fs, " x ") + " attempts"
}

// budget notes a retry budget on an edge.
func budget(e *graph.Edge) string {
	if e.Retries.Budget > 0 && e.Retrying() {
		return ", budget " + graphrule.Factor(e.Retries.Budget*100) + "%"
	}
	return ""
}

// firstRetrying returns the retrying edge of a path closest to the
// entrypoint: removing its retries divides everything below it.
func firstRetrying(path []*graph.Edge) *graph.Edge {
	for _, e := range path {
		if e.Retrying() {
			return e
		}
	}
	return nil
}
