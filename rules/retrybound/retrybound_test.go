package retrybound_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
	"github.com/faultline-dev/faultline/rules/retrybound"
)

// Test checks unbounded hand-written loops (including a counter that is
// never incremented) and library configurations that retry forever, and
// that loops bounded by a counter, a deadline or the context stay silent.
func Test(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), retrybound.Analyzer, "loops", "libs")
}

// TestTestCode checks that test helpers outside _test.go files (taking a
// *testing.T, or called only by such helpers) are left alone, and the
// same loop in production code is reported.
func TestTestCode(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), retrybound.Analyzer, "testhelp")
}
