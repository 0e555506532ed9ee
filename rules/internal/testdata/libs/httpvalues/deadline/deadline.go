// Package deadline holds ctxdeadline's cases for transports behind
// instrumentation wrappers: the wrapper keeps the bounds of the transport
// it wraps, and the finding says what they leave unbounded.
package deadline

import (
	"context"
	"net/http"
	"time"

	"go.opencensus.io/plugin/ochttp"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// The inner transport bounds the wait for response headers.
var headerClient = &http.Client{Transport: otelhttp.NewTransport(&http.Transport{ResponseHeaderTimeout: time.Minute})}

func list(ctx context.Context, url string) (*http.Response, error) { // want list:`ctxdeadline\(param0 → \(\*http.Client\).Do\)`
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return headerClient.Do(req)
}

// Hazard: only the inner transport's ResponseHeaderTimeout bounds it.
func List(url string) (*http.Response, error) {
	return list(context.Background(), url) // want `context.Background\(\) reaches deadline.list → \(\*http.Client\).Do with no deadline: only the transport's ResponseHeaderTimeout bounds the request`
}

// Hazard: the wrapped default transport bounds nothing after connecting.
var plainClient = &http.Client{Transport: &ochttp.Transport{}}

func Get(url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil) // want `context.Background\(\) reaches \(\*http.Client\).Do with no deadline: nothing else bounds the request`
	if err != nil {
		return nil, err
	}
	return plainClient.Do(req)
}

// Safe: a deadline.
func Safe(url string) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return list(ctx, url)
}

// Silent: the client's Timeout bounds the request.
var timedClient = &http.Client{Transport: otelhttp.NewTransport(http.DefaultTransport), Timeout: 5 * time.Second}

func Timed(url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return timedClient.Do(req)
}
