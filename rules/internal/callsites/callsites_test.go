package callsites_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/callsites"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
)

// TestFacts checks the call sites and bindings each package records: a
// client whose address is injected through a constructor in another
// package, generated gRPC clients, flags, SQL drivers, Redis and Kafka
// configuration structs (svc, clients, bounds); clients returned by
// another package's constructors and passed to another's (platform, store,
// svc2), pflag flags bound to variables and fields, environment struct
// tags, a config struct passed by value, a generated client used in its
// own package (drv), gRPC registrations made through a wrapper (regwrap,
// svc3) and a generated client known only by its FullMethodName constant
// (extpb), and the servers a package starts, directly or through another
// package's exported function (srvmain, srvlib). Traps: a String method,
// an unexported constructor, an `env:"-"` tag, a field of an unexported
// type and a registration wrapper's own package record nothing; a server
// started in an exported function belongs to its caller (srvlib), and a
// command-line tool that imports that package, or whose test starts a
// server, starts none (climain).
func TestFacts(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), callsites.Analyzer, "svc", "clients", "bounds", "platform", "store", "drv", "svc2", "regwrap", "svc3", "retries", "helpers", "testhelper", "helperctx", "srvlib", "srvmain", "climain", "ifacemain", "jobmain", "healthreg", "unknownrouter")
}
