package synccycle_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/synccycle"
)

func TestTopology(t *testing.T) {
	graphtest.Run(t, synccycle.Rule, "testdata/*.txtar")
}

func TestSpec(t *testing.T) {
	tests := []struct{ name, spec string }{
		{"two services", `
inventory -> orders timeout=1s
orders -> inventory timeout=1s # want "^synchronous call cycle inventory -> orders -> inventory: a slow or failing member stalls the others, each waits on a call that waits on it, and requests can loop; break it: make one call asynchronous or remove it$"
`},
		{"self-call", `
a -> a # want "^a calls itself synchronously: .*; break it: make one call asynchronous or remove it$"
`},
		{"async breaks it", `
a -> b; b -> a async; c -> c async
`},
		{"one finding per component", `
a -> b; b -> c
c -> a # want "^synchronous call cycle a -> b -> c -> a: .* \(the cycle is part of a tangle of 4 nodes: a, b, c, d\); break it"
b -> d; d -> b
x -> y
y -> x # want "^synchronous call cycle x -> y -> x:"
`},
		{"soft call", `
a -> b soft fallback=none
b -> a # want "cycle a -> b -> a"
`},
		{"acyclic", `
a -> b; a -> c; b -> d; c -> d
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { graphtest.RunSpec(t, synccycle.Rule, tt.spec) })
	}
}

// TestSeverity checks that a cycle with a soft call is a warning and one of
// hard calls an error.
func TestSeverity(t *testing.T) {
	for spec, want := range map[string]string{
		"a -> b soft; b -> a # want `cycle`": "warning",
		"a -> b; b -> a # want `cycle`":      "error",
	} {
		fs := graphtest.RunSpec(t, synccycle.Rule, spec)
		if len(fs) != 1 || fs[0].Severity.String() != want {
			t.Errorf("%s: findings %+v, want one %s", spec, fs, want)
		}
	}
}

func TestDoc(t *testing.T) { graphtest.RunDoc(t, synccycle.Rule) }
