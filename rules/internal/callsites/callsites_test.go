package callsites_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/internal/callsites"
)

// TestFacts checks the call sites and bindings each package records: a
// client whose address is injected through a constructor in another
// package, generated gRPC clients, flags, SQL drivers, Redis and Kafka
// configuration structs.
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), callsites.Analyzer, "svc", "clients", "bounds")
}
