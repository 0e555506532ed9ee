package nobreaker_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/nobreaker"
)

func TestGraphTopology(t *testing.T) {
	graphtest.Run(t, nobreaker.Rule, "testdata/graph/*.txtar")
}

func TestGraphSpec(t *testing.T) {
	tests := []struct{ name, spec string }{
		{"unguarded", `
external stripe
checkout -> payment timeout=1s # want "^checkout -> payment has no circuit breaker: while payment fails or slows down, checkout keeps sending it calls and waits out every timeout, which prolongs the outage; add a circuit breaker to the client and declare breaker: true$"
payment -> stripe fallback=queue # want "payment -> stripe has no circuit breaker"
`},
		{"guarded", `
a -> b breaker
a -> c calls=guarded,guarded
`},
		{"partly guarded in code", `
a -> b calls=guarded,bounded # want "a -> b has no circuit breaker"
`},
		{"not hard or not sync", `
a -> b soft
a -> c async
`},
		{"datastores and queues", `
datastore db
queue q
a -> db; a -> q
`},
		{"code only: the code side reports it", `
a -> b calls=unbounded codeonly
`},
		{"mesh", `
a -> b mesh # want "configure outlier detection in the mesh and declare breaker: true$"
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { graphtest.RunSpec(t, nobreaker.Rule, tt.spec) })
	}
}

func TestGraphDoc(t *testing.T) { graphtest.RunDoc(t, nobreaker.Rule) }
