// Package timeout holds httptimeout's cases for the libraries that wrap a
// transport (otelhttp, opentracing-contrib's nethttp, OpenCensus' ochttp,
// promhttp) and for those a client is handed to (go-kit, resty, oauth2,
// the GCE metadata client).
package timeout

import (
	"context"
	"net"
	"net/http"
	"time"

	"cloud.google.com/go/compute/metadata"
	kithttp "github.com/go-kit/kit/transport/http"
	"github.com/go-resty/resty/v2"
	"github.com/opentracing-contrib/go-stdlib/nethttp"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opencensus.io/plugin/ochttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

func bounded() *http.Transport {
	return &http.Transport{
		DialContext:           (&net.Dialer{Timeout: time.Second}).DialContext,
		TLSHandshakeTimeout:   time.Second,
		ResponseHeaderTimeout: 5 * time.Second,
	}
}

// --- instrumentation wrappers are transparent ---------------------------

// Hazard: otelhttp adds no bound: the client has no Timeout.
func Otel(u string) {
	c := &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}
	c.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout can wait forever`
}

// Hazard: the zero transport inside otelhttp is reported where it is
// built.
func OtelZero(ctx context.Context, u string) {
	c := &http.Client{Transport: otelhttp.NewTransport(&http.Transport{})} // want `http.Transport with no dial timeout, no TLSHandshakeTimeout and no ResponseHeaderTimeout serves an http.Client with no Timeout`
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c.Do(req)
}

// Note: otelhttp around a transport that bounds everything up to the
// response headers keeps those bounds: only the body is unbounded.
func OtelHeader(u string) {
	c := &http.Client{Transport: otelhttp.NewTransport(bounded())}
	c.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout: its transport bounds connecting, the TLS handshake and the response headers, but nothing bounds reading the body`
}

// Safe: the client's Timeout.
func OtelSafe(u string) {
	c := &http.Client{Transport: otelhttp.NewTransport(&http.Transport{}), Timeout: 5 * time.Second}
	c.Get(u)
}

// Hazard: opentracing-contrib's nethttp.Transport around a zero transport.
func Tracing(u string) {
	c := &http.Client{Transport: &nethttp.Transport{RoundTripper: &http.Transport{}}} // want `http.Transport with no dial timeout, no TLSHandshakeTimeout and no ResponseHeaderTimeout`
	c.Get(u)                                                                          // want `\(\*http.Client\).Get on an http.Client with no Timeout can wait forever`
}

// Note: nethttp.Transport with no RoundTripper uses http.DefaultTransport;
// ochttp.Transport around a bounded transport keeps its bounds.
func TracingDefault(u string) {
	c := &http.Client{Transport: &nethttp.Transport{}}
	c.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout can wait forever`

	d := &http.Client{Transport: &ochttp.Transport{Base: bounded()}}
	d.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout: its transport bounds connecting, the TLS handshake and the response headers`
}

// Hazard: OpenCensus' ochttp.Transport around a zero transport.
func Census(u string) {
	c := &http.Client{Transport: &ochttp.Transport{Base: &http.Transport{}}} // want `http.Transport with no dial timeout, no TLSHandshakeTimeout and no ResponseHeaderTimeout`
	c.Get(u)                                                                 // want `\(\*http.Client\).Get on an http.Client with no Timeout`
}

// Hazard: promhttp's instrumentation, stacked, around a zero transport.
func Prom(u string, counter *prometheus.CounterVec, hist prometheus.ObserverVec, inflight prometheus.Gauge) {
	rt := promhttp.InstrumentRoundTripperInFlight(inflight,
		promhttp.InstrumentRoundTripperCounter(counter,
			promhttp.InstrumentRoundTripperDuration(hist, &http.Transport{}))) // want `http.Transport with no dial timeout, no TLSHandshakeTimeout and no ResponseHeaderTimeout`
	c := &http.Client{Transport: rt}
	c.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout`
}

// Safe: promhttp's trace instrumentation around a bounded transport, in a
// client with a Timeout.
func PromSafe(u string, trace *promhttp.InstrumentTrace) {
	c := &http.Client{Transport: promhttp.InstrumentRoundTripperTrace(trace, bounded()), Timeout: time.Second}
	c.Get(u)
}

// --- clients handed to libraries -----------------------------------------

// Hazard: go-kit sends every request of the endpoint through the client it
// is given.
func GoKit() kithttp.ClientOption {
	return kithttp.SetClient(&http.Client{}) // want `kithttp.SetClient hands go-kit an http.Client with no Timeout`
}

// Safe: the client has a Timeout, set after construction.
func GoKitSafe() kithttp.ClientOption {
	c := &http.Client{}
	c.Timeout = 5 * time.Second
	return kithttp.SetClient(c)
}

// Hazard: resty sends every request through the client it is given; a
// request with no SetContext deadline can wait forever.
func Resty(u string) {
	c := resty.NewWithClient(&http.Client{}) // want `resty.NewWithClient hands resty an http.Client with no Timeout`
	c.R().Get(u)
}

// Safe: the handed client has a Timeout, or resty's SetTimeout sets one.
func RestySafe(u string) {
	resty.NewWithClient(&http.Client{Timeout: time.Second}).R().Get(u)

	c := resty.NewWithClient(&http.Client{})
	c.SetTimeout(5 * time.Second)
	c.R().Get(u)

	d := resty.NewWithClient(&http.Client{}).SetRetryCount(2).SetTimeout(time.Second)
	d.R().Get(u)

	e := resty.NewWithClient(&http.Client{})
	e.GetClient().Timeout = time.Second
	e.R().Get(u)
}

type api struct{ rc *resty.Client }

func newAPI() *api { return &api{rc: resty.NewWithClient(&http.Client{})} }

func (a *api) init() { a.rc.SetTimeout(time.Second) }

// Silent: the GCE metadata server is link-local (169.254.169.254), which
// faultline treats as part of the platform.
func Metadata(ctx context.Context) (string, error) {
	return metadata.NewClient(&http.Client{}).ProjectIDWithContext(ctx)
}

// Hazard: oauth2 fetches tokens through the client in ctx under
// oauth2.HTTPClient, here http.DefaultClient, under a context with no
// deadline; and the client it returns has that client's (no) Timeout.
func OAuth(u string, conf *oauth2.Config, tok *oauth2.Token) {
	c := conf.Client(context.Background(), tok) // want `\(\*oauth2.Config\).Client fetches tokens through http.DefaultClient`
	c.Get(u)                                    // want `\(\*http.Client\).Get on an http.Client with no Timeout`
}

// Hazard: the client handed over in the context has no Timeout.
func OAuthHanded(u string, conf *clientcredentials.Config) {
	ctx := context.WithValue(context.Background(), oauth2.HTTPClient, &http.Client{})
	c := conf.Client(ctx) // want `\(\*clientcredentials.Config\).Client fetches tokens through an http.Client with no Timeout`
	c.Get(u)              // want `\(\*http.Client\).Get on an http.Client with no Timeout`
}

// Safe: the client in the context has a Timeout, which the client
// oauth2.NewClient builds copies.
func OAuthSafe(u string, conf *oauth2.Config, tok *oauth2.Token) {
	ctx := context.WithValue(context.Background(), oauth2.HTTPClient, &http.Client{Timeout: 10 * time.Second})
	conf.Client(ctx, tok).Get(u)
	oauth2.NewClient(ctx, conf.TokenSource(ctx, tok)).Get(u)
}

// Silent: the caller's context decides.
func OAuthParam(ctx context.Context, conf *oauth2.Config, tok *oauth2.Token) *http.Client {
	return conf.Client(ctx, tok)
}
