// Package httpplain calls an HTTP API through a client with a timeout but
// no breaker: one finding, at the client.
package httpplain

import (
	"context"
	"net/http"
	"os"
	"time"
)

var client = &http.Client{Timeout: 2 * time.Second} // want `^no circuit breaker guards the HTTP service at env STRIPE_URL \(called in Charge, Refund\)`

func Charge(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, "POST", os.Getenv("STRIPE_URL")+"/v1/charges", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Refund(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, "POST", os.Getenv("STRIPE_URL")+"/v1/refunds", nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Status uses the default client: the finding is at its first call.
func Status() error {
	resp, err := http.Get("https://status.example.com/api/v2/status.json") // want `no circuit breaker guards the HTTP service at host status.example.com \(called in Status\)`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
