// Package platform is the team's gRPC plumbing, in a package of its own:
// the dial options, call options, service configs, interceptors and
// connections the services take from it. The fixtures that use it check
// that what it adds crosses the package boundary (as facts).
package platform

import (
	"context"
	"time"

	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/timeout"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/keepalive"
)

func creds() grpc.DialOption { return grpc.WithTransportCredentials(insecure.NewCredentials()) } // want `fact grpc\(\)`

// BaseOptions are the options of every connection: none blocks.
func BaseOptions() []grpc.DialOption { return []grpc.DialOption{creds()} } // want `fact grpc\(\)`

// BlockingOptions make grpc.Dial wait for the connection, with no bound.
func BlockingOptions() []grpc.DialOption { // want `fact grpc\(grpc.WithBlock\)`
	opts := BaseOptions()
	return append(opts, grpc.WithBlock())
}

// BoundedBlockingOptions make grpc.Dial wait for the connection, at most
// five seconds.
func BoundedBlockingOptions() []grpc.DialOption { // want `fact grpc\(grpc.WithBlock, grpc.WithTimeout\)`
	return append(BlockingOptions(), grpc.WithTimeout(5*time.Second))
}

// KeepaliveOptions block with keep-alive parameters: their Timeout bounds
// the pings, not the dial.
func KeepaliveOptions() []grpc.DialOption { // want `fact grpc\(grpc.WithBlock\)`
	return append(BlockingOptions(), grpc.WithKeepaliveParams(keepalive.ClientParameters{Time: 10 * time.Second, Timeout: 5 * time.Second}))
}

// With returns the base options and the caller's.
func With(extra ...grpc.DialOption) []grpc.DialOption { // want `fact grpc\(; params 0\)`
	return append(BaseOptions(), extra...)
}

// WaitForReady makes every call on the connection wait for the server to
// become ready.
func WaitForReady() grpc.DialOption { // want `fact grpc\(grpc.WaitForReady\(true\)\)`
	return grpc.WithDefaultCallOptions(grpc.WaitForReady(true))
}

// CallOptions are per-call options that make the call wait for the server
// to become ready.
func CallOptions() []grpc.CallOption { return []grpc.CallOption{grpc.WaitForReady(true)} } // want `fact grpc\(grpc.WaitForReady\(true\)\)`

// PaymentsConfig bounds every method of shop.pay.v1.Payments to two
// seconds.
const PaymentsConfig = `{"methodConfig": [{"name": [{"service": "shop.pay.v1.Payments"}], "timeout": "2s"}]}`

// ServiceConfig is the option that installs PaymentsConfig.
func ServiceConfig() grpc.DialOption { return grpc.WithDefaultServiceConfig(PaymentsConfig) } // want `fact grpc\(grpc.WithDefaultServiceConfig\("/shop.pay.v1.Payments/": timeout 2s\)\)`

// Dial returns a connection whose calls wait for the server to become
// ready, with the caller's options added.
func Dial(target string, extra ...grpc.DialOption) (*grpc.ClientConn, error) { // want `fact grpc\(grpc.WaitForReady\(true\); params 1\)`
	opts := append([]grpc.DialOption{creds(), WaitForReady()}, extra...)
	return grpc.NewClient(target, opts...)
}

// DialBounded returns a connection whose unary calls a timeout
// interceptor bounds.
func DialBounded(target string) (*grpc.ClientConn, error) { // want `fact grpc\(grpc.WithChainUnaryInterceptor=timeout\)`
	return grpc.NewClient(target, creds(), grpc.WithChainUnaryInterceptor(timeout.UnaryClientInterceptor(2*time.Second)))
}

// Timeouts is a timeout interceptor.
func Timeouts() grpc.UnaryClientInterceptor { return timeout.UnaryClientInterceptor(2 * time.Second) } // want `fact grpc\(interceptor=timeout\)`

// Chain runs the interceptors in order, each calling the next.
func Chain(ics ...grpc.UnaryClientInterceptor) grpc.UnaryClientInterceptor { // want `fact grpc\(interceptor=none; params 0\)`
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		next := invoker
		for i := len(ics) - 1; i >= 0; i-- {
			ic, inner := ics[i], next
			next = func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, opts ...grpc.CallOption) error {
				return ic(ctx, method, req, reply, cc, inner, opts...)
			}
		}
		return next(ctx, method, req, reply, cc, opts...)
	}
}

// Logging is an interceptor that bounds nothing.
func Logging(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(ctx, method, req, reply, cc, opts...)
}

// RetryConfig retries every method of shop.pay.v1.Payments, four attempts
// with exponential backoff.
const RetryConfig = `{"methodConfig": [{"name": [{"service": "shop.pay.v1.Payments"}],
  "retryPolicy": {"maxAttempts": 4, "initialBackoff": "0.1s", "maxBackoff": "2s", "backoffMultiplier": 2, "retryableStatusCodes": ["UNAVAILABLE"]}}]}`

// RetryOptions are the options that install RetryConfig.
func RetryOptions() []grpc.DialOption { // want `fact grpc\(grpc.WithDefaultServiceConfig\("/shop.pay.v1.Payments/": retry 4\)\)`
	return append(BaseOptions(), grpc.WithDefaultServiceConfig(RetryConfig)) // want `config ×4 growing jitter`
}
