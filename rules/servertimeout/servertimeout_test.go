package servertimeout_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
	"github.com/faultline-dev/faultline/rules/servertimeout"
)

func Test(t *testing.T) {
	ruletest.RunWithSuggestedFixes(t, stubs.TestData(t), servertimeout.Analyzer, "a", "b", "c", "d", "trial")
}
