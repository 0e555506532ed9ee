package graph

import (
	"strings"
	"testing"
)

func codeSvc(name string, serves ...Serving) *Node {
	return &Node{Name: name, Kind: Service, Source: FromCode, Replicas: 1, Serves: serves}
}

func codeEdge(from, to, proto string, calls ...CallSite) *Edge {
	return &Edge{From: from, To: to, Protocol: proto, Source: FromCode, Calls: calls}
}

var (
	httpServer = Serving{Protocol: "http", API: "net/http.ListenAndServe", Pos: Pos{File: "f/main.go", Line: 9, Col: 2}}
	grpcServer = Serving{Protocol: "grpc", API: "(*google.golang.org/grpc.Server).Serve", Pos: Pos{File: "g/main.go", Line: 7, Col: 2}}
	consumer   = Serving{Protocol: "kafka", Consumer: true, API: "(*github.com/segmentio/kafka-go.Reader).FetchMessage", Pos: Pos{File: "w/main.go", Line: 5}}
)

// opsOnly marks n's one HTTP server as serving operators only.
func opsOnly(n *Node) *Node {
	n.Health = &Health{Server: n.Serves[0], Endpoints: []string{"GET /health"}, OpsOnly: true}
	return n
}

func TestInferEntrypoints(t *testing.T) {
	g := &Graph{
		Nodes: []*Node{
			codeSvc("frontend", httpServer, grpcServer),
			codeSvc("checkout", grpcServer),
			codeSvc("payment", grpcServer),
			codeSvc("loadgen"),           // serves nothing, calls frontend: a client
			codeSvc("hidden"),            // serves nothing its code shows, but checkout calls it: not a client
			codeSvc("admin", grpcServer), // called only by the client: still an entrypoint
			codeSvc("worker", consumer),
			codeSvc("internal-worker", consumer),
			codeSvc("blind-worker", consumer),                          // its queue is unknown
			opsOnly(codeSvc("metrics-worker", httpServer)),             // its HTTP server serves /metrics and /health only
			opsOnly(codeSvc("metrics-consumer", httpServer, consumer)), // the same, but its queue makes it one
			{Name: "orders", Kind: Queue, Source: FromCode},
			{Name: "events", Kind: Queue, Source: FromCode},
		},
		Edges: []*Edge{
			codeEdge("loadgen", "frontend", "http", CallSite{Pos: Pos{File: "l/main.go", Line: 3}}),
			codeEdge("loadgen", "admin", "grpc", CallSite{Pos: Pos{File: "l/main.go", Line: 4}}),
			codeEdge("frontend", "checkout", "grpc", CallSite{Pos: Pos{File: "f/main.go", Line: 20}}),
			codeEdge("checkout", "payment", "grpc", CallSite{Pos: Pos{File: "c/main.go", Line: 20}}),
			codeEdge("checkout", "hidden", "http", CallSite{Pos: Pos{File: "c/main.go", Line: 21}}),
			codeEdge("checkout", "events", "kafka", CallSite{Pos: Pos{File: "c/main.go", Line: 22}}),
			codeEdge("worker", "orders", "kafka", CallSite{Pos: Pos{File: "w/main.go", Line: 5}, API: "FetchMessage", Consume: true}),
			codeEdge("internal-worker", "events", "kafka", CallSite{Pos: Pos{File: "i/main.go", Line: 5}, API: "FetchMessage", Consume: true}),
			codeEdge("metrics-consumer", "orders", "kafka", CallSite{Pos: Pos{File: "m/main.go", Line: 5}, API: "FetchMessage", Consume: true}),
		},
	}
	g.Index()
	g.InferEntrypoints()
	var got []string
	for _, ep := range g.Entrypoints {
		if !ep.Inferred || ep.Why == "" || !ep.Pos.IsValid() {
			t.Errorf("entrypoint %s: inferred %v, why %q, pos %v", ep.Name, ep.Inferred, ep.Why, ep.Pos)
		}
		got = append(got, ep.Name+"->"+ep.Service+"("+ep.Protocol+")")
	}
	want := "admin-grpc->admin(grpc) frontend-http-grpc->frontend(http, grpc) metrics-consumer-kafka->metrics-consumer(kafka) worker-kafka->worker(kafka)"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("entrypoints:\n got %s\nwant %s", s, want)
	}
	if g.Node("metrics-worker").Client {
		t.Error("metrics-worker, which serves operators only, is a client: it serves")
	}
	for _, n := range g.Nodes {
		if want := n.Name == "loadgen"; n.Client != want {
			t.Errorf("%s: client %v, want %v", n.Name, n.Client, want)
		}
	}
	fe := g.Entrypoint("frontend-http-grpc")
	if fe == nil || !strings.Contains(fe.Why, "net/http.ListenAndServe at f/main.go:9:2") || !strings.Contains(fe.Why, "frontend starts an HTTP server") || !strings.Contains(fe.Why, "no service of the system calls it") {
		t.Errorf("frontend's why: %+v", fe)
	}
	if w := g.Entrypoint("worker-kafka"); w == nil || !strings.Contains(w.Why, "queue orders") {
		t.Errorf("worker's why: %+v", w)
	}
}

// A topology's service is never a client, whatever it serves.
func TestInferEntrypointsTopologyNodes(t *testing.T) {
	g := &Graph{Nodes: []*Node{{Name: "legacy", Kind: Service, Source: FromTopology, Replicas: 1, ReplicasKnown: true}}}
	g.Index()
	g.InferEntrypoints()
	if g.Nodes[0].Client || len(g.Entrypoints) != 0 {
		t.Errorf("client %v, entrypoints %d", g.Nodes[0].Client, len(g.Entrypoints))
	}
}
