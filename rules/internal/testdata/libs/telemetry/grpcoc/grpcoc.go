// Package grpcoc instruments its connections with an OpenCensus stats
// handler and with grpc_prometheus' client interceptor, a package
// variable: both observed, silent.
package grpcoc

import (
	"context"
	"os"

	"example.com/libs/grpcconn/legacypb"
	"example.com/libs/grpcconn/pb"
	grpc_prometheus "github.com/grpc-ecosystem/go-grpc-prometheus"
	"go.opencensus.io/plugin/ocgrpc"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

func Charge(ctx context.Context) error {
	conn, err := grpc.NewClient(os.Getenv("PAYMENTS_ADDR"), grpc.WithStatsHandler(&ocgrpc.ClientHandler{}))
	if err != nil {
		return err
	}
	_, err = pb.NewPaymentsClient(conn).Charge(ctx, wrapperspb.String("x"))
	return err
}

func Post(ctx context.Context) error {
	conn, err := grpc.NewClient(os.Getenv("LEDGER_ADDR"), grpc.WithUnaryInterceptor(grpc_prometheus.UnaryClientInterceptor))
	if err != nil {
		return err
	}
	_, err = legacypb.NewLedgerClient(conn).Post(ctx, wrapperspb.String("x"))
	return err
}
