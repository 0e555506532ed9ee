package dot

import (
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/graph"
)

// TestGroupsAndBundles checks what the HTML report's views ask of a
// picture: a node that stands for a collapsed group, an edge that bundles
// several calls, boxes named by the caller, a top-down layout with its
// ranks staggered, and a node whose findings include calls not drawn.
func TestGroupsAndBundles(t *testing.T) {
	g := &graph.Graph{
		Nodes: []*graph.Node{
			{Name: "a", Kind: graph.Service, Replicas: 2, ReplicasKnown: true},
			{Name: "b", Kind: graph.Service, Replicas: 2, ReplicasKnown: true},
			{Name: "c", Kind: graph.Service},
			{Name: "group team x", Kind: graph.Service, Replicas: 2, ReplicasKnown: true},
		},
		Edges: []*graph.Edge{
			{From: "a", To: "b", Timeout: 1},
			{From: "a", To: "group team x", Timeout: 1},
			{From: "b", To: "c", Timeout: 1},
		},
	}
	g.Index()
	opt := Options{
		Nodes:   map[string]Mark{"group team x": {Level: Error, Findings: 7}, "a": {Level: Warning, Findings: 3, Folded: 2}},
		Edges:   map[string]Mark{"a->group team x": {Level: Warning, Findings: 1}},
		Groups:  map[string]Group{"group team x": {Name: "team x", Members: 12}},
		Bundles: map[string]int{"a->group team x": 9},
		Boxes:   map[string]string{"a": "team y", "b": "team y"},
		TopDown: true,
		Stagger: 3,
	}
	out := string(write(t, g, opt))
	for _, want := range []string{
		`rankdir=TB`,
		`label="team x\n12 nodes · 7 findings, worst error"`, `shape=box3d`,
		`tooltip="team x: 12 nodes collapsed into one; 7 findings on them and the calls between them, worst error; click to expand"`,
		`label="9 calls"`, `penwidth="2.12"`,
		`id="box-team_20y"`, `label="team y"`,
		`minlen=2`, `minlen=3`,
		`label="a\n2 replicas\nincl. 2 findings on calls not drawn"`,
		`3 findings, worst warning, 2 of them on calls this picture does not draw`,
		`replicas ?`,
		`stack: a collapsed group`, `N calls: the calls a collapsed group makes or takes`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the DOT lacks %s:\n%s", want, out)
		}
	}
	// No group's node gets a minimum length: only its members' calls
	// are staggered.
	if strings.Contains(out, `"a"->"group team x"[ color="#d68910", id="edge-a__group_20team_20x", label="9 calls", minlen`) {
		t.Error("a call into a group is staggered")
	}
}
