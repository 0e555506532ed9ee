package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/svg"
	"github.com/faultline-dev/faultline/graph/svg/builtin"
	"github.com/faultline-dev/faultline/rules"
)

// inProcess draws the tests' pictures with the WebAssembly Graphviz in
// the test process, as faultline-render does.
var inProcess = svg.Func(builtin.Render)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The fixture: a fixed set of findings (testdata/findings.json) on a small
// system built here, as if read from /src/shop/topology.cue.

const fixtureRoot = "/src/shop"

func fixtureFindings(t testing.TB) []analyzer.Finding {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "findings.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fs []analyzer.Finding
	if err := json.Unmarshal(data, &fs); err != nil {
		t.Fatal(err)
	}
	return fs
}

func pos(line, col int) graph.Pos { return graph.Pos{File: "topology.cue", Line: line, Col: col} }

func fixtureGraph() *graph.Graph {
	g := &graph.Graph{
		Nodes: []*graph.Node{
			{Name: "gateway", Kind: graph.Service, Replicas: 1, ReplicasKnown: true, Tier: graph.TierCritical, Source: graph.FromBoth, Pos: pos(8, 2)},
			{Name: "checkout", Kind: graph.Service, Replicas: 2, ReplicasKnown: true, Zones: []string{"a", "b"}, Source: graph.FromBoth, Pos: pos(18, 2)},
			{Name: "payment", Kind: graph.Service, Replicas: 1, ReplicasKnown: true, Source: graph.FromTopology, Pos: pos(24, 2)},
			{Name: "orders", Kind: graph.Datastore, Engine: "postgres", HA: graph.HASingle, Replicas: 1, ReplicasKnown: true, Source: graph.FromTopology, Pos: pos(28, 2)},
			{Name: "events", Kind: graph.Queue, Engine: "kafka", Replicas: 3, ReplicasKnown: true, Source: graph.FromTopology, Pos: pos(30, 2)},
			{Name: "stripe", Kind: graph.External, Vendor: "stripe", Replicas: 2, ReplicasKnown: true, Source: graph.FromTopology, Pos: pos(32, 2)},
			{Name: "<script>alert(1)</script>", Kind: graph.Service, Replicas: 2, ReplicasKnown: true, Source: graph.FromTopology, Pos: pos(34, 2)},
			{Name: `a"b`, Kind: graph.Service, Replicas: 2, ReplicasKnown: true, Source: graph.FromCode, Pos: graph.Pos{File: "services/ab/main.go", Line: 10, Col: 1}},
		},
		Edges: []*graph.Edge{
			{From: "gateway", To: "checkout", Protocol: "grpc", Timeout: 2 * time.Second, Source: graph.FromBoth, Pos: pos(12, 3)},
			{From: "gateway", To: "<script>alert(1)</script>", Protocol: "http", Source: graph.FromTopology, Pos: pos(14, 5)},
			{From: "checkout", To: "payment", Protocol: "grpc", Retries: graph.Retries{Attempts: 3}, Idempotent: false, Source: graph.FromBoth, Pos: pos(20, 3)},
			{From: "checkout", To: "orders", Protocol: "sql", Timeout: 300 * time.Millisecond, Source: graph.FromBoth, Pos: pos(21, 3)},
			{From: "checkout", To: "events", Protocol: "kafka", Mode: graph.ModeAsync, Source: graph.FromBoth, Pos: pos(22, 3)},
			{From: "checkout", To: "stripe", Protocol: "http", Timeout: 5 * time.Second, Breaker: true, Source: graph.FromCode, Pos: graph.Pos{File: "services/check out/client.go", Line: 42, Col: 9}},
			{From: "payment", To: "stripe", Protocol: "http", Timeout: 5 * time.Second, Breaker: true, Source: graph.FromTopology, Pos: pos(26, 3)},
			{From: `a"b`, To: "stripe", Protocol: "http", Timeout: time.Second, Source: graph.FromCode, Pos: graph.Pos{File: "services/ab/main.go", Line: 33, Col: 3}},
			{From: "payment", To: "orders", Protocol: "sql", Timeout: time.Second, Source: graph.FromTopology, Pos: pos(27, 3)},
		},
		Entrypoints: []*graph.Entrypoint{
			{Name: "web", Service: "gateway", Timeout: 10 * time.Second, Route: "/", Pos: pos(2, 14)},
			{Name: "admin", Service: "checkout", Timeout: 30 * time.Second, Pos: pos(3, 14)},
		},
	}
	g.Index()
	return g
}

func fixtureResult(t testing.TB) *analyzer.Result {
	return &analyzer.Result{
		Root:     fixtureRoot,
		Module:   "example.com/shop",
		Findings: fixtureFindings(t),
		Graph:    fixtureGraph(),
		Topology: "topology.cue",
		Packages: 3,
	}
}

// fixtureRules is a small catalogue for the goldens, so that they do not
// change whenever a rule's documentation does.
func fixtureRules() []*rules.Rule {
	doc := func(name, summary string) string {
		return "# " + name + ": " + summary + "\n\nThe first paragraph of " + name + ",\nover two lines.\n\n" +
			"## Why it matters\n\nBecause `" + name + "` matters: **really** and *truly*; see [the book](https://sre.google/sre-book/).\n\n" +
			"## How to fix\n\n- one\n- two\n  continued\n\n| a | b |\n|---|---|\n| <x> | y |\n\n## Bad\n\n```cue\nservices: x: {} // <bad>\n```\n\n## Good\n\n```cue\nservices: x: {replicas: 2}\n```\n"
	}
	check := func(*rules.GraphPass) {}
	var rs []*rules.Rule
	for _, r := range []struct {
		name, summary string
		sev           rules.Severity
		code, graph   bool
	}{
		{"cascade", "a path of calls with no timeout", rules.Error, false, true},
		{"httptimeout", "an HTTP request that can wait forever", rules.Error, true, false},
		{"nobreaker", "a remote dependency with no circuit breaker", rules.Warning, true, true},
		{"notimeout", "a synchronous edge with no timeout", rules.Warning, false, true},
		{"queuehygiene", "a queue with no dead-letter queue", rules.Warning, false, true},
		{"sharedfate", "a node many services depend on", rules.Warning, false, true},
		{"spof", "a single point of failure", rules.Error, false, true},
		{"unsaferetry", "retries of a call that is not idempotent", rules.Warning, false, true},
		{"zonespof", "a redundant node in one zone", rules.Warning, false, true},
	} {
		rule := &rules.Rule{Name: r.name, Summary: r.summary, Doc: doc(r.name, r.summary), Severity: r.sev}
		if r.code {
			rule.Analyzer = &analysis.Analyzer{Name: r.name}
		}
		if r.graph {
			rule.Check = check
		}
		rs = append(rs, rule)
	}
	return rs
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it); got:\n%s", path, got)
	}
}
