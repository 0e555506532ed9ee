package httptimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/httptimeout"
	"github.com/faultline-dev/faultline/rules/internal/libtest"
)

// TestLibraries checks httptimeout with the real types of the libraries
// that wrap a transport (otelhttp, opentracing-contrib's nethttp,
// OpenCensus' ochttp, promhttp) and of those a client is handed to
// (go-kit, resty, oauth2, the GCE metadata client).
func TestLibraries(t *testing.T) {
	analysistest.Run(t, libtest.Dir(t), httptimeout.Analyzer, "example.com/libs/httpvalues/timeout")
}
