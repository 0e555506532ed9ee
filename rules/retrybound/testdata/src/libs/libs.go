// Package libs configures retry libraries.
package libs

import (
	"context"
	"time"

	retryv4 "github.com/avast/retry-go/v4"
	retryv5 "github.com/avast/retry-go/v5"
	"github.com/cenkalti/backoff/v4"
	backoffv5 "github.com/cenkalti/backoff/v5"
	"github.com/eapache/go-resiliency/retrier"
	"github.com/failsafe-go/failsafe-go/retrypolicy"
	"github.com/sethvargo/go-retry"
)

func op() error { return nil }

func Avast(ctx context.Context) {
	_ = retryv4.Do(op, retryv4.Attempts(0))      // want `^retry.Do retries forever \(Attempts\(0\)\): while the dependency is down every caller keeps retrying and never gives up; set an attempt limit or a deadline$`
	_ = retryv4.Do(op, retryv4.UntilSucceeded()) // want `retry.Do retries forever \(UntilSucceeded\(\)\)`
	_ = retryv4.Do(op, retryv4.UntilSucceeded(), retryv4.Context(ctx))
	_ = retryv4.Do(op)
	r := retryv5.New(retryv5.Attempts(0)) // want `retry.New retries forever \(Attempts\(0\)\)`
	_ = r.Do(op)
}

func Cenkalti(ctx context.Context) {
	_ = backoff.Retry(op, backoff.NewConstantBackOff(time.Second))                      // want `backoff.Retry retries forever \(a ConstantBackOff with no WithMaxRetries\)`
	_ = backoff.Retry(op, &backoff.ZeroBackOff{})                                       // want `backoff.Retry retries forever \(a ZeroBackOff with no WithMaxRetries\)`
	_ = backoff.Retry(op, backoff.NewExponentialBackOff(backoff.WithMaxElapsedTime(0))) // want `backoff.Retry retries forever \(an ExponentialBackOff with MaxElapsedTime 0\)`
	b := backoff.NewExponentialBackOff()
	b.MaxElapsedTime = 0
	_ = backoff.Retry(op, b) // want `backoff.Retry retries forever \(an ExponentialBackOff with MaxElapsedTime 0\)`
	_ = backoff.Retry(op, backoff.WithMaxRetries(backoff.NewConstantBackOff(time.Second), 5))
	_ = backoff.Retry(op, backoff.NewExponentialBackOff())
	_ = backoff.Retry(op, backoff.WithContext(backoff.NewConstantBackOff(time.Second), ctx))
	_, _ = backoffv5.Retry(context.Background(), func() (int, error) { return 0, nil }, backoffv5.WithMaxElapsedTime(0)) // want `backoff.Retry retries forever \(WithMaxElapsedTime\(0\) with no WithMaxTries and a context that never ends\)`
	_, _ = backoffv5.Retry(ctx, func() (int, error) { return 0, nil }, backoffv5.WithMaxElapsedTime(0))
}

func Others(ctx context.Context) {
	_ = retrier.New(retrier.ExponentialBackoff(5, 10*time.Millisecond), nil).WithInfiniteRetry()       // want `\(\*retrier.Retrier\).WithInfiniteRetry retries forever \(WithInfiniteRetry\(\)\)`
	_ = retrypolicy.NewBuilder[any]().WithMaxRetries(-1).WithBackoff(time.Second, time.Minute).Build() // want `retrypolicy.Builder retries forever \(WithMaxRetries\(-1\) with no WithMaxDuration\)`
	_ = retrypolicy.NewBuilder[any]().WithMaxRetries(-1).WithMaxDuration(time.Minute).Build()
	_ = retry.Do(context.Background(), retry.NewExponential(time.Second), func(ctx context.Context) error { return nil }) // want `retry.Do retries forever \(retry.NewExponential with no WithMaxRetries or WithMaxDuration\)`
	_ = retry.Do(context.Background(), retry.WithMaxRetries(3, retry.NewExponential(time.Second)), func(ctx context.Context) error { return nil })
	_ = retry.Do(ctx, retry.NewExponential(time.Second), func(ctx context.Context) error { return nil })
}
