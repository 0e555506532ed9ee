package servertimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/internal/stubs"
	"github.com/faultline-dev/faultline/rules/servertimeout"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, stubs.TestData(t), servertimeout.Analyzer, "a", "b", "c", "d", "trial")
}
