package retrybackoff_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/internal/resilience/resiliencetest"
	"github.com/faultline-dev/faultline/rules/retrybackoff"
)

// Test checks loops and library configurations with no delay (warning)
// or a fixed delay with no jitter (note), the traps (a backoff computed
// but never slept, jitter computed but not added), and that growing or
// jittered delays, and waits in helpers of this and another package, stay
// silent.
func Test(t *testing.T) {
	analysistest.Run(t, resiliencetest.TestData(t), retrybackoff.Analyzer, "loops", "libs")
}
