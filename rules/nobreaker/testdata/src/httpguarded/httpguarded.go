// Package httpguarded guards HTTP calls with a failsafehttp RoundTripper
// holding a circuit breaker, assigned in the literal or later.
package httpguarded

import (
	"context"
	"net/http"
	"os"
	"time"

	"github.com/failsafe-go/failsafe-go"
	"github.com/failsafe-go/failsafe-go/circuitbreaker"
	"github.com/failsafe-go/failsafe-go/failsafehttp"
	"github.com/failsafe-go/failsafe-go/retrypolicy"
)

var cb = circuitbreaker.NewBuilder[*http.Response]().WithFailureThreshold(5).Build()

var client = &http.Client{
	Timeout:   2 * time.Second,
	Transport: failsafehttp.NewRoundTripper(http.DefaultTransport, cb),
}

func Charge(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "POST", os.Getenv("STRIPE_URL")+"/v1/charges", nil)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func newLater() *http.Client {
	c := &http.Client{Timeout: time.Second}
	rp := retrypolicy.NewBuilder[*http.Response]().WithMaxRetries(2).WithBackoff(time.Second, 10*time.Second).Build()
	c.Transport = failsafehttp.NewRoundTripper(nil, rp, circuitbreaker.NewWithDefaults[*http.Response]())
	return c
}

func Ship(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "POST", os.Getenv("SHIPPING_URL")+"/ship", nil)
	resp, err := newLater().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Executor guards the call with a failsafe-go executor holding a breaker.
func Executor(ctx context.Context) error {
	exec := failsafe.With[*http.Response](circuitbreaker.NewWithDefaults[*http.Response]())
	_, err := exec.Get(func() (*http.Response, error) {
		req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("STOCK_URL"), nil)
		return http.DefaultClient.Do(req)
	})
	return err
}
