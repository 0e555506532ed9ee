package undeclared

import (
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

func TestUndeclared(t *testing.T) {
	call := graph.CallSite{Pos: graph.Pos{File: "services/catalog/handlers.go", Line: 199, Col: 9}, Func: "example.com/shop/services/catalog.(*server).track", Target: "env ANALYTICS_URL"}
	g := &graph.Graph{
		Nodes: []*graph.Node{
			{Name: "catalog", Kind: graph.Service, Source: graph.FromBoth, Packages: []string{"example.com/shop/services/catalog"}},
			{Name: "analytics", Kind: graph.Service, Source: graph.FromCode},
			{Name: "orders-db", Kind: graph.Datastore, Source: graph.FromTopology},
			{Name: "tools", Kind: graph.Service, Source: graph.FromCode, Packages: []string{"example.com/shop/cmd/tools"}, Pos: graph.Pos{File: "cmd/tools/main.go", Line: 1}},
		},
		Edges: []*graph.Edge{
			{From: "catalog", To: "analytics", Source: graph.FromCode, Calls: []graph.CallSite{call}},
			{From: "catalog", To: "orders-db", Source: graph.FromBoth},
			{From: "tools", To: "orders-db", Source: graph.FromCode, Calls: []graph.CallSite{call}},
		},
	}
	g.Index()
	p := lint.NewGraphPass(Rule, g)
	Rule.Check(p)
	got := p.Findings()
	want := []string{
		"catalog calls the dependency analytics (env ANALYTICS_URL) in catalog.(*server).track, but the topology declares no such dependency",
		"tools calls datastore orders-db",
		"service tools (package example.com/shop/cmd/tools) is in the code but not in the topology",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		if !strings.Contains(got[i].Message, w) {
			t.Errorf("finding %d = %q, want %q", i, got[i].Message, w)
		}
	}
	if got[0].Pos != call.Pos {
		t.Errorf("finding at %v, want the call %v", got[0].Pos, call.Pos)
	}

	// Without a topology nothing is undeclared.
	for _, n := range g.Nodes {
		n.Source = graph.FromCode
	}
	p = lint.NewGraphPass(Rule, g)
	Rule.Check(p)
	if n := len(p.Findings()); n != 0 {
		t.Errorf("code-only graph: %d findings, want none", n)
	}
}
