// Package grpcprom instruments one connection with go-grpc-middleware's
// Prometheus client metrics (silent); the trap registers the same kind of
// metrics and never adds their interceptor to the ledger's connection.
package grpcprom

import (
	"context"
	"os"

	"example.com/libs/grpcconn/legacypb"
	"example.com/libs/grpcconn/pb"
	grpcprom "github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus"
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

var (
	metrics = grpcprom.NewClientMetrics()
	unused  = grpcprom.NewClientMetrics()
)

func init() { prometheus.MustRegister(metrics, unused) }

// dialOptions returns the options every connection of the package gets.
func dialOptions() []grpc.DialOption {
	return []grpc.DialOption{grpc.WithChainUnaryInterceptor(metrics.UnaryClientInterceptor())}
}

func Charge(ctx context.Context) error {
	conn, err := grpc.NewClient(os.Getenv("PAYMENTS_ADDR"), dialOptions()...)
	if err != nil {
		return err
	}
	_, err = pb.NewPaymentsClient(conn).Charge(ctx, wrapperspb.String("x"))
	return err
}

func Post(ctx context.Context) error {
	conn, err := grpc.NewClient(os.Getenv("LEDGER_ADDR")) // want `^gRPC client for [a-z0-9.]*Ledger \(at env LEDGER_ADDR\) has no telemetry`
	if err != nil {
		return err
	}
	_, err = legacypb.NewLedgerClient(conn).Post(ctx, wrapperspb.String("x"))
	return err
}
