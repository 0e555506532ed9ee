// Package unmodelled imports an instrumentation library faultline does not
// model: its bare-looking client may be observed in ways faultline cannot
// see, so it is silent.
package unmodelled

import (
	"context"
	"os"

	"example.com/pb/payment"
	"google.golang.org/grpc"

	"go.opentelemetry.io/contrib/instrumentation/github.com/aws/aws-sdk-go-v2/otelaws"
)

var _ = otelaws.AppendMiddlewares

func Pay(ctx context.Context) error {
	conn, err := grpc.NewClient(os.Getenv("PAYMENT_ADDR"))
	if err != nil {
		return err
	}
	_, err = payment.NewPaymentServiceClient(conn).Charge(ctx, &payment.ChargeRequest{Cents: 100})
	return err
}
