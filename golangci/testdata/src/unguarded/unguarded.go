// Package unguarded calls through the team's wrapper and runs without the wrapper setting: the same call is unguarded.
package unguarded

import (
	"context"
	"net/http"
	"os"

	"example.com/platform/resilience"
)

func Quote(ctx context.Context) error {
	return resilience.Do(ctx, "quotes", func(ctx context.Context) error {
		req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("QUOTES_URL"), nil)
		resp, err := http.DefaultClient.Do(req) // want `no circuit breaker guards the HTTP service at env QUOTES_URL \(called in Quote\): .*with a circuit breaker$`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}
