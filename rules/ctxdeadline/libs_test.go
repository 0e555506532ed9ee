package ctxdeadline_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/ctxdeadline"
	"github.com/faultline-dev/faultline/rules/internal/libtest"
)

// TestLibraries checks ctxdeadline on the client libraries of the
// catalogue, with their real types: for each, a call with no deadline is
// reported, its twin under a deadline is not, and where the library bounds
// a call itself (a client option, a stream that waits by design), the call
// stays silent; the traps look bounded and are not.
func TestLibraries(t *testing.T) {
	analysistest.Run(t, libtest.Dir(t), ctxdeadline.Analyzer,
		"example.com/libs/mongo/deadline", "example.com/libs/mongo/deadline2")
}
