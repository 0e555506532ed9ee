package graph

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// layered returns n services in ten layers, each calling about deg
// services of lower layers, with some groups, soft and asynchronous calls,
// retries, timeouts, a few calls back up (cycles) and 20 entrypoints.
func layered(n, deg int) *Graph {
	rng := rand.New(rand.NewPCG(uint64(n), 1))
	g := &Graph{}
	name := func(i int) string { return fmt.Sprintf("s%06d", i) }
	for i := range n {
		g.Nodes = append(g.Nodes, &Node{Name: name(i), Kind: Service, Replicas: 1 + rng.IntN(2), ReplicasKnown: true})
	}
	seen := map[[2]int]bool{}
	for i := range n {
		lo := (i*10/n + 1) * n / 10
		for k := range deg {
			j := lo + rng.IntN(max(n-lo, 1))
			if lo >= n || rng.IntN(100) == 0 {
				j = rng.IntN(n)
			}
			if j >= n || seen[[2]int{i, j}] {
				continue
			}
			seen[[2]int{i, j}] = true
			e := &Edge{From: name(i), To: name(j), Idempotent: true, Timeout: time.Duration(1+rng.IntN(9)) * 100 * time.Millisecond}
			switch rng.IntN(20) {
			case 0:
				e.Criticality = Soft
			case 1:
				e.Mode = ModeAsync
			case 2, 3:
				e.Group = fmt.Sprint("g", k/2)
			}
			if rng.IntN(5) == 0 {
				e.Retries.Attempts = 2 + rng.IntN(3)
			}
			g.Edges = append(g.Edges, e)
		}
	}
	for k := range 20 {
		g.Entrypoints = append(g.Entrypoints, &Entrypoint{Name: fmt.Sprint("e", k), Service: name(rng.IntN(max(n/10, 1)))})
	}
	g.Index()
	return g
}

func BenchmarkAlgorithms(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		g := layered(n, 5)
		b.Run(fmt.Sprintf("Components/services=%d", n), func(b *testing.B) {
			for b.Loop() {
				g.Components((*Edge).Sync)
			}
		})
		b.Run(fmt.Sprintf("Requirements/services=%d", n), func(b *testing.B) {
			for b.Loop() {
				g.Requirements()
			}
		})
		b.Run(fmt.Sprintf("AmplificationPaths/services=%d", n), func(b *testing.B) {
			for b.Loop() {
				g.AmplificationPaths()
			}
		})
		b.Run(fmt.Sprintf("LatencyPaths/services=%d", n), func(b *testing.B) {
			for b.Loop() {
				g.LatencyPaths()
			}
		})
	}
}
