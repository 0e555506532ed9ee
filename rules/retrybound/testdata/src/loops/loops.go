// Package loops holds hand-written retry loops.
package loops

import (
	"context"
	"errors"
	"net/http"
	"time"
)

var client = &http.Client{Timeout: time.Second}

func get(ctx context.Context) (*http.Response, error) {
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://inventory:8080/stock", nil)
	return client.Do(req)
}

// Forever only stops on success.
func Forever(ctx context.Context) *http.Response {
	for { // want `^the retry loop around loops.get has no attempt limit and no deadline: while the dependency is down it retries forever and holds the caller and its resources; count the attempts or stop at a deadline \(ctx.Done, time.Since\)$`
		resp, err := get(ctx)
		if err == nil {
			return resp
		}
		time.Sleep(time.Second)
	}
}

// NeverIncremented compares a counter that the loop never increments.
func NeverIncremented(ctx context.Context) error {
	attempts := 0
	for attempts < 3 { // want `retry loop around loops.get has no attempt limit`
		_, err := get(ctx)
		if err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("unreachable")
}

// Counted stops after three attempts.
func Counted(ctx context.Context) (*http.Response, error) {
	var err error
	for i := 0; i < 3; i++ {
		var resp *http.Response
		resp, err = get(ctx)
		if err == nil {
			return resp, nil
		}
		time.Sleep(time.Duration(i+1) * time.Second)
	}
	return nil, err
}

// CountedInside increments a counter and gives up inside the body.
func CountedInside(ctx context.Context) error {
	attempt := 0
	for {
		_, err := get(ctx)
		if err == nil {
			return nil
		}
		attempt++
		if attempt >= 5 {
			return err
		}
		time.Sleep(time.Second)
	}
}

// Deadline stops when the clock passes a deadline.
func Deadline(ctx context.Context) error {
	start := time.Now()
	for {
		_, err := get(ctx)
		if err == nil {
			return nil
		}
		if time.Since(start) > 30*time.Second {
			return err
		}
		time.Sleep(time.Second)
	}
}

// Context stops when the context is done.
func Context(ctx context.Context) error {
	for {
		_, err := get(ctx)
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
}

// Replicas tries each replica once: a loop over alternatives, not a retry.
func Replicas(ctx context.Context, urls []string) error {
	for _, u := range urls {
		req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
		if _, err := client.Do(req); err == nil {
			return nil
		}
	}
	return errors.New("all replicas failed")
}

// Items stops at the first error: not a retry.
func Items(ctx context.Context, n int) error {
	for {
		if _, err := get(ctx); err != nil {
			return err
		}
	}
}

// Poller stops on a condition faultline does not follow: silent.
type Poller struct{ stopped bool }

func (p *Poller) Run(ctx context.Context) {
	for {
		if _, err := get(ctx); err == nil {
			return
		}
		if p.stopped {
			return
		}
		time.Sleep(time.Second)
	}
}

// Consume fetches, handles and commits: a work loop, not a retry, even
// though a failed handle goes round again.
func Consume(ctx context.Context, fetch func(context.Context) (string, error)) error {
	for {
		item, err := fetch(ctx)
		if err != nil {
			return err
		}
		if err := handle(ctx, item); err != nil {
			continue
		}
		if _, err := get(ctx); err != nil {
			return err
		}
	}
}

func handle(ctx context.Context, item string) error {
	req, _ := http.NewRequestWithContext(ctx, "POST", "http://orders:8080/"+item, nil)
	_, err := client.Do(req)
	return err
}
