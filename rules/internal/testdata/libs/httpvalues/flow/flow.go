// Package flow asks valueflow about transports behind the instrumentation
// libraries' wrappers and clients built by oauth2: check(v, path) reports
// the answer.
package flow

import (
	"context"
	"net/http"
	"time"

	"github.com/opentracing-contrib/go-stdlib/nethttp"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opencensus.io/plugin/ochttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"golang.org/x/oauth2"
)

func check(v any, path string) {}

func wrappers(g prometheus.Gauge) {
	hdr := &http.Transport{ResponseHeaderTimeout: 5 * time.Second}

	check(&http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport)}, "$transport")    // want `dial=30s tls=10s header=unset`
	check(&http.Client{Transport: otelhttp.NewTransport(nil)}, "$transport")                      // want `dial=30s tls=10s header=unset`
	check(&http.Client{Transport: otelhttp.NewTransport(hdr)}, "$transport")                      // want `dial=unset tls=unset header=5s`
	check(&http.Client{Transport: otelhttp.NewTransport(hdr)}, "Timeout")                         // want `Timeout=unset`
	check(&http.Client{Transport: &nethttp.Transport{}}, "$transport")                            // want `dial=30s tls=10s header=unset`
	check(&http.Client{Transport: &nethttp.Transport{RoundTripper: hdr}}, "$transport")           // want `dial=unset tls=unset header=5s`
	check(&http.Client{Transport: &ochttp.Transport{}}, "$transport")                             // want `dial=30s tls=10s header=unset`
	check(&http.Client{Transport: &ochttp.Transport{Base: hdr}}, "$transport")                    // want `dial=unset tls=unset header=5s`
	check(&http.Client{Transport: promhttp.InstrumentRoundTripperInFlight(g, hdr)}, "$transport") // want `dial=unset tls=unset header=5s`
	check(&http.Client{Transport: &oauth2.Transport{Base: hdr}}, "$transport")                    // want `dial=unset tls=unset header=5s`

	// Stacked.
	check(&http.Client{Transport: otelhttp.NewTransport(&ochttp.Transport{Base: hdr})}, "$transport") // want `dial=unset tls=unset header=5s`
}

func oauth(conf *oauth2.Config, tok *oauth2.Token, ts oauth2.TokenSource) {
	bg := context.Background()
	check(conf.Client(bg, tok), "Timeout")     // want `Timeout=unset`
	check(conf.Client(bg, tok), "$transport")  // want `dial=30s tls=10s header=unset`
	check(oauth2.NewClient(bg, ts), "Timeout") // want `Timeout=unset`

	timed := context.WithValue(bg, oauth2.HTTPClient, &http.Client{Timeout: 3 * time.Second, Transport: &http.Transport{ResponseHeaderTimeout: time.Second}})
	check(conf.Client(timed, tok), "Timeout")      // want `Timeout=3s`
	check(conf.Client(timed, tok), "$transport")   // want `dial=unset tls=unset header=1s`
	check(oauth2.NewClient(timed, nil), "Timeout") // want `Timeout=3s`
}

func oauthUnknown(ctx context.Context, conf *oauth2.Config, tok *oauth2.Token) {
	check(conf.Client(ctx, tok), "Timeout") // want `Timeout=unknown`
}
