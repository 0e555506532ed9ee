// Package traps builds a breaker whose open-state Timeout looks like a
// call timeout, and never calls through it: the calls are unguarded.
package traps

import (
	"context"
	"os"
	"time"

	"example.com/pb/payment"
	"github.com/sony/gobreaker"
	"google.golang.org/grpc"
)

type Client struct {
	cb  *gobreaker.CircuitBreaker
	pay payment.PaymentServiceClient
}

func New(conn *grpc.ClientConn) *Client {
	return &Client{
		// Timeout is how long the breaker stays open, not a call timeout.
		cb:  gobreaker.NewCircuitBreaker(gobreaker.Settings{Name: "pay", Timeout: 30 * time.Second}),
		pay: payment.NewPaymentServiceClient(conn), // want `no circuit breaker guards gRPC service shop.payment.v1.PaymentService \(called in \(\*Client\).Charge\).*; gobreaker.NewCircuitBreaker in New builds a breaker that these calls do not go through$`
	}
}

func (c *Client) Charge(ctx context.Context) error {
	_, err := c.pay.Charge(ctx, &payment.ChargeRequest{})
	return err
}

var _ = os.Getenv
