package dialtimeout_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/dialtimeout"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
)

func Test(t *testing.T) {
	ruletest.RunWithSuggestedFixes(t, stubs.TestData(t), dialtimeout.Analyzer, "a", "b", "c", "trial", "local")
}
