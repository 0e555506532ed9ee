package clients

import (
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
)

// statsHandler records a span and the RPC metrics of every call made on a
// connection Dial returns: counterpart of unobserved (inventory dials
// checkout on its own, without it).
func statsHandler() grpc.DialOption {
	return grpc.WithStatsHandler(otelgrpc.NewClientHandler())
}
