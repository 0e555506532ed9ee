package svg

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// A Renderer lays out a Graphviz DOT graph and returns it as a standalone
// SVG document. It must give up when ctx ends. Render checks what it
// returns before writing it.
//
// Package svg does not choose a renderer: its caller does (faultline's
// command line runs faultline-render, or a Graphviz dot program when asked;
// tests and faultline-render itself lay out in-process with
// graph/svg/builtin).
type Renderer interface {
	Render(ctx context.Context, dot []byte) ([]byte, error)
}

// Program is a Renderer that runs a program, which reads DOT on its
// standard input and writes SVG to its standard output: faultline-render,
// or a Graphviz dot program (see Dot). The program is killed when the
// layout runs out of time.
type Program struct {
	// Path is the program to run, a path or a name looked up on PATH.
	Path string
	// Args are its arguments.
	Args []string
}

// Dot returns the Renderer that runs the Graphviz dot program at path.
func Dot(path string) Program { return Program{Path: path, Args: []string{"-Tsvg"}} }

// Render runs the program on dot.
func (p Program) Render(ctx context.Context, dot []byte) ([]byte, error) {
	cmd := exec.CommandContext(ctx, p.Path, p.Args...)
	cmd.Stdin = bytes.NewReader(dot)
	cmd.WaitDelay = time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, timeoutErr(ctx)
		}
		msg := strings.TrimSpace(stderr.String())
		if msg != "" {
			return nil, fmt.Errorf("svg: %s: %v: %s", p.Path, err, msg)
		}
		return nil, fmt.Errorf("svg: %s: %w", p.Path, err)
	}
	return stdout.Bytes(), nil
}

// Func is a Renderer that lays out in-process, such as builtin.Render. An
// in-process layout cannot be stopped: when ctx ends, Render stops waiting
// for it and returns, and the layout finishes in the background.
type Func func(ctx context.Context, dot []byte) ([]byte, error)

// Render runs the layout, giving up (but not stopping it) when ctx ends.
func (f Func) Render(ctx context.Context, dot []byte) ([]byte, error) {
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := f(ctx, dot)
		done <- result{out, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return nil, fmt.Errorf("svg: %w", r.err)
		}
		return r.out, nil
	case <-ctx.Done():
		return nil, timeoutErr(ctx)
	}
}
