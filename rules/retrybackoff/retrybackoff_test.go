package retrybackoff_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
	"github.com/faultline-dev/faultline/rules/retrybackoff"
)

// Test checks loops and library configurations with no delay (warning)
// or a fixed delay with no jitter (note), the traps (a backoff computed
// but never slept, jitter computed but not added), and that growing or
// jittered delays, and waits in helpers of this and another package, stay
// silent.
func Test(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), retrybackoff.Analyzer, "loops", "libs")
}

// TestFailover checks that a loop moving from one endpoint to the next,
// marking each that fails and stopping when none is left (etcd's
// tcpproxy), is not a retry, and that pickers which may hand out the same
// endpoint again still are.
func TestFailover(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), retrybackoff.Analyzer, "failover")
}

// TestTestCode checks that wait loops in test code outside _test.go files
// are left alone: methods of a type holding the *testing.T (alertmanager's
// acceptance framework), a test library under test/ that imports
// "testing" (nats-server's test package); the same loops in production
// code, or under tests/ without "testing", are reported.
func TestTestCode(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), retrybackoff.Analyzer, "acceptance", "suite/...")
}

// TestBootstrap checks nats-server's bootstrap loop, whose retried call
// waits through helpers that call each other: its delay is unknown, and
// it is silent whatever the order of analysis (see resilience's
// TestOrderIndependence, which builds this package in shuffled orders).
func TestBootstrap(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), retrybackoff.Analyzer, "bootstrap")
}

// TestReconnect checks reconnect loops around long-lived gRPC streams (a
// bidirectional session, a watch): no delay when opening fails is a
// warning, a fixed delay with no jitter a note, backoff with jitter is
// silent; a wait only after the stream ends leaves the failed opening
// retried at once (the trap), and a unary call in the same shape is no
// reconnect loop.
func TestReconnect(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), retrybackoff.Analyzer, "reconnect")
}
