// Package wrap sends requests through RoundTrippers of its own that only
// forward to an inner one: a client with such a transport has no Timeout
// unless it sets one, and the inner transport's bounds are its bounds.
package wrap

import (
	"context"
	"net"
	"net/http"
	"time"
)

// logging forwards every request to next.
type logging struct{ next http.RoundTripper }

func (l *logging) RoundTrip(r *http.Request) (*http.Response, error) {
	start := time.Now()
	resp, err := l.next.RoundTrip(r)
	_ = time.Since(start)
	return resp, err
}

func withLogging(next http.RoundTripper) http.RoundTripper { return &logging{next: next} }

func bounded() *http.Transport {
	return &http.Transport{
		DialContext:           (&net.Dialer{Timeout: time.Second}).DialContext,
		TLSHandshakeTimeout:   time.Second,
		ResponseHeaderTimeout: 5 * time.Second,
	}
}

// Hazard: the wrapper adds no bound.
func wrappedDefault(u string) {
	c := &http.Client{Transport: &logging{next: http.DefaultTransport}}
	c.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout can wait forever`
}

// Hazard: the zero transport behind the wrapper is reported where it is
// built.
func wrappedZero(u string) {
	c := &http.Client{Transport: &logging{next: &http.Transport{}}} // want `http.Transport with no dial timeout, no TLSHandshakeTimeout and no ResponseHeaderTimeout serves an http.Client with no Timeout`
	c.Get(u)                                                        // want `\(\*http.Client\).Get on an http.Client with no Timeout can wait forever`
}

// The same through a constructor of the wrapper.
func wrappedZeroHelper(ctx context.Context, u string) {
	c := &http.Client{Transport: withLogging(&http.Transport{})} // want `http.Transport with no dial timeout, no TLSHandshakeTimeout and no ResponseHeaderTimeout`
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c.Do(req)
}

// Note: the inner transport bounds everything up to the response headers.
func wrappedBounded(u string) {
	c := &http.Client{Transport: withLogging(bounded())}
	c.Head(u) // want `\(\*http.Client\).Head on an http.Client with no Timeout: its transport bounds connecting, the TLS handshake and the response headers, but nothing bounds reading the body`
}

// Safe twin: the client's Timeout bounds it all.
func wrappedTimed(u string) {
	c := &http.Client{Transport: &logging{next: &http.Transport{}}, Timeout: 5 * time.Second}
	c.Get(u)
}

// budget bounds every request itself.
type budget struct {
	next http.RoundTripper
	d    time.Duration
}

func (b *budget) RoundTrip(r *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(r.Context(), b.d)
	defer cancel()
	return b.next.RoundTrip(r.WithContext(ctx))
}

// Trap: a wrapper that derives a deadline is not transparent: the zero
// transport behind it is not judged as the client's.
func budgeted(ctx context.Context, u string) {
	c := &http.Client{Transport: &budget{next: &http.Transport{}, d: time.Second}}
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c.Do(req)
}
