// Package interceptors: a breaker interceptor in the dial options guards
// the stubs built on the connection.
package interceptors

import (
	"context"
	"os"

	"example.com/pb/payment"
	"github.com/failsafe-go/failsafe-go/circuitbreaker"
	"github.com/failsafe-go/failsafe-go/failsafegrpc"
	"google.golang.org/grpc"
)

func Guarded(ctx context.Context) error {
	cb := circuitbreaker.NewWithDefaults[any]()
	conn, err := grpc.NewClient(os.Getenv("PAYMENT_ADDR"),
		grpc.WithChainUnaryInterceptor(failsafegrpc.NewUnaryClientInterceptor[any](cb)))
	if err != nil {
		return err
	}
	pay := payment.NewPaymentServiceClient(conn)
	_, err = pay.Charge(ctx, &payment.ChargeRequest{})
	return err
}
