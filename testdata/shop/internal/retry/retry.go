// Package retry runs operations again after transient failures, with capped
// exponential backoff and jitter and a bounded number of attempts.
package retry

import (
	"context"
	"time"

	"github.com/cenkalti/backoff/v4"
)

// Do calls op until it succeeds, returns an error wrapped by Permanent, ctx
// is done, or maxRetries retries have failed (maxRetries+1 attempts in all).
// Delays start at 100ms and double up to 2s, each randomised by ±50% so that
// clients that failed together do not retry together.
func Do(ctx context.Context, maxRetries uint64, op func(ctx context.Context) error) error {
	b := backoff.NewExponentialBackOff(
		backoff.WithInitialInterval(100*time.Millisecond),
		backoff.WithMultiplier(2),
		backoff.WithRandomizationFactor(0.5),
		backoff.WithMaxInterval(2*time.Second),
	)
	policy := backoff.WithContext(backoff.WithMaxRetries(b, maxRetries), ctx)
	return backoff.Retry(func() error { return op(ctx) }, policy)
}

// Permanent marks err as not worth retrying: Do returns it at once.
func Permanent(err error) error { return backoff.Permanent(err) }
