package deephealth_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/deephealth"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
)

// Test runs the fixtures: net/http registrations (a), the routers
// (routers) and gRPC health services (grpchealth).
func Test(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), deephealth.Analyzer, "a", "routers", "grpchealth", "trial")
}
