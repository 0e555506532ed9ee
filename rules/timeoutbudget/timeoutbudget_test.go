package timeoutbudget_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/timeoutbudget"
)

func TestTopology(t *testing.T) {
	graphtest.Run(t, timeoutbudget.Rule, "testdata/*.txtar")
}

func TestSpec(t *testing.T) {
	tests := []struct{ name, spec string }{
		{"inversion", `
checkout -> payment timeout=2s attempts=2 # want "^checkout -> payment gives up after 2s, but payment's call to stripe can take 15s \(5s x 3 attempts\): checkout abandons requests that payment keeps working on, and its retries pile more on; make the timeout longer than 15s, shorten payment -> stripe, or propagate the deadline$"
payment -> stripe timeout=5s attempts=3
payment -> cache timeout=10ms
`},
		{"equal is not longer", `
a -> b timeout=1s # want "^a -> b gives up after 1s, but b's call to c can take 1s: a abandons requests that b keeps working on; make"
b -> c timeout=1s
`},
		{"longer is fine", `
a -> b timeout=1001ms
b -> c timeout=1s
b -> d # unbounded: not counted
b -> e async timeout=5s
`},
		{"deadline bounds the callee's call", `
a -> b timeout=3s
b -> c timeout=2s attempts=3 deadline=2500ms # want "b -> c allows 3 attempts of 2s but its deadline is 2.5s: only 1 attempt can run to its timeout"
`},
		{"per-attempt bound is the deadline", `
a -> b deadline=1s # want "a -> b gives up after 1s, but b's call to c can take 2s"
b -> c timeout=2s
`},
		{"propagated deadline", `
a -> b timeout=1s propagates
b -> c timeout=2s propagates
`},
		{"propagated by one side only", `
a -> b timeout=1s propagates # want "b's call to d can take 2s"
b -> c timeout=5s propagates
b -> d timeout=2s
x -> b timeout=1s # want "x -> b gives up after 1s, but b's call to c can take 5s"
`},
		{"dead retries", `
a -> b timeout=1s attempts=3 deadline=2s # want "^a -> b allows 3 attempts of 1s but its deadline is 2s: only 2 attempts can run to their timeout and the retries after them are cut short; make the deadline at least 3s, or fewer attempts or a shorter timeout$"
a -> c timeout=2s attempts=2 deadline=1s # want "not even the first attempt can run to its timeout, and the retries never happen; make the deadline at least 4s"
a -> d timeout=1s attempts=3 deadline=3s
`},
		{"deadline shorter than the only attempt", `
a -> b timeout=2s deadline=1s # want "^a -> b has a 2s timeout but a 1s deadline, so the timeout never fires"
`},
		{"entrypoint", `
entry web a timeout=5s # want "^entrypoint web times out after 5s, but a -> b -> c can take 7s when every call uses its whole bound: users give up while the calls below still run; raise the entrypoint timeout or tighten the calls on the path$"
a -> b timeout=4s
b -> c timeout=1s attempts=3
a -> d timeout=6s soft fallback=none
c -> e # unbounded: ends the path
`},
		{"entrypoint fits", `
entry web a timeout=5s
entry mobile a
a -> b timeout=1s; b -> c timeout=500ms; a -> q timeout=30s async
`},
		{"entrypoint with a cycle", `
entry web a timeout=1s # want "a -> b -> c can take 3s"
a -> b timeout=1s; b -> c timeout=2s; c -> b timeout=500ms # want "a -> b gives up after 1s" "c -> b gives up after 500ms, but b's call to c can take 2s"
`},
		{"self-loop", `
a -> a timeout=1s
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { graphtest.RunSpec(t, timeoutbudget.Rule, tt.spec) })
	}
}

func TestDoc(t *testing.T) { graphtest.RunDoc(t, timeoutbudget.Rule) }
