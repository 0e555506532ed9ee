// Package usebreakers guards its calls through helpers of another
// package; the one that uses a helper which sometimes bypasses the
// breaker is reported at the call.
package usebreakers

import (
	"breakers"
	"context"
	"os"

	"example.com/pb/payment"
	"google.golang.org/grpc"
)

var pay = func() payment.PaymentServiceClient {
	conn, _ := grpc.NewClient(os.Getenv("PAYMENT_ADDR"))
	return payment.NewPaymentServiceClient(conn)
}()

func Pay(ctx context.Context) error {
	return breakers.Do(func() error {
		_, err := pay.Charge(ctx, &payment.ChargeRequest{})
		return err
	})
}

func Undo(ctx context.Context) error {
	return breakers.Forward("undo", func() error {
		_, err := pay.Refund(ctx, &payment.ChargeRequest{})
		return err
	})
}

func Retry(ctx context.Context) error {
	return breakers.Sometimes(false, func() error {
		_, err := pay.Charge(ctx, &payment.ChargeRequest{}) // want `^this call to gRPC service shop.payment.v1.PaymentService \(at env PAYMENT_ADDR\) in Retry bypasses the circuit breaker that guards its calls in Pay, Undo: while it fails, this path keeps waiting on it and adding load; send the call through the same breaker$`
		return err
	})
}
