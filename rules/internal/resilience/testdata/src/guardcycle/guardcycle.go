// Package guardcycle holds guarded and retried calls made through helpers
// that call each other, so that an answer cut at the first cycle met
// would depend on which helper was asked about first.
package guardcycle

import (
	"context"
	"net/http"
	"time"

	"github.com/cenkalti/backoff/v4"
	"github.com/sony/gobreaker"
)

var (
	cb     = gobreaker.NewCircuitBreaker(gobreaker.Settings{})
	twoCB  = gobreaker.NewTwoStepCircuitBreaker(gobreaker.Settings{})
	client = &http.Client{}
)

// ping and pong call each other and the dependency; Guarded is the only
// way in, under the breaker.
func ping(n int) error {
	if n > 0 {
		return pong(n - 1)
	}
	resp, err := client.Get("http://a:1/ping")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func pong(n int) error {
	resp, err := client.Get("http://a:1/pong")
	if err != nil {
		return err
	}
	resp.Body.Close()
	return ping(n)
}

// Guarded runs the cycle under the breaker.
func Guarded() error {
	_, err := cb.Execute(func() (interface{}, error) { return nil, ping(3) })
	return err
}

// apply hands fn on to itself before running it under the breaker.
func apply(n int, fn func() error) error {
	if n > 0 {
		return apply(n-1, fn)
	}
	_, err := cb.Execute(func() (interface{}, error) { return nil, fn() })
	return err
}

// Apply runs a call through apply.
func Apply() error {
	return apply(2, func() error {
		resp, err := client.Get("http://a:1/apply")
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// step and stride call each other; stride's call runs once the two-step
// breaker allowed it.
func step(n int) error {
	if n > 0 {
		return stride(n - 1)
	}
	return nil
}

func stride(n int) error {
	done, err := twoCB.Allow()
	if err != nil {
		return err
	}
	resp, err := client.Get("http://a:1/stride")
	done(err == nil)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return step(n)
}

// Stride enters the cycle.
func Stride() error { return step(2) }

// fetchAll and fetchOne call each other; fetchOne retries with a backoff
// library, so both retry.
func fetchAll(ctx context.Context, n int) error {
	if n > 0 {
		return fetchOne(ctx, n-1)
	}
	return nil
}

func fetchOne(ctx context.Context, n int) error {
	err := backoff.Retry(func() error {
		req, _ := http.NewRequestWithContext(ctx, "GET", "http://a:1/one", nil)
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, backoff.WithMaxRetries(backoff.NewExponentialBackOff(), 2))
	if err != nil {
		return err
	}
	return fetchAll(ctx, n)
}

// Refresh retries fetchAll in a loop: nested retries, through the cycle.
func Refresh(ctx context.Context) error {
	for i := 0; i < 3; i++ {
		if err := fetchAll(ctx, 2); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return nil
}
