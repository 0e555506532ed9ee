// Package values uses clients and transports as values: built in helpers,
// kept in fields, configured after construction in other functions, and
// cloned.
package values

import (
	"context"
	"net/http"
	"time"

	"b"
)

// A client built in a helper of this package and of another.
func newUntimed() *http.Client { return &http.Client{} }

func helpers(u string) {
	newUntimed().Get(u)   // want `\(\*http.Client\).Get on an http.Client with no Timeout`
	b.NewUntimed().Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout`
	b.NewClient().Get(u)
}

// A client around a transport it is given: the transport is judged where
// it is built.
func newClient(rt http.RoundTripper) *http.Client { return &http.Client{Transport: rt} }

func transportHelper(ctx context.Context, u string) {
	c := newClient(&http.Transport{}) // want `http.Transport with no dial timeout, no TLSHandshakeTimeout and no ResponseHeaderTimeout serves an http.Client with no Timeout`
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c.Do(req)
}

// Kept in a field, configured after construction in another method.
type service struct {
	client *http.Client
	slow   *http.Client
}

func newService() *service {
	return &service{client: &http.Client{}, slow: &http.Client{}}
}

func (s *service) configure() { s.client.Timeout = 3 * time.Second }

func (s *service) fetch(u string) {
	s.client.Get(u)
	s.slow.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout`
}

// Hardened through a type assertion on the client's transport, in another
// function.
func harden(c *http.Client) {
	if t, ok := c.Transport.(*http.Transport); ok {
		t.ResponseHeaderTimeout = 5 * time.Second
	}
}

func hardened(ctx context.Context, u string) {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Transport with no dial timeout and no TLSHandshakeTimeout serves an http.Client with no Timeout`
	harden(c)
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c.Do(req)
}

// Cloned from http.DefaultTransport: the dial (30s) and TLS handshake
// (10s) timeouts are kept, ResponseHeaderTimeout is not: a client of the
// clone with no Timeout has nothing that bounds the wait for a response.
func cloned(u string) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConnsPerHost = 20
	c := &http.Client{Transport: t}
	c.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout can wait forever`
}

// Safe twin: the clone with ResponseHeaderTimeout under a client Timeout.
func clonedSafe(u string) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = 5 * time.Second
	c := &http.Client{Transport: t, Timeout: 10 * time.Second}
	c.Get(u)
}

// A clone with ResponseHeaderTimeout and no client Timeout: only the body
// is unbounded, a note.
func clonedHeader(u string) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = 5 * time.Second
	c := &http.Client{Transport: t}
	c.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout: its transport bounds connecting, the TLS handshake and the response headers, but nothing bounds reading the body`
}
