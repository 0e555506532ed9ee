package httptimeout_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/httptimeout"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
)

// TestValues checks httptimeout on clients and transports as values:
// RoundTrippers of the user's own that only forward (transparent), types
// that embed http.Client and forward Do, clients built in helpers, kept in
// fields, configured after construction and cloned, and requests bounded
// one at a time.
func TestValues(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), httptimeout.Analyzer, "wrap", "clientembed", "values", "perreq", "byvalue")
}
