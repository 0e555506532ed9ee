// Package libs configures retry libraries' delays.
package libs

import (
	"context"
	"net/http"
	"time"

	retryv4 "github.com/avast/retry-go/v4"
	"github.com/cenkalti/backoff/v4"
	"github.com/eapache/go-resiliency/retrier"
	"github.com/failsafe-go/failsafe-go/retrypolicy"
	grpcretry "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	"github.com/hashicorp/go-retryablehttp"
	"github.com/sethvargo/go-retry"
)

func op() error { return nil }

func Failsafe() {
	_ = retrypolicy.NewWithDefaults[any]()                                             // want `^retrypolicy.NewWithDefaults retries with no delay between attempts \(retrypolicy.NewWithDefaults, which waits no delay between attempts\): each failure is retried at once`
	_ = retrypolicy.NewBuilder[any]().WithMaxRetries(2).Build()                        // want `retrypolicy.Builder retries with no delay between attempts \(a retrypolicy builder with no WithDelay or WithBackoff`
	_ = retrypolicy.NewBuilder[any]().WithMaxRetries(2).WithDelay(time.Second).Build() // want `^retrypolicy.Builder waits a fixed delay with no jitter \(WithDelay\): clients that failed together retry together, in waves; add random jitter to the delay \(and let it grow\)$`
	_ = retrypolicy.NewBuilder[any]().WithMaxRetries(2).WithDelay(time.Second).WithJitter(100 * time.Millisecond).Build()
	_ = retrypolicy.NewBuilder[any]().WithBackoff(100*time.Millisecond, 5*time.Second).Build()
}

func Avast() {
	_ = retryv4.Do(op, retryv4.DelayType(retryv4.FixedDelay))                   // want `retry.Do waits a fixed delay with no jitter \(DelayType\(retry.FixedDelay\)\)`
	_ = retryv4.Do(op, retryv4.DelayType(retryv4.FixedDelay), retryv4.Delay(0)) // want `retry.Do retries with no delay between attempts \(Delay\(0\) with FixedDelay\)`
	_ = retryv4.Do(op, retryv4.Attempts(5))
	_ = retryv4.Do(op, retryv4.DelayType(retryv4.CombineDelay(retryv4.BackOffDelay, retryv4.RandomDelay)))
}

func Cenkalti() {
	_ = backoff.Retry(op, backoff.WithMaxRetries(&backoff.ZeroBackOff{}, 3))                  // want `backoff.Retry retries with no delay between attempts \(backoff.ZeroBackOff\)`
	_ = backoff.Retry(op, backoff.WithMaxRetries(backoff.NewConstantBackOff(time.Second), 3)) // want `backoff.Retry waits a fixed delay with no jitter \(backoff.NewConstantBackOff\)`
	_ = backoff.Retry(op, backoff.NewExponentialBackOff())
}

func Others(ctx context.Context) {
	_ = retry.Do(ctx, retry.WithMaxRetries(3, retry.NewConstant(time.Second)), func(ctx context.Context) error { return nil }) // want `retry.Do waits a fixed delay with no jitter \(retry.NewConstant\)`
	_ = retry.Do(ctx, retry.WithMaxRetries(3, retry.WithJitter(100*time.Millisecond, retry.NewConstant(time.Second))), func(ctx context.Context) error { return nil })
	_ = retrier.New(retrier.ConstantBackoff(3, 0), nil)                    // want `retrier.New retries with no delay between attempts \(retrier.ConstantBackoff\)`
	_ = retrier.New(retrier.ConstantBackoff(3, 100*time.Millisecond), nil) // want `retrier.New waits a fixed delay with no jitter`
	jittered := retrier.New(retrier.ConstantBackoff(3, 100*time.Millisecond), nil)
	jittered.SetJitter(0.25)
	_ = grpcretry.UnaryClientInterceptor(grpcretry.WithMax(3), grpcretry.WithBackoff(grpcretry.BackoffLinear(time.Second))) // want `retry.UnaryClientInterceptor waits a fixed delay with no jitter \(retry.BackoffLinear\)`
	_ = grpcretry.UnaryClientInterceptor(grpcretry.WithMax(3))
}

func Retryable() *retryablehttp.Client {
	c := retryablehttp.NewClient()
	c.Backoff = func(min, max time.Duration, n int, resp *http.Response) time.Duration { // want `retryablehttp.Client waits a fixed delay with no jitter \(a Backoff that returns 2s\)`
		return 2 * time.Second
	}
	d := retryablehttp.NewClient()
	d.RetryWaitMax = 0 // want `retryablehttp.Client retries with no delay between attempts \(RetryWaitMax: 0\)`
	e := retryablehttp.NewClient()
	e.Backoff = retryablehttp.LinearJitterBackoff
	return c
}
