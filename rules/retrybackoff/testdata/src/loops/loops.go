// Package loops holds hand-written retry loops and their waits.
package loops

import (
	"context"
	"math/rand"
	"net/http"
	"sleeputil"
	"time"

	"github.com/cenkalti/backoff/v4"
)

var client = &http.Client{Timeout: time.Second}

func get(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://inventory:8080/stock", nil)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func NoDelay(ctx context.Context) error {
	var err error
	for i := 0; i < 3; i++ { // want `^the retry loop around loops.get retries with no delay between attempts: each failure is retried at once, which multiplies the load on a struggling dependency; wait between attempts with exponential backoff and jitter$`
		if err = get(ctx); err == nil {
			return nil
		}
	}
	return err
}

func ZeroSleep(ctx context.Context) error {
	var err error
	for i := 0; i < 3; i++ { // want `retries with no delay between attempts`
		if err = get(ctx); err == nil {
			return nil
		}
		time.Sleep(0)
	}
	return err
}

func Fixed(ctx context.Context) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = get(ctx); err == nil {
			return nil
		}
		time.Sleep(500 * time.Millisecond) // want `^the retry loop around loops.get waits a fixed delay with no jitter: clients that failed together retry together, in waves; add random jitter to the delay \(and let it grow\)$`
	}
	return err
}

// JitterNotAdded computes jitter and sleeps the base delay.
func JitterNotAdded(ctx context.Context) error {
	base := 200 * time.Millisecond
	var err error
	for i := 0; i < 3; i++ {
		if err = get(ctx); err == nil {
			return nil
		}
		jitter := time.Duration(rand.Int63n(int64(base)))
		_ = jitter
		time.Sleep(base) // want `waits a fixed delay: the random jitter it computes is not added to the delay`
	}
	return err
}

// Unslept computes a backoff and forgets to wait for it.
func Unslept(ctx context.Context) error {
	b := backoff.NewExponentialBackOff()
	var err error
	for i := 0; i < 5; i++ { // want `retries with no delay between attempts: the backoff it computes is never slept`
		if err = get(ctx); err == nil {
			return nil
		}
		_ = b.NextBackOff()
	}
	return err
}

// Doubled doubles a delay it never waits for.
func Doubled(ctx context.Context) error {
	delay := 100 * time.Millisecond
	var err error
	for i := 0; i < 5; i++ { // want `the backoff it computes is never slept`
		if err = get(ctx); err == nil {
			return nil
		}
		delay *= 2
	}
	return err
}

func Exponential(ctx context.Context) error {
	delay := 100 * time.Millisecond
	var err error
	for i := 0; i < 5; i++ {
		if err = get(ctx); err == nil {
			return nil
		}
		time.Sleep(delay + time.Duration(rand.Int63n(int64(delay))))
		delay *= 2
	}
	return err
}

func Jittered(ctx context.Context) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = get(ctx); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second + time.Duration(rand.Intn(500))*time.Millisecond):
		}
	}
	return err
}

func Library(ctx context.Context) error {
	b := backoff.NewExponentialBackOff()
	var err error
	for i := 0; i < 5; i++ {
		if err = get(ctx); err == nil {
			return nil
		}
		time.Sleep(b.NextBackOff())
	}
	return err
}

func wait(attempt int) { time.Sleep(time.Duration(attempt) * time.Second) }

func Helper(ctx context.Context) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = get(ctx); err == nil {
			return nil
		}
		wait(i)
	}
	return err
}

func OtherPackage(ctx context.Context) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = get(ctx); err == nil {
			return nil
		}
		sleeputil.Backoff(i)
	}
	return err
}

func Ticker(ctx context.Context) error {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	var err error
	for i := 0; i < 3; i++ {
		if err = get(ctx); err == nil {
			return nil
		}
		<-t.C // want `waits a fixed delay with no jitter`
	}
	return err
}

// Configured waits a delay from configuration: faultline cannot tell.
func Configured(ctx context.Context, d time.Duration) error {
	var err error
	for i := 0; i < 3; i++ {
		if err = get(ctx); err == nil {
			return nil
		}
		time.Sleep(d)
	}
	return err
}

// Status retries a 5xx answer at once.
func Status(ctx context.Context) error {
	for i := 0; i < 3; i++ { // want `^the retry loop around \(\*http.Client\).Do retries with no delay between attempts`
		req, _ := http.NewRequestWithContext(ctx, "GET", "http://inventory:8080/stock", nil)
		resp, err := client.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp.Body.Close()
		}
	}
	return nil
}

type operation struct{ Done bool }

func poll(ctx context.Context) (*operation, error) {
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://builds:8080/op/1", nil)
	_, err := client.Do(req)
	return &operation{}, err
}

// Poll waits for an operation to finish: success goes round again too, so
// it is polling, not a retry.
func Poll(ctx context.Context) error {
	for {
		op, err := poll(ctx)
		if err != nil {
			continue
		}
		if op.Done {
			return nil
		}
		time.Sleep(2 * time.Second)
	}
}

// WaitFirst waits at the top of every attempt but the first.
func WaitFirst(ctx context.Context) error {
	var err error
	for attempt := range 3 {
		if attempt > 0 {
			delay := time.Duration(50<<attempt)*time.Millisecond + time.Duration(rand.Int63n(50))*time.Millisecond
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(delay):
			}
		}
		if err = get(ctx); err == nil {
			return nil
		}
	}
	return err
}
