// Package g sends requests through clients with no Timeout whose
// transports bound everything up to the response headers (nsq's
// NewDeadlineTransport): only reading the body is unbounded, a note.
package g

import (
	"bytes"
	"net"
	"net/http"
	"time"
)

func deadlineTransport(connect, request time.Duration) *http.Transport {
	return &http.Transport{
		DialContext:           (&net.Dialer{Timeout: connect}).DialContext,
		ResponseHeaderTimeout: request,
		TLSHandshakeTimeout:   10 * time.Second,
	}
}

func post(endpoint string, body []byte) error {
	c := &http.Client{Transport: deadlineTransport(2*time.Second, 5*time.Second)}
	resp, err := c.Post(endpoint, "application/json", bytes.NewReader(body)) // want `\(\*http.Client\).Post on an http.Client with no Timeout: its transport bounds connecting, the TLS handshake and the response headers, but nothing bounds reading the body`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func group(u string) {
	c := &http.Client{Transport: deadlineTransport(time.Second, time.Second)} // want `http.Client built here has no Timeout and 2 requests through it have no deadline \(group: Get, group: Head\): its transport bounds connecting`
	c.Get(u)
	c.Head(u)
}

// Traps: a response-header timeout alone leaves the dial unbounded.
func headerOnly(u string) {
	t := &http.Transport{ResponseHeaderTimeout: time.Second} // want `http.Transport with no dial timeout and no TLSHandshakeTimeout`
	c := &http.Client{Transport: t}
	c.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout can wait forever`
}
