package nobreaker_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/internal/resilience/resiliencetest"
	"github.com/faultline-dev/faultline/rules/nobreaker"
)

// TestCode checks the code side: unguarded dependencies reported once at
// their client, guarded ones (directly, through helpers of this and
// another package, transports, interceptors, two-step breakers) silent,
// and the traps (a retry interceptor alone, an unused breaker with an
// open-state Timeout, an ignored Allow answer) reported. Calls inside
// generated code are not call sites; SMTP relays are services too.
func TestCode(t *testing.T) {
	setWrappers(t, "")
	analysistest.Run(t, resiliencetest.TestData(t), nobreaker.Analyzer,
		"grpcplain", "grpcguarded", "breakers", "usebreakers", "interceptors", "retryonly",
		"httpplain", "httpguarded", "twostep", "traps", "mixed", "wrapnoflag", "unknown",
		"twoclients", "mail", "example.com/pb/payment", "oneconn", "local", "libguards", "probe")
}

// TestTestCode checks that test code outside _test.go files is not a
// production dependency: helpers taking a *testing.T, a client only the
// test setup builds, a harness program under test/ (jaeger's integration
// helpers, hydra's test/mock-client); production code beside them and
// the same program outside test/ are reported.
func TestTestCode(t *testing.T) {
	setWrappers(t, "")
	analysistest.Run(t, resiliencetest.TestData(t), nobreaker.Analyzer, "e2ehelpers", "harness/...")
}

// TestPlatformEndpoints checks that link-local and cloud metadata
// endpoints (minio-go's instance metadata and container credential calls)
// are treated like loopback, and a real service beside them is reported.
func TestPlatformEndpoints(t *testing.T) {
	setWrappers(t, "")
	analysistest.Run(t, resiliencetest.TestData(t), nobreaker.Analyzer, "metadata")
}

// TestWrappers checks that a wrapper declared with -wrappers guards the
// calls made in the function it is given.
func TestWrappers(t *testing.T) {
	setWrappers(t, "breaker:example.com/platform/resilience.Do")
	analysistest.Run(t, resiliencetest.TestData(t), nobreaker.Analyzer, "wrapflag")
}

// TestWrappersFlag checks that bad -wrappers values are clear errors.
func TestWrappersFlag(t *testing.T) {
	for _, tt := range []struct{ value, err string }{
		{"breaker:example.com/x.Do,retry:(*example.com/x.R).Run", ""},
		{" , timeout:example.com/x.Call ,", ""},
		{"example.com/x.Do", `want KIND:FUNC`},
		{"fuse:example.com/x.Do", `unknown kind "fuse"`},
		{"breaker:Do", `is not a function`},
	} {
		err := nobreaker.Analyzer.Flags.Set("wrappers", tt.value)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("Set(%q) = %v, want no error", tt.value, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("Set(%q) = %v, want an error containing %q", tt.value, err, tt.err)
		}
	}
	setWrappers(t, "")
}

func setWrappers(t *testing.T, v string) {
	t.Helper()
	if err := nobreaker.Analyzer.Flags.Set("wrappers", v); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = nobreaker.Analyzer.Flags.Set("wrappers", "") })
}
