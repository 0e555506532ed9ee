package dot

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/awalterschulze/gographviz"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/internal/graphviztest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// evil are names a topology or code could hand us that must stay text.
var evil = []string{`<script>alert(1)</script>`, `a"b`, `back\slash\`, `x\ny`, `new
line`, `entry:web`}

// sample is a small system with every kind of node and edge, and nodes
// with hostile names.
func sample() *graph.Graph {
	g := &graph.Graph{
		Nodes: []*graph.Node{
			{Name: "gateway", Kind: graph.Service, Replicas: 3, ReplicasKnown: true, Zones: []string{"a", "b", "c"}, Tier: graph.TierCritical, Source: graph.FromBoth},
			{Name: "checkout", Kind: graph.Service, Replicas: 2, ReplicasKnown: true, Zones: []string{"a"}, Source: graph.FromBoth},
			{Name: "payment", Kind: graph.Service, Replicas: 1, ReplicasKnown: true, Zones: []string{"a"}, Source: graph.FromTopology},
			{Name: "orders", Kind: graph.Datastore, Engine: "postgres", HA: graph.HASingle, Replicas: 1, ReplicasKnown: true, Regions: []string{"us-east-1"}, Source: graph.FromTopology},
			{Name: "events", Kind: graph.Queue, Engine: "kafka", DeadLetter: "events-dlq", Replicas: 3, ReplicasKnown: true, Source: graph.FromTopology},
			{Name: "stripe", Kind: graph.External, Vendor: "stripe", Replicas: 1, ReplicasKnown: true, Regions: []string{"us-east-1"}, Source: graph.FromTopology},
			{Name: "analytics", Kind: graph.Service, Source: graph.FromCode},
		},
		Edges: []*graph.Edge{
			{From: "gateway", To: "checkout", Protocol: "grpc", Timeout: 2 * time.Second, Retries: graph.Retries{Attempts: 3}, Breaker: true, Source: graph.FromBoth},
			{From: "gateway", To: "analytics", Protocol: "http", Source: graph.FromCode},
			{From: "checkout", To: "payment", Protocol: "grpc", Deadline: 1500 * time.Millisecond, Source: graph.FromBoth},
			{From: "checkout", To: "orders", Protocol: "sql", Source: graph.FromTopology},
			{From: "checkout", To: "events", Protocol: "kafka", Mode: graph.ModeAsync, Source: graph.FromTopology},
			{From: "payment", To: "stripe", Protocol: "http", Timeout: 90 * time.Second, Criticality: graph.Soft, Fallback: "queue", Source: graph.FromTopology},
		},
		Entrypoints: []*graph.Entrypoint{
			{Name: "web", Service: "gateway", Timeout: 10 * time.Second, Route: "/"},
			{Name: "ghost", Service: "missing"},
		},
	}
	for _, name := range evil {
		g.Nodes = append(g.Nodes, &graph.Node{Name: name, Kind: graph.Service, Replicas: 2, ReplicasKnown: true, Team: ""})
		g.Edges = append(g.Edges, &graph.Edge{From: "gateway", To: name, Timeout: time.Second, Source: graph.FromTopology})
	}
	g.Entrypoints = append(g.Entrypoints, &graph.Entrypoint{Name: `<img src=x onerror=alert(1)>`, Service: evil[0]})
	g.Index()
	return g
}

func sampleOptions() Options {
	return Options{
		Nodes: map[string]Mark{
			"payment":    {Level: Error, Findings: 2},
			"orders":     {Level: Warning, Findings: 1},
			`a"b`:        {Level: Note, Findings: 1},
			"not-a-node": {Level: Error, Findings: 1},
		},
		Edges: map[string]Mark{
			"checkout->orders":  {Level: Warning, Findings: 1},
			"gateway->checkout": {Level: Note, Findings: 3},
		},
		Title: `shop "demo"`,
	}
}

func write(t *testing.T, g *graph.Graph, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, g, opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test -update rewrites it); got:\n%s", path, got)
	}
}

func TestGolden(t *testing.T) {
	out := write(t, sample(), sampleOptions())
	golden(t, "sample.dot", out)
	// Deterministic: the same graph gives the same bytes.
	for range 3 {
		if again := write(t, sample(), sampleOptions()); !bytes.Equal(out, again) {
			t.Fatal("two runs gave different output")
		}
	}
}

func TestGoldenNoLabels(t *testing.T) {
	opt := sampleOptions()
	opt.NoEdgeLabels = true
	opt.Clustering = ClusterNone
	golden(t, "nolabels.dot", write(t, sample(), opt))
}

// TestRoundTrip parses the output with gographviz and compares its nodes
// and edges with the graph's.
func TestRoundTrip(t *testing.T) {
	g := sample()
	out := write(t, g, sampleOptions())
	parsed, err := gographviz.Read(out)
	if err != nil {
		t.Fatalf("gographviz cannot read the output: %v\n%s", err, out)
	}
	var gotNodes []string
	for _, n := range parsed.Nodes.Nodes {
		gotNodes = append(gotNodes, Unquote(n.Name))
	}
	var wantNodes []string
	for _, n := range g.Nodes {
		wantNodes = append(wantNodes, n.Name)
	}
	wantNodes = append(wantNodes, "entry:web", "entry:"+`<img src=x onerror=alert(1)>`)
	// "entry:web" is also a node name: the entrypoint web got a longer id.
	wantNodes[len(wantNodes)-2] = "entry:entry:web"
	slices.Sort(gotNodes)
	slices.Sort(wantNodes)
	if !slices.Equal(gotNodes, wantNodes) {
		t.Errorf("nodes:\n got %q\nwant %q", gotNodes, wantNodes)
	}

	var gotEdges []string
	for _, e := range parsed.Edges.Edges {
		gotEdges = append(gotEdges, Unquote(e.Src)+"->"+Unquote(e.Dst))
	}
	var wantEdges []string
	for _, e := range g.Edges {
		wantEdges = append(wantEdges, e.Key())
	}
	wantEdges = append(wantEdges, "entry:entry:web->gateway", "entry:<img src=x onerror=alert(1)>->"+evil[0])
	slices.Sort(gotEdges)
	slices.Sort(wantEdges)
	if !slices.Equal(gotEdges, wantEdges) {
		t.Errorf("edges:\n got %q\nwant %q", gotEdges, wantEdges)
	}

	// Each node keeps its label and id.
	for _, n := range parsed.Nodes.Nodes {
		name := Unquote(n.Name)
		if gn := g.Node(name); gn != nil {
			if id := Unquote(n.Attrs["id"]); id != NodeID(name) {
				t.Errorf("node %q: id %q, want %q", name, id, NodeID(name))
			}
			if label := Unquote(n.Attrs["label"]); !strings.HasPrefix(label, name+"\n") {
				t.Errorf("node %q: label %q does not start with its name", name, label)
			}
		}
	}
}

func TestQuote(t *testing.T) {
	for _, s := range append(slices.Clone(evil), "", "plain", `\"`, `"\`, "tab\there", "ünïcödé ⚡") {
		q := quote(s)
		if !strings.HasPrefix(q, `"`) || !strings.HasSuffix(q, `"`) {
			t.Errorf("quote(%q) = %s: not quoted", s, q)
		}
		// No unescaped quote inside, and no raw line break.
		inner := q[1 : len(q)-1]
		for i := 0; i < len(inner); i++ {
			if inner[i] == '\\' {
				i++
				continue
			}
			if inner[i] == '"' || inner[i] == '\n' {
				t.Errorf("quote(%q) = %s: raw %q inside", s, q, inner[i])
			}
		}
		if !strings.ContainsAny(s, "\t") {
			if u := Unquote(q); u != s {
				t.Errorf("Unquote(quote(%q)) = %q", s, u)
			}
		}
	}
}

func TestIDs(t *testing.T) {
	names := append(slices.Clone(evil), "a", "a_", "a_5f", "a-b", "a.b", "a__b", "", "ü")
	seen := map[string]string{}
	for _, n := range names {
		for _, id := range []string{NodeID(n), EntryID(n), EntryEdgeID(n)} {
			if prev, ok := seen[id]; ok {
				t.Errorf("id %q of %q is also the id of %q", id, n, prev)
			}
			seen[id] = n
			if strings.IndexFunc(id, func(r rune) bool {
				return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r == '_')
			}) >= 0 {
				t.Errorf("id %q of %q has a character outside [A-Za-z0-9._-]", id, n)
			}
		}
		for _, m := range names {
			id := EdgeID(n, m)
			if prev, ok := seen[id]; ok {
				t.Errorf("edge id %q of %q->%q is also the id of %q", id, n, m, prev)
			}
			seen[id] = n + "->" + m
		}
	}
}

func TestEdgeLabel(t *testing.T) {
	for _, tt := range []struct {
		e    graph.Edge
		want string
	}{
		{graph.Edge{Protocol: "grpc", Timeout: 2 * time.Second, Retries: graph.Retries{Attempts: 3}, Breaker: true}, "grpc 2s ×3 ⚡"},
		{graph.Edge{Protocol: "http"}, "http ∞"},
		{graph.Edge{}, "∞"},
		{graph.Edge{Protocol: "kafka", Mode: graph.ModeAsync}, "kafka async"},
		{graph.Edge{Timeout: 90 * time.Second, Fallback: "cache"}, "1m30s ↩"},
		{graph.Edge{Deadline: 2 * time.Minute}, "2m"},
		{graph.Edge{TimeoutUnknown: true}, "bounded"},
		{graph.Edge{Calls: []graph.CallSite{{Timeout: 300 * time.Millisecond, Bound: graph.Yes, Breaker: graph.Yes}}}, "300ms ⚡"},
		// A guard nobody has seen is not drawn.
		{graph.Edge{Calls: []graph.CallSite{{Timeout: 300 * time.Millisecond, Bound: graph.Yes, Breaker: graph.Yes}, {Timeout: time.Second}}}, "1s"},
	} {
		if got := EdgeLabel(&tt.e); got != tt.want {
			t.Errorf("EdgeLabel(%+v) = %q, want %q", tt.e, got, tt.want)
		}
	}
}

// TestClusters checks the automatic clustering: by team when there are
// teams, else by the single zone or region a node is confined to.
func TestClusters(t *testing.T) {
	out := string(write(t, sample(), Options{}))
	for _, want := range []string{`label="zone a"`, `label="region us-east-1"`} {
		if !strings.Contains(out, want) {
			t.Errorf("no cluster %s in\n%s", want, out)
		}
	}
	// A zone holding one node gets no box.
	g0 := sample()
	g0.Node("payment").Zones = nil
	if out := string(write(t, g0, Options{})); strings.Contains(out, `label="zone a"`) {
		t.Errorf("a cluster of one node:\n%s", out)
	}
	g := sample()
	g.Node("payment").Team = "payments"
	g.Node("stripe").Team = "payments"
	out = string(write(t, g, Options{}))
	if !strings.Contains(out, `label="team payments"`) || strings.Contains(out, `label="zone a"`) {
		t.Errorf("with teams, want team clusters only:\n%s", out)
	}
	out = string(write(t, g, Options{Clustering: ClusterNone}))
	if strings.Contains(out, "subgraph") {
		t.Errorf("ClusterNone wrote a subgraph:\n%s", out)
	}
}

// TestSystemDot renders the output with a system Graphviz when there is
// one, and checks that the SVG is well-formed and names stay text.
func TestSystemDot(t *testing.T) {
	dotBin := graphviztest.SystemDot(t)
	out := write(t, sample(), sampleOptions())
	cmd := exec.Command(dotBin, "-Tsvg")
	cmd.Stdin = bytes.NewReader(out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	svg, err := cmd.Output()
	if err != nil {
		t.Fatalf("dot: %v\n%s", err, stderr.Bytes())
	}
	if stderr.Len() > 0 {
		t.Errorf("dot warned: %s", stderr.Bytes())
	}
	checkSVG(t, svg)
}

// checkSVG parses svg as XML and checks that every hostile name appears as
// text and never as an element.
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
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "script" || tok.Name.Local == "img" {
				t.Errorf("SVG has a <%s> element", tok.Name.Local)
			}
			for _, a := range tok.Attr {
				if a.Name.Local == "id" {
					ids[a.Value] = true
				}
				if strings.HasPrefix(a.Name.Local, "on") {
					t.Errorf("SVG has an event attribute %s", a.Name.Local)
				}
			}
		case xml.CharData:
			text.Write(tok)
		}
	}
	for _, n := range []string{"gateway", `<script>alert(1)</script>`, `a"b`} {
		if !ids[NodeID(n)] {
			t.Errorf("SVG has no element with id %q", NodeID(n))
		}
		if !strings.Contains(text.String(), n) {
			t.Errorf("SVG text does not show %q", n)
		}
	}
	if !ids[EdgeID("gateway", "checkout")] || !ids[EntryID("web")] {
		t.Errorf("SVG lacks edge or entrypoint ids")
	}
}

// bigGraph is a layered system of n services, each calling about deg
// services of the next layers, with a datastore per ten services and an
// entrypoint per fifty.
func bigGraph(n, deg int) *graph.Graph {
	g := &graph.Graph{}
	name := func(i int) string { return fmt.Sprintf("svc-%05d", i) }
	for i := range n {
		g.Nodes = append(g.Nodes, &graph.Node{Name: name(i), Kind: graph.Service, Replicas: 1 + i%3, ReplicasKnown: true, Zones: []string{fmt.Sprintf("z%d", i%4)}, Source: graph.FromTopology})
		for d := 1; d <= deg; d++ {
			if j := i + d*7 + (i*d)%13; j < n {
				g.Edges = append(g.Edges, &graph.Edge{From: name(i), To: name(j), Protocol: "grpc", Timeout: time.Duration(d) * time.Second, Source: graph.FromTopology})
			}
		}
		if i%10 == 0 {
			db := fmt.Sprintf("db-%05d", i)
			g.Nodes = append(g.Nodes, &graph.Node{Name: db, Kind: graph.Datastore, Engine: "postgres", Source: graph.FromTopology})
			g.Edges = append(g.Edges, &graph.Edge{From: name(i), To: db, Protocol: "sql", Source: graph.FromBoth})
		}
		if i%50 == 0 {
			g.Entrypoints = append(g.Entrypoints, &graph.Entrypoint{Name: fmt.Sprintf("entry-%04d", i), Service: name(i)})
		}
	}
	g.Index()
	return g
}

// BenchmarkWrite10k writes the DOT of a 10,000-service system (about
// 60,000 edges); the writer is linear, so this takes well under a second.
func BenchmarkWrite10k(b *testing.B) {
	g := bigGraph(10000, 5)
	marks := Options{Nodes: map[string]Mark{}, Edges: map[string]Mark{}}
	for i, n := range g.Nodes {
		if i%7 == 0 {
			marks.Nodes[n.Name] = Mark{Level: Warning, Findings: 1}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if err := Write(io.Discard, g, marks); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBadMarks: marks with levels out of range, and marks of nodes and
// edges the graph does not have, change nothing and never panic.
func TestBadMarks(t *testing.T) {
	opt := Options{
		Nodes: map[string]Mark{"gateway": {Level: 99, Findings: 1}, "payment": {Level: -3}},
		Edges: map[string]Mark{"gateway->checkout": {Level: 42}, "x->y": {Level: Error}},
	}
	out := string(write(t, sample(), opt))
	if !strings.Contains(out, `fillcolor="`+fill[Error]+`", id="node-gateway"`) {
		t.Errorf("a level above Error is not drawn as Error:\n%s", out)
	}
	var empty graph.Graph
	if got := string(write(t, &empty, Options{})); !strings.HasPrefix(got, "digraph faultline {") {
		t.Errorf("empty graph: %s", got)
	}
}

// An inferred entrypoint is drawn like a declared one with the word
// "inferred" and a dashed outline; a client is a square box labelled
// "client".
func TestInferredAndClient(t *testing.T) {
	g := &graph.Graph{
		Nodes: []*graph.Node{
			{Name: "frontend", Kind: graph.Service, Source: graph.FromCode, Serves: []graph.Serving{{Protocol: "http"}}},
			{Name: "loadgen", Kind: graph.Service, Source: graph.FromCode, Client: true},
		},
		Edges: []*graph.Edge{{From: "loadgen", To: "frontend", Protocol: "http", Source: graph.FromCode}},
		Entrypoints: []*graph.Entrypoint{{Name: "frontend-http", Service: "frontend", Inferred: true, Protocol: "http",
			Why: "it starts an HTTP server and no service of the system calls it"}},
	}
	g.Index()
	out := string(write(t, g, Options{}))
	for _, want := range []string{
		`label="frontend-http\ninferred"`, `style="filled,dashed"`, `inferred from code: it starts an HTTP server`,
		`label="loadgen\nclient"`, `shape=box`, `client loadgen (code): serves nothing, only calls out`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
}
