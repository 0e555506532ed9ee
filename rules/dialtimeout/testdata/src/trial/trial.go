// Package trial holds patterns met in real services (faultline's trial on
// open-source code, docs/tried-code.md).
package trial

import (
	"net"
	"testing"
)

// A test helper outside _test.go files: go test's -timeout bounds it.
func dialServer(t *testing.T, addr string) net.Conn {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	return conn
}

// A proxy's dial with a TODO (etcd's tcpproxy) is reported.
func tryReactivate(addr string) error {
	conn, err := net.Dial("tcp", addr) // want `net.Dial has no timeout`
	if err != nil {
		return err
	}
	return conn.Close()
}
