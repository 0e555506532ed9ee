// Command gentopology writes a generated topology of N services (about 5
// edges each) to standard output, for benchmarks: go run
// ./scripts/gentopology -n 10000 > topology.cue
package main

import (
	"flag"
	"os"

	"github.com/faultline-dev/faultline/graph/topology"
)

func main() {
	n := flag.Int("n", 1000, "number of services")
	edges := flag.Int("edges", 5, "dependencies per service")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	os.Stdout.Write(topology.Generate(*n, *edges, *seed))
}
