package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/dot"
	"github.com/faultline-dev/faultline/graph/svg"
	"github.com/faultline-dev/faultline/graph/topology"
	"github.com/faultline-dev/faultline/rules"
)

var screenshots = flag.String("screenshots", "", "with TestChromiumSystems, also save screenshots of the reports of the shop and of the generated systems into this `dir` (docs/ in the repository)")

// programRenderer builds faultline-render once per test binary and
// returns it as the renderer, as faultline's command line runs it: a
// process per layout. The tests of large systems lay out dozens of
// pictures, more than the in-process WebAssembly Graphviz survives in one
// process (it fails with out-of-bounds memory accesses after a while).
var programRenderer = sync.OnceValues(func() (svg.Renderer, error) {
	dir, err := os.MkdirTemp("", "faultline-render")
	if err != nil {
		return nil, err
	}
	renderDir = dir
	bin := filepath.Join(dir, "faultline-render")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/faultline-dev/faultline/cmd/faultline-render")
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building faultline-render: %v\n%s", err, out)
	}
	return svg.Program{Path: bin}, nil
})

// renderDir holds the faultline-render built for the tests; TestMain
// removes it.
var renderDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if renderDir != "" {
		os.RemoveAll(renderDir)
	}
	os.Exit(code)
}

func renderer(t testing.TB) svg.Renderer {
	t.Helper()
	r, err := programRenderer()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// systemResult analyses a topology alone: the sample shop's
// (testdata/shop/topology.cue) with n == 0, else one of n generated
// services (topology.Generate, as scripts/gentopology writes it).
func systemResult(t testing.TB, n int) *analyzer.Result {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "shop")
	if n > 0 {
		dir = t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "topology.cue"), topology.Generate(n, 5, 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := analyzer.Run(analyzer.Config{Dir: dir, Topology: "topology.cue", NoCode: true, Graph: true})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestViews checks how a large graph is cut into views, without a
// browser: every node is drawn as itself in its group's view, every
// finding points at elements of the view it names, and the page is the
// same bytes twice.
func TestViews(t *testing.T) {
	res := systemResult(t, 60)
	g := res.Graph
	vs, groups, of := views(g, res.Findings, res.Module)
	if len(groups) < 2 || len(vs) != len(groups)+2 { // overview, one per group, everything
		t.Fatalf("%d views of %d groups", len(vs), len(groups))
	}
	for i, n := range g.Nodes {
		v := vs[0]
		if of[i] >= 0 {
			v = vs[of[i]+1]
			if !strings.HasPrefix(groups[of[i]].name, "team ") && n.Team != "" {
				t.Errorf("%s of team %s is in group %s", n.Name, n.Team, groups[of[i]].name)
			}
			if vs[0].drawn[dot.NodeID(n.Name)] {
				t.Errorf("%s is drawn in the overview, where its group is collapsed", n.Name)
			}
		}
		if !v.drawn[dot.NodeID(n.Name)] {
			t.Errorf("%s is not drawn in view %s", n.Name, v.name)
		}
		if !vs[len(vs)-1].drawn[dot.NodeID(n.Name)] {
			t.Errorf("%s is not drawn in the whole picture", n.Name)
		}
	}
	// A group's mark counts each finding once.
	for _, grp := range groups {
		m := vs[0].opt.Nodes[grp.node]
		if m.Findings > len(res.Findings) {
			t.Errorf("group %s: %d findings of %d", grp.name, m.Findings, len(res.Findings))
		}
	}

	pic := Picture{Renderer: renderer(t)}
	first, err := printHTML(t, HTML{Title: "gen60", Picture: pic}, res, res.Findings)
	if err != nil {
		t.Fatal(err)
	}
	second, err := printHTML(t, HTML{Title: "gen60", Picture: pic}, res, res.Findings)
	if err != nil {
		t.Fatal(err)
	}
	if first != second {
		t.Error("two runs gave different pages")
		for i := range min(len(first), len(second)) {
			if first[i] != second[i] {
				t.Logf("first difference at %d:\n%s\n---\n%s", i, first[max(0, i-300):min(len(first), i+200)], second[max(0, i-300):min(len(second), i+200)])
				break
			}
		}
	}
	if n := strings.Count(first, "<template id=\"view-"); n != len(vs)-1 {
		t.Errorf("%d view templates, want %d", n, len(vs)-1)
	}
	// Each finding's view holds the elements it names.
	ids := map[int]string{}
	for _, m := range regexp.MustCompile(`data-view="(\d+)" data-view-elements="([^"]*)"`).FindAllStringSubmatch(first, -1) {
		k := atoi(t, m[1])
		if ids[k] == "" {
			ids[k] = svgIDs(first, k)
		}
		for _, id := range strings.Fields(m[2]) {
			if !strings.Contains(ids[k], " "+id+" ") {
				v := vs[k]
				t.Errorf("a finding points at %s in view %s, which does not draw it", id, v.name)
			}
		}
	}
}

func atoi(t *testing.T, s string) int {
	var n int
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// svgIDs returns the ids of the elements of view k of the page, space
// separated and surrounded.
func svgIDs(page string, k int) string {
	var part string
	if k == 0 {
		part = page[strings.Index(page, `id="viewport"`):strings.Index(page, `<template id="view-`)]
	} else {
		start := strings.Index(page, `<template id="view-`+itoa(k)+`"`)
		part = page[start : start+strings.Index(page[start:], "</template>")]
	}
	var b strings.Builder
	b.WriteString(" ")
	for _, m := range idRE.FindAllStringSubmatch(part, -1) {
		b.WriteString(html.UnescapeString(m[1]) + " ")
	}
	return b.String()
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// scaleResult is what the page's self-test reports of its picture.
type scaleResult struct {
	Views, Groups, Nodes, Drawn    int
	Stack                          bool
	ExpandedView, ExpandedDrawn    int
	MembersDrawn                   int
	StackGone                      bool
	CollapsedView                  int
	SearchHits, SearchListed       int
	SearchView                     int
	SearchSelected, SearchWanted   string
	FindingHits                    int
	FocusFailsWith, FocusBlast     int
	FocusSelected                  int
	FocusInfo, FocusCleared        bool
	ZoomButton, ZoomWheel, ZoomKey bool
	Fitted                         bool
	ShowLit, ShowWanted            int
	EntryFocused                   bool
}

// TestChromiumSystems opens the reports of the sample shop and of
// generated systems of 60 and 300 services in headless Chromium (one
// launch each) and checks what a user does: the page loads with no
// console message, a click on a group's stack expands it and a click on
// its box collapses it, the search finds a node and shows it, a click on a
// node lights what fails with it, and the buttons, the wheel and the
// keyboard zoom.
func TestChromiumSystems(t *testing.T) {
	bin := chromium()
	if bin == "" && os.Getenv("FAULTLINE_REQUIRE_CHROMIUM") != "" {
		t.Fatal("FAULTLINE_REQUIRE_CHROMIUM is set, but no Chromium was found (chromium, chromium-browser, google-chrome or $FAULTLINE_CHROMIUM)")
	}
	if bin == "" {
		t.Skip("no Chromium found (chromium, chromium-browser, google-chrome or $FAULTLINE_CHROMIUM): the HTML report is not tested in a browser; apt-get install chromium to run it")
	}
	if testing.Short() {
		t.Skip("-short: laying out 300 services takes a while")
	}
	for _, tt := range []struct {
		name     string
		services int
		grouped  bool
		focus    string // a node to show focused in the screenshot
	}{
		{"shop", 0, false, "checkout"},
		{"60", 60, true, ""},
		{"300", 300, true, "svc-00100"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := systemResult(t, tt.services)
			page, err := printHTML(t, HTML{Title: "system " + tt.name, Version: "test", Picture: Picture{Renderer: renderer(t)}}, res, res.Findings)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "report.html")
			if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}
			url := "file://" + filepath.ToSlash(path)
			dom, logs := runChromium(t, bin, "--virtual-time-budget=10000", "--window-size=1400,1000", "--dump-dom", url+"#selftest")
			for _, line := range consoleRE.FindAll(logs, -1) {
				t.Errorf("console: %s", line)
			}
			m := regexp.MustCompile(`<pre id="selftest-result">(.*?)</pre>`).FindSubmatch(dom)
			if m == nil {
				t.Fatalf("the page wrote no self-test result; log:\n%s", logs)
			}
			var got struct {
				Scale  *scaleResult `json:"scale"`
				Errors []string     `json:"errors"`
			}
			if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &got); err != nil {
				t.Fatalf("self-test result %s: %v", m[1], err)
			}
			if len(got.Errors) > 0 {
				t.Errorf("script errors: %q", got.Errors)
			}
			r := got.Scale
			if r == nil {
				t.Fatal("the self-test says nothing of the picture")
			}
			t.Logf("%+v", *r)
			g := res.Graph
			if r.Nodes != len(g.Nodes) {
				t.Errorf("the page knows %d nodes, the graph has %d", r.Nodes, len(g.Nodes))
			}
			vs, groups, of := views(g, res.Findings, res.Module)
			if !tt.grouped {
				if r.Views != 1 || r.Groups != 0 || r.Drawn != len(g.Nodes)+len(g.Entrypoints) {
					t.Errorf("%d views, %d groups, %d nodes drawn; want the whole graph (%d nodes and entrypoints) in one", r.Views, r.Groups, r.Drawn, len(g.Nodes)+len(g.Entrypoints))
				}
			} else {
				if r.Views != len(vs) || r.Groups != len(groups) || r.Views < 3 {
					t.Errorf("%d views and %d groups, want %d and %d", r.Views, r.Groups, len(vs), len(groups))
				}
				if r.Drawn >= len(g.Nodes) {
					t.Errorf("the overview draws %d nodes of %d: nothing is collapsed", r.Drawn, len(g.Nodes))
				}
				if !r.Stack || r.ExpandedView != 1 || r.MembersDrawn != len(groups[0].members) || !r.StackGone {
					t.Errorf("a click on the stack of %s: view %d (want 1), %d of its %d nodes drawn, stack found %v, gone %v",
						groups[0].name, r.ExpandedView, r.MembersDrawn, len(groups[0].members), r.Stack, r.StackGone)
				}
				if r.CollapsedView != 0 {
					t.Errorf("a click on the box of the expanded group left view %d, want the overview", r.CollapsedView)
				}
				want := 0
				if k := of[len(g.Nodes)-1]; k >= 0 {
					want = k + 1
				}
				if r.SearchView != want {
					t.Errorf("the search showed view %d, want %d (the group of %s)", r.SearchView, want, g.Nodes[len(g.Nodes)-1].Name)
				}
			}
			if r.SearchHits != 1 || r.SearchListed < 1 || r.SearchSelected != r.SearchWanted {
				t.Errorf("search: %d hits, %d listed, selected %q, want %q", r.SearchHits, r.SearchListed, r.SearchSelected, r.SearchWanted)
			}
			if len(res.Findings) > 0 && r.FindingHits != 1 {
				t.Error("the search does not offer the findings that mention a rule")
			}
			if r.FocusSelected != 1 || !r.FocusInfo || !r.FocusCleared {
				t.Errorf("focus: %d selected, info shown %v, cleared %v", r.FocusSelected, r.FocusInfo, r.FocusCleared)
			}
			if len(g.Entrypoints) > 0 && !r.EntryFocused {
				t.Error("a click on an entrypoint focuses on nothing")
			}
			if r.FocusFailsWith > 0 && r.FocusBlast == 0 {
				t.Errorf("focus on a node that %d nodes fail with lights none", r.FocusFailsWith)
			}
			if r.ShowWanted == 0 || r.ShowLit != r.ShowWanted {
				t.Errorf("a finding's show link lit %d of %d elements", r.ShowLit, r.ShowWanted)
			}
			if !r.ZoomButton || !r.ZoomWheel || !r.ZoomKey || !r.Fitted {
				t.Errorf("zoom: button %v, wheel %v, key %v, fit back %v", r.ZoomButton, r.ZoomWheel, r.ZoomKey, r.Fitted)
			}
			if tt.services == 300 {
				// The layout holds no more findings than there are: a
				// group's count is of distinct findings.
				for _, grp := range groups {
					if m := vs[0].opt.Nodes[grp.node]; m.Level == dot.None && m.Findings > 0 {
						t.Errorf("group %s has findings and no colour", grp.name)
					}
				}
			}

			if *screenshots != "" {
				shot := func(name, hash, size string) {
					abs, err := filepath.Abs(filepath.Join(*screenshots, name))
					if err != nil {
						t.Fatal(err)
					}
					runChromium(t, bin, "--virtual-time-budget=5000", "--screenshot="+abs, "--window-size="+size, url+hash)
					if _, err := os.Stat(abs); err != nil {
						t.Errorf("no screenshot: %v", err)
					}
				}
				if tt.grouped {
					shot("report-"+tt.name+".png", "", "1280,900")
				}
				if tt.focus != "" {
					// Taller: the account of the focused node is under the picture.
					shot("report-"+tt.name+"-focus.png", "#focus="+tt.focus, "1280,1150")
				}
			}
		})
	}
}

// TestFolded checks that a focused picture says when a node's colour
// includes findings about calls it does not draw.
func TestFolded(t *testing.T) {
	g := &graph.Graph{
		Nodes: []*graph.Node{
			{Name: "a", Kind: graph.Service, Replicas: 2, ReplicasKnown: true},
			{Name: "b", Kind: graph.Service, Replicas: 2, ReplicasKnown: true},
			{Name: "c", Kind: graph.Service, Replicas: 2, ReplicasKnown: true},
		},
		Edges:       []*graph.Edge{{From: "a", To: "b"}, {From: "b", To: "c"}},
		Entrypoints: []*graph.Entrypoint{{Name: "web", Service: "a"}},
	}
	g.Index()
	fs := []analyzer.Finding{
		{Rule: "notimeout", Severity: rules.Error, Service: "b", Target: "c"}, // on b -> c
		{Rule: "spof", Severity: rules.Warning, Service: "b"},                 // on b itself
	}
	whole, _, opt, err := Picture{}.prepare(g, fs)
	if err != nil {
		t.Fatal(err)
	}
	if m := opt.Nodes["b"]; m.Folded != 0 || m.Level != dot.Warning {
		t.Errorf("whole picture: b is %+v, want a warning and nothing folded", m)
	}
	var buf bytes.Buffer
	if err := dot.Write(&buf, whole, opt); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "not drawn") {
		t.Error("the whole picture says something is not drawn")
	}
	sub, _, opt, err := Picture{Focus: "web", Depth: 1}.prepare(g, fs)
	if err != nil {
		t.Fatal(err)
	}
	if m := opt.Nodes["b"]; m.Folded != 1 || m.Findings != 2 || m.Level != dot.Error {
		t.Errorf("focused picture: b is %+v, want 2 findings, 1 folded, worst error", m)
	}
	buf.Reset()
	if err := dot.Write(&buf, sub, opt); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`incl. 1 finding on calls not drawn`, `2 findings, worst error, 1 of them on calls this picture does not draw`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("the focused picture does not say %q:\n%s", want, buf.String())
		}
	}
}

// TestGrouping checks how nodes are grouped: by team when any node has
// one (the others by kind), else by the directory of their code below
// the one all share (a topology's package path, or the file a node was
// found in), and not at all when that makes fewer than two groups.
func TestGrouping(t *testing.T) {
	code := func(name, file string) *graph.Node {
		return &graph.Node{Name: name, Kind: graph.Service, Source: graph.FromCode, Pos: graph.Pos{File: file, Line: 1}}
	}
	tests := []struct {
		name  string
		nodes []*graph.Node
		want  map[string]string // node -> group; absent: none
	}{
		{
			name: "teams",
			nodes: []*graph.Node{
				{Name: "a", Kind: graph.Service, Team: "pay", Source: graph.FromTopology},
				{Name: "b", Kind: graph.Service, Team: "pay", Source: graph.FromTopology},
				{Name: "c", Kind: graph.Service, Team: "search", Source: graph.FromTopology},
				{Name: "d", Kind: graph.Datastore, Source: graph.FromTopology},
				{Name: "e", Kind: graph.Datastore, Source: graph.FromTopology},
				{Name: "f", Kind: graph.Service, Source: graph.FromTopology},
			},
			want: map[string]string{"a": "team pay", "b": "team pay", "d": "datastores", "e": "datastores"},
		},
		{
			name: "code directories",
			nodes: []*graph.Node{
				code("checkout", "services/shop/checkout/main.go"),
				code("cart", "services/shop/cart/cmd/main.go"),
				code("search", "services/find/search/main.go"),
				code("index", "services/find/main.go"),
				{Name: "api", Kind: graph.Service, Packages: []string{"example.com/x/services/find/api/..."}, Source: graph.FromTopology},
				{Name: "db", Kind: graph.Datastore, Source: graph.FromCode},
			},
			want: map[string]string{"checkout": "services/shop/", "cart": "services/shop/", "search": "services/find/", "index": "services/find/", "api": "services/find/"},
		},
		{
			name: "one group is none",
			nodes: []*graph.Node{
				code("a", "cmd/a/main.go"),
				code("b", "cmd/b/main.go"),
				{Name: "d", Kind: graph.Datastore},
				{Name: "e", Kind: graph.Datastore},
			},
			want: map[string]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := &graph.Graph{Nodes: tt.nodes}
			g.Index()
			groups, of := grouping(g, "example.com/x")
			got := map[string]string{}
			for i, n := range g.Nodes {
				if of[i] >= 0 {
					got[n.Name] = groups[of[i]].name
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s: group %q, want %q (all: %v)", k, got[k], v, got)
				}
			}
		})
	}
}
