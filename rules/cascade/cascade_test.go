package cascade_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/cascade"
	"github.com/faultline-dev/faultline/rules/internal/graphtest"
)

func TestTopology(t *testing.T) {
	graphtest.Run(t, cascade.Rule, "testdata/*.txtar")
}

func TestSpec(t *testing.T) {
	tests := []struct{ name, spec string }{
		{"chain of five gives one finding", `
entry web a
a -> b # want "^entrypoint web can hang: a -> b -> c -> d -> e -> f has no timeout on any call, so one hung f stalls it and holds every caller on the way; set a timeout on every call of the path, starting with a -> b$"
b -> c; c -> d; d -> e; e -> f
`},
		{"tree gives one finding per leaf", `
entry web a
a -> b # want "a -> b -> d has no timeout" "a -> b -> e has no timeout"
a -> c # want "a -> c has no timeout"
b -> d; b -> e
`},
		{"diamond gives one finding", `
entry web a
a -> b # want "a -> b -> d has no timeout"
a -> c; b -> d; c -> d
`},
		{"bounded calls stop the path", `
entry web a
a -> b timeout=1s
b -> c # not followed from web: b is reached through a bounded call
a -> d deadline=2s
a -> e calls=bounded,guarded
`},
		{"path ends at the last unbounded call", `
entry web a
a -> b # want "^entrypoint web can hang: a -> b has no timeout"
b -> c timeout=1s
`},
		{"soft and async calls are not followed", `
entry web a
a -> b soft
a -> c async
`},
		{"fallback does not stop a hang", `
entry web a
a -> b fallback=cached # want "a -> b has no timeout"
`},
		{"unbounded call site in code", `
entry web a
a -> b calls=bounded,unbounded # want "a -> b has no timeout"
`},
		{"cycle", `
entry web a
a -> b # want "^entrypoint web can hang: a -> b -> c has no timeout"
b -> c; c -> b
`},
		{"cycle through the service", `
entry web a
a -> b # want "^entrypoint web can hang: a -> b has no timeout"
b -> a
`},
		{"self-loop", `
entry web a
a -> a
`},
		{"cycle before the end", `
entry web a
a -> b # want "^entrypoint web can hang: a -> b -> d has no timeout"
b -> c; c -> b; b -> d
`},
		{"several entrypoints", `
entry web a
entry mobile a
entry admin x
a -> b # want "^entrypoint mobile can hang: a -> b has no timeout" "^entrypoint web can hang: a -> b has no timeout"
x -> b timeout=1s
`},
		{"mesh", `
entry web a
a -> b mesh # want "starting with a -> b \(a route timeout in the mesh\)$"
`},
		{"no entrypoints", `
a -> b; b -> c
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { graphtest.RunSpec(t, cascade.Rule, tt.spec) })
	}
}

func TestDoc(t *testing.T) { graphtest.RunDoc(t, cascade.Rule) }
