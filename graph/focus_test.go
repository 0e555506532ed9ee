package graph

import (
	"strconv"
	"strings"
	"testing"
)

// focusGraph is
//
//	web -> a -> b -> c -> d,  a -> e (async),  admin -> x -> c,  lone
func focusGraph() *Graph {
	g := &Graph{}
	for _, n := range []string{"a", "b", "c", "d", "e", "x", "lone"} {
		g.Nodes = append(g.Nodes, &Node{Name: n, Kind: Service})
	}
	for _, e := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}, {"x", "c"}} {
		g.Edges = append(g.Edges, &Edge{From: e[0], To: e[1]})
	}
	g.Edges = append(g.Edges, &Edge{From: "a", To: "e", Mode: ModeAsync})
	g.Entrypoints = []*Entrypoint{{Name: "web", Service: "a"}, {Name: "admin", Service: "x"}}
	g.Settings.MaxAmplification = 7
	g.Index()
	return g
}

func describe(g *Graph) string {
	var b strings.Builder
	for _, n := range g.Nodes {
		b.WriteString(n.Name + " ")
	}
	b.WriteString("|")
	for _, e := range g.Edges {
		b.WriteString(" " + e.Key())
	}
	b.WriteString(" |")
	for _, ep := range g.Entrypoints {
		b.WriteString(" " + ep.Name)
	}
	return b.String()
}

func TestFocus(t *testing.T) {
	for _, tt := range []struct {
		focus string
		depth int
		want  string
	}{
		{"", 0, ""}, // the whole graph itself
		{"web", 0, "a b c d e | a->b a->e b->c c->d | web"},
		{"web", 1, "a b e | a->b a->e | web"},
		{"web", 2, "a b c e | a->b a->e b->c | web"},
		{"admin", 0, "c d x | c->d x->c | admin"},
		{"", 1, "a b c e x | a->b a->e b->c x->c | admin web"},
		{"b", 0, "b c d | b->c c->d |"},
		{"b", 1, "b c | b->c |"},
		{"lone", 3, "lone | |"},
	} {
		g := focusGraph()
		sub, err := g.Focus(tt.focus, tt.depth)
		if err != nil {
			t.Errorf("Focus(%q, %d): %v", tt.focus, tt.depth, err)
			continue
		}
		if tt.focus == "" && tt.depth == 0 {
			if sub != g {
				t.Errorf("Focus(\"\", 0) is not the graph itself")
			}
			continue
		}
		if got := describe(sub); got != tt.want {
			t.Errorf("Focus(%q, %d) = %q, want %q", tt.focus, tt.depth, got, tt.want)
		}
		if sub.Settings.MaxAmplification != 7 {
			t.Errorf("Focus(%q, %d) lost the settings", tt.focus, tt.depth)
		}
		// The result is indexed: lookups work.
		for _, n := range sub.Nodes {
			if sub.Node(n.Name) != n {
				t.Errorf("Focus(%q, %d): node %s not indexed", tt.focus, tt.depth, n.Name)
			}
		}
	}
}

func TestFocusErrors(t *testing.T) {
	g := focusGraph()
	if _, err := g.Focus("nope", 0); err == nil || !strings.Contains(err.Error(), `"nope"`) || !strings.Contains(err.Error(), "admin, web") {
		t.Errorf("unknown focus: err = %v", err)
	}
	g.Entrypoints = nil
	g.Index()
	if _, err := g.Focus("", 2); err == nil || !strings.Contains(err.Error(), "no entrypoints") {
		t.Errorf("depth without entrypoints: err = %v", err)
	}
	g.Entrypoints = []*Entrypoint{{Name: "ghost", Service: "missing"}}
	g.Index()
	if _, err := g.Focus("ghost", 0); err == nil || !strings.Contains(err.Error(), "not in the graph") {
		t.Errorf("entrypoint with a missing service: err = %v", err)
	}
}

// TestFocusLarge checks that focusing a long chain stays linear: a
// quadratic walk would time the test out.
func TestFocusLarge(t *testing.T) {
	const n = 200000
	g := &Graph{}
	for i := range n {
		g.Nodes = append(g.Nodes, &Node{Name: "n" + strconv.Itoa(i), Kind: Service})
		if i > 0 {
			g.Edges = append(g.Edges, &Edge{From: "n" + strconv.Itoa(i-1), To: "n" + strconv.Itoa(i)})
		}
	}
	g.Entrypoints = []*Entrypoint{{Name: "e", Service: "n0"}}
	g.Index()
	sub, err := g.Focus("e", 0)
	if err != nil || len(sub.Nodes) != n || len(sub.Edges) != n-1 {
		t.Fatalf("Focus on a chain: %d nodes, %d edges, %v", len(sub.Nodes), len(sub.Edges), err)
	}
	sub, err = g.Focus("e", 10)
	if err != nil || len(sub.Nodes) != 11 {
		t.Fatalf("Focus on a chain, depth 10: %d nodes, %v", len(sub.Nodes), err)
	}
}
