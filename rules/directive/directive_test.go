package directive_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/directive"
	"github.com/faultline-dev/faultline/rules/httptimeout"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/servertimeout"
)

// The directive rule with two code rules, servertimeout, whose findings
// the fixtures suppress, and httptimeout, and the graph rule undeclared,
// whose directives it must leave to faultline check.
func rule() *analysis.Analyzer {
	code := []*analysis.Analyzer{servertimeout.Analyzer, httptimeout.Analyzer}
	return directive.New(code, []string{"servertimeout", "httptimeout", "undeclared"}).Analyzer
}

// Test checks the directive rule's diagnostics on the fixtures.
func Test(t *testing.T) {
	ruletest.Run(t, analysistest.TestData(), rule(), "a")
}
