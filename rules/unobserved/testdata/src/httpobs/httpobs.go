// Command httpobs calls HTTP services through clients with and without an
// instrumented transport: in the literal, set after construction, inside
// a wrapping RoundTripper of its own, and the trap of a transport that
// only looks configured.
package main

import (
	"context"
	"net/http"
	"os"
	"time"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

var catalog = &http.Client{Timeout: time.Second, Transport: otelhttp.NewTransport(http.DefaultTransport)}

func later() *http.Client {
	c := &http.Client{Timeout: time.Second}
	c.Transport = otelhttp.NewTransport(nil)
	return c
}

// authRT adds a header and forwards to next.
type authRT struct{ next http.RoundTripper }

func (a *authRT) RoundTrip(r *http.Request) (*http.Response, error) {
	r.Header.Set("Authorization", "token")
	return a.next.RoundTrip(r)
}

var wrapped = &http.Client{Timeout: time.Second, Transport: &authRT{next: otelhttp.NewTransport(http.DefaultTransport)}}

// Deliberately bare: a tuned transport, no instrumentation.
var tuned = &http.Client{Timeout: time.Second, Transport: &http.Transport{MaxIdleConns: 10}} // want `^HTTP client for env STOCK_URL has no telemetry \(called in stock\): .*give it Transport: otelhttp.NewTransport\(base\)$`

// Deliberately bare: the default transport, which this program never
// replaces.
var plain = &http.Client{Timeout: time.Second} // want `^HTTP client for env SHIPPING_URL has no telemetry`

func get(ctx context.Context, c *http.Client, env string) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv(env), nil)
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func catalogPage(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("CATALOG_URL"), nil)
	resp, err := catalog.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func price(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("PRICING_URL"), nil)
	resp, err := later().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func review(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("REVIEWS_URL"), nil)
	resp, err := wrapped.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func stock(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("STOCK_URL"), nil)
	resp, err := tuned.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func ship(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("SHIPPING_URL"), nil)
	resp, err := plain.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		_ = catalogPage(ctx)
		_ = price(ctx)
		_ = review(ctx)
		_ = stock(ctx)
		_ = ship(ctx)
		_ = get(ctx, catalog, "CATALOG_URL")
	})
	_ = http.ListenAndServe(":8080", nil)
}
