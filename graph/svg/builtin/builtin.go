// Package builtin lays out Graphviz DOT and renders it to SVG in-process
// with github.com/goccy/go-graphviz, a WebAssembly build of Graphviz run by
// a pure Go runtime: no system Graphviz and no cgo are needed. It is the
// only package of faultline that imports go-graphviz.
//
// go-graphviz compiles its WebAssembly module when the program starts (in
// package initialisation), which costs every process that links it 0.1 s or
// more. faultline itself must not pay that on each of the hundreds of runs
// `go vet -vettool` makes, so only the small renderer program,
// cmd/faultline-render, links this package; faultline runs that program
// when it needs a picture (an svg.Program its command line passes to
// package graph/svg). Tests lay out in-process with svg.Func(Render).
package builtin

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/goccy/go-graphviz"
)

// mu serialises layouts: go-graphviz runs one WebAssembly module for the
// whole process.
var mu sync.Mutex

// Render lays out the DOT graph with Graphviz's dot layout and returns it
// as a standalone SVG document. It ignores ctx's cancellation once the
// layout has started (the WebAssembly call cannot be interrupted); the
// renderer program is killed instead when it runs too long.
//
// Graphviz's own clean-up reports the warnings of the whole process as
// errors (gvFreeContext returns a count of them), so its result is ignored;
// the layout's and the renderer's are not.
func Render(ctx context.Context, dot []byte) (out []byte, err error) {
	mu.Lock()
	defer mu.Unlock()
	defer func() {
		if r := recover(); r != nil { // the WebAssembly runtime panics on traps
			out, err = nil, fmt.Errorf("the built-in Graphviz failed: %v", r)
		}
	}()
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("starting the built-in Graphviz: %w", err)
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, err
	}
	if g == nil {
		return nil, errors.New("Graphviz could not read the DOT input")
	}
	defer g.Close()
	var buf bytes.Buffer
	if err := gv.Render(ctx, g, graphviz.SVG, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
