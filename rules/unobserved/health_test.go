package unobserved_test

import (
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/unobserved"
)

// TestHealth: a service whose code starts a server and registers no health
// endpoint is reported once, at the server, as a note; one with an
// endpoint, one the code cannot judge (Health.Unknown), a client, a
// consumer with no server (Health nil) and a datastore are not.
func TestHealth(t *testing.T) {
	srv := func(proto string) graph.Serving {
		return graph.Serving{Protocol: proto, API: "(*net/http.Server).ListenAndServe", Pos: graph.Pos{File: "svc/main.go", Line: 40, Col: 2}}
	}
	g := &graph.Graph{Nodes: []*graph.Node{
		{Name: "bare-http", Kind: graph.Service, Health: &graph.Health{Server: srv("http")}},
		{Name: "bare-grpc", Kind: graph.Service, Health: &graph.Health{Server: srv("grpc")}},
		{Name: "probed", Kind: graph.Service, Health: &graph.Health{Server: srv("http"), Endpoints: []string{"GET /healthz"}}},
		{Name: "unknown", Kind: graph.Service, Health: &graph.Health{Server: srv("http"), Unknown: "imports github.com/heptiolabs/healthcheck"}},
		{Name: "tool", Kind: graph.Service, Client: true, Health: &graph.Health{Server: srv("http")}},
		{Name: "worker", Kind: graph.Service},
		{Name: "db", Kind: graph.Datastore},
	}}
	g.Index()
	fs := graphtest.Findings(unobserved.Rule, g)
	var got []string
	for _, f := range fs {
		got = append(got, f.Service+" "+f.Pos.String()+" "+f.Message)
	}
	if len(fs) != 2 {
		t.Fatalf("%d findings, want 2:\n%s", len(fs), strings.Join(got, "\n"))
	}
	for i, want := range []string{"bare-grpc svc/main.go:40:2 bare-grpc serves gRPC with no health or readiness endpoint", "bare-http svc/main.go:40:2 bare-http serves HTTP with no health or readiness endpoint"} {
		if !strings.HasPrefix(got[i], want) {
			t.Errorf("finding %d = %q, want it to start %q", i, got[i], want)
		}
	}
}
