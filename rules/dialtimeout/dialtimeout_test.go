package dialtimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/dialtimeout"
)

func Test(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), dialtimeout.Analyzer, "a", "b", "c", "trial", "local")
}
