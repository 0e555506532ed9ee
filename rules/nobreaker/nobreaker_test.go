package nobreaker_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
	"github.com/faultline-dev/faultline/rules/nobreaker"
)

// TestCode checks the code side: unguarded dependencies reported once at
// their client, guarded ones (directly, through helpers of this and
// another package, transports, interceptors, two-step breakers) silent,
// and the traps (a retry interceptor alone, an unused breaker with an
// open-state Timeout, an ignored Allow answer) reported. Calls inside
// generated code are not call sites; SMTP relays are services too; calls
// over unix-domain sockets are local (unixsock), unless the transport
// dials TCP.
func TestCode(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), nobreaker.Analyzer,
		"grpcplain", "grpcguarded", "breakers", "usebreakers", "interceptors", "retryonly",
		"httpplain", "httpguarded", "twostep", "traps", "mixed", "wrapnoflag", "unknown",
		"twoclients", "mail", "example.com/pb/payment", "oneconn", "local", "libguards", "probe", "unixsock", "streams")
}

// TestTestCode checks that test code outside _test.go files is not a
// production dependency: helpers taking a *testing.T, a client only the
// test setup builds, a harness program under test/ (jaeger's integration
// helpers, hydra's test/mock-client); production code beside them and
// the same program outside test/ are reported.
func TestTestCode(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), nobreaker.Analyzer, "e2ehelpers", "harness/...")
}

// TestPlatformEndpoints checks that link-local and cloud metadata
// endpoints (minio-go's instance metadata and container credential calls)
// are treated like loopback, and a real service beside them is reported.
func TestPlatformEndpoints(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), nobreaker.Analyzer, "metadata")
}

// TestWrappers checks that a wrapper declared in the configuration guards the
// calls made in the function it is given.
func TestWrappers(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), withWrappers(t, "breaker:example.com/platform/resilience.Do"), "wrapflag")
}

// withWrappers returns nobreaker's analyzer configured with wrappers.
func withWrappers(t *testing.T, wrappers string) *analysis.Analyzer {
	t.Helper()
	ws, err := config.ParseWrappers(wrappers)
	if err != nil {
		t.Fatal(err)
	}
	return config.Bind([]*analysis.Analyzer{nobreaker.Analyzer}, config.With(&config.Config{Wrappers: ws}))[0]
}

// TestStartup checks that the calls of a main package that run once per
// process (those of main and init outside loops, and of the functions only
// they call) are not reported, and that a poll loop in main, a function
// handlers also call, and the handlers' own calls are.
func TestStartup(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), nobreaker.Analyzer, "startup/...")
}
