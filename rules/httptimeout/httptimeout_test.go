package httptimeout_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/httptimeout"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
)

func Test(t *testing.T) {
	ruletest.RunWithSuggestedFixes(t, stubs.TestData(t), httptimeout.Analyzer, "a", "b", "c", "d", "e", "f", "g", "h")
}
