// Command gentopology writes a generated topology of N services (about 5
// edges each) to standard output, for benchmarks and PERF.md's
// measurements:
//
//	go run ./scripts/gentopology 10000 > topology.cue
//	go run ./scripts/gentopology -n 10000 -edges 5 -seed 1 > topology.cue
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"

	"github.com/faultline-dev/faultline/graph/topology"
)

func main() {
	n := flag.Int("n", 1000, "number of services (or give it as the only argument)")
	edges := flag.Int("edges", 5, "dependencies per service")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: gentopology [-n N] [-edges E] [-seed S] [N]")
		flag.PrintDefaults()
	}
	flag.Parse()
	switch flag.NArg() {
	case 0:
	case 1:
		v, err := strconv.Atoi(flag.Arg(0))
		if err != nil || v < 0 {
			fmt.Fprintf(os.Stderr, "gentopology: %q: want a number of services\n", flag.Arg(0))
			os.Exit(2)
		}
		*n = v
	default:
		flag.Usage()
		os.Exit(2)
	}
	if _, err := os.Stdout.Write(topology.Generate(*n, *edges, *seed)); err != nil {
		fmt.Fprintln(os.Stderr, "gentopology:", err)
		os.Exit(1)
	}
}
