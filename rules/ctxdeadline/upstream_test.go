package ctxdeadline

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/graph"
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
		// Edges learned from code are judged by their calls: a timeout
		// whose value is unknown bounds as a constant one does, and a
		// request context bounds when the caller's requests are bounded.
		{"code: a timeout of unknown value", "gw -> svc codeonly calls=bounded,bounded", "svc", true},
		{"code: one call unbounded", "gw -> svc codeonly calls=bounded,unbounded", "svc", false},
		{"code: a call of unknown bound", "gw -> svc codeonly calls=bounded,unknown", "svc", false},
		{"code: a request context bounded upstream", "entry web gw timeout=10s; gw -> svc codeonly calls=request,bounded", "svc", true},
		{"code: a request context unbounded upstream", "entry web gw; gw -> svc codeonly calls=request", "svc", false},
		{"code: a request context with no caller", "gw -> svc codeonly calls=request", "svc", false},
		{"code: a request context in a cycle", "a -> b codeonly calls=request; b -> a codeonly calls=request", "a", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g, err := graphtest.Parse(tt.spec)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range g.Edges {
				if e.Source == graph.FromCode {
					e.TimeoutUnknown = true // as codeEdgeBound leaves these
				}
			}
			if got := boundedUpstream(g, tt.service, map[string]bool{}, map[string]bool{}); got != tt.want {
				t.Errorf("boundedUpstream(%s) = %v, want %v", tt.service, got, tt.want)
			}
		})
	}
}

// TestBoundedUpstreamUnknownTimeout checks that an edge whose timeout is
// set but not a constant bounds the requests it carries, as it does for
// gRPC's incoming contexts (unboundedCaller).
func TestBoundedUpstreamUnknownTimeout(t *testing.T) {
	g, err := graphtest.Parse("gw -> svc; gw -> grpcsvc")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range g.Edges {
		e.TimeoutUnknown = true
	}
	if !boundedUpstream(g, "svc", map[string]bool{}, map[string]bool{}) {
		t.Error("boundedUpstream(svc) = false behind an edge with a timeout of unknown value, want true")
	}
	if _, ok := unboundedCaller(g, "grpcsvc", "", map[graph.Pos]bool{}, map[string]bool{}); ok {
		t.Error("unboundedCaller(grpcsvc) found a caller behind an edge with a timeout of unknown value, want none")
	}
}

func TestRefine(t *testing.T) {
	g, err := graphtest.Parse("entry web gw timeout=10s; gw -> svc; gw -> other timeout=1s; " +
		"front -> a timeout=1s; a -> b; x -> c; z -> f; w -> h; w -> k timeout=1s")
	if err != nil {
		t.Fatal(err)
	}
	at := func(file string, line int) graph.Pos { return graph.Pos{File: file, Line: line, Col: 2} }
	// The code's call sites: front calls a's Do (and the topology's
	// timeout on front -> a does not bound that call: the code does not set
	// it), a calls b, x calls c, z calls f.
	calls := map[string][]graph.CallSite{
		"front->a": {{Pos: at("front.go", 10), Kind: "grpc", API: "/p.A/Do"}},
		"a->b":     {{Pos: at("a.go", 20), Kind: "grpc", API: "/p.B/Get"}},
		"x->c":     {{Pos: at("x.go", 5), Kind: "grpc", API: "/p.C/Get"}},
		"z->f":     {{Pos: at("z.go", 1), Kind: "grpc", API: "/p.F/Get"}},
	}
	for _, e := range g.Edges {
		e.Calls = calls[e.From+"->"+e.To]
	}
	fs := []struct {
		lint.CodeFinding
		what string
	}{
		{lint.CodeFinding{Category: CategoryRequest, Service: "gw"}, "gw, bounded by its entrypoint"},
		{lint.CodeFinding{Category: CategoryRequest, Service: "svc"}, "svc, which gw calls with no timeout"},
		{lint.CodeFinding{Category: CategoryRequest, Service: "other"}, "other, bounded"},
		{lint.CodeFinding{Service: "other"}, "a fresh Background in other"},
		{lint.CodeFinding{Category: CategoryRequest}, "no service known"},
		{lint.CodeFinding{Category: CategoryRequest, Service: "front", Sites: []graph.Pos{at("front.go", 10)}}, "front's request, no caller"},
		{lint.CodeFinding{Category: CategoryIncoming, Service: "a", Entry: "/p.A/Do", Sites: []graph.Pos{at("a.go", 20)}}, "a's Do, which front calls unbounded"},
		{lint.CodeFinding{Category: CategoryIncoming, Service: "a", Entry: "/p.A/Other"}, "a's Other, which nobody calls"},
		{lint.CodeFinding{Category: CategoryIncoming, Service: "b"}, "b, which a calls with Do's context"},
		{lint.CodeFinding{Category: CategoryIncoming, Service: "c"}, "c, whose caller bounds"},
		{lint.CodeFinding{Category: CategoryIncoming, Service: "e"}, "e, no caller"},
		{lint.CodeFinding{Service: "z", Sites: []graph.Pos{at("z.go", 1)}, Suppressed: true}, "z's suppressed Background"},
		{lint.CodeFinding{Category: CategoryIncoming, Service: "f"}, "f, whose caller's finding is suppressed"},
		{lint.CodeFinding{Category: CategoryIncoming, Service: "h"}, "h, declared with no timeout"},
		{lint.CodeFinding{Category: CategoryIncoming, Service: "k"}, "k, declared with a timeout"},
		{lint.CodeFinding{Category: CategoryIncoming}, "an incoming context, no service known"},
	}
	var in []lint.CodeFinding
	for _, f := range fs {
		in = append(in, f.CodeFinding)
	}
	var kept, causes []string
	for i, v := range refine(g, in) {
		if v.Drop {
			continue
		}
		kept = append(kept, fs[i].what)
		for _, r := range v.Related {
			causes = append(causes, fmt.Sprintf("%s:%d %s", r.Pos.File, r.Pos.Line, r.Message))
		}
	}
	want := []string{"svc, which gw calls with no timeout", "a fresh Background in other", "no service known", "front's request, no caller",
		"a's Do, which front calls unbounded", "b, which a calls with Do's context", "z's suppressed Background", "h, declared with no timeout"}
	if !slices.Equal(kept, want) {
		t.Errorf("kept\n\t%s\nwant\n\t%s", strings.Join(kept, "\n\t"), strings.Join(want, "\n\t"))
	}
	wantCauses := []string{"front.go:10 front calls a here with a context that has no deadline", "a.go:20 a calls b here with a context that has no deadline",
		"spec.txt:1 the topology declares w → h with no timeout or deadline"}
	if !slices.Equal(causes, wantCauses) {
		t.Errorf("causes\n\t%s\nwant\n\t%s", strings.Join(causes, "\n\t"), strings.Join(wantCauses, "\n\t"))
	}
}
