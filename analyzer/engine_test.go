package analyzer

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// testGraph builds an indexed graph: entrypoints "name>service[:timeout]",
// edges "from>to[:timeout][:propagates]".
func testGraph(entries, edges []string) *graph.Graph {
	g := &graph.Graph{}
	nodes := map[string]bool{}
	node := func(n string) {
		if !nodes[n] {
			nodes[n] = true
			g.Nodes = append(g.Nodes, &graph.Node{Name: n, Kind: graph.Service, Replicas: 1})
		}
	}
	for _, s := range entries {
		parts := strings.Split(s, ":")
		name, svc, _ := strings.Cut(parts[0], ">")
		ep := &graph.Entrypoint{Name: name, Service: svc}
		if len(parts) > 1 {
			ep.Timeout, _ = time.ParseDuration(parts[1])
		}
		node(svc)
		g.Entrypoints = append(g.Entrypoints, ep)
	}
	for _, s := range edges {
		parts := strings.Split(s, ":")
		from, to, _ := strings.Cut(parts[0], ">")
		e := &graph.Edge{From: from, To: to}
		for _, p := range parts[1:] {
			if p == "propagates" {
				e.PropagatesDeadline = true
			} else {
				e.Timeout, _ = time.ParseDuration(p)
			}
		}
		node(from)
		node(to)
		g.Edges = append(g.Edges, e)
	}
	g.Index()
	return g
}

func TestBoundedUpstream(t *testing.T) {
	tests := []struct {
		name    string
		entries []string
		edges   []string
		service string
		want    bool
	}{
		{"entrypoint with timeout", []string{"web>gw:10s"}, nil, "gw", true},
		{"entrypoint without timeout", []string{"web>gw"}, nil, "gw", false},
		{"one of two entrypoints unbounded", []string{"web>gw:10s", "api>gw"}, nil, "gw", false},
		{"every caller has a timeout", []string{"web>gw:10s"}, []string{"gw>svc:2s", "cron>svc:1s"}, "svc", true},
		{"a caller without timeout", nil, []string{"gw>svc:2s", "cron>svc"}, "svc", false},
		{"propagated from a bounded caller", []string{"web>gw:10s"}, []string{"gw>svc:propagates"}, "svc", true},
		{"propagated from an unbounded caller", []string{"web>gw"}, []string{"gw>svc:propagates"}, "svc", false},
		{"no callers at all", nil, []string{"svc>db:1s"}, "svc", false},
		{"propagation cycle", nil, []string{"a>b:propagates", "b>a:propagates"}, "a", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := testGraph(tt.entries, tt.edges)
			if got := boundedUpstream(g, tt.service, map[string]bool{}, map[string]bool{}); got != tt.want {
				t.Errorf("boundedUpstream(%s) = %v, want %v", tt.service, got, tt.want)
			}
		})
	}
}

func TestDropBoundedRequests(t *testing.T) {
	g := testGraph([]string{"web>gw:10s"}, []string{"gw>svc", "gw>other:1s"})
	fs := []Finding{
		{Rule: "ctxdeadline", Service: "gw", category: requestContext, Message: "gw bounded by its entrypoint"},
		{Rule: "ctxdeadline", Service: "svc", category: requestContext, Message: "svc: gw calls it with no timeout"},
		{Rule: "ctxdeadline", Service: "other", category: requestContext, Message: "other: bounded"},
		{Rule: "ctxdeadline", Service: "other", Message: "a fresh Background is never dropped"},
		{Rule: "ctxdeadline", category: requestContext, Message: "no service known: kept"},
	}
	got := dropBoundedRequests(fs, g)
	var msgs []string
	for _, f := range got {
		msgs = append(msgs, f.Message)
	}
	want := "svc: gw calls it with no timeout|a fresh Background is never dropped|no service known: kept"
	if strings.Join(msgs, "|") != want {
		t.Errorf("kept %q, want %q", strings.Join(msgs, "|"), want)
	}
}

func TestNumberOccurrences(t *testing.T) {
	fs := []Finding{
		{Rule: "r", Line: 30, subject: "a.go\x00f\x00m"},
		{Rule: "r", Line: 10, subject: "a.go\x00f\x00m"},
		{Rule: "r", Line: 20, subject: "a.go\x00g\x00m"},
		{Rule: "q", Line: 5, subject: "a.go\x00f\x00m"},
	}
	numberOccurrences(fs)
	got := map[int]string{}
	for _, f := range fs {
		got[f.Line] = f.subject
	}
	if got[10] != "a.go\x00f\x00m\x00#0" || got[30] != "a.go\x00f\x00m\x00#1" {
		t.Errorf("identical findings ranked by position: got %q, %q", got[10], got[30])
	}
	if got[20] != "a.go\x00g\x00m\x00#0" || got[5] != "a.go\x00f\x00m\x00#0" {
		t.Errorf("other functions and rules rank on their own: got %q, %q", got[20], got[5])
	}
}

func TestFingerprint(t *testing.T) {
	a := fingerprint("spof", "service=orders")
	if len(a) != 32 || a != fingerprint("spof", "service=orders") {
		t.Errorf("fingerprint is not a stable 32-digit hex: %q", a)
	}
	if a == fingerprint("spof", "service=payment") || a == fingerprint("zonespof", "service=orders") {
		t.Error("fingerprints of different subjects or rules collide")
	}
}

func TestSuppressor(t *testing.T) {
	g := testGraph(nil, []string{"a>b", "a>c"})
	g.Edge("a", "b").Ignore = []graph.Ignore{{Rule: "nobreaker", Reason: "mesh breaker", Pos: graph.Pos{File: "t.cue", Line: 3}}}
	g.Node("c").Ignore = []graph.Ignore{
		{Rule: "spof", Reason: "managed", Pos: graph.Pos{File: "t.cue", Line: 5}},
		{Rule: "zonespof", Reason: "", Pos: graph.Pos{File: "t.cue", Line: 6}},
		{Rule: "spfo", Reason: "typo", Pos: graph.Pos{File: "t.cue", Line: 7}},
		{Rule: "cascade", Reason: "stale", Pos: graph.Pos{File: "t.cue", Line: 8}},
	}
	g.Settings.Ignore = []graph.SettingsIgnore{{Rule: "notimeout", Subject: "a->c", Reason: "batch job", Pos: graph.Pos{File: "t.cue", Line: 9}}}
	s := newSuppressor(g, nil, "")
	if sp := s.suppress("nobreaker", rules.Finding{Service: "a", Target: "b"}, Finding{}); sp == nil || sp.Reason != "mesh breaker" {
		t.Errorf("edge attribute: %+v", sp)
	}
	if sp := s.suppress("nobreaker", rules.Finding{Service: "a", Target: "c"}, Finding{}); sp != nil {
		t.Errorf("an attribute on a->b suppressed a->c: %+v", sp)
	}
	if sp := s.suppress("spof", rules.Finding{Service: "c"}, Finding{}); sp == nil || sp.Kind != "inSource" {
		t.Errorf("node attribute: %+v", sp)
	}
	if sp := s.suppress("zonespof", rules.Finding{Service: "c"}, Finding{}); sp != nil {
		t.Errorf("an attribute without a reason suppressed: %+v", sp)
	}
	if sp := s.suppress("notimeout", rules.Finding{Service: "a", Target: "c"}, Finding{}); sp == nil || sp.Kind != "external" {
		t.Errorf("settings.ignore on an edge: %+v", sp)
	}
	var msgs []string
	for _, f := range s.unused(map[string]bool{"cascade": true, "spof": true, "nobreaker": true, "notimeout": true, "zonespof": true}) {
		msgs = append(msgs, f.Message)
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{
		`@faultline(ignore="zonespof") on c gives no reason`,
		`@faultline(ignore="spfo") on c names an unknown rule (did you mean spof?)`,
		`@faultline(ignore="cascade") on c suppresses nothing`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("unused() lacks %q in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "mesh breaker") || strings.Contains(got, "batch job") || strings.Contains(got, `"spof") on c suppresses nothing`) {
		t.Errorf("used suppressions reported as unused:\n%s", got)
	}
}

func TestSelect(t *testing.T) {
	if _, err := Select([]string{"spfo"}, nil); err == nil || !strings.Contains(err.Error(), "did you mean spof?") {
		t.Errorf("unknown -enable rule: %v", err)
	}
	rs, err := Select([]string{"spof", "cascade"}, []string{"cascade"})
	if err != nil || len(rs) != 1 || rs[0].Name != "spof" {
		t.Errorf("Select(enable spof,cascade, disable cascade) = %v, %v", rs, err)
	}
}

func TestHelpers(t *testing.T) {
	if got := modulePath([]byte("// c\nmodule \"example.com/m\" // x\n\ngo 1.24\n")); got != "example.com/m" {
		t.Errorf("modulePath = %q", got)
	}
	if got := relPos("/r/x", "/r", "/r/a/b.go:3:4"); got != "a/b.go:3:4" {
		t.Errorf("relPos = %q", got)
	}
	if got := relPos("/r/x", "/r", "/r/a:b.go:3"); got != "a:b.go:3" {
		t.Errorf("relPos with a colon in the name = %q", got)
	}
	if got := relPos("/r/x", "/r", "a/b.go:3:4"); got != "x/a/b.go:3:4" {
		t.Errorf("relPos of a position relative to the directory go list ran in = %q", got)
	}
	for _, tt := range []struct {
		pat, pkg string
		match    bool
	}{{"x/y", "x/y", true}, {"x/y/...", "x/y/z", true}, {"x/y/...", "x/y", true}, {"x/y/...", "x/yz", false}, {"x/y", "x/y/z", false}} {
		if got := matchPattern(tt.pat, tt.pkg) >= 0; got != tt.match {
			t.Errorf("matchPattern(%q, %q) = %v", tt.pat, tt.pkg, got)
		}
	}
	if matchPattern("x/y", "x/y") <= matchPattern("x/...", "x/y") {
		t.Error("an exact pattern must beat a prefix")
	}
}

func TestDropSoftBreakers(t *testing.T) {
	call := func(line int) graph.CallSite { return graph.CallSite{Pos: graph.Pos{File: "a.go", Line: line, Col: 2}} }
	g := &graph.Graph{Edges: []*graph.Edge{
		{From: "gw", To: "recs", Criticality: graph.Soft, Calls: []graph.CallSite{call(10)}},
		{From: "gw", To: "events", Mode: graph.ModeAsync, Calls: []graph.CallSite{call(20)}},
		{From: "gw", To: "catalog", Calls: []graph.CallSite{call(30)}},
	}}
	rel := func(lines ...int) []Related {
		var rs []Related
		for _, l := range lines {
			rs = append(rs, Related{File: "a.go", Line: l, Column: 2})
		}
		return rs
	}
	fs := []Finding{
		{Rule: "nobreaker", pkg: "p", Message: "soft", Related: rel(10)},
		{Rule: "nobreaker", pkg: "p", Message: "soft and async", Related: rel(10, 20)},
		{Rule: "nobreaker", pkg: "p", Message: "soft and hard", Related: rel(10, 30)},
		{Rule: "nobreaker", pkg: "p", Message: "not in the graph", Related: rel(10, 40)},
		{Rule: "nobreaker", Message: "graph side", Related: rel(10)},
		{Rule: "httptimeout", pkg: "p", Message: "another rule", Related: rel(10)},
	}
	var got []string
	for _, f := range dropSoftBreakers(fs, g) {
		got = append(got, f.Message)
	}
	want := []string{"soft and hard", "not in the graph", "graph side", "another rule"}
	if !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
}
