package retryamp_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/retryamp"
)

func TestTopology(t *testing.T) {
	graphtest.Run(t, retryamp.Rule, "testdata/*.txtar")
}

func TestSpec(t *testing.T) {
	tests := []struct{ name, spec string }{
		{"three layers", `
entry web frontend
frontend -> checkout attempts=3 # want "^entrypoint web: one request can become 27 calls to bank along frontend -> checkout -> payment -> bank \(3 x 3 x 3 attempts\), above the limit of 10: under failure each layer retries the retries below it; retry at one layer only, or give the retries a budget$"
checkout -> payment attempts=3
payment -> bank attempts=3
`},
		{"two layers below the limit", `
entry web a
a -> b timeout=1s
b -> c attempts=2 # want "^entrypoint web: one request can become 4 calls to d along a -> b -> c -> d \(2 x 2 attempts\), with retries at 2 layers:"
c -> d attempts=2
`},
		{"one layer", `
entry web a
a -> b attempts=5
b -> c
`},
		{"budget caps the factor", `
entry web a
a -> b attempts=5 budget=0.2
b -> c attempts=5
`},
		{"threshold setting", `
settings maxAmplification=4
entry web a
a -> b attempts=5 # want "one request can become 5 calls to b along a -> b \(5 attempts\), above the limit of 4"
`},
		{"async ends the path", `
entry web a
a -> q attempts=3
q -> w attempts=3 async
w -> db attempts=3
`},
		{"worst branch", `
entry web a
a -> b attempts=2
a -> c attempts=3 # want "12 calls to d along a -> c -> d \(3 x 4 attempts\)"
b -> d attempts=4
c -> d attempts=4
`},
		{"cycle", `
entry web a
a -> b attempts=3 # want "9 calls to c along a -> b -> c"
b -> c attempts=3
c -> b attempts=3
`},
		{"self-loop", `
entry web a
a -> a attempts=9
`},
		{"per entrypoint", `
entry web a
entry mobile b
entry admin z
a -> b attempts=2 # want "entrypoint web: one request can become 24 calls to d along a -> b -> c -> d"
b -> c attempts=3 # want "entrypoint mobile: one request can become 12 calls to d along b -> c -> d"
c -> d attempts=4
z -> d
`},
		{"web through a", `
entry web a
a -> b attempts=2 # want "entrypoint web: one request can become 24 calls to d along a -> b -> c -> d"
b -> c attempts=3
c -> d attempts=4
`},
		{"soft and fallback still retry", `
entry web a
a -> b attempts=2 soft fallback=x # want "with retries at 2 layers"
b -> c attempts=2 fallback=y
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { graphtest.RunSpec(t, retryamp.Rule, tt.spec) })
	}
}

func TestDoc(t *testing.T) { graphtest.RunDoc(t, retryamp.Rule) }
