package nobreaker

import (
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/callsites"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
	"github.com/faultline-dev/faultline/rules/internal/valueflow"
)

// unixSocket reports whether the call of the site reaches a unix-domain
// socket: local IPC to a node agent or a sidecar, answered or refused by
// the local kernel like loopback, not a dependency a breaker protects.
//
//   - An HTTP call through an *http.Client whose transport dials the
//     network "unix" (a DialContext or Dial function, or a helper it calls,
//     that returns connections of net.Dial("unix", …), a net.Dialer's
//     DialContext(ctx, "unix", …) or net.DialUnix): whatever host its URL
//     names.
//   - An HTTP call to the conventional host "unix" (http://unix/path)
//     through a client whose transport faultline cannot follow; one whose
//     transport it sees dialing TCP (the default transport, a DialContext
//     dialing the network it is given or a constant "tcp") is reported.
//   - A gRPC call on a connection every dial of which has a unix: or
//     unix-abstract: target.
func unixSocket(vf *valueflow.Result, res *resilience.Result, s callsites.Site, call ssa.CallInstruction) bool {
	switch remote.Kind(s.Kind) {
	case remote.HTTP:
		recv := resilience.Receiver(call.Common())
		if recv == nil || !isHTTPClient(recv) {
			return false
		}
		switch vf.ClientDialsUnix(recv, "") {
		case valueflow.Set:
			return true
		case valueflow.Unknown:
			return unixHost(s)
		}
	case remote.GRPC:
		return grpcUnix(res, call)
	}
	return false
}

// isHTTPClient reports whether v is an *http.Client or http.Client.
func isHTTPClient(v ssa.Value) bool {
	return lint.IsNamed(v.Type(), "net/http", "Client")
}

// unixHost reports whether every host the site names is the conventional
// host "unix" of HTTP over a unix-domain socket.
func unixHost(s callsites.Site) bool {
	n := 0
	for _, h := range s.Hints {
		if h.Kind != callsites.Host {
			continue
		}
		if !strings.EqualFold(remote.HostOnly(h.Value), "unix") {
			return false
		}
		n++
	}
	return n > 0
}

// grpcUnix reports whether every connection the generated client of the
// gRPC call is built on is dialed with a unix-domain socket target
// ("unix:///run/agent.sock", "unix:agent.sock", "unix-abstract:name").
func grpcUnix(res *resilience.Result, call ssa.CallInstruction) bool {
	recv := resilience.Receiver(call.Common())
	if recv == nil {
		return false
	}
	var conns []ssa.Value
	ok := true
	res.Origins(recv, func(o ssa.Value) {
		c, isCall := o.(*ssa.Call)
		if !isCall || !builtOnConn(&c.Call) {
			ok = false
			return
		}
		for _, a := range c.Call.Args {
			if isConn(a.Type()) {
				conns = append(conns, a)
			}
		}
	})
	if !ok || len(conns) == 0 {
		return false
	}
	dialed := 0
	for _, a := range conns {
		res.Origins(a, func(co ssa.Value) {
			if ex, isExtract := co.(*ssa.Extract); isExtract {
				if _, isCall := ex.Tuple.(*ssa.Call); isCall {
					return // the dial's result, visited as the call
				}
			}
			c, isCall := co.(*ssa.Call)
			if !isCall || !isDial(ir.Callee(&c.Call)) {
				ok = false
				return
			}
			target := ir.Arg(&c.Call, 0)
			if ir.Callee(&c.Call).Name() == "DialContext" {
				target = ir.Arg(&c.Call, 1)
			}
			s, isConst := ir.ConstString(target)
			if !isConst || !unixTarget(s) {
				ok = false
				return
			}
			dialed++
		})
	}
	return ok && dialed > 0
}

// unixTarget reports whether a gRPC target names a unix-domain socket.
func unixTarget(s string) bool {
	return strings.HasPrefix(s, "unix:") || strings.HasPrefix(s, "unix-abstract:")
}
