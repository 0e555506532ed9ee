package nestedretry_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
	"github.com/faultline-dev/faultline/rules/nestedretry"
)

// Test checks retrying clients (retryablehttp, go-redis, kafka-go, a gRPC
// connection with a retry interceptor) and retrying functions of another
// package inside hand-written retry loops and retry libraries, a gRPC
// connection with two retry layers, and that clients that do not retry
// stay silent.
func Test(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), nestedretry.Analyzer, "retryhelp", "nested")
}

// TestTestCode checks that test helpers outside _test.go files (taking a
// *testing.T, or called only by such helpers) are left alone, and the
// same loop in production code is reported.
func TestTestCode(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), nestedretry.Analyzer, "testhelp")
}
