package resilience_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
)

// TestFacts checks the facts exported on functions: parameters run under
// a breaker or a retry (with attempts), directly or through a failsafe-go
// executor; functions that retry and wait, directly or through callees.
func TestFacts(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), resilience.Analyzer, "factcheck")
}

// TestWrapperFacts checks that a declared wrapper is a protection API.
func TestWrapperFacts(t *testing.T) {
	conf := &config.Config{Wrappers: []config.Wrapper{{Kind: "retry", Func: "example.com/platform/retrying.Do"}}}
	a := config.Bind([]*analysis.Analyzer{resilience.Analyzer}, config.With(conf))[0]
	ruletest.Run(t, stubs.TestData(t), a, "factwrap")
}

func TestKindString(t *testing.T) {
	for k, want := range map[resilience.Kind]string{0: "none", resilience.Breaker: "breaker", resilience.Retry | resilience.Timeout: "retry+timeout"} {
		if got := k.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", k, got, want)
		}
	}
}
