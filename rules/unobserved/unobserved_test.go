package unobserved_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
	"github.com/faultline-dev/faultline/rules/unobserved"
)

// TestCode checks the code side against stubs: each family instrumented
// (silent), its bare twin (reported at the client's construction) and a
// trap (a handler built and given to nothing, a tuned transport, a metric
// counted only on success); clients built in another package through
// facts; a package importing an unmodelled instrumentation library is
// silent; the default client is observed in a main that replaces
// http.DefaultTransport, unobserved in one that does not, unknown outside
// a main package.
func TestCode(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), unobserved.Analyzer,
		"grpcobs", "httpobs", "metricobs", "redisobs", "unmodelled", "crosspkg",
		"defaultobs", "defaultbare", "libdefault")
}
