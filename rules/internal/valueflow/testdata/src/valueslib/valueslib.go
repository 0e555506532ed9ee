package valueslib // want package:"analysed"

// Package valueslib builds, wraps and configures clients and transports
// that package values uses: what it does crosses the package boundary in
// facts.

import (
	"net/http"
	"time"
)

// Logging forwards every request to Next and only logs it: a client with a
// Logging transport has the bounds of Next.
type Logging struct { // want Logging:`forwards\{Next\}`
	Next http.RoundTripper // want Next:`value\{\} assigned\{.*ResponseHeaderTimeout=unset`
}

func (l *Logging) RoundTrip(r *http.Request) (*http.Response, error) {
	start := time.Now()
	resp, err := l.Next.RoundTrip(r)
	_ = time.Since(start)
	return resp, err
}

// wrapped forwards to its unexported field, or to http.DefaultTransport
// when it is nil.
type wrapped struct { // want wrapped:`forwards\{next, nil=DefaultTransport\}`
	next http.RoundTripper // want next:`value\{\} assigned\{.*ResponseHeaderTimeout=unset`
}

func (w wrapped) RoundTrip(r *http.Request) (*http.Response, error) {
	next := w.next
	if next == nil {
		next = http.DefaultTransport
	}
	return next.RoundTrip(r)
}

// Wrap returns next behind a forwarding RoundTripper.
func Wrap(next http.RoundTripper) http.RoundTripper { // want Wrap:`passes\{0<-param0/default\}`
	return wrapped{next: next}
}

// NewClient builds a client around the transport it is given.
func NewClient(rt http.RoundTripper) *http.Client { // want NewClient:`returns0\{Timeout=unset Transport=set\} .*passes\{0:Transport.<-param0/default\}`
	return &http.Client{Transport: rt}
}

// Harden sets the response-header timeout of the transport it is given and
// returns it.
func Harden(t *http.Transport) *http.Transport { // want Harden:`param0\{.*ResponseHeaderTimeout=5s.*\} passes\{0<-param0\}`
	t.ResponseHeaderTimeout = 5 * time.Second
	return t
}

// SetTimeout gives a client a timeout after construction.
func SetTimeout(c *http.Client) { // want SetTimeout:`param0\{.*Timeout=7s`
	c.Timeout = 7 * time.Second
}

// NewTransport clones the default transport: dial 30s, TLS 10s, no
// response-header timeout.
func NewTransport() *http.Transport { // want NewTransport:`returns0\{.*DialContext=set DialContext.\$dialer.Deadline=unset DialContext.\$dialer.Timeout=30s .*ResponseHeaderTimeout=unset TLSHandshakeTimeout=10s`
	return http.DefaultTransport.(*http.Transport).Clone()
}

// API embeds the client it is given and forwards Do to it: a request
// through API.Do has the embedded client's bounds.
type API struct {
	*http.Client // want Client:`value\{\} assigned\{Timeout=unset`
	Agent        string
}

func (a *API) Do(req *http.Request) (*http.Response, error) { // want Do:`sends\{Client.Do req=param1\}`
	req.Header.Set("User-Agent", a.Agent)
	return a.Client.Do(req)
}

// Tuned sets its client's Timeout in Do: not a plain forwarder.
type Tuned struct{ *http.Client } // want Client:`value\{\} assigned\{Timeout=1s`

func (t *Tuned) Do(req *http.Request) (*http.Response, error) {
	t.Client.Timeout = time.Second
	return t.Client.Do(req)
}

// Handed gives its client to a helper before sending: not a plain
// forwarder either.
type Handed struct{ *http.Client } // want Client:`value\{\} assigned\{Timeout=7s`

func (h *Handed) Do(req *http.Request) (*http.Response, error) {
	SetTimeout(h.Client)
	return h.Client.Do(req)
}
