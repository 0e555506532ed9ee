package drift

import (
	"strings"
	"testing"
	"time"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

func pos(line int) graph.Pos { return graph.Pos{File: "topology.cue", Line: line, Col: 3} }
func gopos(line int) graph.Pos {
	return graph.Pos{File: "svc/checkout/service.go", Line: line, Col: 2}
}

func run(t *testing.T, edges ...*graph.Edge) []lint.Finding {
	t.Helper()
	g := &graph.Graph{Nodes: []*graph.Node{
		{Name: "checkout", Kind: graph.Service, Source: graph.FromBoth},
		{Name: "inventory", Kind: graph.Service, Source: graph.FromBoth},
		{Name: "payment", Kind: graph.Service, Source: graph.FromTopology},
	}, Edges: edges}
	g.Index()
	p := lint.NewGraphPass(Rule, g)
	Rule.Check(p)
	return p.Findings()
}

func TestDrift(t *testing.T) {
	tests := []struct {
		name string
		edge *graph.Edge
		want []string // message fragments, one per finding, in order
	}{{
		name: "declared timeout, call sets none",
		edge: &graph.Edge{From: "checkout", To: "inventory", Timeout: time.Second, Source: graph.FromBoth, Pos: pos(3),
			Calls: []graph.CallSite{{Pos: gopos(10), Func: "shop/checkout.reserve", Bound: graph.No}}},
		want: []string{"declares a 1s timeout, but the call in checkout.reserve sets no timeout of its own"},
	}, {
		name: "declared 1s, code 30s",
		edge: &graph.Edge{From: "checkout", To: "inventory", Timeout: time.Second, Source: graph.FromBoth,
			Calls: []graph.CallSite{{Pos: gopos(10), Bound: graph.Yes, Timeout: 30 * time.Second}}},
		want: []string{"declares a 1s timeout, but the call at svc/checkout/service.go:10 uses 30s: callers above plan for 1s"},
	}, {
		name: "a call in an unknown function is named by what it calls",
		edge: &graph.Edge{From: "checkout", To: "inventory", Timeout: time.Second, Source: graph.FromBoth,
			Calls: []graph.CallSite{{Pos: gopos(10), API: "(*net/http.Client).Do", Bound: graph.No}}},
		want: []string{"declares a 1s timeout, but the call to (*http.Client).Do sets no timeout of its own"},
	}, {
		name: "same values are silent",
		edge: &graph.Edge{From: "checkout", To: "inventory", Timeout: time.Second, Breaker: true, Retries: graph.Retries{Attempts: 3}, Source: graph.FromBoth,
			Calls: []graph.CallSite{{Bound: graph.Yes, Timeout: time.Second, Breaker: graph.Yes, Attempts: 3}}},
	}, {
		name: "unknown is never absent",
		edge: &graph.Edge{From: "checkout", To: "inventory", Timeout: time.Second, Breaker: true, Retries: graph.Retries{Attempts: 2}, Source: graph.FromBoth,
			Calls: []graph.CallSite{{Bound: graph.Unknown, Breaker: graph.Unknown}}},
	}, {
		name: "mesh edges are enforced by the mesh",
		edge: &graph.Edge{From: "checkout", To: "inventory", Timeout: time.Second, Via: graph.ViaMesh, Source: graph.FromBoth,
			Calls: []graph.CallSite{{Bound: graph.No}}},
	}, {
		name: "declared breaker, calls unguarded",
		edge: &graph.Edge{From: "checkout", To: "inventory", Breaker: true, Source: graph.FromBoth,
			Calls: []graph.CallSite{{Pos: gopos(10), Func: "a.f", Breaker: graph.No}, {Pos: gopos(20), Func: "a.g", Breaker: graph.Yes}}},
		want: []string{"declares a circuit breaker, but the calls in a.f are not guarded"},
	}, {
		name: "unguarded calls, some in unknown functions",
		edge: &graph.Edge{From: "checkout", To: "inventory", Breaker: true, Source: graph.FromBoth,
			Calls: []graph.CallSite{{Pos: gopos(10), Func: "a.f", Breaker: graph.No}, {Pos: gopos(20), API: "(*net/http.Client).Do", Breaker: graph.No}, {Pos: gopos(30), Func: "a.g", Breaker: graph.No}}},
		want: []string{"declares a circuit breaker, but the calls in a.f, a.g and to (*http.Client).Do are not guarded"},
	}, {
		name: "declared 1 attempt, code retries 3 times",
		edge: &graph.Edge{From: "checkout", To: "inventory", Source: graph.FromBoth,
			Calls: []graph.CallSite{{Pos: gopos(10), Func: "a.f", Attempts: 3}}},
		want: []string{"declares 1 attempt, but the call in a.f makes up to 3"},
	}, {
		name: "one finding per edge, at the call with the most attempts",
		edge: &graph.Edge{From: "checkout", To: "inventory", Source: graph.FromBoth,
			Calls: []graph.CallSite{{Pos: gopos(10), Func: "a.f", Attempts: 4}, {Pos: gopos(20), Func: "a.g", Attempts: 5}, {Pos: gopos(30), Func: "a.h", Attempts: 1}}},
		want: []string{"declares 1 attempt, but calls in a.f, a.g make up to 5"},
	}, {
		name: "declared edge never called",
		edge: &graph.Edge{From: "checkout", To: "payment", Source: graph.FromTopology, Pos: pos(7)},
		want: []string{"checkout → payment is declared but no call in the code of checkout reaches payment"},
	}, {
		name: "declared edge of a service not in code is not judged",
		edge: &graph.Edge{From: "payment", To: "inventory", Source: graph.FromTopology, Pos: pos(7)},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(t, tt.edge)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d findings, want %d: %+v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i].Message, w) {
					t.Errorf("finding %d = %q, want it to contain %q", i, got[i].Message, w)
				}
				if !got[i].Pos.IsValid() {
					t.Errorf("finding %d has no position", i)
				}
			}
		})
	}
}

func TestManifestDrift(t *testing.T) {
	mpos := func(line int) graph.Pos { return graph.Pos{File: "deploy/x.yaml", Line: line, Col: 3} }
	g := &graph.Graph{Nodes: []*graph.Node{
		// The topology says 3, the Deployment runs 1: a warning.
		{Name: "checkout", Kind: graph.Service, Source: graph.FromBoth, Replicas: 3, ReplicasKnown: true,
			Fields:   map[string]graph.Pos{"replicas": pos(4)},
			Deployed: &graph.Deployment{Workload: "Deployment checkout", Replicas: 1, ReplicasKnown: true, ReplicasPos: mpos(7), ReplicasFrom: "replicas"}},
		// The topology says 2, the autoscaler runs at least 4: a note.
		{Name: "catalog", Kind: graph.Service, Source: graph.FromTopology, Replicas: 2, ReplicasKnown: true,
			Fields:   map[string]graph.Pos{"replicas": pos(9), "zones": pos(10)},
			Zones:    []string{"a", "b"},
			Deployed: &graph.Deployment{Workload: "Deployment catalog", Replicas: 4, ReplicasKnown: true, ReplicasPos: mpos(30), ReplicasFrom: "HorizontalPodAutoscaler catalog minReplicas", Zones: []string{"a"}, ZonesPos: mpos(20)}},
		// Applied from the manifest (the field's position is the manifest's): agreement.
		{Name: "payment", Kind: graph.Service, Source: graph.FromTopology, Replicas: 1, ReplicasKnown: true,
			Fields:   map[string]graph.Pos{"replicas": mpos(40)},
			Deployed: &graph.Deployment{Workload: "Deployment payment", Replicas: 1, ReplicasKnown: true, ReplicasPos: mpos(40)}},
		// A DaemonSet's replicas are unknown: nothing to compare.
		{Name: "agent", Kind: graph.Service, Source: graph.FromTopology, Replicas: 1, ReplicasKnown: true,
			Fields:   map[string]graph.Pos{"replicas": pos(12)},
			Deployed: &graph.Deployment{Workload: "DaemonSet agent"}},
		// Learned from code: the manifest is all there is.
		{Name: "recs", Kind: graph.Service, Source: graph.FromCode, Replicas: 1, ReplicasKnown: true,
			Deployed: &graph.Deployment{Workload: "Deployment recs", Replicas: 1, ReplicasKnown: true, ReplicasPos: mpos(50)}},
	},
		UnmatchedWorkloads: []graph.UnmatchedWorkload{{Workload: "Deployment admin", Pos: mpos(60), Why: "matches no node"}},
		Exposures:          []graph.Exposure{{Service: "catalog", Evidence: "Service catalog-lb (LoadBalancer)", Pos: mpos(70)}},
	}
	g.Index()
	p := lint.NewGraphPass(Rule, g)
	Rule.Check(p)
	var got []string
	for _, f := range p.Findings() {
		got = append(got, f.Severity.String()+" "+f.Pos.String()+" "+f.Message)
	}
	want := []string{
		"note deploy/x.yaml:60:3 Deployment admin matches no node",
		"note deploy/x.yaml:70:3 Service catalog-lb (LoadBalancer) makes catalog public, but no entrypoint of the topology enters at catalog",
		"note topology.cue:9:3 catalog declares 2 replicas, but Deployment catalog runs 4 (HorizontalPodAutoscaler catalog minReplicas at deploy/x.yaml:30:3)",
		"warning topology.cue:10:3 catalog declares zones a, b, but the pods of Deployment catalog run in a (deploy/x.yaml:20:3)",
		"warning topology.cue:4:3 checkout declares 3 replicas, but Deployment checkout runs 1 (replicas at deploy/x.yaml:7:3): the graph rules count on redundancy the deployment does not have",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings:\n%s", len(got), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("finding %d:\n got %s\nwant %s…", i, got[i], want[i])
		}
	}
}
