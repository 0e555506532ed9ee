// Package retryhelp retries inside its functions: a fact tells callers.
package retryhelp

import (
	"context"
	"net/http"
	"os"

	"github.com/cenkalti/backoff/v4"
)

var client = &http.Client{}

// Fetch retries the request up to 4 times.
func Fetch(ctx context.Context) error {
	return backoff.Retry(func() error {
		req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("PRICES_URL"), nil)
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 3))
}

// Once does not retry.
func Once(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("PRICES_URL"), nil)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Do runs fn with up to attempts retries: a retry helper of the team.
func Do(ctx context.Context, attempts uint64, fn func(context.Context) error) error {
	return backoff.Retry(func() error { return fn(ctx) },
		backoff.WithContext(backoff.WithMaxRetries(backoff.NewExponentialBackOff(), attempts), ctx))
}
