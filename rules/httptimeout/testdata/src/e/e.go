// Package e does not import time: the fix adds the import.
package e

import "net/http"

func get(u string) (*http.Response, error) {
	c := &http.Client{Transport: http.DefaultTransport}
	return c.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout`
}
