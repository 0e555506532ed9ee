package main

import (
	"net/http"

	"github.com/redis/go-redis/extra/redisotel/v9"
	"github.com/redis/go-redis/v9"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

// traced wraps a transport in OpenTelemetry's: every request gets a span
// and the client metrics (counterpart of unobserved).
func traced(base http.RoundTripper) http.RoundTripper {
	return otelhttp.NewTransport(base)
}

// instrumented adds OpenTelemetry tracing to a Redis client and returns
// it (counterpart of unobserved).
func instrumented(rdb *redis.Client) *redis.Client {
	if err := redisotel.InstrumentTracing(rdb); err != nil {
		panic(err)
	}
	return rdb
}
