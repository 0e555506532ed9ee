package graph

import (
	"strings"
	"testing"
)

func TestFailsWith(t *testing.T) {
	tests := []struct {
		spec string
		want map[string]string // node -> the nodes that fail with it
	}{
		{"a -> b; b -> c", map[string]string{"a": "", "b": "a", "c": "a b"}},
		{"a -> b soft; a -> c async; a -> d fallback; b -> x", map[string]string{"b": "", "c": "", "d": "", "x": "b"}},
		{"a -> p group=db; a -> r group=db; p -> disk; r -> disk", map[string]string{"p": "", "r": "", "disk": "a p r"}},
		{"a -> b; b -> a; b -> c", map[string]string{"a": "b", "b": "a", "c": "a b"}},
	}
	for _, tt := range tests {
		g := build(t, tt.spec)
		fw := g.FailsWith()
		for name, want := range tt.want {
			var got []string
			for _, v := range fw[g.NodeIndex(name)] {
				got = append(got, g.Nodes[v].Name)
			}
			if s := strings.Join(got, " "); s != want {
				t.Errorf("%s: FailsWith(%s) = %q, want %q", tt.spec, name, s, want)
			}
		}
	}
}
