// Package svg turns Graphviz DOT into SVG pictures for faultline's
// reports, and checks SVG before an HTML page embeds it.
//
// The layout itself is done by a Renderer the caller passes: a program
// (Program: faultline-render, a WebAssembly build of Graphviz, or a system
// `dot`, see Dot) or an in-process layout (Func, such as
// graph/svg/builtin's). faultline's command line decides which, and runs a
// program of its own so that the WebAssembly start-up cost stays out of
// every faultline process (go vet runs faultline hundreds of times) and a
// layout that runs too long can be killed.
//
// Graphviz's dot layout is superlinear in the size of the graph: on a
// 2-core machine a layered graph of 1,000 nodes and 1,500 edges takes about
// 2 s, while 1,000 nodes with 4,000 edges take minutes, natively as in
// WebAssembly. CheckSize refuses graphs above MaxNodes or MaxEdges before
// any work is done, and Render gives up after a timeout, so that rendering
// never hangs a run.
package svg

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// The largest graph Render is asked to lay out: nodes (entrypoints count
// as nodes) and edges.
const (
	MaxNodes = 1000
	MaxEdges = 2000
)

// DefaultTimeout bounds a layout when Options.Timeout is zero.
const DefaultTimeout = 60 * time.Second

// TooLargeError reports a graph above the rendering limits.
type TooLargeError struct {
	Nodes, Edges int
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the graph has %d nodes and %d edges, more than a picture can show (at most %d nodes and %d edges): draw part of it with faultline graph -focus ENTRYPOINT or -depth N, or write -format dot or json",
		e.Nodes, e.Edges, MaxNodes, MaxEdges)
}

// CheckSize returns a *TooLargeError when a graph of this size is above
// the limits.
func CheckSize(nodes, edges int) error {
	if nodes > MaxNodes || edges > MaxEdges {
		return &TooLargeError{Nodes: nodes, Edges: edges}
	}
	return nil
}

// Options configures Render.
type Options struct {
	// Renderer lays the graph out; Render returns ErrNoRenderer when it
	// is nil.
	Renderer Renderer
	// Timeout bounds the layout; zero means DefaultTimeout.
	Timeout time.Duration
}

// ErrNoRenderer is returned by Render when it is given no renderer.
var ErrNoRenderer = errors.New("no SVG renderer")

// ErrTimeout is returned when the layout does not finish in time.
var ErrTimeout = errors.New("the graph layout did not finish in time: cut the graph down with -focus ENTRYPOINT or -depth N")

// Render lays out the DOT graph with opt.Renderer and writes it to w as a
// standalone SVG document, once Inline has checked it.
func Render(ctx context.Context, w io.Writer, dot []byte, opt Options) error {
	if opt.Renderer == nil {
		return ErrNoRenderer
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	out, err := opt.Renderer.Render(ctx, dot)
	if err != nil {
		return err
	}
	if _, err := Inline(out); err != nil {
		return fmt.Errorf("svg: the renderer wrote invalid SVG: %w", err)
	}
	_, err = w.Write(out)
	return err
}

func timeoutErr(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return ErrTimeout
	}
	return ctx.Err()
}

// Inline checks that svg is one well-formed SVG document with nothing
// active in it (no scripts, foreign objects or event handlers, no links
// other than to fragments), and returns its <svg> element alone, without
// the XML declaration, doctype and comments around it: the form an HTML
// page embeds.
func Inline(svg []byte) ([]byte, error) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	start, end := -1, -1
	depth := 0
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if start >= 0 || tok.Name.Local != "svg" {
					return nil, fmt.Errorf("want one <svg> element, found <%s>", tok.Name.Local)
				}
				start = int(off)
			}
			depth++
			switch strings.ToLower(tok.Name.Local) {
			case "script", "foreignobject", "iframe", "object", "embed", "style", "image", "use":
				return nil, fmt.Errorf("SVG has a <%s> element", tok.Name.Local)
			}
			for _, a := range tok.Attr {
				name := strings.ToLower(a.Name.Local)
				if strings.HasPrefix(name, "on") {
					return nil, fmt.Errorf("SVG has an event attribute %s", a.Name.Local)
				}
				if name == "href" && !strings.HasPrefix(a.Value, "#") {
					return nil, fmt.Errorf("SVG links to %q", a.Value)
				}
			}
		case xml.EndElement:
			depth--
			if depth == 0 {
				end = int(dec.InputOffset())
			}
		}
	}
	if start < 0 || end < 0 {
		return nil, errors.New("no <svg> element")
	}
	return svg[start:end], nil
}
