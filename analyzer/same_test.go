package analyzer

import (
	"testing"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// TestMergeSame: a graph finding and a code finding of a rule it names,
// of the same service, sharing a call site, are one finding (the code
// one, with the graph one's position as related and the higher
// severity); another service, another rule, a suppressed graph finding
// or no shared call site leave both.
func TestMergeSame(t *testing.T) {
	notimeout := rules.Lookup("notimeout")
	if notimeout == nil || len(notimeout.SameAs) == 0 {
		t.Fatal("notimeout names no code rule as the same problem")
	}
	graphF := func(service string, related ...Related) Finding {
		return Finding{Rule: "notimeout", Severity: rules.Error, Message: "a -> b has no timeout", File: "topology.cue", Line: 9, Service: service, Related: related}
	}
	code := func(rule, service string, line int) Finding {
		return Finding{Rule: rule, Severity: rules.Warning, Message: "no timeout", File: "a/main.go", Line: line, Service: service, pkg: "example.com/a"}
	}
	site := Related{File: "a/main.go", Line: 12}
	for _, tt := range []struct {
		name   string
		fs     []Finding
		merged bool
	}{
		{"same call", []Finding{graphF("a", site), code("httptimeout", "a", 12)}, true},
		{"another service", []Finding{graphF("a", site), code("httptimeout", "b", 12)}, false},
		{"another rule", []Finding{graphF("a", site), code("nobreaker", "a", 12)}, false},
		{"another call", []Finding{graphF("a", site), code("httptimeout", "a", 30)}, false},
		{"code side suppressed", []Finding{graphF("a", site), func() Finding { f := code("httptimeout", "a", 12); f.Suppression = &Suppression{Reason: "r"}; return f }()}, false},
		{"suppressed", []Finding{func() Finding { f := graphF("a", site); f.Suppression = &Suppression{Reason: "r"}; return f }(), code("httptimeout", "a", 12)}, false},
	} {
		got := mergeSame(tt.fs, []*rules.Rule{notimeout})
		if merged := len(got) == 1; merged != tt.merged {
			t.Errorf("%s: %d findings left, merged = %v, want %v", tt.name, len(got), merged, tt.merged)
			continue
		}
		if tt.merged {
			c := got[0]
			if c.Rule != "httptimeout" || c.Severity != rules.Error || len(c.Related) != 1 || c.Related[0].File != "topology.cue" || c.Related[0].Line != 9 {
				t.Errorf("%s: merged finding %+v", tt.name, c)
			}
		}
	}
}

// TestMergeSameIf: drift names nobreaker as the same problem for its
// findings on a declared breaker the calls lack, and for no other kind.
func TestMergeSameIf(t *testing.T) {
	drift := rules.Lookup("drift")
	if drift == nil || drift.SameIf == nil {
		t.Fatal("drift limits its SameAs to no kind of finding")
	}
	site := Related{File: "a/main.go", Line: 12}
	for _, tt := range []struct {
		subject string
		merged  bool
	}{
		{"breaker|a->b", true},
		{"timeout|a->b|main.get", false},
		{"retries|a->b", false},
	} {
		fs := []Finding{
			{Rule: "drift", Severity: rules.Warning, Message: "a → b declares", File: "a/main.go", Line: 12, Service: "a", Related: []Related{site}, subject: tt.subject},
			{Rule: "nobreaker", Severity: rules.Warning, Message: "no breaker", File: "a/main.go", Line: 5, Service: "a", pkg: "example.com/a", sites: []graph.Pos{{File: "a/main.go", Line: 12}}},
		}
		got := mergeSame(fs, []*rules.Rule{drift})
		if merged := len(got) == 1 && got[0].Rule == "nobreaker"; merged != tt.merged {
			t.Errorf("subject %q: %d findings left, merged = %v, want %v", tt.subject, len(got), merged, tt.merged)
		}
	}
}
