// Package grpcguarded guards every call: directly inside Execute, through
// a helper that runs its parameter inside Execute, and through an
// unexported function only ever called inside the breaker.
package grpcguarded

import (
	"context"
	"os"

	"example.com/pb/payment"
	"github.com/sony/gobreaker/v2"
	"google.golang.org/grpc"
)

var cb = gobreaker.NewCircuitBreaker[*payment.ChargeReply](gobreaker.Settings{Name: "payment"})

type Checkout struct{ pay payment.PaymentServiceClient }

func New() (*Checkout, error) {
	conn, err := grpc.NewClient(os.Getenv("PAYMENT_ADDR"))
	if err != nil {
		return nil, err
	}
	return &Checkout{pay: payment.NewPaymentServiceClient(conn)}, nil
}

func (c *Checkout) Pay(ctx context.Context) error {
	_, err := cb.Execute(func() (*payment.ChargeReply, error) {
		return c.pay.Charge(ctx, &payment.ChargeRequest{Cents: 100})
	})
	return err
}

// guard runs fn inside the breaker.
func (c *Checkout) guard(fn func() error) error {
	_, err := cb.Execute(func() (*payment.ChargeReply, error) { return nil, fn() })
	return err
}

func (c *Checkout) Undo(ctx context.Context) error {
	return c.guard(func() error {
		_, err := c.pay.Refund(ctx, &payment.ChargeRequest{Cents: 100})
		return err
	})
}

// refund is only called inside the breaker.
func (c *Checkout) refund(ctx context.Context) (*payment.ChargeReply, error) {
	return c.pay.Refund(ctx, &payment.ChargeRequest{Cents: 1})
}

func (c *Checkout) Compensate(ctx context.Context) error {
	_, err := cb.Execute(func() (*payment.ChargeReply, error) { return c.refund(ctx) })
	return err
}
