// Package load is a library under a tests directory that does not import
// "testing": the directory alone does not make it test code, so its loop
// is reported.
package load

import (
	"net"
	"time"
)

// Dial waits until addr accepts connections.
func Dial(addr string, wait time.Duration) net.Conn {
	end := time.Now().Add(wait)
	for time.Now().Before(end) {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			time.Sleep(50 * time.Millisecond) // want `waits a fixed delay with no jitter`
			continue
		}
		return conn
	}
	return nil
}
