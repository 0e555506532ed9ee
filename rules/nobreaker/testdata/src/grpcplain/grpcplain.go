// Package grpcplain calls a gRPC service with no breaker: one finding for
// the dependency, at the generated client's construction, naming both
// calling functions.
package grpcplain

import (
	"context"
	"os"

	"example.com/pb/payment"
	"google.golang.org/grpc"
)

type Checkout struct{ pay payment.PaymentServiceClient }

func New() (*Checkout, error) {
	conn, err := grpc.NewClient(os.Getenv("PAYMENT_ADDR"))
	if err != nil {
		return nil, err
	}
	return &Checkout{pay: payment.NewPaymentServiceClient(conn)}, nil // want `^no circuit breaker guards gRPC service shop.payment.v1.PaymentService \(at env PAYMENT_ADDR\) \(called in \(\*Checkout\).Pay, \(\*Checkout\).Undo\): while it fails or hangs, every request still waits out the call and adds load to it; wrap the calls in a breaker \(gobreaker Execute, a failsafe-go executor\) or add a failsafegrpc breaker interceptor to this connection$`
}

func (c *Checkout) Pay(ctx context.Context) error {
	_, err := c.pay.Charge(ctx, &payment.ChargeRequest{Cents: 100})
	return err
}

func (c *Checkout) Undo(ctx context.Context) error {
	_, err := c.pay.Refund(ctx, &payment.ChargeRequest{Cents: 100})
	return err
}
