// Package deps names the remote dependencies that call sites reach, as the
// code shows them (the gRPC service of a generated client, the environment
// variable, flag or host that holds the address), and tells the calls that
// stay on the machine (loopback, link-local and metadata endpoints,
// unix-domain sockets) from those that reach a dependency. The rules that
// report one finding per dependency (nobreaker, unobserved) share it.
package deps

import (
	"fmt"
	"go/types"
	"net"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/callsites"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
	"github.com/faultline-dev/faultline/rules/internal/valueflow"
)

// infraServices are gRPC services that every server offers to probes and
// tools: a health check must see the failure a breaker would hide, and
// reflection serves tooling. They are not dependencies.
var infraServices = []string{"grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"}

func infraService(svc string) bool { return slices.Contains(infraServices, svc) }

// metadataHosts are the instance-metadata and credential endpoints of
// cloud platforms that are not link-local addresses (those are all
// metadata: see platformLocal).
var metadataHosts = []string{
	"fd00:ec2::254",            // AWS instance metadata (IPv6)
	"fd00:ec2::23",             // AWS EKS Pod Identity agent (IPv6)
	"metadata.google.internal", // Google Cloud metadata server
	"metadata.goog",            // Google Cloud metadata server
	"100.100.100.200",          // Alibaba Cloud metadata
}

// platformLocal reports whether host is a link-local address (IPv4
// 169.254.0.0/16, IPv6 fe80::/10) or a cloud metadata endpoint: the
// instance metadata service (169.254.169.254, fd00:ec2::254), the
// container credential endpoints (ECS 169.254.170.2, EKS 169.254.170.23).
// They are served by the host or the platform's agent next to the
// process, not by a service that fails under load, and SDKs already
// retry them briefly: like loopback, not a dependency a breaker protects.
func platformLocal(host string) bool {
	h := strings.ToLower(remote.HostOnly(host))
	if slices.Contains(metadataHosts, h) {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && (ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || slices.ContainsFunc(metadataHosts, func(m string) bool {
		mip := net.ParseIP(m)
		return mip != nil && mip.Equal(ip)
	}))
}

// kindName names a kind of service for messages.
var kindName = map[remote.Kind]string{remote.HTTP: "HTTP", remote.GRPC: "gRPC", remote.SMTP: "SMTP", remote.RPC: "RPC"}

// Identify names the dependency of a call site from what the code shows:
// the gRPC service of a generated client, else the URL host, environment
// variable or flag that holds the address. It returns "" when none is
// known.
func Identify(s callsites.Site) (key, name string) {
	var svc string
	var addr []string
	hosts := 0
	for _, h := range s.Hints {
		switch h.Kind {
		case callsites.GRPC:
			svc = h.Value
		case callsites.Env:
			addr = append(addr, "env "+h.Value)
		case callsites.Flag:
			addr = append(addr, "flag -"+h.Value)
		case callsites.Host:
			if platformLocal(h.Value) {
				// The site can reach a metadata or credential endpoint:
				// the environment variables beside it override that
				// endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI); it is
				// not a service dependency.
				return "", ""
			}
			if remote.Local(h.Value) {
				continue
			}
			hosts++
			addr = append(addr, "host "+h.Value)
		}
	}
	slices.Sort(addr)
	addr = slices.Compact(addr)
	if hosts > 1 && svc == "" {
		return "", "" // one call site reaching several hosts: which one is not known
	}
	switch {
	case svc != "" && infraService(svc):
		return "", ""
	case svc != "":
		name = "gRPC service " + svc
		if len(addr) > 0 {
			name += " (at " + strings.Join(addr, ", ") + ")"
		}
		return "grpc:" + svc, name
	case len(addr) == 0:
		return "", ""
	case s.Kind == remote.GRPC:
		return string(s.Kind) + ":" + strings.Join(addr, ","), "the gRPC target at " + strings.Join(addr, ", ")
	}
	return string(s.Kind) + ":" + strings.Join(addr, ","), "the " + kindName[s.Kind] + " service at " + strings.Join(addr, ", ")
}

var dials = lint.NewFuncSet("google.golang.org/grpc.NewClient", "google.golang.org/grpc.Dial", "google.golang.org/grpc.DialContext")

func IsDial(fn *types.Func) bool { return dials.Has(fn) }

// BuiltOnConn reports whether a call builds something on a gRPC
// connection: a generated client's constructor.
func BuiltOnConn(c *ssa.CallCommon) bool {
	for _, a := range c.Args {
		if IsConn(a.Type()) {
			return true
		}
	}
	return false
}

// IsConn reports whether t is a gRPC connection or the interface of one.
func IsConn(t types.Type) bool {
	return lint.IsNamed(t, "google.golang.org/grpc", "ClientConn") || lint.IsNamed(t, "google.golang.org/grpc", "ClientConnInterface")
}

// UnixSocket reports whether the call of the site reaches a unix-domain
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
func UnixSocket(vf *valueflow.Result, res *resilience.Result, s callsites.Site, call ssa.CallInstruction) bool {
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
		if !isCall || !BuiltOnConn(&c.Call) {
			ok = false
			return
		}
		for _, a := range c.Call.Args {
			if IsConn(a.Type()) {
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
			if !isCall || !IsDial(ir.Callee(&c.Call)) {
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

// ConnKey identifies the connection a generated gRPC client's call goes
// through: the dial in this package, or the parameter, field or variable
// it is passed in. It returns "" when there is not exactly one.
func ConnKey(res *resilience.Result, call ssa.CallInstruction) string {
	recv := resilience.Receiver(call.Common())
	if recv == nil {
		return ""
	}
	keys := map[string]bool{}
	var conns []ssa.Value
	res.Origins(recv, func(o ssa.Value) {
		c, ok := o.(*ssa.Call)
		if !ok || !BuiltOnConn(&c.Call) {
			keys["?"] = true
			return
		}
		for _, a := range c.Call.Args {
			if IsConn(a.Type()) {
				conns = append(conns, a)
			}
		}
	})
	for _, a := range conns {
		res.Origins(a, func(co ssa.Value) {
			switch co := co.(type) {
			case *ssa.Call:
				if IsDial(ir.Callee(&co.Call)) {
					keys[fmt.Sprintf("dial %d", co.Pos())] = true
					return
				}
			case *ssa.Parameter:
				keys["param "+co.Parent().String()+" "+co.Name()] = true
				return
			case *ssa.UnOp:
				if fa, ok := co.X.(*ssa.FieldAddr); ok {
					keys[fmt.Sprintf("field %s %d", fa.X.Type(), fa.Field)] = true
					return
				}
				if g, ok := co.X.(*ssa.Global); ok {
					keys["global "+g.String()] = true
					return
				}
			}
			keys["?"] = true
		})
	}
	if len(keys) != 1 || keys["?"] {
		return ""
	}
	for k := range keys {
		return k
	}
	return ""
}
