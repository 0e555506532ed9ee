// Package retries holds the cases of the retries, timeouts and breakers
// that a gRPC connection's options give its calls (resilience's
// ClientGuard and InnerRetries, which callsites, nestedretry and the graph
// read; see TestGRPCConnProbe): retry interceptors of go-grpc-middleware
// v1 and v2, alone or in chains, the service config's retryPolicy for the
// method called, WithMaxCallAttempts and WithDisableRetry, and a breaker
// interceptor.
package retries

import (
	"context"
	"fmt"
	"os"
	"time"

	grpc_middleware "github.com/grpc-ecosystem/go-grpc-middleware"
	grpc_retry "github.com/grpc-ecosystem/go-grpc-middleware/retry"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/timeout"
	"github.com/sony/gobreaker"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"example.com/libs/grpcconn/legacypb"
	"example.com/libs/grpcconn/pb"
	"example.com/libs/grpcconn/platform"
)

var (
	target = os.Getenv("PAYMENTS_ADDR")
	in     = wrapperspb.String("order-1")
)

// --- interceptors ------------------------------------------------------------

func RetryV2(ctx context.Context) {
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(retry.UnaryClientInterceptor(retry.WithMax(3), retry.WithBackoff(retry.BackoffExponential(100*time.Millisecond)))))
	pb.NewPaymentsClient(conn).Charge(ctx, in) // want `guard=retry retries=\[the go-grpc-middleware retry interceptor ×3\]`
}

func RetryV1InChain(ctx context.Context) {
	opts := []grpc.DialOption{grpc.WithChainUnaryInterceptor(platform.Logging, grpc_retry.UnaryClientInterceptor(grpc_retry.WithMax(4)))}
	conn, _ := grpc.NewClient(target, opts...)
	pb.NewPaymentsClient(conn).Charge(ctx, in) // want `guard=retry retries=\[the go-grpc-middleware retry interceptor ×4\]`
}

func RetryInMiddlewareChain(ctx context.Context) {
	ic := grpc_middleware.ChainUnaryClient(platform.Logging, grpc_retry.UnaryClientInterceptor(grpc_retry.WithMax(2)), timeout.UnaryClientInterceptor(time.Second))
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(ic))
	pb.NewPaymentsClient(conn).Charge(ctx, in) // want `guard=retry\+timeout retries=\[the go-grpc-middleware retry interceptor ×2\]`
}

// WithMax defaults to 0: the interceptor does not retry.
func RetryNoMax(ctx context.Context) {
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(retry.UnaryClientInterceptor()))
	pb.NewPaymentsClient(conn).Charge(ctx, in) // want `guard=none retries=\[\]`
}

// WithCodes with no code: nothing is retryable, one attempt; its
// per-attempt timeout still bounds it.
func RetryNoCodes(ctx context.Context) {
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(retry.UnaryClientInterceptor(retry.WithMax(3), retry.WithCodes(), retry.WithPerRetryTimeout(time.Second))))
	pb.NewPaymentsClient(conn).Charge(ctx, in) // want `guard=timeout retries=\[\]`
}

// A per-attempt timeout with attempts bounds the call.
func RetryPerAttemptTimeout(ctx context.Context) {
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(retry.UnaryClientInterceptor(retry.WithMax(3), retry.WithPerRetryTimeout(time.Second))))
	pb.NewPaymentsClient(conn).Charge(ctx, in) // want `guard=retry\+timeout retries=\[the go-grpc-middleware retry interceptor ×3\]`
}

// A breaker interceptor of this package: the invoker runs inside
// gobreaker's Execute.
func breakerInterceptor(cb *gobreaker.CircuitBreaker) grpc.UnaryClientInterceptor { // want `fact grpc\(interceptor=breaker\)`
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		_, err := cb.Execute(func() (any, error) {
			return nil, invoker(ctx, method, req, reply, cc, opts...)
		})
		return err
	}
}

func Breaker(ctx context.Context) {
	cb := gobreaker.NewCircuitBreaker(gobreaker.Settings{Name: "payments"})
	conn, _ := grpc.NewClient(target, grpc.WithChainUnaryInterceptor(platform.Logging, breakerInterceptor(cb)))
	pb.NewPaymentsClient(conn).Charge(ctx, in) // want `guard=breaker retries=\[\]`
}

// --- the service config's retryPolicy ------------------------------------------

const paymentsRetry = `{"methodConfig": [{"name": [{"service": "shop.pay.v1.Payments"}],
  "retryPolicy": {"maxAttempts": 4, "initialBackoff": "0.1s", "maxBackoff": "1s", "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]}}]}`

func ServiceConfigRetry(ctx context.Context) {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(paymentsRetry)) // want `config ×4 growing jitter`
	pb.NewPaymentsClient(conn).Charge(ctx, in)                                      // want `guard=retry retries=\[the service config's retryPolicy ×4\]`
	legacypb.NewLedgerClient(conn).Post(ctx, in)                                    // want `guard=none retries=\[\]`
	legacypb.NewLedgerClient(conn).Audit(ctx, in, nil...)                           // want `guard=none retries=\[\]`
}

// The policy of one method, and of one service of legacy generated code.
const chargeRetry = `{"methodConfig": [
  {"name": [{"service": "shop.pay.v1.Payments", "method": "Charge"}],
   "retryPolicy": {"maxAttempts": 3, "initialBackoff": "0.1s", "maxBackoff": "1s", "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]}},
  {"name": [{"service": "shop.ledger.v1.Ledger"}],
   "retryPolicy": {"maxAttempts": 2, "initialBackoff": "0.1s", "maxBackoff": "1s", "backoffMultiplier": 1, "retryableStatusCodes": ["UNAVAILABLE"]}}]}`

func MethodRetry(ctx context.Context) {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(chargeRetry)) // want `config ×3 growing jitter`
	c := pb.NewPaymentsClient(conn)
	c.Charge(ctx, in)                             // want `guard=retry retries=\[the service config's retryPolicy ×3\]`
	c.Refund(ctx, in)                             // want `guard=none retries=\[\]`
	legacypb.NewLedgerClient(conn).Audit(ctx, in) // want `guard=retry retries=\[the service config's retryPolicy ×2\]`
}

// grpc-go caps maxAttempts at 5, or at WithMaxCallAttempts.
const manyAttempts = `{"methodConfig": [{"name": [{}],
  "retryPolicy": {"maxAttempts": 8, "initialBackoff": "0.1s", "maxBackoff": "1s", "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]}}]}`

func Capped(ctx context.Context) {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(manyAttempts))                               // want `config ×5 growing jitter`
	pb.NewPaymentsClient(conn).Charge(ctx, in)                                                                   // want `guard=retry retries=\[the service config's retryPolicy ×5\]`
	conn3, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(manyAttempts), grpc.WithMaxCallAttempts(3)) // want `config ×5 growing jitter`
	pb.NewPaymentsClient(conn3).Charge(ctx, in)                                                                  // want `guard=retry retries=\[the service config's retryPolicy ×3\]`
}

// WithDisableRetry turns the retryPolicy off.
func Disabled(ctx context.Context) {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(paymentsRetry), grpc.WithDisableRetry()) // want `config ×4 growing jitter`
	pb.NewPaymentsClient(conn).Charge(ctx, in)                                                               // want `guard=none retries=\[\]`
}

// Built with fmt.Sprintf from constants; from another package.
func Sprintf(ctx context.Context) {
	sc := fmt.Sprintf(`{"methodConfig": [{"name": [{"service": "shop.pay.v1.Payments"}], "retryPolicy": {"maxAttempts": %d, "initialBackoff": "0.1s", "maxBackoff": "1s", "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]}}]}`, 3)
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(sc)) // want `config ×3 growing jitter`
	pb.NewPaymentsClient(conn).Charge(ctx, in)                           // want `guard=retry retries=\[the service config's retryPolicy ×3\]`
}

func CrossPackage(ctx context.Context) {
	conn, _ := grpc.NewClient(target, platform.RetryOptions()...)
	pb.NewPaymentsClient(conn).Refund(ctx, in) // want `guard=retry retries=\[the service config's retryPolicy ×4\]`
}

// A config read from the environment: nothing is claimed.
func Unknown(ctx context.Context) {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(os.Getenv("GRPC_SERVICE_CONFIG")))
	pb.NewPaymentsClient(conn).Charge(ctx, in) // want `guard=none retries=\[\]`
}

// Both layers: the retryPolicy and an interceptor.
func TwoLayers(ctx context.Context) {
	conn, _ := grpc.NewClient(target, grpc.WithDefaultServiceConfig(paymentsRetry), grpc.WithUnaryInterceptor(retry.UnaryClientInterceptor(retry.WithMax(2)))) // want `config ×4 growing jitter`
	pb.NewPaymentsClient(conn).Charge(ctx, in)                                                                                                                 // want `guard=retry retries=\[the service config's retryPolicy ×4, the go-grpc-middleware retry interceptor ×2\]`
}
