package analyzer

import (
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// TestServiceGroups: a service's request-context findings of ctxdeadline
// that no chain holds make one summary line, naming its HTTP server, when
// there are at least three; fewer, another category, a suppressed or
// dropped finding, or one a chain already holds do not count.
func TestServiceGroups(t *testing.T) {
	r := rules.Lookup("ctxdeadline")
	if r == nil || r.ServiceGroup == nil {
		t.Fatal("ctxdeadline words no per-service group")
	}
	g := &graph.Graph{Nodes: []*graph.Node{
		{Name: "a", Kind: graph.Service, Health: &graph.Health{Server: graph.Serving{Protocol: "http", Pos: graph.Pos{File: "a/main.go", Line: 40}}}},
		{Name: "b", Kind: graph.Service},
	}}
	g.Index()
	f := func(svc, cat string, line int) rules.CodeFinding {
		return rules.CodeFinding{Category: cat, Service: svc, Pos: graph.Pos{File: svc + "/h.go", Line: line}, Related: []graph.Pos{{File: svc + "/h.go", Line: line + 1}}}
	}
	const req, dropped = "request-context", "dropped-context"
	cfs := []rules.CodeFinding{
		f("a", req, 30), f("a", req, 10), f("a", req, 20), f("a", req, 50),
		f("a", dropped, 60), f("a", dropped, 70), f("a", dropped, 80),
		f("b", req, 10), f("b", req, 20),
		f("b", req, 30),
	}
	cfs[3].Suppressed = true
	vs := make([]rules.Verdict, len(cfs))
	vs[9].Drop = true
	chained := []Group{{Findings: []string{"a/h.go:30"}}}
	got := serviceGroups(r, g, cfs, vs, chained)
	if len(got) != 0 {
		t.Fatalf("with a chain holding one of a's three: %d groups, want none: %+v", len(got), got)
	}
	got = serviceGroups(r, g, cfs, vs, nil)
	if len(got) != 1 {
		t.Fatalf("%d groups, want 1: %+v", len(got), got)
	}
	want := []string{"a/h.go:10", "a/h.go:20", "a/h.go:30"}
	if gr := got[0]; gr.Top != want[0] || strings.Join(gr.Findings, " ") != strings.Join(want, " ") || gr.Calls != 3 || gr.Services != 1 ||
		!strings.Contains(gr.Message, "a's handlers reach 3 calls") || !strings.Contains(gr.Message, "at a/main.go:40") {
		t.Errorf("group %+v", gr)
	}
}
