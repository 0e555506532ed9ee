// Package graphrule holds what faultline's graph rules share beyond the
// graph package: the documented defaults of their thresholds and the
// wording of node descriptions, name lists, paths and durations in
// messages, so that every graph rule speaks the same way.
package graphrule

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Documented defaults of the thresholds in Settings.
const (
	DefaultMaxAmplification = 10
	DefaultSharedFateMin    = 3
)

// MaxAmplification returns the retryamp threshold of s.
func MaxAmplification(s *graph.Settings) float64 {
	if s.MaxAmplification > 0 {
		return s.MaxAmplification
	}
	return DefaultMaxAmplification
}

// SharedFateMin returns the sharedfate threshold of s.
func SharedFateMin(s *graph.Settings) int {
	if s.SharedFateMin > 0 {
		return s.SharedFateMin
	}
	return DefaultSharedFateMin
}

// List joins names as "a, b, c", and shortens a long list to its first
// limit names and "and N more".
func List(names []string, limit int) string {
	if limit > 0 && len(names) > limit+1 {
		return strings.Join(names[:limit], ", ") + " and " + strconv.Itoa(len(names)-limit) + " more"
	}
	return strings.Join(names, ", ")
}

// Plural returns word, with an s when n is not 1, after n: "1 replica",
// "3 replicas".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// MaxNamed is how many entrypoints a message names before it counts the
// rest: a finding's text must not grow with the size of the system.
const MaxNamed = 3

// Entrypoints writes "entrypoint web", "entrypoints web, mobile", or, for
// more than MaxNamed of total, "3 of 200 entrypoints: web, mobile, admin
// and 197 more". total is the number of entrypoints of the system.
func Entrypoints(names []string, total int) string {
	switch {
	case len(names) == 1:
		return "entrypoint " + names[0]
	case len(names) <= MaxNamed+1:
		return "entrypoints " + List(names, 0)
	}
	return strconv.Itoa(len(names)) + " of " + strconv.Itoa(total) + " entrypoints: " + List(names, MaxNamed)
}

// BlastRadius returns the names of the entrypoints that require node i,
// and the related positions of the first MaxNamed of them: a finding
// carries the whole list in its Entrypoints field, and names and points at
// only a handful, so that its size does not grow with the system's.
func BlastRadius(g *graph.Graph, req *graph.Requirements, i int) ([]string, []lint.Related) {
	n := g.Nodes[i]
	var names []string
	var related []lint.Related
	for _, e := range req.BlastRadius(i) {
		ep := g.Entrypoints[e]
		names = append(names, ep.Name)
		if len(related) < MaxNamed {
			related = append(related, lint.Related{Pos: ep.Pos, Message: "entrypoint " + ep.Name + " requires " + n.Name})
		}
	}
	return names, related
}

// PathNodes returns the node names of a path of edges: the first edge's
// caller, then every callee.
func PathNodes(path []*graph.Edge) []string {
	if len(path) == 0 {
		return nil
	}
	ns := []string{path[0].From}
	for _, e := range path {
		ns = append(ns, e.To)
	}
	return ns
}

// EdgeName writes an edge as "a -> b".
func EdgeName(e *graph.Edge) string { return e.From + " -> " + e.To }

// PathEnds is how many hops at each end of a long path a finding spells
// out: a path of more than 2·PathEnds hops is written with its first and
// last PathEnds hops and the number of those between, in the message and
// in the related locations, so that a finding's size does not grow with
// the depth of the system (the JSON's path field keeps every node).
const PathEnds = 6

// Arrow writes node names as "a -> b -> c"; a path of more than
// 2·PathEnds hops as "a -> … -> g -> … 40 more … -> t -> … -> z".
func Arrow(names []string) string {
	hops := len(names) - 1
	if hops <= 2*PathEnds {
		return strings.Join(names, " -> ")
	}
	return strings.Join(names[:PathEnds+1], " -> ") + " -> … " + strconv.Itoa(hops-2*PathEnds) + " more … -> " +
		strings.Join(names[len(names)-PathEnds:], " -> ")
}

// EdgeRelated returns one related location per edge of a list of edges, at
// the edge's position, with the message note returns for it; of more than
// 2·PathEnds edges only the first and last PathEnds (see Arrow).
func EdgeRelated(path []*graph.Edge, note func(*graph.Edge) string) []lint.Related {
	if len(path) > 2*PathEnds {
		path = append(path[:PathEnds:PathEnds], path[len(path)-PathEnds:]...)
	}
	rel := make([]lint.Related, 0, len(path))
	for _, e := range path {
		rel = append(rel, lint.Related{Pos: e.Pos, Message: note(e)})
	}
	return rel
}

// Duration writes d the short way: "150ms", "2s", "1m30s", "2m", "1h".
func Duration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

// Factor writes a load factor or a product of them, rounded to two
// decimals: "12", "3.6".
// Products of many layers' retries can exceed any count a reader can use:
// from a billion on, three significant digits ("3.49e+40"); beyond what a
// float64 holds, "more than 1e308".
func Factor(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "more than 1e308"
	case f >= 1e9:
		return strconv.FormatFloat(f, 'g', 3, 64)
	}
	return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
}

// Describe names a node with what matters for its redundancy:
// "checkout (service, 1 replica)", "orders (postgres, ha single)",
// "events (queue, 1 replica)", "stripe (external)".
func Describe(n *graph.Node) string {
	what := n.Kind.String()
	if n.Engine != "" {
		what = n.Engine
	}
	var facts []string
	facts = append(facts, what)
	switch {
	case n.Kind == graph.Datastore && n.Replicas < 2:
		ha := n.HA
		if ha == "" {
			ha = graph.HASingle
		}
		facts = append(facts, "ha "+ha)
	case n.ReplicasKnown:
		facts = append(facts, Plural(n.Replicas, "replica"))
	}
	return n.Name + " (" + strings.Join(facts, ", ") + ")"
}

// Domains returns the distinct failure domains a node declares and their
// kind: its zones when it declares any, else its regions. A node spread
// over two or more regions counts as spread whatever its zones say.
func Domains(n *graph.Node) (kind string, domains []string) {
	regions := distinct(n.Regions)
	if len(regions) >= 2 {
		return "region", regions
	}
	if zones := distinct(n.Zones); len(zones) > 0 {
		return "zone", zones
	}
	return "region", regions
}

func distinct(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// RedundancyPos returns where a node's redundancy is declared: a
// datastore's ha field when written, else the replicas field, else the
// node (the place to add replicas).
func RedundancyPos(n *graph.Node) graph.Pos {
	if n.Kind == graph.Datastore {
		if p, ok := n.Fields["ha"]; ok && p.IsValid() {
			return p
		}
	}
	return n.FieldPos("replicas")
}

// RedundancyFix says how to make a node redundant.
func RedundancyFix(n *graph.Node) string {
	switch n.Kind {
	case graph.Datastore:
		return "make it redundant (replicas >= 2 or ha replicated|quorum|managed)"
	case graph.External:
		return "give its callers an alternative provider (group) or a fallback, or declare replicas >= 2 if the vendor runs redundantly"
	}
	if d := n.Deployed; d != nil && d.ReplicasKnown && n.FieldPos("replicas") == d.ReplicasPos {
		// The number comes from a deployment manifest: the fix is there.
		if hpa, ok := strings.CutSuffix(d.ReplicasFrom, " minReplicas"); ok {
			return "raise minReplicas of " + hpa + " to 2 or more"
		}
		field := "replicas"
		if strings.HasPrefix(d.Workload, "compose ") {
			field = "deploy.replicas"
		}
		return "run 2 or more replicas (set " + field + ": 2 or more in " + d.Workload + ")"
	}
	return "run 2 or more replicas"
}
