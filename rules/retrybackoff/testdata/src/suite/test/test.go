// Package test is a test library under the module's test directory whose
// non-test files import "testing" (nats-server's test package): its
// helpers take an interface that *testing.T satisfies, not the type
// itself. Test code by the layout convention: silent.
package test

import (
	"net"
	"testing"
	"time"
)

type tLogger interface {
	Fatalf(format string, args ...any)
	Errorf(format string, args ...any)
}

var _ tLogger = (*testing.T)(nil)

// CheckSocket waits until addr accepts connections.
func CheckSocket(t tLogger, addr string, wait time.Duration) {
	end := time.Now().Add(wait)
	for time.Now().Before(end) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			time.Sleep(50 * time.Millisecond)
			continue
		}
		conn.Close()
		return
	}
	t.Fatalf("failed to connect to %q", addr)
}
