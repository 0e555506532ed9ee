package valueflow_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
	"github.com/faultline-dev/faultline/rules/internal/valueflow"
)

// TestValueFacts checks the facts of a package that wraps, builds and
// configures transports and clients for others.
func TestValueFacts(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), valueflow.Analyzer, "valueslib")
}

// TestValues checks valueflow's answers about transports behind
// forwarding RoundTrippers, helpers that build clients around what they
// are given, and clients and transports configured after construction.
func TestValues(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), probe, "values", "valuesdefault")
}
