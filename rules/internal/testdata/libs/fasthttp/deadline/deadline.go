// Package deadline holds ctxdeadline's cases for fasthttp. No fasthttp
// call takes a context, so ctxdeadline has nothing to judge: every case is
// silent, the context in scope included. The calls are recorded (see the
// sites fixture); the package-level Get and Post on the zero client are
// left to a rule that judges calls with no context.
package deadline

import (
	"context"
	"time"

	"github.com/valyala/fasthttp"
)

// Silent: no context reaches the call, though one is in scope.
func Get(ctx context.Context) {
	fasthttp.Get(nil, "http://catalog:8080/items")
}

// Silent: the helper's context reaches no call, so it has no fact.
func helper(ctx context.Context, c *fasthttp.Client) {
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	defer fasthttp.ReleaseRequest(req)
	defer fasthttp.ReleaseResponse(resp)
	req.SetRequestURI("http://catalog:8080/items")
	c.Do(req, resp)
}

func Helper() {
	helper(context.Background(), &fasthttp.Client{})
}

// Silent: DoTimeout bounds the wait itself.
func Timeout() {
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	req.SetRequestURI("http://catalog:8080/items")
	fasthttp.DoTimeout(req, resp, time.Second)
}

// Trap, silent all the same: a client whose only timeouts bound the wait
// for a free connection and idle connections bounds no request; its Do is
// recorded with no bound.
func IdleOnly() {
	c := &fasthttp.Client{MaxConnWaitTimeout: time.Second, MaxIdleConnDuration: time.Minute}
	req, resp := fasthttp.AcquireRequest(), fasthttp.AcquireResponse()
	req.SetRequestURI("http://catalog:8080/items")
	c.Do(req, resp)
}
