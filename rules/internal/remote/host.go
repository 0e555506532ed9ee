package remote

import (
	"net"
	"strings"
)

// HostOnly returns the host of "host:port", "[v6]:port" or a bare host.
func HostOnly(host string) string {
	h := host
	if hh, _, err := net.SplitHostPort(host); err == nil {
		h = hh
	}
	return strings.Trim(h, "[]")
}

// Local reports whether host (with or without a port) is this machine:
// empty, localhost, a loopback or an unspecified address. A connection to
// it is answered or refused by the local kernel at once, and a call to it
// reaches a sidecar or the process's own port, not a remote dependency.
func Local(host string) bool {
	h := HostOnly(host)
	if h == "" || strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}
