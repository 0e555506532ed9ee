package remote_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
)

// TestFacts checks which functions are marked as performing remote
// operations: directly, through helpers, through closures, and through the
// interface of a generated gRPC client from another package.
func TestFacts(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), remote.Analyzer, "a")
}
