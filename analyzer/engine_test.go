package analyzer

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

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
	g := &graph.Graph{
		Nodes: []*graph.Node{{Name: "a", Kind: graph.Service}, {Name: "b", Kind: graph.Service}, {Name: "c", Kind: graph.Service}},
		Edges: []*graph.Edge{{From: "a", To: "b"}, {From: "a", To: "c"}},
	}
	g.Index()
	g.Edge("a", "b").Ignore = []graph.Ignore{{Rule: "nobreaker", Reason: "mesh breaker", Pos: graph.Pos{File: "t.cue", Line: 3}}}
	g.Node("c").Ignore = []graph.Ignore{
		{Rule: "spof", Reason: "managed", Pos: graph.Pos{File: "t.cue", Line: 5}},
		{Rule: "zonespof", Reason: "", Pos: graph.Pos{File: "t.cue", Line: 6}},
	}
	g.Settings.Ignore = []graph.SettingsIgnore{
		{Rule: "notimeout", Subject: "a->c", Reason: "batch job", Pos: graph.Pos{File: "t.cue", Line: 9}},
		{Rule: "httptimeout", Subject: "a", Reason: "a's code is a test harness", Pos: graph.Pos{File: "t.cue", Line: 10}},
	}
	s := newSuppressor(g, nil, "", nil)
	apply := func(f Finding) *Suppression {
		s.apply(&f)
		return f.Suppression
	}
	if sp := apply(Finding{Rule: "nobreaker", Service: "a", Target: "b"}); sp == nil || sp.Reason != "mesh breaker" {
		t.Errorf("edge attribute: %+v", sp)
	}
	if sp := apply(Finding{Rule: "nobreaker", Service: "a", Target: "c"}); sp != nil {
		t.Errorf("an attribute on a->b suppressed a->c: %+v", sp)
	}
	if sp := apply(Finding{Rule: "spof", Service: "c"}); sp == nil || sp.Kind != "inSource" {
		t.Errorf("node attribute: %+v", sp)
	}
	if sp := apply(Finding{Rule: "zonespof", Service: "c"}); sp != nil {
		t.Errorf("an attribute without a reason suppressed: %+v", sp)
	}
	if sp := apply(Finding{Rule: "notimeout", Service: "a", Target: "c"}); sp == nil || sp.Kind != "external" {
		t.Errorf("settings.ignore on an edge: %+v", sp)
	}
	if sp := apply(Finding{Rule: "httptimeout", Service: "a", pkg: "m/a"}); sp == nil || sp.Kind != "external" {
		t.Errorf("settings.ignore of a code finding's service: %+v", sp)
	}
	if sp := apply(Finding{Rule: "spof", Service: "c", pkg: "m/c"}); sp != nil {
		t.Errorf("a node attribute suppressed a code finding: %+v", sp)
	}
	if !s.Used(&g.Edge("a", "b").Ignore[0]) || s.Used(&g.Node("c").Ignore[1]) || !s.UsedSetting(0) {
		t.Error("the suppressions used are not the ones recorded")
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

// TestRefine checks that the engine applies a rule's Refine hook to its own
// code findings only, tells it the category, service, position, call sites
// and suppression of each, drops what it drops and adds the related
// positions it gives.
func TestRefine(t *testing.T) {
	var seen []rules.CodeFinding
	cause := rules.Related{Pos: graph.Pos{File: "up.go", Line: 9, Col: 2}, Message: "the caller"}
	r := &rules.Rule{Name: "x", Analyzer: &analysis.Analyzer{Name: "x"}, Refine: func(_ *graph.Graph, fs []rules.CodeFinding) []rules.Verdict {
		seen = append(seen, fs...)
		out := make([]rules.Verdict, len(fs))
		for i, f := range fs {
			out[i].Drop = f.Service == "drop"
			if f.Suppressed {
				out[i].Related = []rules.Related{cause}
			}
		}
		return out
	}}
	fs := []Finding{
		{Rule: "x", pkg: "p", Service: "drop", category: "c", Message: "dropped", File: "d.go", Line: 1, Column: 2,
			Related: []Related{{File: "a.go", Line: 3, Column: 4}}, sites: []graph.Pos{{File: "a.go", Line: 3, Col: 4}, {File: "a.go", Line: 8, Col: 1}}},
		{Rule: "x", pkg: "p", Service: "keep", Message: "kept", Suppression: &Suppression{Kind: "inSource"}},
		{Rule: "x", Service: "drop", Message: "a graph finding of the rule"},
		{Rule: "y", pkg: "p", Service: "drop", Message: "another rule"},
	}
	var got []string
	kept := refine(fs, []*rules.Rule{r}, &graph.Graph{})
	for _, f := range kept {
		got = append(got, f.Message)
	}
	if want := []string{"kept", "a graph finding of the rule", "another rule"}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
	if want := []Related{{File: "up.go", Line: 9, Column: 2, Message: "the caller"}}; !reflect.DeepEqual(kept[0].Related, want) {
		t.Errorf("related of the kept finding = %+v, want %+v", kept[0].Related, want)
	}
	want := rules.CodeFinding{Category: "c", Service: "drop", Pos: graph.Pos{File: "d.go", Line: 1, Col: 2},
		Related: []graph.Pos{{File: "a.go", Line: 3, Col: 4}}, Sites: []graph.Pos{{File: "a.go", Line: 3, Col: 4}, {File: "a.go", Line: 8, Col: 1}}, Message: "dropped"}
	if len(seen) != 2 || !reflect.DeepEqual(seen[0], want) || !seen[1].Suppressed {
		t.Errorf("Refine saw %+v, want first %+v and the second suppressed", seen, want)
	}
}
