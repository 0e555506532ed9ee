// Package retry is a stub of go-grpc-middleware/v2/interceptors/retry v2.3.3.
package retry

import (
	"context"
	"time"

	"google.golang.org/grpc"
)

type CallOption struct{ grpc.CallOption }
type BackoffFunc func(ctx context.Context, attempt uint) time.Duration

func UnaryClientInterceptor(optFuncs ...CallOption) grpc.UnaryClientInterceptor { return nil }
func WithMax(maxRetries uint) CallOption                                        { return CallOption{} }
func WithBackoff(bf BackoffFunc) CallOption                                     { return CallOption{} }
func WithPerRetryTimeout(timeout time.Duration) CallOption                      { return CallOption{} }
func BackoffLinear(waitBetween time.Duration) BackoffFunc                       { return nil }
func BackoffLinearWithJitter(waitBetween time.Duration, jitterFraction float64) BackoffFunc {
	return nil
}
func BackoffExponential(scalar time.Duration) BackoffFunc { return nil }
