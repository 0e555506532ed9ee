package softfail_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/softfail"
)

func TestTopology(t *testing.T) {
	graphtest.Run(t, softfail.Rule, "testdata/*.txtar")
}

func TestSpec(t *testing.T) {
	tests := []struct{ name, spec string }{
		{"no fallback", `
frontend -> ads soft timeout=100ms # want "^frontend -> ads is soft but has no fallback: nothing says what frontend does without ads, so its failure is likely to fail the request anyway; declare the fallback \(and build it\) or make the dependency hard$"
`},
		{"entrypoint budget", `
entry web frontend timeout=2s
frontend -> ads soft timeout=1s attempts=3 fallback=none # want "^frontend -> ads is soft, but it can take 3s \(1s x 3 attempts\) while frontend must answer within 2s \(entrypoint web\): a slow ads fails the request instead of degrading; give it a timeout well under 2s$"
`},
		{"equal is not shorter", `
service frontend requestTimeout=1s
frontend -> ads soft timeout=1s fallback=none # want "it can take 1s while frontend must answer within 1s \(its server's requestTimeout\)"
`},
		{"incoming call is the tightest", `
entry web gateway timeout=10s
gateway -> frontend timeout=500ms
lb -> frontend timeout=3s
frontend -> ads soft timeout=600ms fallback=none # want "must answer within 500ms \(the timeout of gateway -> frontend\)"
`},
		{"no timeout at all", `
entry web frontend timeout=2s
frontend -> ads soft fallback=none # want "^frontend -> ads is soft, but it has no timeout while frontend must answer within 2s"
`},
		{"fits", `
entry web frontend timeout=2s
frontend -> ads soft timeout=100ms attempts=2 fallback=none
frontend -> recs soft timeout=5s deadline=1s fallback=none
frontend -> audit soft async fallback=none
frontend -> core timeout=5s
`},
		{"no known budget", `
frontend -> ads soft fallback=none
`},
		{"bounded in code with an unknown value", `
entry web frontend timeout=1s
frontend -> ads soft fallback=none calls=bounded
`},
		{"both clauses", `
entry web frontend timeout=1s
frontend -> ads soft timeout=2s # want "is soft but has no fallback" "is soft, but it can take 2s"
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { graphtest.RunSpec(t, softfail.Rule, tt.spec) })
	}
}

func TestDoc(t *testing.T) { graphtest.RunDoc(t, softfail.Rule) }
