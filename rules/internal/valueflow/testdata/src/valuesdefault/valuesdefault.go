// Package valuesdefault hardens http.DefaultTransport itself: clients with
// no Transport of their own, and wrappers around the default, have its
// response-header timeout.
package valuesdefault

import (
	"net/http"
	"time"
)

func check(v any, path string) {}

func init() {
	http.DefaultTransport.(*http.Transport).ResponseHeaderTimeout = 8 * time.Second
}

func clients() {
	check(&http.Client{}, "$transport")                                                           // want `dial=30s tls=10s header=8s`
	check(&http.Client{Transport: http.DefaultTransport}, "$transport")                           // want `dial=30s tls=10s header=8s`
	check(http.DefaultClient, "$transport")                                                       // want `dial=30s tls=10s header=8s`
	check(&http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}, "$transport") // want `dial=30s tls=10s header=8s`
}
