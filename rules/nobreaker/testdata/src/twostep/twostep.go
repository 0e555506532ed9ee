// Package twostep guards calls between a two-step breaker's Allow and its
// completion. Ignoring the answer of Allow guards nothing.
package twostep

import (
	"context"
	"errors"
	"os"

	"example.com/pb/payment"
	"github.com/afex/hystrix-go/hystrix"
	"github.com/failsafe-go/failsafe-go/circuitbreaker"
	gobreaker "github.com/sony/gobreaker"
	"google.golang.org/grpc"
)

var (
	tscb = gobreaker.NewTwoStepCircuitBreaker(gobreaker.Settings{Name: "pay"})
	fscb = circuitbreaker.NewWithDefaults[any]()
	pay  payment.PaymentServiceClient
)

func init() {
	conn, _ := grpc.NewClient(os.Getenv("PAYMENT_ADDR"))
	pay = payment.NewPaymentServiceClient(conn)
}

func GoBreaker(ctx context.Context) error {
	done, err := tscb.Allow()
	if err != nil {
		return err
	}
	_, err = pay.Charge(ctx, &payment.ChargeRequest{})
	done(err == nil)
	return err
}

func Hystrix(ctx context.Context) error {
	cb, _, err := hystrix.GetCircuit("pay")
	if err != nil {
		return err
	}
	if !cb.AllowRequest() {
		return errors.New("payment circuit open")
	}
	_, err = pay.Refund(ctx, &payment.ChargeRequest{})
	return err
}

func Failsafe(ctx context.Context) error {
	if fscb.TryAcquirePermit() {
		_, err := pay.Charge(ctx, &payment.ChargeRequest{})
		if err != nil {
			fscb.RecordFailure()
		} else {
			fscb.RecordSuccess()
		}
		return err
	}
	return errors.New("payment circuit open")
}

// Ignored asks the breaker and does not listen.
func Ignored(ctx context.Context) error {
	cb, _, _ := hystrix.GetCircuit("pay")
	_ = cb.AllowRequest()
	_, err := pay.Charge(ctx, &payment.ChargeRequest{}) // want `this call to gRPC service shop.payment.v1.PaymentService \(at env PAYMENT_ADDR\) in Ignored bypasses the circuit breaker that guards its calls in GoBreaker, Hystrix, Failsafe`
	return err
}
