package httptimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/httptimeout"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), httptimeout.Analyzer, "a", "b", "c", "d", "e", "f", "g", "h")
}
