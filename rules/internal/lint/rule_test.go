package lint

import (
	"sync"
	"testing"

	"github.com/faultline-dev/faultline/graph"
)

// Passes that share a Shared compute the graph's requirements once, even
// when they ask at the same time; a pass without one computes its own.
func TestSharedRequirements(t *testing.T) {
	g := &graph.Graph{
		Nodes:       []*graph.Node{{Name: "api", Kind: graph.Service}, {Name: "db", Kind: graph.Datastore}},
		Edges:       []*graph.Edge{{From: "api", To: "db"}},
		Entrypoints: []*graph.Entrypoint{{Name: "web", Service: "api"}},
	}
	g.Index()
	shared := &Shared{}
	a, b := NewGraphPass(&Rule{Name: "a"}, g), NewGraphPass(&Rule{Name: "b"}, g)
	a.Shared, b.Shared = shared, shared
	var ra, rb *graph.Requirements
	var wg sync.WaitGroup
	wg.Go(func() { ra = a.Requirements() })
	wg.Go(func() { rb = b.Requirements() })
	wg.Wait()
	if ra == nil || ra != rb {
		t.Fatalf("passes sharing one got %p and %p, want one value", ra, rb)
	}
	if c := NewGraphPass(&Rule{Name: "c"}, g).Requirements(); c == ra {
		t.Error("a pass without a Shared got the shared value")
	}
	if !ra.IsRequired(g.NodeIndex("db")) {
		t.Error("db is not required by web")
	}
}
