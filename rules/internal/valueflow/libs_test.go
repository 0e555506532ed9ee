package valueflow_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/libtest"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
)

// TestLibraries checks valueflow's answers with the real types of the
// instrumentation wrappers (otelhttp, nethttp, ochttp, promhttp,
// oauth2.Transport) and of the clients oauth2 builds.
func TestLibraries(t *testing.T) {
	ruletest.Run(t, libtest.Dir(t), probe, "example.com/libs/httpvalues/flow")
}
