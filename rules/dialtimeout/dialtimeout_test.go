package dialtimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/dialtimeout"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, stubs.TestData(t), dialtimeout.Analyzer, "a", "b", "c", "trial", "local")
}
