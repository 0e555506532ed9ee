package main // want package:`calls\[grpc\(env:PAYMENTS_ADDR grpc:shop\.pay\.v1\.Payments timeout=1s breaker=no attempts=3\); grpc\(env:PAYMENTS_ADDR grpc:shop\.pay\.v1\.Payments timeout=1s breaker=no\); grpc\(env:GATEWAY_ADDR grpc:shop\.pay\.v1\.Payments timeout=1s breaker=no attempts=4\); grpc\(env:GATEWAY_ADDR grpc:shop\.ledger\.v1\.Ledger timeout=1s breaker=no\); grpc\(env:AUDIT_ADDR grpc:shop\.pay\.v1\.Payments timeout=1s breaker=no attempts=2\); bind .*\]`

// Package main (command edges) calls shop.pay.v1.Payments and shop.ledger.v1.Ledger on
// connections whose retries are in their options: the attempts each call
// site records (callsites), which the graph's edges and `faultline init`
// take, come from the service config's retryPolicy for the method called
// and from retry interceptors, through helpers of another package.

import (
	"context"
	"os"
	"time"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"example.com/libs/grpcconn/legacypb"
	"example.com/libs/grpcconn/pb"
	"example.com/libs/grpcconn/platform"
)

const chargeRetry = `{"methodConfig": [{"name": [{"service": "shop.pay.v1.Payments", "method": "Charge"}],
  "retryPolicy": {"maxAttempts": 3, "initialBackoff": "0.1s", "maxBackoff": "1s", "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]}}]}`

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	in := wrapperspb.String("order-1")

	// The retryPolicy retries Charge, not Refund.
	payConn, _ := grpc.NewClient(os.Getenv("PAYMENTS_ADDR"), grpc.WithDefaultServiceConfig(chargeRetry))
	pay := pb.NewPaymentsClient(payConn)
	pay.Charge(ctx, in)
	pay.Refund(ctx, in)

	// The retryPolicy of another package's options: every method of
	// shop.pay.v1.Payments, none of shop.ledger.v1.Ledger.
	sharedConn, _ := grpc.NewClient(os.Getenv("GATEWAY_ADDR"), platform.RetryOptions()...)
	pb.NewPaymentsClient(sharedConn).Refund(ctx, in)
	legacypb.NewLedgerClient(sharedConn).Post(ctx, in)

	// A retry interceptor in a slice appended to.
	opts := []grpc.DialOption{grpc.WithDefaultServiceConfig(chargeRetry)}
	opts = append(opts, grpc.WithUnaryInterceptor(retry.UnaryClientInterceptor(retry.WithMax(2))), grpc.WithDisableRetry())
	auditConn, _ := grpc.NewClient(os.Getenv("AUDIT_ADDR"), opts...)
	pb.NewPaymentsClient(auditConn).Charge(ctx, in)
}
