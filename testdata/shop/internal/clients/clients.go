// Package clients builds the gRPC clients services use to call each other.
package clients

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/sony/gobreaker/v2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/status"

	checkoutv1 "example.com/shop/proto/checkout/v1"
)

// Dial returns a client connection to target. grpc.NewClient does no I/O:
// the connection is made lazily by the first call, which the caller's
// context deadline bounds.
func Dial(target string) (*grpc.ClientConn, error) {
	conn, err := grpc.NewClient(target,
		grpc.WithTransportCredentials(insecure.NewCredentials()), statsHandler(),
		grpc.WithKeepaliveParams(keepalive.ClientParameters{
			Time:    30 * time.Second,
			Timeout: 10 * time.Second,
		}),
	)
	if err != nil {
		return nil, fmt.Errorf("grpc client for %s: %w", target, err)
	}
	return conn, nil
}

// Checkout calls the checkout service through a circuit breaker, so that
// while checkout is failing callers get an immediate error instead of
// queueing behind it.
type Checkout struct {
	stub    checkoutv1.CheckoutServiceClient
	breaker *gobreaker.CircuitBreaker[*checkoutv1.PlaceOrderResponse]
}

// NewCheckout returns a Checkout client on conn.
func NewCheckout(conn grpc.ClientConnInterface) *Checkout {
	return &Checkout{
		stub: checkoutv1.NewCheckoutServiceClient(conn),
		breaker: gobreaker.NewCircuitBreaker[*checkoutv1.PlaceOrderResponse](gobreaker.Settings{
			Name:        "checkout",
			MaxRequests: 5,
			Interval:    time.Minute,
			Timeout:     10 * time.Second, // how long the breaker stays open
			ReadyToTrip: func(c gobreaker.Counts) bool {
				return c.Requests >= 20 && c.TotalFailures*2 >= c.Requests
			},
			IsSuccessful: checkoutHealthy,
		}),
	}
}

// PlaceOrder places an order. ctx must carry the deadline for the call: the
// client adds none of its own.
func (c *Checkout) PlaceOrder(ctx context.Context, req *checkoutv1.PlaceOrderRequest) (*checkoutv1.PlaceOrderResponse, error) {
	return c.breaker.Execute(func() (*checkoutv1.PlaceOrderResponse, error) {
		return c.stub.PlaceOrder(ctx, req)
	})
}

// checkoutHealthy tells the breaker which errors say nothing about
// checkout's health: rejected orders are answers, not failures.
func checkoutHealthy(err error) bool {
	switch status.Code(err) {
	case codes.OK, codes.InvalidArgument, codes.FailedPrecondition, codes.ResourceExhausted:
		return true
	}
	return false
}

// IsBreakerOpen reports whether err means the breaker refused the call.
func IsBreakerOpen(err error) bool {
	return errors.Is(err, gobreaker.ErrOpenState) || errors.Is(err, gobreaker.ErrTooManyRequests)
}
