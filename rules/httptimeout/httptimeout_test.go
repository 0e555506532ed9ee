package httptimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/httptimeout"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, stubs.TestData(t), httptimeout.Analyzer, "a", "b", "c", "d", "e", "f", "g", "h")
}
