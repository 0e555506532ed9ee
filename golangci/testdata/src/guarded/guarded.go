// Package guarded calls through the team's wrapper and runs with wrappers: [breaker:example.com/platform/resilience.Do]: the wrapper guards the call, silent.
package guarded

import (
	"context"
	"net/http"
	"os"

	"example.com/platform/resilience"
)

func Quote(ctx context.Context) error {
	return resilience.Do(ctx, "quotes", func(ctx context.Context) error {
		req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("QUOTES_URL"), nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}
