package valueflow_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/internal/libtest"
)

// TestLibraries checks valueflow's answers with the real types of the
// instrumentation wrappers (otelhttp, nethttp, ochttp, promhttp,
// oauth2.Transport) and of the clients oauth2 builds.
func TestLibraries(t *testing.T) {
	analysistest.Run(t, libtest.Dir(t), probe, "example.com/libs/httpvalues/flow")
}
