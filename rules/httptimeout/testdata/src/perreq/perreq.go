// Package perreq bounds requests one at a time: a context deadline given
// with NewRequestWithContext, WithContext or Clone counts, as a client's
// Timeout does; the finding says what is missing.
package perreq

import (
	"context"
	"net/http"
	"time"
)

var untimed = &http.Client{}

// Hazard: neither the client nor the request is bounded: the message says
// both.
func neither(u string) {
	c := &http.Client{}
	req, _ := http.NewRequest("GET", u, nil)
	c.Do(req) // want `\(\*http.Client\).Do on an http.Client with no Timeout, of a request built without a context, can wait forever: a slow or stalled server blocks the caller; set the client's Timeout or give the request a context deadline`
}

// Safe: a deadline in NewRequestWithContext.
func withContext(u string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	untimed.Do(req)
}

// Safe: req = req.WithContext(ctx) with a deadline.
func rebound(u string) {
	req, _ := http.NewRequest("GET", u, nil)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req = req.WithContext(ctx)
	untimed.Do(req)
}

// Safe: req.Clone(ctx) with a deadline.
func cloned(u string) {
	req, _ := http.NewRequest("GET", u, nil)
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Second))
	defer cancel()
	untimed.Do(req.Clone(ctx))
}

// Safe: a deadline added in a helper.
func bound(req *http.Request) (*http.Request, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(req.Context(), time.Second)
	return req.WithContext(ctx), cancel
}

func helper(u string) {
	req, _ := http.NewRequest("GET", u, nil)
	req, cancel := bound(req)
	defer cancel()
	untimed.Do(req)
}

// Safe: a client-wide Timeout bounds a request built without a context.
func clientWide(u string) {
	c := &http.Client{Timeout: 5 * time.Second}
	req, _ := http.NewRequest("GET", u, nil)
	c.Do(req)
}

// Trap: the deadline is given to a copy that is not sent.
func trapCopy(u string) {
	req, _ := http.NewRequest("GET", u, nil)
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = req.WithContext(ctx)
	c := &http.Client{}
	c.Do(req) // want `\(\*http.Client\).Do on an http.Client with no Timeout, of a request built without a context`
}

// Trap: WithContext with a context that has no deadline is ctxdeadline's
// (it reports at context.Background()).
func trapNoDeadline(u string) {
	req, _ := http.NewRequest("GET", u, nil)
	untimed.Do(req.WithContext(context.Background()))
}
