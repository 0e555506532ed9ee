// Package retryonly dials with a retry interceptor and no breaker: a
// retry is not a breaker.
package retryonly

import (
	"context"
	"os"

	"example.com/pb/payment"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	"google.golang.org/grpc"
)

func RetriedOnly(ctx context.Context) error {
	conn, err := grpc.NewClient(os.Getenv("LEDGER_ADDR"),
		grpc.WithUnaryInterceptor(retry.UnaryClientInterceptor(retry.WithMax(3))))
	if err != nil {
		return err
	}
	ledger := payment.NewPaymentServiceClient(conn) // want `no circuit breaker guards gRPC service shop.payment.v1.PaymentService \(at env LEDGER_ADDR\) \(called in RetriedOnly\)`
	_, err = ledger.Charge(ctx, &payment.ChargeRequest{})
	return err
}
