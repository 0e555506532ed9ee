// The rules built on package resilience, run together. This test lives
// here, above the rules, so that resilience's own tests need nothing above
// it.

package rules_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
	"github.com/faultline-dev/faultline/rules/nestedretry"
	"github.com/faultline-dev/faultline/rules/nobreaker"
	"github.com/faultline-dev/faultline/rules/retrybackoff"
	"github.com/faultline-dev/faultline/rules/retrybound"
)

// TestSharedResult runs the four rules that share the result of one
// package together, as the drivers do, so that -race sees their
// concurrent questions. The fixture is resilience's "shared".
func TestSharedResult(t *testing.T) {
	all := &analysis.Analyzer{
		Name:     "allresilience",
		Doc:      "run the rules that share the resilience result",
		Requires: []*analysis.Analyzer{nobreaker.Analyzer, retrybound.Analyzer, retrybackoff.Analyzer, nestedretry.Analyzer},
		Run:      func(*analysis.Pass) (any, error) { return nil, nil },
	}
	ruletest.Run(t, stubs.GOPATH(t, filepath.Join("internal", "resilience", "testdata", "src")), all, "shared")
}
