package topology

import (
	"bytes"
	"testing"

	"github.com/faultline-dev/faultline/graph"
)

func TestGenerate(t *testing.T) {
	a, b := Generate(200, 4, 42), Generate(200, 4, 42)
	if !bytes.Equal(a, b) {
		t.Fatal("Generate is not deterministic")
	}
	if bytes.Equal(a, Generate(200, 4, 43)) {
		t.Fatal("the seed does not matter")
	}
	g, err := LoadFS(mapFS(string(a)), ".", Options{})
	if err != nil {
		t.Fatalf("generated topology does not load: %v", err)
	}
	count := map[graph.Kind]int{}
	for _, n := range g.Nodes {
		count[n.Kind]++
	}
	if count[graph.Service] != 200 || count[graph.Datastore] != 40 || count[graph.External] != 10 ||
		count[graph.Queue] < 20 || len(g.Entrypoints) != 4 {
		t.Errorf("kinds %v, %d entrypoints", count, len(g.Entrypoints))
	}
	if len(g.Edges) < 200*3 {
		t.Errorf("only %d edges", len(g.Edges))
	}
	var soft, grouped, retried, breakers, async, mesh, zoned int
	for _, e := range g.Edges {
		if e.Criticality == graph.Soft && e.Fallback != "" {
			soft++
		}
		if e.Group != "" {
			grouped++
		}
		if e.Attempts() > 1 {
			retried++
		}
		if e.Breaker {
			breakers++
		}
		if !e.Sync() {
			async++
		}
		if e.Via == graph.ViaMesh {
			mesh++
		}
	}
	for _, n := range g.Nodes {
		if len(n.Zones) > 1 {
			zoned++
		}
	}
	for name, c := range map[string]int{"soft": soft, "grouped": grouped, "retried": retried,
		"breakers": breakers, "async": async, "mesh": mesh, "zoned": zoned} {
		if c == 0 {
			t.Errorf("no %s edges or nodes", name)
		}
	}
	// The deliberate cycles: 49 and 50 call each other.
	if g.Edge("svc-00049", "svc-00050") == nil || g.Edge("svc-00050", "svc-00049") == nil {
		t.Error("no cycle between svc-00049 and svc-00050")
	}
	if len(g.Settings.Wrappers) == 0 || g.Settings.MaxAmplification == 0 {
		t.Error("no settings")
	}
}

func TestGenerateSmall(t *testing.T) {
	for _, n := range []int{0, 1, 2, 5} {
		for _, e := range []int{0, 1, 3} {
			if _, err := LoadFS(mapFS(string(Generate(n, e, 1))), ".", Options{}); err != nil {
				t.Errorf("Generate(%d, %d): %v", n, e, err)
			}
		}
	}
}
