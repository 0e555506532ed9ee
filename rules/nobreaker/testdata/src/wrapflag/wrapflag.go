// Package wrapflag calls through the team's wrapper, declared with
// -wrappers=breaker:example.com/platform/resilience.Do: guarded.
package wrapflag

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
