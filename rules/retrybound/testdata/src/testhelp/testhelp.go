// Package testhelp holds integration-test helpers outside _test.go files:
// a wait with no bound in a helper that takes the *testing.T (go test's
// -timeout bounds it), and one in a helper only that helper calls, are
// test code: silent. The same loop in production code is reported.
package testhelp

import (
	"net/http"
	"testing"
	"time"
)

// WaitReady waits until the server under test answers.
func WaitReady(t *testing.T, url string) {
	t.Helper()
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// StartAll starts the servers under test and waits for the first.
func StartAll(t *testing.T, urls []string) {
	waitFirst(urls[0])
}

// waitFirst is only called by test code.
func waitFirst(url string) {
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// Ready waits the same way in production: reported.
func Ready(url string) {
	for { // want `^the retry loop around http.Get has no attempt limit and no deadline`
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}
