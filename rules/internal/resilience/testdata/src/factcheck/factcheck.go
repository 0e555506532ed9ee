// Package factcheck holds functions whose resilience facts are checked.
package factcheck

import (
	"context"
	"net/http"
	"time"

	"github.com/cenkalti/backoff/v4"
	"github.com/failsafe-go/failsafe-go"
	"github.com/failsafe-go/failsafe-go/circuitbreaker"
	"github.com/failsafe-go/failsafe-go/retrypolicy"
	"github.com/sony/gobreaker"
)

var cb = gobreaker.NewCircuitBreaker(gobreaker.Settings{})

// Guard runs fn inside a breaker.
func Guard(fn func() error) error { // want Guard:`resilience\(param0=breaker\)`
	_, err := cb.Execute(func() (interface{}, error) { return nil, fn() })
	return err
}

// Both runs fn with retries inside a breaker, through a failsafe-go
// executor.
func Both(ctx context.Context, fn func() error) error { // want Both:`resilience\(param1=breaker\+retry\(4\)\)`
	rp := retrypolicy.NewBuilder[any]().WithMaxRetries(3).WithBackoff(time.Second, time.Minute).Build()
	return failsafe.With[any](rp, circuitbreaker.NewWithDefaults[any]()).Run(fn)
}

// Unprotected calls fn directly on one path.
func Unprotected(direct bool, fn func() error) error {
	if direct {
		return fn()
	}
	return Guard(fn)
}

var client = &http.Client{}

// Fetch retries an HTTP call with a backoff library, up to 3 attempts.
func Fetch(ctx context.Context) error { // want Fetch:`resilience\(retries\(3\)\)`
	return backoff.Retry(func() error {
		req, _ := http.NewRequestWithContext(ctx, "GET", "http://a:1/x", nil)
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 2))
}

// Loop retries by hand, 4 attempts, and waits.
func Loop(ctx context.Context) error { // want Loop:`resilience\(retries\(4\) sleeps\)`
	var err error
	for i := 0; i < 4; i++ {
		if err = Once(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Once calls once.
func Once(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://a:1/x", nil)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Calls reaches the retry loop through Loop.
func Calls(ctx context.Context) error { // want Calls:`resilience\(retries\(4\) sleeps\)`
	return Loop(ctx)
}
