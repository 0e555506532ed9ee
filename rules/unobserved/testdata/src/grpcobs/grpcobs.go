// Package grpcobs dials gRPC services with and without a stats handler:
// options in the call, in a slice built by a helper, through a variable.
package grpcobs

import (
	"context"
	"os"

	"example.com/pb/ledger"
	"example.com/pb/payment"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
)

type Checkout struct {
	pay   payment.PaymentServiceClient
	audit payment.PaymentServiceClient
	bare  ledger.LedgerServiceClient
}

// options builds the dial options in a helper: the stats handler travels
// through the slice.
func options() []grpc.DialOption {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	return append(opts, grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
}

func New() (*Checkout, error) {
	conn, err := grpc.NewClient(os.Getenv("PAYMENT_ADDR"), grpc.WithStatsHandler(otelgrpc.NewClientHandler()))
	if err != nil {
		return nil, err
	}
	auditConn, err := grpc.NewClient(os.Getenv("AUDIT_ADDR"), options()...)
	if err != nil {
		return nil, err
	}
	// Deliberately bare: the stats handler is built but given to nothing.
	_ = otelgrpc.NewClientHandler()
	bareConn, err := grpc.NewClient(os.Getenv("LEDGER_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials())) // want `^gRPC client for [a-z.0-9]*LedgerService \(at env LEDGER_ADDR\) has no telemetry \(called in \(\*Checkout\).Ledger\): .*add grpc.WithStatsHandler\(otelgrpc.NewClientHandler\(\)\) to its dial options$`
	if err != nil {
		return nil, err
	}
	return &Checkout{
		pay:   payment.NewPaymentServiceClient(conn),
		audit: payment.NewPaymentServiceClient(auditConn),
		bare:  ledger.NewLedgerServiceClient(bareConn),
	}, nil
}

func (c *Checkout) Pay(ctx context.Context) error {
	_, err := c.pay.Charge(ctx, &payment.ChargeRequest{Cents: 100})
	return err
}

func (c *Checkout) Audit(ctx context.Context) error {
	_, err := c.audit.Refund(ctx, &payment.ChargeRequest{Cents: 100})
	return err
}

func (c *Checkout) Ledger(ctx context.Context) error {
	_, err := c.bare.Refund(ctx, &ledger.ChargeRequest{Cents: 1})
	return err
}

// FromParam calls through a connection it is given: whether it is
// instrumented is the caller's business, unknown here.
func FromParam(ctx context.Context, conn *grpc.ClientConn) error {
	_, err := payment.NewPaymentServiceClient(conn).Charge(ctx, &payment.ChargeRequest{Cents: 2})
	return err
}
