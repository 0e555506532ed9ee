// Package acceptance is an acceptance-test framework outside _test.go
// files (alertmanager's test/cli): its types hold the *testing.T, and
// their methods wait for the process under test. Test code: silent. A
// production type with the same loop is reported.
package acceptance

import (
	"net/http"
	"testing"
	"time"
)

// Test holds the test's state.
type Test struct {
	*testing.T
	opts map[string]string
}

// Instance is one process under test.
type Instance struct {
	t    *Test
	addr string
}

// Start waits until the instance answers (alertmanager's
// (*Alertmanager).Start).
func (in *Instance) Start() error {
	for i := 0; i < 10; i++ {
		resp, err := http.Get("http://" + in.addr + "/")
		if err != nil {
			time.Sleep(500 * time.Millisecond)
			continue
		}
		return resp.Body.Close()
	}
	return nil
}

// Server is production code.
type Server struct{ addr string }

// Wait is the same loop in production: reported.
func (s *Server) Wait() error {
	for i := 0; i < 10; i++ {
		resp, err := http.Get("http://" + s.addr + "/")
		if err != nil {
			time.Sleep(500 * time.Millisecond) // want `waits a fixed delay with no jitter`
			continue
		}
		return resp.Body.Close()
	}
	return nil
}
