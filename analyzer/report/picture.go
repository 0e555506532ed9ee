package report

import (
	"bytes"
	"context"
	"errors"
	"io"
	"slices"
	"time"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/dot"
	"github.com/faultline-dev/faultline/graph/svg"
	"github.com/faultline-dev/faultline/rules"
)

// Picture says which part of the graph to draw and how to render it; the
// DOT, SVG and HTML printers share it.
type Picture struct {
	// Focus is an entrypoint (or a node) whose reachable part of the graph
	// is drawn; empty for the whole graph.
	Focus string
	// Depth limits the picture to this many hops from the focus, or from
	// every entrypoint when there is no focus; 0 for no limit.
	Depth int
	// Renderer lays out SVG pictures (the SVG and HTML printers): the
	// caller's choice, such as svg.Program running faultline-render or
	// svg.Dot running a Graphviz dot program. Without one, drawing fails
	// with svg.ErrNoRenderer.
	Renderer svg.Renderer
	// Timeout bounds the SVG layout; 0 means svg.DefaultTimeout.
	Timeout time.Duration
}

// edgeLabelLimit is the number of edges above which SVG pictures leave edge
// labels out (they stay in tooltips): each label is a node to Graphviz's
// layout, which is superlinear.
const edgeLabelLimit = 400

// Apply returns the part of g the picture shows and the findings about it:
// g and fs themselves without a focus or a depth.
func (p Picture) Apply(g *graph.Graph, fs []analyzer.Finding) (*graph.Graph, []analyzer.Finding, error) {
	sub, kept, _, err := p.prepare(g, fs)
	return sub, kept, err
}

// prepare cuts g down to the picture and marks the unsuppressed findings
// on its nodes and edges. With a focus, only the findings about what is
// drawn are kept.
func (p Picture) prepare(g *graph.Graph, fs []analyzer.Finding) (*graph.Graph, []analyzer.Finding, dot.Options, error) {
	opt := dot.Options{Nodes: map[string]dot.Mark{}, Edges: map[string]dot.Mark{}}
	sub, err := g.Focus(p.Focus, p.Depth)
	if err != nil {
		return nil, nil, opt, err
	}
	var kept []analyzer.Finding
	edges := edgeIndex(sub)
	var full map[string]*graph.Edge
	if sub != g {
		full = edgeIndex(g)
	}
	for _, f := range fs {
		if sub != g && !touches(sub, f) {
			continue
		}
		kept = append(kept, f)
		if f.Suppression != nil {
			continue
		}
		els := elementsOf(sub, edges, f)
		// A finding about calls the focused picture leaves out is shown
		// on its service's node, whose label then says so.
		folded := sub != g && len(els) == 1 && !els[0].edge && slices.ContainsFunc(elementsOf(g, full, f), func(el element) bool { return el.edge })
		for _, el := range els {
			if el.edge {
				m := opt.Edges[el.key]
				m.Add(level(f.Severity))
				opt.Edges[el.key] = m
			} else {
				m := opt.Nodes[el.key]
				m.Add(level(f.Severity))
				if folded {
					m.Folded++
				}
				opt.Nodes[el.key] = m
			}
		}
	}
	return sub, kept, opt, nil
}

// touches reports whether a finding is about something in g.
func touches(g *graph.Graph, f analyzer.Finding) bool {
	if g.Node(f.Service) != nil || g.Node(f.Target) != nil {
		return true
	}
	for _, n := range f.Path {
		if g.Node(n) != nil {
			return true
		}
	}
	return false
}

// element is a node (key: its name) or an edge (key: Edge.Key) of the
// picture.
type element struct {
	key  string
	edge bool
	id   string // the picture's element id
}

// edgeIndex maps Edge.Key to the edges of g (the first of two edges
// between the same nodes).
func edgeIndex(g *graph.Graph) map[string]*graph.Edge {
	m := make(map[string]*graph.Edge, len(g.Edges))
	for _, e := range g.Edges {
		if _, ok := m[e.Key()]; !ok {
			m[e.Key()] = e
		}
	}
	return m
}

// elementsOf returns what a finding is drawn on: the edges of its path,
// or the edge from its service to its target, or its service's node.
// edges is the edgeIndex of g.
func elementsOf(g *graph.Graph, edges map[string]*graph.Edge, f analyzer.Finding) []element {
	var els []element
	for i := 0; i+1 < len(f.Path); i++ {
		if e := edges[f.Path[i]+"->"+f.Path[i+1]]; e != nil {
			els = append(els, element{key: e.Key(), edge: true, id: dot.EdgeID(e.From, e.To)})
		}
	}
	if len(els) > 0 {
		return els
	}
	if f.Target != "" {
		if e := edges[f.Service+"->"+f.Target]; e != nil {
			return []element{{key: e.Key(), edge: true, id: dot.EdgeID(e.From, e.To)}}
		}
	}
	if g.Node(f.Service) != nil {
		return []element{{key: f.Service, id: dot.NodeID(f.Service)}}
	}
	return nil
}

func level(s rules.Severity) dot.Level {
	switch s {
	case rules.Error:
		return dot.Error
	case rules.Warning:
		return dot.Warning
	case rules.Note:
		return dot.Note
	}
	return dot.None
}

// ErrNoGraph is returned by the printers that draw the graph (DOT, SVG)
// when the result has none.
var ErrNoGraph = errors.New("no graph: there is no topology and no service was found in the code")

// DOT writes the graph as Graphviz DOT, with the nodes and edges that have
// findings coloured by their worst severity.
type DOT struct {
	Picture Picture
}

// Print writes the graph of res with the findings fs marked.
func (p DOT) Print(w io.Writer, res *analyzer.Result, fs []analyzer.Finding) error {
	if res == nil || res.Graph == nil {
		return ErrNoGraph
	}
	sub, _, opt, err := p.Picture.prepare(res.Graph, fs)
	if err != nil {
		return err
	}
	return dot.Write(w, sub, opt)
}

// SVG writes the graph as an SVG picture, laid out by the Picture's
// Renderer. A graph above the size svg.CheckSize allows is refused with a
// *svg.TooLargeError before any layout work.
type SVG struct {
	Picture Picture
}

// Print renders the graph of res with the findings fs marked.
func (p SVG) Print(w io.Writer, res *analyzer.Result, fs []analyzer.Finding) error {
	if res == nil || res.Graph == nil {
		return ErrNoGraph
	}
	sub, _, opt, err := p.Picture.prepare(res.Graph, fs)
	if err != nil {
		return err
	}
	data, err := p.Picture.render(sub, opt)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// render checks the size of g and renders it to SVG.
func (p Picture) render(g *graph.Graph, opt dot.Options) ([]byte, error) {
	if err := svg.CheckSize(len(g.Nodes)+len(g.Entrypoints), len(g.Edges)+len(g.Entrypoints)); err != nil {
		return nil, err
	}
	opt.NoEdgeLabels = len(g.Edges) > edgeLabelLimit
	var src bytes.Buffer
	if err := dot.Write(&src, g, opt); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := svg.Render(context.Background(), &out, src.Bytes(), svg.Options{Renderer: p.Renderer, Timeout: p.Timeout}); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// IsTooLarge reports whether err says the graph is too large to draw.
func IsTooLarge(err error) bool {
	var tl *svg.TooLargeError
	return errors.As(err, &tl)
}
