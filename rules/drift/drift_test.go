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
