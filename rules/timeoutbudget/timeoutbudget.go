package timeoutbudget

import (
	_ "embed"
	"math"
	"strconv"
	"time"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/graphrule"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("timeoutbudget", docMD)

// Rule is timeoutbudget's catalogue entry.
var Rule = &lint.Rule{
	Name:     "timeoutbudget",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Warning,
	Check:    check,
}

func check(pass *lint.GraphPass) {
	g := pass.Graph
	if g == nil {
		return
	}
	inversions(pass, g)
	deadlines(pass, g)
	entrypoints(pass, g)
}

// worst is a node's slowest outgoing call: the synchronous edge of largest
// known MaxWait.
type worst struct {
	edge *graph.Edge
	wait time.Duration
}

// inversions reports clause 1: an edge A -> B whose per-attempt timeout is
// not longer than B's worst outgoing call (MaxWait: timeout × attempts, cut
// by a deadline). When A -> B propagates its deadline, B's calls that
// propagate it too are cut when A gives up and are left out. Worst calls
// are computed once per node, both ways, so the clause is linear.
func inversions(pass *lint.GraphPass, g *graph.Graph) {
	all := make([]worst, len(g.Nodes))   // every synchronous bounded call
	local := make([]worst, len(g.Nodes)) // only those that do not propagate the deadline
	for i := range g.Nodes {
		for _, ei := range g.OutIndex(i) {
			f := g.Edges[ei]
			d, ok := f.MaxWait()
			if !f.Sync() || !ok || f.From == f.To {
				continue
			}
			if d > all[i].wait {
				all[i] = worst{f, d}
			}
			if !f.PropagatesDeadline && d > local[i].wait {
				local[i] = worst{f, d}
			}
		}
	}
	from, to := g.Ends()
	for ei, e := range g.Edges {
		t, ok := e.AttemptTimeout()
		b := to[ei]
		if !e.Sync() || !ok || b < 0 || from[ei] < 0 || from[ei] == b {
			continue
		}
		w := all[b]
		if e.PropagatesDeadline {
			w = local[b]
		}
		if w.edge == nil || t > w.wait {
			continue
		}
		field := "timeout"
		if e.Timeout <= 0 || e.Deadline > 0 && e.Deadline < e.Timeout {
			field = "deadline"
		}
		waste := e.From + " abandons requests that " + e.To + " keeps working on"
		if e.Retrying() {
			waste += ", and its retries pile more on"
		}
		pass.Report(lint.Finding{
			Message: graphrule.EdgeName(e) + " gives up after " + graphrule.Duration(t) + ", but " + e.To + "'s call to " +
				w.edge.To + " can take " + waitText(w.edge) + ": " + waste + "; make the timeout longer than " +
				graphrule.Duration(w.wait) + ", shorten " + graphrule.EdgeName(w.edge) + ", or propagate the deadline",
			Pos:     e.FieldPos(field),
			Service: e.From,
			Target:  e.To,
			Subject: e.Key() + "|inversion",
			Related: []lint.Related{{Pos: w.edge.FieldPos("timeout"), Message: graphrule.EdgeName(w.edge) + " can take " + waitText(w.edge)}},
		})
	}
}

// deadlines reports clause 2: an edge whose deadline is shorter than its
// timeout × attempts. With retries, the last attempts never get their
// turn (warning); with one attempt, the timeout never fires (note).
func deadlines(pass *lint.GraphPass, g *graph.Graph) {
	from, to := g.Ends()
	for ei, e := range g.Edges {
		if e.Deadline <= 0 || e.Timeout <= 0 || from[ei] < 0 || to[ei] < 0 {
			continue
		}
		n := e.Attempts()
		all := times(e.Timeout, n)
		if e.Deadline >= all {
			continue
		}
		f := lint.Finding{
			Pos:     e.FieldPos("deadline"),
			Service: e.From,
			Target:  e.To,
			Subject: e.Key() + "|deadline",
		}
		if n == 1 {
			f.Severity = lint.Note
			f.Message = graphrule.EdgeName(e) + " has a " + graphrule.Duration(e.Timeout) + " timeout but a " +
				graphrule.Duration(e.Deadline) + " deadline, so the timeout never fires and the bound is not what it says; make the deadline at least " +
				graphrule.Duration(e.Timeout) + " or lower the timeout"
		} else {
			fit := int(e.Deadline / e.Timeout)
			var what string
			switch fit {
			case 0:
				what = "not even the first attempt can run to its timeout, and the retries never happen"
			case 1:
				what = "only 1 attempt can run to its timeout and the retries after it are cut short"
			default:
				what = "only " + strconv.Itoa(fit) + " attempts can run to their timeout and the retries after them are cut short"
			}
			f.Message = graphrule.EdgeName(e) + " allows " + graphrule.Plural(n, "attempt") + " of " + graphrule.Duration(e.Timeout) +
				" but its deadline is " + graphrule.Duration(e.Deadline) + ": " + what + "; make the deadline at least " +
				graphrule.Duration(all) + ", or fewer attempts or a shorter timeout"
		}
		pass.Report(f)
	}
}

// entrypoints reports clause 3: an entrypoint whose timeout is shorter
// than its worst bounded path, the largest sum of MaxWait over a path of
// synchronous calls from its service whose bounds are all known
// (graph.LatencyPaths).
func entrypoints(pass *lint.GraphPass, g *graph.Graph) {
	var paths *graph.Paths
	for _, ep := range g.Entrypoints {
		s := g.NodeIndex(ep.Service)
		if s < 0 || ep.Timeout <= 0 {
			continue
		}
		if paths == nil {
			paths = g.LatencyPaths()
		}
		v, path := paths.From(s)
		total := graph.DurationOf(v)
		if total <= ep.Timeout || len(path) == 0 {
			continue
		}
		names := graphrule.PathNodes(path)
		pass.Report(lint.Finding{
			Message: "entrypoint " + ep.Name + " times out after " + graphrule.Duration(ep.Timeout) + ", but " + graphrule.Arrow(names) +
				" can take " + graphrule.Duration(total) + " when every call uses its whole bound: users give up while the calls below still run; raise the entrypoint timeout or tighten the calls on the path",
			Pos:     ep.FieldPos("timeout"),
			Service: ep.Service,
			Target:  names[len(names)-1],
			Path:    names,
			Entry:   ep.Name,
			Subject: ep.Name,
			Related: graphrule.EdgeRelated(path, func(e *graph.Edge) string { return graphrule.EdgeName(e) + " can take " + waitText(e) }),
		})
	}
}

// waitText writes an edge's MaxWait with how it arises: "6s (2s x 3
// attempts)", "4s (deadline)", "2s".
func waitText(e *graph.Edge) string {
	d, _ := e.MaxWait()
	s := graphrule.Duration(d)
	switch {
	case e.Deadline > 0 && d == e.Deadline && (e.Timeout <= 0 || times(e.Timeout, e.Attempts()) > e.Deadline):
		return s + " (deadline)"
	case e.Timeout > 0 && e.Attempts() > 1:
		return s + " (" + graphrule.Duration(e.Timeout) + " x " + graphrule.Plural(e.Attempts(), "attempt") + ")"
	}
	return s
}

// times returns d × n, saturating instead of overflowing.
func times(d time.Duration, n int) time.Duration {
	if n > 1 && d > math.MaxInt64/time.Duration(n) {
		return math.MaxInt64
	}
	return d * time.Duration(n)
}
