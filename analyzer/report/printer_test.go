package report

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/graph/svg"
)

// TestPrintersWithoutGraph: the formats that do not need a graph print a
// result without one; those that draw it say there is none.
func TestPrintersWithoutGraph(t *testing.T) {
	res := &analyzer.Result{Root: fixtureRoot, Findings: fixtureFindings(t)}
	for name, p := range map[string]Printer{
		"text": Text{}, "json": JSON{}, "sarif": SARIF{Rules: fixtureRules()}, "github": GitHub{},
		"html": HTML{Rules: fixtureRules()},
	} {
		var buf bytes.Buffer
		if err := p.Print(&buf, res, res.Findings); err != nil || buf.Len() == 0 {
			t.Errorf("%s: %v, %d bytes", name, err, buf.Len())
		}
	}
	for name, p := range map[string]Printer{"dot": DOT{}, "svg": SVG{Picture: Picture{Renderer: inProcess}}} {
		if err := p.Print(&bytes.Buffer{}, res, res.Findings); !errors.Is(err, ErrNoGraph) {
			t.Errorf("%s: err = %v, want ErrNoGraph", name, err)
		}
	}
}

// TestJSONFocus: JSON with a Picture cuts the graph and the findings as
// the picture does.
func TestJSONFocus(t *testing.T) {
	res := fixtureResult(t)
	var buf bytes.Buffer
	if err := (JSON{Picture: Picture{Focus: "admin"}}).Print(&buf, res, res.Findings); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings, Suppressed []analyzer.Finding
		Graph                struct{ Nodes []struct{ Name string } }
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	sub, kept, err := Picture{Focus: "admin"}.Apply(res.Graph, res.Findings)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Graph.Nodes) != len(sub.Nodes) || len(doc.Findings)+len(doc.Suppressed) != len(kept) || len(kept) == len(res.Findings) {
		t.Errorf("%d nodes and %d findings, want %d and %d (of %d)", len(doc.Graph.Nodes), len(doc.Findings)+len(doc.Suppressed), len(sub.Nodes), len(kept), len(res.Findings))
	}
	if err := (JSON{Picture: Picture{Focus: "nope"}}).Print(&bytes.Buffer{}, res, res.Findings); err == nil {
		t.Error("an unknown focus gave no error")
	}
}

// TestSVGRenderer: the SVG printer draws with the Picture's Renderer, and
// fails without one.
func TestSVGRenderer(t *testing.T) {
	res := fixtureResult(t)
	const picture = `<svg xmlns="http://www.w3.org/2000/svg"><g id="node-gateway"/></svg>`
	var got []byte
	fake := svg.Func(func(_ context.Context, dot []byte) ([]byte, error) {
		got = dot
		return []byte(picture), nil
	})
	var buf bytes.Buffer
	if err := (SVG{Picture: Picture{Renderer: fake}}).Print(&buf, res, res.Findings); err != nil {
		t.Fatal(err)
	}
	if buf.String() != picture {
		t.Errorf("wrote %q, want the renderer's picture", buf.String())
	}
	if !strings.HasPrefix(string(got), "digraph faultline {") {
		t.Errorf("the renderer was given %q, want the DOT", got)
	}
	if err := (SVG{}).Print(&bytes.Buffer{}, res, res.Findings); !errors.Is(err, svg.ErrNoRenderer) {
		t.Errorf("no renderer: err = %v, want svg.ErrNoRenderer", err)
	}
}

func TestCaretColumn(t *testing.T) {
	for _, tt := range []struct {
		src       string
		col, want int
	}{
		{"\treturn x", 2, 4}, {"\t\tx := f()", 8, 13}, {"abc", 1, 0}, {"abc", 4, 3}, {"abc", 9, -1}, {"abc", 0, -1},
	} {
		if got := caretColumn(tt.src, tt.col); got != tt.want {
			t.Errorf("caretColumn(%q, %d) = %d, want %d", tt.src, tt.col, got, tt.want)
		}
	}
}

// TestJSONStreamed checks that JSON, which writes its document part by
// part, writes the bytes of encoding the whole document at once: with and
// without suppressed findings, groups and a graph, an empty document, and
// text with HTML characters and quotes.
func TestJSONStreamed(t *testing.T) {
	whole := func(res *analyzer.Result, fs []analyzer.Finding) []byte {
		doc := jsonDoc{Version: 1, Findings: []analyzer.Finding{}}
		for _, f := range fs {
			if f.Suppression == nil {
				doc.Findings = append(doc.Findings, f)
			} else {
				doc.Suppressed = append(doc.Suppressed, f)
			}
		}
		if res != nil {
			doc.Groups = res.Groups
			if res.Graph != nil {
				j := res.Graph.ToJSON()
				doc.Graph = &j
			}
		}
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	full := fixtureResult(t)
	fs := slices.Clone(full.Findings)
	fs[0].Message = `<b>"quoted" & more</b>`
	fs[1].Suppression = &analyzer.Suppression{Kind: "inSource", Reason: "a <reason>", File: "a.go", Line: 3}
	grouped := fixtureResult(t)
	grouped.Groups = []analyzer.Group{{Rule: "ctxdeadline", Message: "one <line>", Top: "a.go:1", Findings: []string{"a.go:1", "b.go:2"}, Calls: 3, Services: 1}}
	for name, tc := range map[string]struct {
		res *analyzer.Result
		fs  []analyzer.Finding
	}{
		"findings and graph":              {full, full.Findings},
		"suppressed, escapes":             {full, fs},
		"groups":                          {grouped, grouped.Findings},
		"no graph":                        {&analyzer.Result{Root: fixtureRoot}, fs},
		"nothing":                         {&analyzer.Result{Root: fixtureRoot}, nil},
		"only suppressed":                 {&analyzer.Result{Root: fixtureRoot}, fs[1:2]},
		"nil result (a caller's own use)": {nil, fs[:3]},
	} {
		var got bytes.Buffer
		if err := (JSON{}).Print(&got, tc.res, tc.fs); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := whole(tc.res, tc.fs); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: streamed JSON differs from the whole document:\n got %q\nwant %q", name, got.String(), want)
		}
	}
}
