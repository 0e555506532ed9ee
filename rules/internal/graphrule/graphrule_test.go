package graphrule

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/faultline-dev/faultline/graph"
)

func TestWording(t *testing.T) {
	for _, tt := range []struct{ got, want string }{
		{List([]string{"a", "b", "c"}, 0), "a, b, c"},
		{List([]string{"a", "b", "c"}, 2), "a, b, c"},
		{List([]string{"a", "b", "c", "d"}, 2), "a, b and 2 more"},
		{Plural(1, "replica"), "1 replica"},
		{Plural(0, "replica"), "0 replicas"},
		{Entrypoints([]string{"web"}, 2), "entrypoint web"},
		{Entrypoints([]string{"mobile", "web"}, 2), "entrypoints mobile, web"},
		{Entrypoints([]string{"a", "b", "c", "d"}, 9), "entrypoints a, b, c, d"},
		{Entrypoints([]string{"a", "b", "c", "d", "e"}, 200), "5 of 200 entrypoints: a, b, c and 2 more"},
		{Duration(150 * time.Millisecond), "150ms"},
		{Duration(90 * time.Second), "1m30s"},
		{Duration(2 * time.Minute), "2m"},
		{Duration(time.Hour), "1h"},
		{Duration(90 * time.Minute), "1h30m"},
		{Duration(1500 * time.Millisecond), "1.5s"},
		{Factor(1.2 * 3), "3.6"},
		{Factor(27), "27"},
		{Arrow(PathNodes([]*graph.Edge{{From: "a", To: "b"}, {From: "b", To: "c"}})), "a -> b -> c"},
		{Arrow(PathNodes(nil)), ""},
		{Factor(3e40), "3e+40"},
		{Factor(math.Inf(1)), "more than 1e308"},
		{Factor(1e9), "1e+09"},
		{Factor(999999999.5), "999999999.5"},
		{Arrow(PathNodes(chain(12))), "n0 -> n1 -> n2 -> n3 -> n4 -> n5 -> n6 -> n7 -> n8 -> n9 -> n10 -> n11 -> n12"},
		{Arrow(PathNodes(chain(40))), "n0 -> n1 -> n2 -> n3 -> n4 -> n5 -> n6 -> … 28 more … -> n35 -> n36 -> n37 -> n38 -> n39 -> n40"},
		{Describe(&graph.Node{Name: "s", Kind: graph.Service, Replicas: 1, ReplicasKnown: true}), "s (service, 1 replica)"},
		{Describe(&graph.Node{Name: "s", Kind: graph.Service}), "s (service)"},
		{Describe(&graph.Node{Name: "db", Kind: graph.Datastore, Engine: "postgres", Replicas: 1, ReplicasKnown: true}), "db (postgres, ha single)"},
		{Describe(&graph.Node{Name: "db", Kind: graph.Datastore, Replicas: 3, ReplicasKnown: true, HA: "single"}), "db (datastore, 3 replicas)"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestDomains(t *testing.T) {
	for _, tt := range []struct {
		n          graph.Node
		kind       string
		nDomains   int
		redundancy graph.Pos
	}{
		{n: graph.Node{}, kind: "region", nDomains: 0},
		{n: graph.Node{Zones: []string{"a", "a", ""}}, kind: "zone", nDomains: 1},
		{n: graph.Node{Zones: []string{"a", "b"}, Regions: []string{"eu"}}, kind: "zone", nDomains: 2},
		{n: graph.Node{Zones: []string{"a"}, Regions: []string{"eu", "us"}}, kind: "region", nDomains: 2},
		{n: graph.Node{Regions: []string{"eu"}}, kind: "region", nDomains: 1},
	} {
		kind, ds := Domains(&tt.n)
		if kind != tt.kind || len(ds) != tt.nDomains {
			t.Errorf("Domains(%+v) = %s %v", tt.n, kind, ds)
		}
	}
	ha := graph.Pos{File: "t.cue", Line: 3, Col: 4}
	rep := graph.Pos{File: "t.cue", Line: 2, Col: 4}
	node := graph.Pos{File: "t.cue", Line: 1, Col: 1}
	db := &graph.Node{Kind: graph.Datastore, Pos: node, Fields: map[string]graph.Pos{"ha": ha, "replicas": rep}}
	svc := &graph.Node{Kind: graph.Service, Pos: node, Fields: map[string]graph.Pos{"ha": ha}}
	if RedundancyPos(db) != ha || RedundancyPos(svc) != node {
		t.Errorf("RedundancyPos: %v %v", RedundancyPos(db), RedundancyPos(svc))
	}
	if s := (graph.Settings{}); MaxAmplification(&s) != 10 || SharedFateMin(&s) != 3 {
		t.Error("defaults")
	}
	if s := (graph.Settings{MaxAmplification: 4, SharedFateMin: 2}); MaxAmplification(&s) != 4 || SharedFateMin(&s) != 2 {
		t.Error("settings")
	}
}

// chain returns the path n0 -> n1 -> … -> nN, each edge at the line of its
// caller.
func chain(n int) []*graph.Edge {
	var path []*graph.Edge
	for i := range n {
		path = append(path, &graph.Edge{From: fmt.Sprint("n", i), To: fmt.Sprint("n", i+1), Pos: graph.Pos{File: "t.cue", Line: i + 1}})
	}
	return path
}

// A long path's related locations are its first and last PathEnds hops;
// a short one's are all of them, in order.
func TestEdgeRelatedEnds(t *testing.T) {
	note := func(e *graph.Edge) string { return EdgeName(e) }
	for _, tt := range []struct {
		hops  int
		lines []int
	}{
		{3, []int{1, 2, 3}},
		{12, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
		{13, []int{1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13}},
		{500, []int{1, 2, 3, 4, 5, 6, 495, 496, 497, 498, 499, 500}},
	} {
		path := chain(tt.hops)
		rel := EdgeRelated(path, note)
		var lines []int
		for _, r := range rel {
			lines = append(lines, r.Pos.Line)
		}
		if fmt.Sprint(lines) != fmt.Sprint(tt.lines) {
			t.Errorf("%d hops: related at lines %v, want %v", tt.hops, lines, tt.lines)
		}
		if rel[0].Message != "n0 -> n1" {
			t.Errorf("%d hops: first note %q", tt.hops, rel[0].Message)
		}
		if len(path) != tt.hops || path[tt.hops-1].From != fmt.Sprint("n", tt.hops-1) {
			t.Errorf("%d hops: EdgeRelated changed its argument", tt.hops)
		}
	}
}
