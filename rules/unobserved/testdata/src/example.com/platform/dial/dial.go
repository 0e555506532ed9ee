// Package dial builds gRPC connections and HTTP clients for other
// packages: one instrumented, one bare, each exported with a fact.
package dial

import (
	"net/http"
	"time"

	"google.golang.org/grpc"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func Observed(target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target, grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
}

func Bare(target string) (*grpc.ClientConn, error) {
	return grpc.NewClient(target)
}

func HTTP() *http.Client {
	return &http.Client{Timeout: time.Second, Transport: otelhttp.NewTransport(http.DefaultTransport)}
}

func BareHTTP() *http.Client {
	return &http.Client{Timeout: time.Second, Transport: &http.Transport{}}
}
