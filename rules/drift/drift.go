package drift

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("drift", docMD)

// Rule is drift's catalogue entry.
var Rule = &lint.Rule{
	Name:     "drift",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Warning,
	Check:    check,
	// A declared breaker the calls lack is the problem nobreaker reports
	// at the client: one finding, nobreaker's, with this one as related.
	SameAs: []string{"nobreaker"},
	SameIf: func(subject string) bool { return strings.HasPrefix(subject, breakerSubject) },
}

// breakerSubject starts the subject of a finding on a declared breaker
// the code does not have.
const breakerSubject = "breaker|"

func check(pass *lint.GraphPass) {
	g := pass.Graph
	for _, u := range g.UnmatchedPatterns {
		pass.Report(lint.Finding{
			Severity: lint.Note,
			Message: "services." + u.Node + ".package " + u.Pattern + " matches no package of the module: the code of " + u.Node +
				" cannot be checked against the topology; fix the import path",
			Pos:     u.Pos,
			Service: u.Node,
			Subject: "pattern|" + u.Node + "|" + u.Pattern,
		})
	}
	manifestDrift(pass)
	for _, e := range g.Edges {
		switch {
		case e.Source == graph.FromBoth && e.Via != graph.ViaMesh:
			timeoutDrift(pass, e)
			breakerDrift(pass, e)
			retryDrift(pass, e)
		case e.Source == graph.FromTopology:
			if from := g.Node(e.From); from != nil && from.Source&graph.FromCode != 0 && e.Sync() {
				pass.Report(lint.Finding{
					Severity: lint.Note,
					Message: fmt.Sprintf("%s → %s is declared but no call in the code of %s reaches %s: remove the edge, or add match hints (env, host, grpc) if the call exists",
						e.From, e.To, e.From, e.To),
					Pos:     e.Pos,
					Service: e.From,
					Target:  e.To,
					Subject: "unseen|" + e.Key(),
				})
			}
		}
	}
}

// manifestDrift compares the topology with the deployment manifests
// (-manifests): replicas and zones the topology writes that the matched
// workload contradicts, public routes to services no declared entrypoint
// enters at, and workloads that no node matched.
func manifestDrift(pass *lint.GraphPass) {
	g := pass.Graph
	for _, u := range g.UnmatchedWorkloads {
		pass.Report(lint.Finding{
			Severity: lint.Note,
			Message:  u.Workload + " " + u.Why,
			Pos:      u.Pos,
			Subject:  "workload|" + u.Workload,
		})
	}
	for _, x := range g.Exposures {
		pass.Report(lint.Finding{
			Severity: lint.Note,
			Message: fmt.Sprintf("%s makes %s public, but no entrypoint of the topology enters at %s: the graph rules do not judge what its users lose; declare an entrypoint with service: %q, or make the route internal",
				x.Evidence, x.Service, x.Service, x.Service),
			Pos:     x.Pos,
			Service: x.Service,
			Subject: "exposed|" + x.Service,
		})
	}
	for _, n := range g.Nodes {
		d := n.Deployed
		if d == nil || n.Source&graph.FromTopology == 0 {
			continue
		}
		if tp, wrote := n.Fields["replicas"]; wrote && d.ReplicasKnown && tp != d.ReplicasPos && n.Replicas != d.Replicas {
			sev := lint.Warning
			consequence := "the graph rules count on redundancy the deployment does not have"
			if d.Replicas > n.Replicas {
				sev, consequence = lint.Note, "the graph rules reason with the declared number"
			}
			pass.Report(lint.Finding{
				Severity: sev,
				Message: fmt.Sprintf("%s declares %s, but %s runs %d (%s at %s): %s; make them agree",
					n.Name, replicas(n.Replicas), d.Workload, d.Replicas, d.ReplicasFrom, d.ReplicasPos, consequence),
				Pos:     tp,
				Service: n.Name,
				Subject: "replicas|" + n.Name,
				Related: []lint.Related{{Pos: d.ReplicasPos, Message: d.Workload + " " + d.ReplicasFrom}},
			})
		}
		if tp, wrote := n.Fields["zones"]; wrote && len(d.Zones) > 0 && tp != d.ZonesPos && !sameSet(n.Zones, d.Zones) {
			pass.Report(lint.Finding{
				Message: fmt.Sprintf("%s declares zones %s, but the pods of %s run in %s (%s): zonespof judges a placement the deployment does not have; make them agree",
					n.Name, strings.Join(n.Zones, ", "), d.Workload, strings.Join(d.Zones, ", "), d.ZonesPos),
				Pos:     tp,
				Service: n.Name,
				Subject: "zones|" + n.Name,
				Related: []lint.Related{{Pos: d.ZonesPos, Message: d.Workload + " zones"}},
			})
		}
	}
}

func replicas(n int) string {
	if n == 1 {
		return "1 replica"
	}
	return fmt.Sprintf("%d replicas", n)
}

// sameSet reports whether a and b hold the same strings.
func sameSet(a, b []string) bool {
	for _, x := range a {
		if !slices.Contains(b, x) {
			return false
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			return false
		}
	}
	return true
}

// timeoutDrift compares the declared per-attempt timeout with each call's.
func timeoutDrift(pass *lint.GraphPass, e *graph.Edge) {
	declared := e.Timeout
	field := "timeout"
	if declared == 0 {
		declared, field = e.Deadline, "deadline"
	}
	if declared == 0 {
		return // notimeout reports the topology; a bound in code is not drift
	}
	for _, c := range e.Calls {
		switch {
		case c.Bound == graph.No:
			pass.Report(lint.Finding{
				Message: fmt.Sprintf("%s → %s declares a %s %s, but the call %s sets no timeout of its own: the code waits as long as %s takes; derive its context with context.WithTimeout(ctx, %s)",
					e.From, e.To, dur(declared), field, site(e, c), e.To, goDur(declared)),
				Pos:     c.Pos,
				Service: e.From,
				Target:  e.To,
				Subject: "timeout|" + e.Key() + "|" + c.Func,
				Related: []lint.Related{{Pos: e.FieldPos(field), Message: "declared " + field}},
			})
		case c.Bound == graph.Yes && c.Timeout > 0 && c.Timeout != declared:
			sev := lint.Warning
			consequence := "callers above plan for " + dur(declared) + " and wait longer"
			if c.Timeout < declared {
				sev = lint.Note
				consequence = "the graph rules reason with the declared value"
			}
			pass.Report(lint.Finding{
				Severity: sev,
				Message: fmt.Sprintf("%s → %s declares a %s %s, but the call %s uses %s: %s; make them agree",
					e.From, e.To, dur(declared), field, site(e, c), dur(c.Timeout), consequence),
				Pos:     c.Pos,
				Service: e.From,
				Target:  e.To,
				Subject: "timeout-value|" + e.Key() + "|" + c.Func,
				Related: []lint.Related{{Pos: e.FieldPos(field), Message: "declared " + field}},
			})
		}
	}
}

// breakerDrift reports calls provably unguarded on an edge declared with a
// breaker.
func breakerDrift(pass *lint.GraphPass, e *graph.Edge) {
	if !e.Breaker {
		return
	}
	var bare []graph.CallSite
	for _, c := range e.Calls {
		if c.Breaker == graph.No {
			bare = append(bare, c)
		}
	}
	if len(bare) == 0 {
		return
	}
	var sites []string
	for _, c := range bare {
		sites = append(sites, site(e, c))
	}
	msg := fmt.Sprintf("%s → %s declares a circuit breaker, but the calls %s are not guarded by one: when %s fails, %s keeps calling it; wrap the calls in a breaker or remove breaker from the topology",
		e.From, e.To, joinSites(sites), e.To, e.From)
	var rel []lint.Related
	for _, c := range bare[1:] {
		rel = append(rel, lint.Related{Pos: c.Pos, Message: "unguarded call " + site(e, c)})
	}
	rel = append(rel, lint.Related{Pos: e.FieldPos("breaker"), Message: "declared breaker"})
	pass.Report(lint.Finding{
		Message: msg, Pos: bare[0].Pos, Service: e.From, Target: e.To,
		Subject: breakerSubject + e.Key(), Related: rel,
	})
}

// retryDrift compares declared attempts with the attempts the code makes:
// one finding per edge, at the call that makes the most attempts (a
// library default usually applies to every call of a client, and the fix
// is one: the client's configuration or retries.attempts).
func retryDrift(pass *lint.GraphPass, e *graph.Edge) {
	declared := e.Attempts()
	var worst *graph.CallSite
	var sites []string
	for i := range e.Calls {
		c := &e.Calls[i]
		if c.Attempts <= 0 || c.Attempts == declared {
			continue
		}
		sites = append(sites, site(e, *c))
		if worst == nil || c.Attempts > worst.Attempts {
			worst = c
		}
	}
	if worst == nil {
		return
	}
	sev := lint.Warning
	if worst.Attempts < declared {
		sev = lint.Note
	}
	where := "the call " + sites[0] + " makes"
	if len(sites) > 1 {
		where = "calls " + joinSites(sites) + " make"
	}
	rel := []lint.Related{{Pos: e.FieldPos("retries"), Message: "declared retries"}}
	for _, c := range e.Calls {
		if c.Attempts > 0 && c.Attempts != declared && c.Pos != worst.Pos {
			rel = append(rel, lint.Related{Pos: c.Pos, Message: fmt.Sprintf("%d attempts %s", c.Attempts, site(e, c))})
		}
	}
	pass.Report(lint.Finding{
		Severity: sev,
		Message: fmt.Sprintf("%s → %s declares %s, but %s up to %d: retry amplification and timeout budgets are computed with the wrong factor; make retries.attempts and the code agree",
			e.From, e.To, attempts(declared), where, worst.Attempts),
		Pos:     worst.Pos,
		Service: e.From,
		Target:  e.To,
		Subject: "retries|" + e.Key(),
		Related: rel,
	})
}

// site says which call c of e is, after "the call": "in F" names the
// function it is in; when that is unknown, "to API" names what it calls,
// "at FILE:LINE" where it is, and "to NODE" the edge's target, so a message
// never has an empty part.
func site(e *graph.Edge, c graph.CallSite) string {
	switch {
	case c.Func != "":
		return "in " + lint.ShortFunc(c.Func)
	case c.API != "":
		return "to " + lint.ShortFunc(c.API)
	case c.Pos.IsValid():
		return "at " + c.Pos.File + ":" + fmt.Sprint(c.Pos.Line)
	}
	return "to " + e.To
}

// joinSites lists the sites of several calls, dropping repeats next to each
// other: "in F, G", or "in F, G and to API" when some functions are unknown.
func joinSites(sites []string) string {
	var order []string
	group := map[string][]string{}
	for _, s := range dedupe(sites) {
		prep, what, _ := strings.Cut(s, " ")
		if group[prep] == nil {
			order = append(order, prep)
		}
		group[prep] = append(group[prep], what)
	}
	var parts []string
	for _, prep := range order {
		parts = append(parts, prep+" "+strings.Join(group[prep], ", "))
	}
	return strings.Join(parts, " and ")
}

func attempts(n int) string {
	if n == 1 {
		return "1 attempt"
	}
	return fmt.Sprintf("%d attempts", n)
}

// dur prints a duration as people write it: 1s, 500ms, 1m30s.
func dur(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// goDur writes a duration as a Go expression: time.Second, 500*time.Millisecond.
func goDur(d time.Duration) string {
	for _, u := range []struct {
		d    time.Duration
		name string
	}{{time.Hour, "time.Hour"}, {time.Minute, "time.Minute"}, {time.Second, "time.Second"}, {time.Millisecond, "time.Millisecond"}} {
		if d%u.d == 0 {
			if d == u.d {
				return u.name
			}
			return fmt.Sprintf("%d*%s", d/u.d, u.name)
		}
	}
	return fmt.Sprintf("%d", d)
}

func dedupe(ss []string) []string {
	var out []string
	for _, s := range ss {
		if len(out) == 0 || out[len(out)-1] != s {
			out = append(out, s)
		}
	}
	return out
}
