// Package mixed guards one call site of a dependency and not the others:
// the unguarded ones are reported at the call.
package mixed

import (
	"context"
	"net/http"
	"os"

	"github.com/eapache/go-resiliency/breaker"
)

var (
	br     = breaker.New(3, 1, 0)
	client = &http.Client{}
)

func newReq(ctx context.Context, path string) *http.Request {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("INVENTORY_URL")+path, nil)
	return req
}

func Stock(ctx context.Context) error {
	return br.Run(func() error {
		req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("INVENTORY_URL")+"/stock", nil)
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

func Reserve(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "POST", os.Getenv("INVENTORY_URL")+"/reserve", nil)
	resp, err := client.Do(req) // want `^this call to the HTTP service at env INVENTORY_URL in Reserve bypasses the circuit breaker that guards its calls in Stock: while it fails, this path keeps waiting on it and adding load; send the call through the same breaker$`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
