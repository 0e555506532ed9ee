package ctxdeadline

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
)

// readiness is what makes a gRPC call wait for the server to become ready
// (WaitForReady), for messages.
type readiness struct {
	what string    // "grpc.WaitForReady(true), a default call option of the connection"; "" when the call fails fast
	pos  token.Pos // where it is set, when in this package
}

// grpcBounded reports whether the connection of a gRPC call bounds it
// with the timeout of its service config for the method called, or may
// (a service config faultline cannot read: from a flag, a file).
func (c *checker) grpcBounded(call ssa.CallInstruction) bool {
	g := c.res.Protections().GRPCCall(call)
	return g != nil && (g.Timeout != nil || g.ConfigUnknown)
}

// markReady notes, on the gRPC uses of a call site, what makes the call
// wait for the server to become ready: a WaitForReady call option of the
// connection or of the call, or the service config's waitForReady.
func (c *checker) markReady(call ssa.CallInstruction, us []use) {
	grpcUse := false
	for _, u := range us {
		if u.kind == remote.GRPC && u.ready.what == "" {
			grpcUse = true
		}
	}
	if !grpcUse || c.res == nil {
		return
	}
	g := c.res.Protections().GRPCCall(call)
	if g == nil || g.WaitForReady == nil {
		return
	}
	r := readiness{what: describeReady(g.WaitForReady), pos: g.WaitForReady.Pos}
	for i := range us {
		if us[i].kind == remote.GRPC && us[i].ready.what == "" {
			us[i].ready = r
		}
	}
}

// describeReady says what sets WaitForReady.
func describeReady(o *resilience.GRPCOption) string {
	var what string
	switch {
	case o.Effect == resilience.GRPCServiceConfig:
		what = "the service config's waitForReady"
	case o.Default:
		what = o.Name + ", a default call option of the connection"
	default:
		what = o.Name + ", an option of the call"
	}
	if o.From != "" {
		what += ", set by " + o.From
	}
	return what
}
