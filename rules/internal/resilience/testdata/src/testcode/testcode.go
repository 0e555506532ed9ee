// Package testcode holds test code outside _test.go files beside
// production code; TestTestCodeCriterion names which is which.
package testcode

import (
	"net/http"
	"testing"
)

type suite struct {
	*testing.T
	name string
}

type fixture struct {
	s    *suite
	addr string
}

// start is a method of a test fixture: test code (rule 2).
func (f *fixture) start() error {
	resp, err := http.Get("http://" + f.addr)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Helper takes the *testing.T: test code (rule 1), its literal too.
func Helper(t *testing.T) {
	t.Cleanup(func() { onlyFromHelper() })
	shared()
	var h handler
	h.ServeHTTP(nil, nil)
}

// onlyFromHelper is unexported and only test code calls it (rule 3).
func onlyFromHelper() { deeper() }

// deeper is reached from test code only, through onlyFromHelper.
func deeper() {}

// shared is called by test code and by production code: not test code.
func shared() {}

// dead is called by nobody: not test code.
func dead() {}

type handler struct{}

// ServeHTTP is exported: an entry, whoever calls it here.
func (handler) ServeHTTP(http.ResponseWriter, *http.Request) {}

// Prod is production code; asking testing.Testing() does not make it
// test code.
func Prod() {
	if testing.Testing() {
		return
	}
	shared()
}
