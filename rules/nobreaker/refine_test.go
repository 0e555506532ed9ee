package nobreaker

import (
	"slices"
	"testing"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

func TestRefine(t *testing.T) {
	at := func(line int) graph.Pos { return graph.Pos{File: "a.go", Line: line, Col: 2} }
	call := func(line int) []graph.CallSite { return []graph.CallSite{{Pos: at(line)}} }
	g := &graph.Graph{Edges: []*graph.Edge{
		{From: "gw", To: "recs", Criticality: graph.Soft, Calls: call(10)},
		{From: "gw", To: "events", Mode: graph.ModeAsync, Calls: call(20)},
		{From: "gw", To: "catalog", Calls: call(30)},
	}}
	cases := []struct {
		what  string
		lines []int
	}{
		{"soft", []int{10}},
		{"soft and async", []int{10, 20}},
		{"soft and hard", []int{10, 30}},
		{"not in the graph", []int{10, 40}},
		{"no call sites", nil},
	}
	var fs []lint.CodeFinding
	for _, c := range cases {
		var rel []graph.Pos
		for _, l := range c.lines {
			rel = append(rel, at(l))
		}
		fs = append(fs, lint.CodeFinding{Related: rel})
	}
	var kept []string
	for i, v := range refine(g, fs) {
		if !v.Drop && len(v.Related) == 0 {
			kept = append(kept, cases[i].what)
		}
	}
	want := []string{"soft and hard", "not in the graph", "no call sites"}
	if !slices.Equal(kept, want) {
		t.Errorf("kept %q, want %q", kept, want)
	}
}
