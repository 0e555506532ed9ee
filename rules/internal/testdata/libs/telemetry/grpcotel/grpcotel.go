// Package grpcotel dials one service with OpenTelemetry's stats handler
// (observed, silent) and another bare, next to a handler that is built and
// given to no connection (the trap): reported.
package grpcotel

import (
	"context"
	"os"

	"example.com/libs/grpcconn/legacypb"
	"example.com/libs/grpcconn/pb"
	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

type Clients struct {
	pay    pb.PaymentsClient
	ledger legacypb.LedgerClient
}

func New() (*Clients, error) {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	opts = append(opts, grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
	pay, err := grpc.NewClient(os.Getenv("PAYMENTS_ADDR"), opts...)
	if err != nil {
		return nil, err
	}
	handler := otelgrpc.NewClientHandler() // built, never given to the ledger's connection
	_ = handler
	ledger, err := grpc.NewClient(os.Getenv("LEDGER_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials())) // want `^gRPC client for [a-z0-9.]*Ledger \(at env LEDGER_ADDR\) has no telemetry .*grpc.WithStatsHandler\(otelgrpc.NewClientHandler\(\)\)`
	if err != nil {
		return nil, err
	}
	return &Clients{pay: pb.NewPaymentsClient(pay), ledger: legacypb.NewLedgerClient(ledger)}, nil
}

func (c *Clients) Charge(ctx context.Context) error {
	_, err := c.pay.Charge(ctx, wrapperspb.String("x"))
	return err
}

func (c *Clients) Post(ctx context.Context) error {
	_, err := c.ledger.Post(ctx, wrapperspb.String("x"))
	return err
}
