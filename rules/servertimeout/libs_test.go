package servertimeout_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/internal/libtest"
	"github.com/faultline-dev/faultline/rules/servertimeout"
)

// TestLibraries checks the servers of the HTTP server frameworks (echo,
// gin, fiber; chi and gorilla/mux routers served by net/http) and gRPC
// servers, against the real modules.
func TestLibraries(t *testing.T) {
	analysistest.Run(t, libtest.Dir(t), servertimeout.Analyzer,
		"example.com/libs/servers/echo",
		"example.com/libs/servers/gin",
		"example.com/libs/servers/fiber",
		"example.com/libs/servers/fiberv3",
		"example.com/libs/servers/routers",
		"example.com/libs/servers/grpcsrv",
	)
}
