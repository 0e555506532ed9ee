package unsaferetry_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/unsaferetry"
)

func TestTopology(t *testing.T) {
	graphtest.Run(t, unsaferetry.Rule, "testdata/*.txtar")
}

func TestSpec(t *testing.T) {
	tests := []struct{ name, spec string }{
		{"not idempotent and no backoff", `
checkout -> payment idempotent=false attempts=3 # want "^checkout -> payment makes up to 3 attempts but the call is not idempotent: an attempt that timed out may have succeeded, so a retry can apply it twice \(a double charge, a duplicate order\); retry only idempotent calls \(an idempotency key, then idempotent: true\) or drop the retries$" "^checkout -> payment makes up to 3 attempts with no backoff: retries follow failures at once, in step across every caller, and keep a struggling payment down; set retries.backoff to exponential, with jitter$"
`},
		{"backoff none", `
a -> b attempts=2 backoff=none # want "a -> b makes up to 2 attempts with no backoff"
`},
		{"safe", `
a -> b attempts=3 backoff=exponential jitter
a -> c attempts=2 backoff=constant
a -> d idempotent=false
a -> e attempts=1 idempotent=false
`},
		{"mesh backs off by itself", `
a -> b attempts=3 mesh
a -> c attempts=3 mesh idempotent=false backoff=exponential # want "a -> c makes up to 3 attempts but the call is not idempotent"
`},
		{"retries known from code: their delays are retrybackoff's", `
a -> b attempts=240 codeonly
a -> e attempts=3 backoff=none codeonly
a -> c attempts=3 calls=bounded # want "a -> c makes up to 3 attempts with no backoff"
a -> f attempts=3 calls=retried
a -> d attempts=3 backoff=none calls=bounded # want "a -> d makes up to 3 attempts with no backoff"
`},
		{"async publish", `
queue events
a -> events async attempts=3 backoff=exponential idempotent=false # want "a -> events makes up to 3 attempts but the call is not idempotent"
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { graphtest.RunSpec(t, unsaferetry.Rule, tt.spec) })
	}
}

func TestSeverity(t *testing.T) {
	fs := graphtest.RunSpec(t, unsaferetry.Rule, "a -> b idempotent=false attempts=2 # want `not idempotent` `no backoff`")
	if len(fs) != 2 || fs[0].Severity.String() != "error" || fs[1].Severity.String() != "warning" {
		t.Errorf("severities: %+v, want error then warning", fs)
	}
}

func TestDoc(t *testing.T) { graphtest.RunDoc(t, unsaferetry.Rule) }
