// Command faultline-render lays out a Graphviz DOT graph read from standard
// input and writes it to standard output as SVG, with a WebAssembly build
// of Graphviz (no system Graphviz, no cgo).
//
// faultline runs it to draw pictures (graph -format svg|html, check
// -report). It is a program of its own because the WebAssembly Graphviz is
// compiled at process start, a cost faultline must not pay on every `go
// vet` run. faultline finds it next to itself or on PATH, or builds it once
// into the user cache; `go install
// github.com/faultline-dev/faultline/cmd/...@latest` installs both.
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/faultline-dev/faultline/graph/svg/builtin"
)

// maxInput bounds the DOT read: faultline refuses graphs long before.
const maxInput = 64 << 20

func main() {
	if len(os.Args) > 1 {
		fmt.Fprintln(os.Stderr, "usage: faultline-render < graph.dot > graph.svg")
		os.Exit(2)
	}
	dot, err := io.ReadAll(io.LimitReader(os.Stdin, maxInput+1))
	if err != nil {
		fmt.Fprintf(os.Stderr, "faultline-render: reading the graph: %v\n", err)
		os.Exit(1)
	}
	if len(dot) > maxInput {
		fmt.Fprintf(os.Stderr, "faultline-render: the graph is larger than %d MiB\n", maxInput>>20)
		os.Exit(1)
	}
	out, err := builtin.Render(context.Background(), dot)
	if err != nil {
		fmt.Fprintf(os.Stderr, "faultline-render: %v\n", err)
		os.Exit(1)
	}
	if _, err := os.Stdout.Write(out); err != nil {
		fmt.Fprintf(os.Stderr, "faultline-render: %v\n", err)
		os.Exit(1)
	}
}
