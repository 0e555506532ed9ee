package unobserved

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/topology"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// TestRefine checks that a code finding is dropped when every call it
// names belongs to an edge the topology makes observed (observed: true,
// via: "mesh", or a network edge of a system whose settings declare a
// mesh), and kept when one call is on an edge nothing declares or on no
// edge at all.
func TestRefine(t *testing.T) {
	at := func(line int) graph.Pos { return graph.Pos{File: "a.go", Line: line, Col: 2} }
	call := func(line int) []graph.CallSite { return []graph.CallSite{{Pos: at(line), Observed: graph.No}} }
	edges := func() []*graph.Edge {
		return []*graph.Edge{
			{From: "gw", To: "recs", Protocol: "grpc", Observed: graph.Yes, Fields: map[string]graph.Pos{"observed": at(1)}, Calls: call(10)},
			{From: "gw", To: "cart", Protocol: "grpc", Via: graph.ViaMesh, Calls: call(20)},
			{From: "gw", To: "catalog", Protocol: "http", Observed: graph.No, Calls: call(30)},
			{From: "gw", To: "db", Protocol: "sql", Observed: graph.No, Calls: call(50)},
		}
	}
	cases := []struct {
		what  string
		lines []int
	}{
		{"declared", []int{10}},
		{"via mesh", []int{20}},
		{"declared and bare", []int{10, 30}},
		{"bare", []int{30}},
		{"not in the graph", []int{10, 40}},
		{"database", []int{50}},
	}
	var fs []lint.CodeFinding
	for _, c := range cases {
		var rel []graph.Pos
		for _, l := range c.lines {
			rel = append(rel, at(l))
		}
		fs = append(fs, lint.CodeFinding{Related: rel})
	}
	kept := func(g *graph.Graph) []string {
		var out []string
		for i, v := range refine(g, fs) {
			if !v.Drop {
				out = append(out, cases[i].what)
			}
		}
		return out
	}
	if got, want := kept(&graph.Graph{Edges: edges()}), []string{"declared and bare", "bare", "not in the graph", "database"}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
	// A mesh observes the network edges, not the database's.
	mesh := &graph.Graph{Edges: edges(), Settings: graph.Settings{Mesh: "istio"}}
	if got, want := kept(mesh), []string{"not in the graph", "database"}; !slices.Equal(got, want) {
		t.Errorf("with a mesh: kept %q, want %q", got, want)
	}
	if !mesh.Unobserved(mesh.Edges[3]) || mesh.Unobserved(mesh.Edges[2]) {
		t.Errorf("Unobserved with a mesh: db %v, catalog %v; want true, false", mesh.Unobserved(mesh.Edges[3]), mesh.Unobserved(mesh.Edges[2]))
	}
}

// TestTopologyObserved checks that the topology reads observed (a bool or
// a reason) and settings.mesh.
func TestTopologyObserved(t *testing.T) {
	src := `package topology
settings: mesh: "linkerd"
services: gw: {replicas: 2, dependsOn: {
	recs: {protocol: "grpc", observed: {reason: "the linkerd proxy exports its metrics"}}
	cart: {protocol: "grpc", observed: true}
	db: {protocol: "sql", observed: false}
	ads: {protocol: "http"}
}}
services: recs: replicas: 2
services: cart: replicas: 2
services: ads: replicas: 2
datastores: db: {engine: "postgres"}
`
	g, err := topology.LoadFS(fstest.MapFS{"topology.cue": {Data: []byte(src)}}, ".", topology.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Settings.Mesh != "linkerd" {
		t.Errorf("mesh %q", g.Settings.Mesh)
	}
	for _, c := range []struct {
		to       string
		observed graph.Tri
		reason   string
		declared bool
	}{
		{"recs", graph.Yes, "the linkerd proxy exports its metrics", true},
		{"cart", graph.Yes, "", true},
		{"db", graph.No, "", false},
		{"ads", graph.Unknown, "", true}, // through the mesh
	} {
		e := g.Edge("gw", c.to)
		if e == nil {
			t.Fatalf("no edge gw -> %s", c.to)
		}
		if e.Observed != c.observed || e.ObservedReason != c.reason || g.ObservedByDeclaration(e) != c.declared {
			t.Errorf("gw -> %s: observed %v %q declared %v, want %v %q %v", c.to, e.Observed, e.ObservedReason, g.ObservedByDeclaration(e), c.observed, c.reason, c.declared)
		}
	}
}
