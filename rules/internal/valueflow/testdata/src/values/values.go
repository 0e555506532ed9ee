// Package values asks valueflow about transports behind RoundTrippers that
// only forward (instrumentation, logging), about helpers that build
// clients around what they are given, and about clients and transports
// configured after construction: check(v, path) reports the answer.
package values

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"time"

	"valueslib"
)

func check(v any, path string) {}

// logging only forwards: a client with it has the bounds of next.
type logging struct{ next http.RoundTripper }

func (l *logging) RoundTrip(r *http.Request) (*http.Response, error) {
	start := time.Now()
	resp, err := l.next.RoundTrip(r)
	log.Printf("%s %s: %v", r.Method, r.URL, time.Since(start))
	return resp, err
}

// defaulting forwards to base, or to http.DefaultTransport when base is
// nil (opencensus' ochttp.Transport and oauth2.Transport do the same).
type defaulting struct{ base http.RoundTripper }

func (d *defaulting) rt() http.RoundTripper {
	if d.base != nil {
		return d.base
	}
	return http.DefaultTransport
}

func (d *defaulting) RoundTrip(r *http.Request) (*http.Response, error) {
	return d.rt().RoundTrip(r)
}

// byValue forwards through a value receiver.
type byValue struct{ inner http.RoundTripper }

func (b byValue) RoundTrip(r *http.Request) (*http.Response, error) { return b.inner.RoundTrip(r) }

func withLogging(next http.RoundTripper) http.RoundTripper { return &logging{next: next} }

func wrappers() {
	hdr := &http.Transport{ResponseHeaderTimeout: 5 * time.Second}

	check(&http.Client{Transport: &logging{next: http.DefaultTransport}}, "$transport") // want `dial=30s tls=10s header=unset`
	check(&http.Client{Transport: &logging{next: hdr}}, "$transport")                   // want `dial=unset tls=unset header=5s`
	check(&http.Client{Transport: &logging{next: &logging{next: hdr}}}, "$transport")   // want `dial=unset tls=unset header=5s`
	check(&http.Client{Transport: &logging{next: http.DefaultTransport}}, "Timeout")    // want `Timeout=unset`
	check(&http.Client{Transport: &defaulting{}}, "$transport")                         // want `dial=30s tls=10s header=unset`
	check(&http.Client{Transport: &defaulting{base: hdr}}, "$transport")                // want `dial=unset tls=unset header=5s`
	check(&http.Client{Transport: byValue{inner: hdr}}, "$transport")                   // want `dial=unset tls=unset header=5s`
	check(&http.Client{Transport: withLogging(hdr)}, "$transport")                      // want `dial=unset tls=unset header=5s`
	check(&http.Client{Transport: withLogging(http.DefaultTransport)}, "$transport")    // want `dial=30s tls=10s header=unset`

	// Settings made on the inner transport after it is wrapped count.
	late := &http.Transport{}
	wrapped := &logging{next: late}
	late.TLSHandshakeTimeout = 3 * time.Second
	check(&http.Client{Transport: wrapped}, "$transport") // want `dial=unset tls=3s header=unset`

	// Another package's wrappers: an exported struct, and constructors.
	check(&http.Client{Transport: &valueslib.Logging{Next: hdr}}, "$transport") // want `dial=unset tls=unset header=5s`
	check(&http.Client{Transport: valueslib.Wrap(hdr)}, "$transport")           // want `dial=unset tls=unset header=5s`
	check(&http.Client{Transport: valueslib.Wrap(nil)}, "$transport")           // want `dial=30s tls=10s header=unset`
}

// budget bounds every request itself: it is not transparent, and what the
// client's transport bounds is not known.
type budget struct {
	next http.RoundTripper
	d    time.Duration
}

func (b *budget) RoundTrip(r *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(r.Context(), b.d)
	defer cancel()
	return b.next.RoundTrip(r.WithContext(ctx))
}

// fallback sends to one of two transports.
type fallback struct{ primary, secondary http.RoundTripper }

func (f *fallback) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := f.primary.RoundTrip(r)
	if err != nil {
		return f.secondary.RoundTrip(r)
	}
	return resp, err
}

// helped hands the request to a helper of this package, which may bound
// it.
type helped struct{ next http.RoundTripper }

func (h *helped) RoundTrip(r *http.Request) (*http.Response, error) {
	return h.next.RoundTrip(prepare(r))
}

func prepare(r *http.Request) *http.Request { return r }

func trapWrappers() {
	hdr := &http.Transport{}
	check(&http.Client{Transport: &budget{next: hdr, d: time.Second}}, "$transport")                 // want `dial=unknown tls=unknown header=unknown`
	check(&http.Client{Transport: &fallback{primary: hdr, secondary: hdr}}, "$transport")            // want `dial=unknown tls=unknown header=unknown`
	check(&http.Client{Transport: &helped{next: hdr}}, "$transport")                                 // want `dial=unknown tls=unknown header=unknown`
	check(&http.Client{Transport: &budget{next: hdr, d: time.Second}}, "Timeout")                    // want `Timeout=unset`
	check(&http.Client{Transport: &fallback{primary: hdr, secondary: errTransport{}}}, "$transport") // want `dial=unknown tls=unknown header=unknown`
}

type errTransport struct{}

func (errTransport) RoundTrip(*http.Request) (*http.Response, error) { return nil, errors.New("no") }

// Helpers that build a client around what they are given.
func newClient(rt http.RoundTripper) *http.Client { return &http.Client{Transport: rt} }

func newTimedClient(rt http.RoundTripper, d time.Duration) *http.Client {
	return &http.Client{Transport: rt, Timeout: d}
}

func harden(t *http.Transport) *http.Transport {
	t.TLSHandshakeTimeout = 2 * time.Second
	return t
}

func helpers(d time.Duration) {
	hdr := &http.Transport{ResponseHeaderTimeout: 5 * time.Second}
	check(newClient(hdr), "$transport")                                                         // want `dial=unset tls=unset header=5s`
	check(newClient(hdr), "Timeout")                                                            // want `Timeout=unset`
	check(newClient(http.DefaultTransport), "$transport")                                       // want `dial=30s tls=10s header=unset`
	check(newTimedClient(hdr, d), "Timeout")                                                    // want `Timeout=set`
	check(newTimedClient(hdr, d), "$transport")                                                 // want `dial=unset tls=unset header=5s`
	check(&http.Client{Transport: harden(&http.Transport{})}, "$transport")                     // want `dial=unset tls=2s header=unset`
	check(newClient(harden(&http.Transport{ResponseHeaderTimeout: time.Second})), "$transport") // want `dial=unset tls=2s header=1s`

	check(valueslib.NewClient(hdr), "$transport")                                     // want `dial=unset tls=unset header=5s`
	check(valueslib.NewClient(hdr), "Timeout")                                        // want `Timeout=unset`
	check(&http.Client{Transport: valueslib.Harden(&http.Transport{})}, "$transport") // want `dial=unset tls=unset header=5s`
	check(valueslib.NewClient(valueslib.Wrap(hdr)), "$transport")                     // want `dial=unset tls=unset header=5s`
}

// Clients and transports as values: built in helpers, kept in fields,
// configured after construction elsewhere, cloned.
type service struct {
	client *http.Client
	tr     *http.Transport
}

func newService() *service {
	s := &service{tr: &http.Transport{}}
	s.client = &http.Client{Transport: s.tr}
	return s
}

func (s *service) tune()      { s.tr.ResponseHeaderTimeout = 3 * time.Second }
func (s *service) setLimits() { s.client.Timeout = 2 * time.Second }

func (s *service) use() {
	check(s.client, "Timeout")    // want `Timeout=2s`
	check(s.client, "$transport") // want `dial=unset tls=unset header=3s`
}

// tuneClient hardens the transport of the client it is given through a
// type assertion.
func tuneClient(c *http.Client) {
	if t, ok := c.Transport.(*http.Transport); ok {
		t.ResponseHeaderTimeout = 4 * time.Second
	}
}

func tuneClientMust(c *http.Client) {
	c.Transport.(*http.Transport).TLSHandshakeTimeout = time.Second
}

type holder struct{ c *http.Client }

func (h *holder) harden() { h.c.Transport.(*http.Transport).ResponseHeaderTimeout = 6 * time.Second }

func newHolder() *holder { return &holder{c: &http.Client{Transport: &http.Transport{}}} }

func (h *holder) use() { check(h.c, "$transport") } // want `dial=unset tls=unset header=6s`

func values() {
	c := &http.Client{Transport: &http.Transport{}}
	tuneClient(c)
	check(c, "$transport") // want `dial=unset tls=unset header=4s`

	d := &http.Client{Transport: &http.Transport{}}
	tuneClientMust(d)
	check(d, "$transport") // want `dial=unset tls=1s header=unset`

	// Clones keep what their original sets.
	base := &http.Transport{TLSHandshakeTimeout: 3 * time.Second}
	check(&http.Client{Transport: base.Clone()}, "$transport")                     // want `dial=unset tls=3s header=unset`
	check(&http.Client{Transport: valueslib.NewTransport().Clone()}, "$transport") // want `dial=30s tls=10s header=unset`
	cl := http.DefaultTransport.(*http.Transport).Clone()
	if len(os.Args) > 2 {
		cl.ResponseHeaderTimeout = time.Second
	}
	check(&http.Client{Transport: cl}, "$transport") // want `dial=30s tls=10s header=1s`

	// Set after construction in another package.
	e := &http.Client{}
	valueslib.SetTimeout(e)
	check(e, "Timeout") // want `Timeout=7s`
}
