package main

import (
	"net/http"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// traced wraps a transport in OpenTelemetry's: every request gets a span
// and the client metrics (counterpart of unobserved).
func traced(base http.RoundTripper) http.RoundTripper {
	return otelhttp.NewTransport(base)
}
