// The graph rules together, on the harness of package graphtest: fuzzing,
// generated systems, benchmarks and the examples of docs/rules.md. They live
// here, above the rules, so that graphtest's own tests need nothing above
// it.

package rules_test

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/topology"
	"github.com/faultline-dev/faultline/rules/cascade"
	"github.com/faultline-dev/faultline/rules/internal/graphrule"
	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/nobreaker"
	"github.com/faultline-dev/faultline/rules/notimeout"
	"github.com/faultline-dev/faultline/rules/queuehygiene"
	"github.com/faultline-dev/faultline/rules/retryamp"
	"github.com/faultline-dev/faultline/rules/sharedfate"
	"github.com/faultline-dev/faultline/rules/softfail"
	"github.com/faultline-dev/faultline/rules/spof"
	"github.com/faultline-dev/faultline/rules/synccycle"
	"github.com/faultline-dev/faultline/rules/timeoutbudget"
	"github.com/faultline-dev/faultline/rules/unsaferetry"
	"github.com/faultline-dev/faultline/rules/zonespof"
)

// graphRules are the rules package graphtest serves.
var graphRules = []*lint.Rule{
	cascade.Rule, nobreaker.Rule, notimeout.Rule, queuehygiene.Rule, retryamp.Rule, sharedfate.Rule,
	softfail.Rule, spof.Rule, synccycle.Rule, timeoutbudget.Rule, unsaferetry.Rule, zonespof.Rule,
}

// bytes reads small numbers from fuzz input, and zeros once it runs out.
type bytes struct{ data []byte }

func (b *bytes) next(n int) int {
	if len(b.data) == 0 || n <= 0 {
		return 0
	}
	v := int(b.data[0]) % n
	b.data = b.data[1:]
	return v
}

// chaos builds an arbitrary graph from fuzz input: any kinds, replica
// counts (zero included) and placements, self-loops, edges to nodes that do
// not exist, groups, every edge attribute, entrypoints without a service,
// and odd thresholds. Pairs of nodes have at most one edge, as in a
// topology.
func chaos(data []byte) *graph.Graph {
	b := &bytes{data}
	g := &graph.Graph{}
	n := 1 + b.next(16)
	name := func(i int) string {
		if i >= n {
			return "ghost"
		}
		return fmt.Sprintf("n%02d", i)
	}
	line := 0
	pos := func() graph.Pos { line++; return graph.Pos{File: "fuzz.cue", Line: line, Col: 1} }
	zones := []string{"a", "b", "c"}
	for i := range n {
		nd := &graph.Node{
			Name: name(i), Kind: graph.Kind(1 + b.next(4)), Replicas: b.next(4), ReplicasKnown: b.next(5) != 0,
			HA:     []string{"", graph.HASingle, graph.HAReplicated, graph.HAQuorum, graph.HAManaged, "bogus"}[b.next(6)],
			Source: graph.Source(1 + b.next(3)), Pos: pos(),
		}
		nd.Zones = zones[:b.next(4)]
		if b.next(3) == 0 {
			nd.Regions = []string{"eu", "us"}[:1+b.next(2)]
		}
		if b.next(3) == 0 {
			nd.DeadLetter = name(b.next(n + 1))
		}
		if b.next(3) == 0 {
			nd.Server = &graph.Server{RequestTimeout: time.Duration(b.next(4)) * time.Second}
		}
		g.Nodes = append(g.Nodes, nd)
	}
	seen := map[[2]int]bool{}
	for range b.next(4 * n) {
		from, to := b.next(n), b.next(n+1)
		if seen[[2]int{from, to}] {
			continue
		}
		seen[[2]int{from, to}] = true
		e := &graph.Edge{
			From: name(from), To: name(to), Mode: []string{"", graph.ModeSync, graph.ModeAsync}[b.next(3)],
			Criticality: []string{"", graph.Hard, graph.Soft}[b.next(3)], Idempotent: b.next(4) != 0,
			Timeout: time.Duration(b.next(4)) * 400 * time.Millisecond, Deadline: time.Duration(b.next(3)) * 700 * time.Millisecond,
			PropagatesDeadline: b.next(2) == 0, Breaker: b.next(2) == 0,
			Retries: graph.Retries{Attempts: b.next(5), Backoff: []string{"", graph.BackoffNone, graph.BackoffExponential}[b.next(3)], Budget: float64(b.next(3)) / 4},
			Via:     []string{"", graph.ViaCode, graph.ViaMesh}[b.next(3)], TimeoutUnknown: b.next(8) == 0,
			Pos: pos(),
		}
		if b.next(3) == 0 {
			e.Fallback = "f"
		}
		if b.next(3) == 0 {
			e.Group = []string{"g", "h"}[b.next(2)]
		}
		for range b.next(3) {
			e.Calls = append(e.Calls, graph.CallSite{Pos: pos(), Bound: graph.Tri(b.next(3)), Breaker: graph.Tri(b.next(3)), Timeout: time.Duration(b.next(3)) * time.Second, Attempts: b.next(3)})
		}
		g.Edges = append(g.Edges, e)
	}
	for k := range b.next(4) {
		g.Entrypoints = append(g.Entrypoints, &graph.Entrypoint{Name: fmt.Sprintf("e%d", k), Service: name(b.next(n + 1)), Timeout: time.Duration(b.next(4)) * time.Second, Pos: pos()})
	}
	g.Settings.MaxAmplification = float64(b.next(20) - 2)
	g.Settings.SharedFateMin = b.next(5) - 1
	g.Index()
	return g
}

// FuzzGraphRules runs every graph rule on arbitrary graphs: no rule may
// panic, every finding must pass Validate, and some rules are checked
// against brute-force answers.
func FuzzGraphRules(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("faultline"))
	f.Add([]byte{5, 1, 2, 1, 0, 0, 1, 2, 3, 4, 0, 1, 1, 0, 2, 2, 1, 0, 3, 3, 3, 1, 1, 1, 1})
	for i := range 20 {
		f.Add([]byte(strings.Repeat(fmt.Sprint(i*7919), 12)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g := chaos(data)
		found := map[string][]lint.Finding{}
		for _, r := range graphRules {
			fs := graphtest.Findings(r, g)
			graphtest.Validate(t, g, fs)
			found[r.Name] = fs
		}
		checkSpof(t, g, found["spof"])
		checkSynccycle(t, g, found["synccycle"])
		checkCascade(t, g, found["cascade"])
		checkRetryamp(t, g, found["retryamp"])
		checkNotimeout(t, g, found["notimeout"])
	})
}

// failed returns whether each node fails when node x fails, by direct
// simulation: the least fixpoint of "a node fails when it is x, when an
// ungrouped hard edge leads to a failed node, or when every edge of a group
// of hard edges does".
func failed(g *graph.Graph, x int) []bool {
	f := make([]bool, len(g.Nodes))
	f[x] = true
	for changed := true; changed; {
		changed = false
		for v, n := range g.Nodes {
			if f[v] {
				continue
			}
			groups := map[string][]bool{}
			soft := map[string]bool{}
			for _, e := range g.Out(n.Name) {
				down := f[g.NodeIndex(e.To)]
				if e.Group != "" {
					groups[e.Group] = append(groups[e.Group], down)
					soft[e.Group] = soft[e.Group] || !e.IsHard()
				} else if e.IsHard() && down {
					f[v], changed = true, true
				}
			}
			for name, downs := range groups {
				if !soft[name] && !slices.Contains(downs, false) {
					f[v], changed = true, true
				}
			}
		}
	}
	return f
}

// checkSpof compares spof's findings with a simulation of every single
// failure: exactly the non-redundant nodes with known replicas whose
// failure takes some entrypoint's service down are reported.
func checkSpof(t *testing.T, g *graph.Graph, fs []lint.Finding) {
	var want, got []string
	for x, n := range g.Nodes {
		if !n.ReplicasKnown || n.Redundant() {
			continue
		}
		f := failed(g, x)
		for _, ep := range g.Entrypoints {
			if s := g.NodeIndex(ep.Service); s >= 0 && f[s] {
				want = append(want, n.Name)
				break
			}
		}
	}
	for _, f := range fs {
		got = append(got, f.Service)
	}
	if !slices.Equal(got, want) {
		t.Errorf("spof reported %v, simulation says %v", got, want)
	}
}

// checkSynccycle compares synccycle's findings with the number of groups
// of nodes that reach each other along synchronous edges, found by
// brute-force reachability.
func checkSynccycle(t *testing.T, g *graph.Graph, fs []lint.Finding) {
	n := len(g.Nodes)
	reach := make([][]bool, n)
	for i := range reach {
		reach[i] = make([]bool, n)
	}
	for _, e := range g.Edges {
		a, b := g.NodeIndex(e.From), g.NodeIndex(e.To)
		if a >= 0 && b >= 0 && e.Sync() {
			reach[a][b] = true
		}
	}
	for k := range n {
		for i := range n {
			for j := range n {
				reach[i][j] = reach[i][j] || reach[i][k] && reach[k][j]
			}
		}
	}
	groups := 0
	counted := make([]bool, n)
	for i := range n {
		if !reach[i][i] || counted[i] {
			continue
		}
		groups++
		for j := range n {
			if reach[i][j] && reach[j][i] {
				counted[j] = true
			}
		}
	}
	if len(fs) != groups {
		t.Errorf("synccycle reported %d cycles, brute force finds %d", len(fs), groups)
	}
}

// checkCascade checks that every cascade path starts at its entrypoint's
// service and follows hard synchronous calls with no timeout.
func checkCascade(t *testing.T, g *graph.Graph, fs []lint.Finding) {
	for _, f := range fs {
		ep := g.Entrypoint(f.Entry)
		if ep == nil || len(f.Path) < 2 || f.Path[0] != ep.Service || f.Target != f.Path[len(f.Path)-1] {
			t.Errorf("cascade: bad finding %+v", f)
			continue
		}
		for i := 1; i < len(f.Path); i++ {
			if e := g.Edge(f.Path[i-1], f.Path[i]); !e.HardSync() || e.Bounded() {
				t.Errorf("cascade: %s on path %v is bounded or not hard", e.Key(), f.Path)
			}
		}
		// The last node is an end: nothing unbounded leads out of the nodes
		// it reaches along unbounded calls.
		last := f.Path[len(f.Path)-1]
		if !closedEnd(g, last) {
			t.Errorf("cascade: %s is not the end of the unbounded calls from %s", last, ep.Service)
		}
	}
}

// closedEnd reports whether every node reachable from start along
// unbounded hard calls can reach start back.
func closedEnd(g *graph.Graph, start string) bool {
	unb := func(e *graph.Edge) bool { return e.HardSync() && !e.Bounded() }
	from := map[string]bool{start: true}
	queue := []string{start}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, e := range g.Out(v) {
			if unb(e) && !from[e.To] {
				from[e.To] = true
				queue = append(queue, e.To)
			}
		}
	}
	for v := range from {
		back := map[string]bool{v: true}
		queue := []string{v}
		for len(queue) > 0 {
			u := queue[0]
			queue = queue[1:]
			for _, e := range g.Out(u) {
				if unb(e) && !back[e.To] {
					back[e.To] = true
					queue = append(queue, e.To)
				}
			}
		}
		if !back[start] {
			return false
		}
	}
	return true
}

// checkRetryamp checks that every retryamp path is synchronous and either
// exceeds the threshold or has two retrying layers.
func checkRetryamp(t *testing.T, g *graph.Graph, fs []lint.Finding) {
	limit := graphrule.MaxAmplification(&g.Settings)
	for _, f := range fs {
		factor, layers := 1.0, 0
		for i := 1; i < len(f.Path); i++ {
			e := g.Edge(f.Path[i-1], f.Path[i])
			if !e.Sync() {
				t.Errorf("retryamp: %s on path %v is asynchronous", e.Key(), f.Path)
			}
			factor *= e.LoadFactor()
			if e.Retrying() && e.Retries.Budget <= 0 {
				layers++
			}
		}
		if factor <= limit && layers < 2 || math.IsNaN(factor) {
			t.Errorf("retryamp: path %v has factor %g and %d retrying layers", f.Path, factor, layers)
		}
	}
}

// checkNotimeout checks that notimeout reports each synchronous unbounded
// edge between two nodes once.
func checkNotimeout(t *testing.T, g *graph.Graph, fs []lint.Finding) {
	want := 0
	for _, e := range g.Edges {
		if e.Sync() && !e.Bounded() && g.Node(e.From) != nil && g.Node(e.To) != nil {
			want++
		}
	}
	if len(fs) != want {
		t.Errorf("notimeout reported %d edges, want %d", len(fs), want)
	}
}

// TestGenerated runs every rule on generated systems and validates the
// findings.
func TestGenerated(t *testing.T) {
	for seed := range uint64(5) {
		g := graphtest.Generate(300, 5, seed)
		for _, r := range graphRules {
			graphtest.Validate(t, g, graphtest.Findings(r, g))
		}
	}
}

// BenchmarkGraphRules runs all graph rules together on generated systems
// of 1,000 and 10,000 services with about 5 dependencies each; a ratio of
// about 10 between the two means linear time.
func BenchmarkGraphRules(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		g := graphtest.Generate(n, 5, 1)
		b.Run(fmt.Sprintf("services=%d", n), func(b *testing.B) {
			findings := 0
			for b.Loop() {
				findings = 0
				for _, r := range graphRules {
					findings += len(graphtest.Findings(r, g))
				}
			}
			b.ReportMetric(float64(findings), "findings")
			b.ReportMetric(float64(len(g.Edges)), "edges")
		})
	}
}

// BenchmarkGraphRule runs each graph rule alone on 10,000 services, to
// show where the time goes.
func BenchmarkGraphRule(b *testing.B) {
	g := graphtest.Generate(10000, 5, 1)
	for _, r := range graphRules {
		b.Run(r.Name, func(b *testing.B) {
			for b.Loop() {
				graphtest.Findings(r, g)
			}
		})
	}
}

// TestRulesMarkdown checks the graph part of docs/rules.md: every graph
// rule has a section whose CUE example loads and gives a finding of the
// rule.
func TestRulesMarkdown(t *testing.T) {
	md, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	_, graphPart, ok := strings.Cut(string(md), "\n## Graph rules\n")
	if !ok {
		t.Fatal("docs/rules.md has no ## Graph rules section")
	}
	for _, r := range graphRules {
		_, sec, ok := strings.Cut(graphPart, "\n### "+r.Name+" ")
		if !ok {
			t.Errorf("docs/rules.md has no section for %s", r.Name)
			continue
		}
		sec, _, _ = strings.Cut(sec, "\n### ")
		_, src, ok := strings.Cut(sec, "```cue\n")
		src, _, _ = strings.Cut(src, "```")
		if !ok {
			t.Errorf("docs/rules.md: %s has no cue example", r.Name)
			continue
		}
		fsys, err := txtar.FS(&txtar.Archive{Files: []txtar.File{{Name: "topology.cue", Data: []byte(src)}}})
		if err != nil {
			t.Fatal(err)
		}
		g, err := topology.LoadFS(fsys, ".", topology.Options{})
		if err != nil {
			t.Errorf("docs/rules.md: the %s example does not load: %v", r.Name, err)
			continue
		}
		if fs := graphtest.Findings(r, g); len(fs) == 0 {
			t.Errorf("docs/rules.md: the %s example gives no finding", r.Name)
		}
	}
}
