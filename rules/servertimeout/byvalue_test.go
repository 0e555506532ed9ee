package servertimeout_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
	"github.com/faultline-dev/faultline/rules/servertimeout"
)

// TestByValue checks servers held by value (the literal copied whole into
// its variable, then changed): the literal's timeouts are kept, and a
// copy made before a timeout is set has none.
func TestByValue(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), servertimeout.Analyzer, "byvalue")
}
