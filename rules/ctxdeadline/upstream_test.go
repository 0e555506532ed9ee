package ctxdeadline

import (
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

func TestBoundedUpstream(t *testing.T) {
	for _, tt := range []struct {
		name, spec, service string
		want                bool
	}{
		{"entrypoint with timeout", "entry web gw timeout=10s", "gw", true},
		{"entrypoint without timeout", "entry web gw", "gw", false},
		{"one of two entrypoints unbounded", "entry web gw timeout=10s; entry api gw", "gw", false},
		{"every caller has a timeout", "entry web gw timeout=10s; gw -> svc timeout=2s; cron -> svc timeout=1s", "svc", true},
		{"a caller without timeout", "gw -> svc timeout=2s; cron -> svc", "svc", false},
		{"an asynchronous caller does not count", "gw -> svc timeout=2s; bus -> svc async", "svc", true},
		{"propagated from a bounded caller", "entry web gw timeout=10s; gw -> svc propagates", "svc", true},
		{"propagated from an unbounded caller", "entry web gw; gw -> svc propagates", "svc", false},
		{"no callers at all", "svc -> db timeout=1s", "svc", false},
		{"propagation cycle", "a -> b propagates; b -> a propagates", "a", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, err := graphtest.Parse(tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			if got := boundedUpstream(g, tt.service, map[string]bool{}, map[string]bool{}); got != tt.want {
				t.Errorf("boundedUpstream(%s) = %v, want %v", tt.service, got, tt.want)
			}
		})
	}
}

func TestRefine(t *testing.T) {
	g, err := graphtest.Parse("entry web gw timeout=10s; gw -> svc; gw -> other timeout=1s")
	if err != nil {
		t.Fatal(err)
	}
	keep := refine(g)
	var kept []string
	for _, f := range []struct {
		lint.CodeFinding
		what string
	}{
		{lint.CodeFinding{Category: CategoryRequest, Service: "gw"}, "gw, bounded by its entrypoint"},
		{lint.CodeFinding{Category: CategoryRequest, Service: "svc"}, "svc, which gw calls with no timeout"},
		{lint.CodeFinding{Category: CategoryRequest, Service: "other"}, "other, bounded"},
		{lint.CodeFinding{Service: "other"}, "a fresh Background in other"},
		{lint.CodeFinding{Category: CategoryRequest}, "no service known"},
	} {
		if keep(f.CodeFinding) {
			kept = append(kept, f.what)
		}
	}
	want := "svc, which gw calls with no timeout|a fresh Background in other|no service known"
	if got := strings.Join(kept, "|"); got != want {
		t.Errorf("kept %q, want %q", got, want)
	}
}
