package cli

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/analyzer/report"
	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/svg"
	"github.com/faultline-dev/faultline/rules"
)

const fakeSVG = `<svg xmlns="http://www.w3.org/2000/svg"><g id="node-api"><text>api</text></g></svg>`

func smallResult() *analyzer.Result {
	g := &graph.Graph{
		Nodes: []*graph.Node{
			{Name: "api", Kind: graph.Service, Replicas: 1, ReplicasKnown: true},
			{Name: "db", Kind: graph.Datastore, Engine: "postgres"},
		},
		Edges:       []*graph.Edge{{From: "api", To: "db", Protocol: "sql"}},
		Entrypoints: []*graph.Entrypoint{{Name: "web", Service: "api"}},
	}
	g.Index()
	return &analyzer.Result{
		Root:     "/src/app",
		Module:   "example.com/app",
		Topology: "topology.cue",
		Graph:    g,
		Findings: []analyzer.Finding{
			{Rule: "spof", Severity: rules.Error, Message: "api is a single point of failure", File: "topology.cue", Line: 3, Column: 2, Service: "api"},
			{Rule: "notimeout", Severity: rules.Warning, Message: "api->db has no timeout", File: "topology.cue", Line: 4, Column: 3, Service: "api", Target: "db"},
		},
	}
}

// TestFormatTable: the table has a printer for every format check, graph
// and check -report write, and for nothing else, and each of them prints.
func TestFormatTable(t *testing.T) {
	res := smallResult()
	var rendered int
	pic := report.Picture{Renderer: svg.Func(func(context.Context, []byte) ([]byte, error) {
		rendered++
		return []byte(fakeSVG), nil
	})}
	table := printers(res, pic)
	used := map[string]bool{}
	for _, f := range checkFormats {
		used[f] = true
	}
	for _, f := range graphFormats {
		used[f] = true
	}
	for _, f := range reportFiles {
		used[f.format] = true
	}
	for name := range table {
		if !used[name] {
			t.Errorf("the table has %s, which no command writes", name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(used)) {
		p, ok := table[name]
		if !ok {
			t.Errorf("no printer for %s", name)
			continue
		}
		var buf bytes.Buffer
		if err := p.Print(&buf, res, res.Findings); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		want := map[string]string{
			"text": "topology.cue:3:2: api is a single point of failure (spof)", "json": `"version": 1`,
			"sarif": `"version": "2.1.0"`, "github": "::error file=topology.cue,line=3,col=2,title=spof (faultline)::",
			"dot": "digraph faultline {", "svg": fakeSVG, "html": fakeSVG,
		}[name]
		if want == "" || !strings.Contains(buf.String(), want) {
			t.Errorf("%s wrote %q, want it to contain %q", name, buf.String(), want)
		}
	}
	if rendered != 2 { // svg and html
		t.Errorf("the renderer drew %d pictures, want 2", rendered)
	}
}

// TestFormatsAccepted: check and graph accept the formats they always
// have, and their errors list them.
func TestFormatsAccepted(t *testing.T) {
	if want := []string{"text", "json", "sarif", "github"}; !slices.Equal(checkFormats, want) {
		t.Errorf("check formats %q, want %q", checkFormats, want)
	}
	if want := []string{"dot", "svg", "html", "json"}; !slices.Equal(graphFormats, want) {
		t.Errorf("graph formats %q, want %q", graphFormats, want)
	}
	for _, tt := range []struct{ cmd, format, want string }{
		{"check", "dot", `faultline: -format "dot": want text, json, sarif or github`},
		{"check", "png", `faultline: -format "png": want text, json, sarif or github`},
		{"graph", "sarif", `faultline: -format "sarif": want dot, svg, html or json`},
		{"graph", "text", `faultline: -format "text": want dot, svg, html or json`},
	} {
		var stdout, stderr bytes.Buffer
		if code := Main([]string{tt.cmd, "-format", tt.format}, &stdout, &stderr); code != ExitInput {
			t.Errorf("%s -format %s: exit %d, want %d", tt.cmd, tt.format, code, ExitInput)
		}
		if got := strings.TrimSpace(stderr.String()); got != tt.want {
			t.Errorf("%s -format %s: stderr %q, want %q", tt.cmd, tt.format, got, tt.want)
		}
	}
}

// fakeProgram writes a shell script named name into a new directory: it
// saves its arguments next to itself and prints fakeSVG.
func fakeProgram(t *testing.T, name string) (path, args string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake renderer is a shell script")
	}
	path = filepath.Join(t.TempDir(), name)
	args = path + ".args"
	script := "#!/bin/sh\necho \"$@\" > '" + args + "'\ncat > /dev/null\nprintf '%s\\n' '" + fakeSVG + "'\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path, args
}

// TestRendererDotBinary: -dot-binary runs that program as Graphviz dot.
func TestRendererDotBinary(t *testing.T) {
	bin, args := fakeProgram(t, "dot")
	var buf bytes.Buffer
	if err := svg.Render(context.Background(), &buf, []byte("digraph {}"), svg.Options{Renderer: renderer{dotBinary: bin}}); err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(buf.String()) != fakeSVG {
		t.Errorf("got %q", buf.String())
	}
	if got, _ := os.ReadFile(args); strings.TrimSpace(string(got)) != "-Tsvg" {
		t.Errorf("dot was run with %q, want -Tsvg", got)
	}
}

// TestLookupRenderer: $FAULTLINE_RENDER first, then faultline-render on
// PATH (nothing is built when one is found).
func TestLookupRenderer(t *testing.T) {
	bin, _ := fakeProgram(t, rendererName)
	t.Setenv("FAULTLINE_RENDER", "/elsewhere/render")
	if got, err := lookupRenderer(context.Background(), nil); err != nil || got != "/elsewhere/render" {
		t.Errorf("with FAULTLINE_RENDER: %q, %v", got, err)
	}
	t.Setenv("FAULTLINE_RENDER", "")
	t.Setenv("PATH", filepath.Dir(bin))
	if got, err := lookupRenderer(context.Background(), nil); err != nil || got != bin {
		t.Errorf("on PATH: %q, %v; want %s", got, err, bin)
	}
}

// TestSourceRoot: run from the source tree, faultline finds it, to build
// faultline-render from it.
func TestSourceRoot(t *testing.T) {
	want, err := filepath.Abs(filepath.Join("..", "..", "..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if got := sourceRoot(); got != want {
		t.Errorf("sourceRoot() = %q, want %q", got, want)
	}
}
