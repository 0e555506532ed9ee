package svg

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/dot"
	"github.com/faultline-dev/faultline/graph/internal/graphviztest"
	"github.com/faultline-dev/faultline/graph/svg/builtin"
)

// inProcess renders with the WebAssembly Graphviz in the test process,
// as faultline-render does.
var inProcess = Func(builtin.Render)

var hostile = []string{`<script>alert(1)</script>`, `a"b`, `c&d`, `back\slash\`}

func smallDOT(t *testing.T) []byte {
	t.Helper()
	g := &graph.Graph{
		Nodes: []*graph.Node{
			{Name: "gateway", Kind: graph.Service, Replicas: 2, ReplicasKnown: true},
			{Name: "orders", Kind: graph.Datastore, Engine: "postgres"},
			{Name: "events", Kind: graph.Queue},
			{Name: "stripe", Kind: graph.External},
		},
		Edges: []*graph.Edge{
			{From: "gateway", To: "orders", Protocol: "sql", Timeout: time.Second},
			{From: "gateway", To: "events", Mode: graph.ModeAsync},
			{From: "gateway", To: "stripe", Retries: graph.Retries{Attempts: 3}, Breaker: true},
		},
		Entrypoints: []*graph.Entrypoint{{Name: "web", Service: "gateway"}},
	}
	for _, n := range hostile {
		g.Nodes = append(g.Nodes, &graph.Node{Name: n, Kind: graph.Service})
		g.Edges = append(g.Edges, &graph.Edge{From: "gateway", To: n})
	}
	g.Index()
	var buf bytes.Buffer
	if err := dot.Write(&buf, g, dot.Options{Nodes: map[string]dot.Mark{"orders": {Level: dot.Error, Findings: 1}}}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkSVG parses svg as XML and checks the ids and texts of the small
// graph.
func checkSVG(t *testing.T, svg []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = true
	ids := map[string]bool{}
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			for _, a := range tok.Attr {
				if a.Name.Local == "id" {
					ids[a.Value] = true
				}
			}
		case xml.CharData:
			text.Write(tok)
		}
	}
	for _, n := range append([]string{"gateway", "orders", "stripe"}, hostile...) {
		if !ids[dot.NodeID(n)] {
			t.Errorf("no element with id %s", dot.NodeID(n))
		}
		if !strings.Contains(text.String(), n) {
			t.Errorf("the text %q is not shown", n)
		}
	}
	for _, id := range []string{dot.EdgeID("gateway", "orders"), dot.EntryID("web"), dot.EntryEdgeID("web")} {
		if !ids[id] {
			t.Errorf("no element with id %s", id)
		}
	}
	if _, err := Inline(svg); err != nil {
		t.Errorf("Inline: %v", err)
	}
}

func TestBuiltin(t *testing.T) {
	var buf bytes.Buffer
	if err := Render(context.Background(), &buf, smallDOT(t), Options{Renderer: inProcess}); err != nil {
		t.Fatal(err)
	}
	checkSVG(t, buf.Bytes())
	// Deterministic: a second rendering gives the same bytes.
	var again bytes.Buffer
	if err := Render(context.Background(), &again, smallDOT(t), Options{Renderer: inProcess}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("two renderings differ")
	}
}

func TestSystemBinary(t *testing.T) {
	bin := graphviztest.SystemDot(t)
	var buf bytes.Buffer
	if err := Render(context.Background(), &buf, smallDOT(t), Options{Renderer: Dot(bin)}); err != nil {
		t.Fatal(err)
	}
	checkSVG(t, buf.Bytes())
}

func TestBadInput(t *testing.T) {
	var buf bytes.Buffer
	err := Render(context.Background(), &buf, []byte("digraph { a -> "), Options{Renderer: inProcess})
	if err == nil {
		t.Fatalf("broken DOT rendered: %s", buf.Bytes())
	}
	if err := Render(context.Background(), &buf, []byte("digraph {}"), Options{Renderer: Dot("/nonexistent/dot")}); err == nil {
		t.Fatal("a missing binary rendered")
	}
}

func TestCheckSize(t *testing.T) {
	if err := CheckSize(MaxNodes, MaxEdges); err != nil {
		t.Errorf("at the limit: %v", err)
	}
	for _, size := range [][2]int{{MaxNodes + 1, 0}, {10, MaxEdges + 1}} {
		err := CheckSize(size[0], size[1])
		var tl *TooLargeError
		if !errors.As(err, &tl) || !strings.Contains(err.Error(), "-focus") {
			t.Errorf("CheckSize(%d, %d) = %v, want a TooLargeError suggesting -focus", size[0], size[1], err)
		}
	}
}

func TestInline(t *testing.T) {
	good := `<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<!-- comment -->
<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><text>x</text></g></svg>
`
	got, err := Inline([]byte(good))
	if err != nil || !strings.HasPrefix(string(got), "<svg") || !strings.HasSuffix(string(got), "</svg>") {
		t.Errorf("Inline(good) = %q, %v", got, err)
	}
	for _, bad := range []string{
		`<svg><script>alert(1)</script></svg>`,
		`<svg><g onclick="alert(1)"/></svg>`,
		`<svg xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`,
		`<svg><foreignObject/></svg>`,
		`<svg></svg><svg></svg>`,
		`<svg><g></svg>`,
		`<html/>`,
		``,
	} {
		if _, err := Inline([]byte(bad)); err == nil {
			t.Errorf("Inline(%q) accepted it", bad)
		}
	}
}

// TestTimeout lays out a graph that takes seconds with a timeout of a few
// milliseconds: Render must give up at once, and the next Render must wait
// for the abandoned layout and then succeed.
func TestTimeout(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	var b strings.Builder
	b.WriteString("digraph G {\n")
	const n = 600
	for i := range n {
		for d := 1; d <= 3; d++ {
			if j := (i*7 + d*13) % n; j > i {
				fmt.Fprintf(&b, "n%d -> n%d [label=\"grpc 2s\"];\n", i, j)
			}
		}
	}
	b.WriteString("}\n")
	start := time.Now()
	err := Render(context.Background(), io.Discard, []byte(b.String()), Options{Renderer: inProcess, Timeout: 20 * time.Millisecond})
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Render took %v to time out", d)
	}
	var buf bytes.Buffer
	if err := Render(context.Background(), &buf, smallDOT(t), Options{Renderer: inProcess, Timeout: 2 * time.Minute}); err != nil {
		t.Fatalf("after a timeout: %v", err)
	}
	checkSVG(t, buf.Bytes())
}

// TestConcurrent renders from several goroutines at once: the built-in
// renderer is one WebAssembly module, so Render serialises its use.
func TestConcurrent(t *testing.T) {
	src := smallDOT(t)
	var want bytes.Buffer
	if err := Render(context.Background(), &want, src, Options{Renderer: inProcess}); err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	outs := make([]bytes.Buffer, 4)
	for i := range outs {
		go func() { errs <- Render(context.Background(), &outs[i], src, Options{Renderer: inProcess}) }()
	}
	for range outs {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	for i := range outs {
		if !bytes.Equal(outs[i].Bytes(), want.Bytes()) {
			t.Errorf("rendering %d differs", i)
		}
	}
}

// fakeRenderer writes a shell script that stands for a renderer program:
// it saves its arguments and standard input next to itself, then runs
// body.
func fakeRenderer(t *testing.T, body string) (path, args, input string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the fake renderer is a shell script")
	}
	dir := t.TempDir()
	path = filepath.Join(dir, "fake-render")
	args, input = path+".args", path+".in"
	script := "#!/bin/sh\necho \"$@\" > '" + args + "'\ncat > '" + input + "'\n" + body + "\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path, args, input
}

// TestProgram renders with a program the caller names, which package svg
// knows nothing about: it gets the DOT on its standard input and the
// arguments given, and its standard output is the picture.
func TestProgram(t *testing.T) {
	const picture = `<svg xmlns="http://www.w3.org/2000/svg"><g id="node-a"><text>a</text></g></svg>`
	bin, args, input := fakeRenderer(t, "printf '%s\\n' '"+picture+"'")
	src := smallDOT(t)
	for _, r := range []Program{{Path: bin}, {Path: bin, Args: []string{"-x", "y"}}, Dot(bin)} {
		var buf bytes.Buffer
		if err := Render(context.Background(), &buf, src, Options{Renderer: r}); err != nil {
			t.Fatalf("%+v: %v", r, err)
		}
		if got := strings.TrimSpace(buf.String()); got != picture {
			t.Errorf("%+v wrote %q, want %q", r, got, picture)
		}
		if got, _ := os.ReadFile(input); !bytes.Equal(got, src) {
			t.Errorf("%+v: the program read %q, want the DOT", r, got)
		}
		if got, _ := os.ReadFile(args); strings.TrimSpace(string(got)) != strings.Join(r.Args, " ") {
			t.Errorf("%+v: the program's arguments were %q", r, got)
		}
	}
}

// TestProgramFails: a program that fails, writes something that is not
// SVG, writes SVG with a script in it, or runs too long, gives an error
// and writes nothing; one that runs too long is killed.
func TestProgramFails(t *testing.T) {
	for _, tt := range []struct{ name, body, want string }{
		{"exit", "echo 'syntax error in line 1' >&2; exit 1", "syntax error in line 1"},
		{"notsvg", "echo '<html/>'", "invalid SVG"},
		{"script", "echo '<svg><script>alert(1)</script></svg>'", "invalid SVG"},
		{"slow", "exec sleep 30", ErrTimeout.Error()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			bin, _, _ := fakeRenderer(t, tt.body)
			var buf bytes.Buffer
			start := time.Now()
			err := Render(context.Background(), &buf, smallDOT(t), Options{Renderer: Program{Path: bin}, Timeout: time.Second})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want one saying %q", err, tt.want)
			}
			if buf.Len() > 0 {
				t.Errorf("wrote %q", buf.Bytes())
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("Render took %v", d)
			}
		})
	}
}

func TestNoRenderer(t *testing.T) {
	if err := Render(context.Background(), io.Discard, smallDOT(t), Options{}); !errors.Is(err, ErrNoRenderer) {
		t.Errorf("err = %v, want ErrNoRenderer", err)
	}
}

// TestNoRendererPath: package svg does not know where faultline-render
// is, how to build it or its module path; the command line does.
func TestNoRendererPath(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, banned := range []string{"cmd/faultline-render", "faultline-dev/faultline/cmd", `"go", "install"`, `"go", "build"`} {
			if bytes.Contains(data, []byte(banned)) {
				t.Errorf("%s mentions %s: finding and building the renderer is the command line's job", f, banned)
			}
		}
	}
}
