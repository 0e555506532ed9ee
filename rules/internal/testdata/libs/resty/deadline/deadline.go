// Package deadline holds ctxdeadline's cases for resty v2: the context a
// request is given with SetContext bounds it, unless the client has a
// timeout of its own.
package deadline

import (
	"context"
	"net/http"
	"time"

	"github.com/go-resty/resty/v2"
)

// Hazard: a request whose context has no deadline, on a client with no
// timeout (resty.New builds an http.Client with none).
func Hazard() {
	resty.New().R().SetContext(context.Background()).Get("http://users:8080/users/1") // want `context.Background\(\) reaches \(\*resty.Request\).Get with no deadline: nothing else bounds the request`
}

// Hazard: the same through a client kept in a variable, and Execute.
func Execute() {
	c := resty.New().SetBaseURL("http://users:8080")
	c.R().SetHeader("Accept", "application/json").SetContext(context.TODO()).Execute(resty.MethodPost, "/users") // want `context.TODO\(\) reaches \(\*resty.Request\).Execute with no deadline`
}

// Through a helper: the caller's context reaches the request.
func fetch(ctx context.Context, c *resty.Client) error { // want fetch:"ctxdeadline\\(param0 → \\(\\*resty.Request\\).Get\\)"
	_, err := c.R().SetContext(ctx).Get("http://users:8080/users/1")
	return err
}

func Helper() {
	fetch(context.Background(), resty.New()) // want `context.Background\(\) reaches deadline.fetch → \(\*resty.Request\).Get with no deadline`
}

// Safe: the same under context.WithTimeout.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	resty.New().R().SetContext(ctx).Get("http://users:8080/users/1")
	fetch(ctx, resty.New())
}

// Silent: a client with a timeout bounds every request it sends.
func ClientTimeout() {
	resty.New().SetTimeout(5 * time.Second).R().SetContext(context.Background()).Get("http://users:8080/users/1")
}

// Silent: the same, with the timeout set on its own line.
func ClientTimeoutSetLater() {
	c := resty.New()
	c.SetTimeout(5 * time.Second)
	c.R().SetContext(context.Background()).Delete("http://users:8080/users/1")
}

// Silent: a client built on an http.Client the caller gives is bounded by
// that client's Timeout, which faultline does not read.
func WithHTTPClient() {
	c := resty.NewWithClient(&http.Client{Timeout: 5 * time.Second})
	c.R().SetContext(context.Background()).Get("http://users:8080/users/1")
}

// Silent: a request with no SetContext runs under context.Background();
// it is recorded, not judged.
func NoContext() {
	resty.New().R().Get("http://users:8080/users/1")
}

// Trap: retries and their waits bound nothing, and neither does the dial
// timeout of resty's default transport (30s).
func Retries() {
	c := resty.New().SetRetryCount(3).SetRetryWaitTime(100 * time.Millisecond).SetRetryMaxWaitTime(time.Second)
	c.R().SetContext(context.Background()).Put("http://users:8080/users/1") // want `context.Background\(\) reaches \(\*resty.Request\).Put with no deadline`
}
