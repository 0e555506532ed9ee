// Command httpinst calls HTTP services through transports instrumented by
// each library faultline models (silent), a transport of its own that
// wraps an instrumented one (silent), a bare tuned transport (reported)
// and the trap of a server handler wrapped by otelhttp while the client
// stays bare (reported).
package main

import (
	"context"
	"net/http"
	"os"
	"time"

	"github.com/opentracing-contrib/go-stdlib/nethttp"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.opencensus.io/plugin/ochttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

var requests = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "client_requests_total"}, []string{"code", "method"})

// headerRT adds a header and forwards to next.
type headerRT struct{ next http.RoundTripper }

func (h *headerRT) RoundTrip(r *http.Request) (*http.Response, error) {
	r.Header.Set("X-Caller", "httpinst")
	return h.next.RoundTrip(r)
}

var (
	otelClient = &http.Client{Timeout: time.Second, Transport: otelhttp.NewTransport(http.DefaultTransport)}
	ocClient   = &http.Client{Timeout: time.Second, Transport: &ochttp.Transport{}}
	promClient = &http.Client{Timeout: time.Second, Transport: promhttp.InstrumentRoundTripperCounter(requests, http.DefaultTransport)}
	otClient   = &http.Client{Timeout: time.Second, Transport: &nethttp.Transport{}}
	wrapped    = &http.Client{Timeout: time.Second, Transport: &headerRT{next: otelhttp.NewTransport(http.DefaultTransport)}}
	bare       = &http.Client{Timeout: time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 8}} // want `^HTTP client for env STOCK_URL has no telemetry`
)

func catalog(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, os.Getenv("CATALOG_URL"), nil)
	resp, err := otelClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func pricing(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, os.Getenv("PRICING_URL"), nil)
	resp, err := ocClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func reviews(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, os.Getenv("REVIEWS_URL"), nil)
	resp, err := promClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func search(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, os.Getenv("SEARCH_URL"), nil)
	resp, err := otClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func ads(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, os.Getenv("ADS_URL"), nil)
	resp, err := wrapped.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func stock(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, os.Getenv("STOCK_URL"), nil)
	resp, err := bare.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func main() {
	http.Handle("/", otelhttp.NewHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		_ = catalog(ctx)
		_ = pricing(ctx)
		_ = reviews(ctx)
		_ = search(ctx)
		_ = ads(ctx)
		_ = stock(ctx)
	}), "root"))
	prometheus.MustRegister(requests)
	_ = http.ListenAndServe(":8080", nil)
}
