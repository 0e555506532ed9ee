package graphtest

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/faultline-dev/faultline/graph"
)

// Generate returns a synthetic system of the given number of services with
// about degree dependencies each, for benchmarks and fuzzing. It is shaped
// like real systems: services in ten layers that call lower layers, plus
// datastores (one per five services), queues (one per twenty), externals
// (one per fifty) and up to twenty entrypoints on the top layer; about one
// edge in a hundred calls back up, so there are cycles. Attributes are
// mixed: most edges have timeouts, some retry, some are soft, asynchronous,
// guarded by breakers, go through a mesh or are alternatives in a group;
// replicas, zones and datastore ha vary. The same arguments give the same
// graph.
func Generate(services, degree int, seed uint64) *graph.Graph {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	g := &graph.Graph{}
	pos := func(line int) graph.Pos { return graph.Pos{File: "generated.cue", Line: line + 1, Col: 1} }
	zones := []string{"z1", "z2", "z3"}
	node := func(name string, kind graph.Kind) *graph.Node {
		n := &graph.Node{
			Name: name, Kind: kind, Replicas: 1 + rng.IntN(3), ReplicasKnown: rng.IntN(20) != 0,
			Source: graph.FromTopology, Pos: pos(len(g.Nodes) + len(g.Edges)),
		}
		if rng.IntN(2) == 0 {
			n.Zones = zones[:1+rng.IntN(3)]
		}
		g.Nodes = append(g.Nodes, n)
		return n
	}
	const layers = 10
	layerOf := func(i int) int { return i * layers / max(services, 1) }
	var svc, stores, queues, exts []string
	for i := range services {
		n := node(fmt.Sprintf("svc%05d", i), graph.Service)
		if rng.IntN(4) == 0 {
			n.Server = &graph.Server{RequestTimeout: time.Duration(1+rng.IntN(10)) * time.Second}
		}
		svc = append(svc, n.Name)
	}
	for i := range services/5 + 1 {
		n := node(fmt.Sprintf("db%05d", i), graph.Datastore)
		n.Replicas = 1
		n.HA = []string{graph.HASingle, graph.HAReplicated, graph.HAQuorum, graph.HAManaged}[rng.IntN(4)]
		stores = append(stores, n.Name)
	}
	for i := range services/20 + 1 {
		n := node(fmt.Sprintf("queue%05d", i), graph.Queue)
		if rng.IntN(2) == 0 {
			n.DeadLetter = n.Name + "-dlq"
		}
		queues = append(queues, n.Name)
	}
	for i := range services/50 + 1 {
		exts = append(exts, node(fmt.Sprintf("ext%05d", i), graph.External).Name)
	}
	seen := map[[2]string]bool{}
	var calledBack [][2]string
	edge := func(from, to string) *graph.Edge {
		e := &graph.Edge{
			From: from, To: to, Protocol: "grpc", Mode: graph.ModeSync, Criticality: graph.Hard,
			Idempotent: rng.IntN(10) != 0, Via: graph.ViaCode, Source: graph.FromTopology,
			Pos: pos(len(g.Nodes) + len(g.Edges)), Fields: map[string]graph.Pos{},
		}
		if rng.IntN(10) < 7 {
			e.Timeout = time.Duration(50+rng.IntN(3000)) * time.Millisecond
		}
		g.Edges = append(g.Edges, e)
		return e
	}
	for i, from := range svc {
		lower := layerOf(i) + 1
		groupLeft, group := 0, ""
		for k := range degree {
			var to string
			switch r := rng.IntN(100); {
			case r < 1 && i > 0: // a call back up: cycles
				to = svc[rng.IntN(i)]
			case r < 60 && lower < layers:
				lo := lower * services / layers
				to = svc[lo+rng.IntN(services-lo)]
				if rng.IntN(50) == 0 {
					calledBack = append(calledBack, [2]string{to, from}) // a mutual call: a cycle
				}
			case r < 85:
				to = stores[rng.IntN(len(stores))]
			case r < 95:
				to = queues[rng.IntN(len(queues))]
			default:
				to = exts[rng.IntN(len(exts))]
			}
			if to == from || seen[[2]string{from, to}] {
				continue
			}
			seen[[2]string{from, to}] = true
			e := edge(from, to)
			if rng.IntN(10) == 0 {
				e.Deadline = time.Duration(100+rng.IntN(5000)) * time.Millisecond
			}
			if rng.IntN(5) == 0 {
				e.Retries = graph.Retries{Attempts: 2 + rng.IntN(3), Backoff: []string{"", graph.BackoffNone, graph.BackoffConstant, graph.BackoffExponential}[rng.IntN(4)], Jitter: rng.IntN(2) == 0}
				if rng.IntN(4) == 0 {
					e.Retries.Budget = 0.2
				}
			}
			switch rng.IntN(10) {
			case 0:
				e.Criticality = graph.Soft
				if rng.IntN(2) == 0 {
					e.Fallback = "default"
				}
			case 1:
				e.Fallback = "cache"
			}
			if to[0] == 'q' && rng.IntN(4) != 0 || rng.IntN(20) == 0 {
				e.Mode = graph.ModeAsync
			}
			e.Breaker = rng.IntN(2) == 0
			e.PropagatesDeadline = rng.IntN(3) == 0
			if rng.IntN(10) == 0 {
				e.Via = graph.ViaMesh
			}
			if groupLeft == 0 && k+1 < degree && rng.IntN(20) == 0 {
				groupLeft, group = 2, fmt.Sprintf("alt%d", k)
			}
			if groupLeft > 0 {
				e.Group = group
				groupLeft--
			}
		}
	}
	for _, fe := range calledBack {
		if !seen[fe] {
			seen[fe] = true
			edge(fe[0], fe[1])
		}
	}
	top := max(services/layers, 1)
	for i := range min(20, services) {
		g.Entrypoints = append(g.Entrypoints, &graph.Entrypoint{
			Name: fmt.Sprintf("entry%02d", i), Service: svc[rng.IntN(min(top, len(svc)))],
			Timeout: time.Duration(1+rng.IntN(30)) * time.Second, Pos: pos(len(g.Nodes) + len(g.Edges) + i),
		})
	}
	g.Index()
	return g
}
