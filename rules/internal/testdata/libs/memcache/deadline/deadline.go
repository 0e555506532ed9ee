// Package deadline holds ctxdeadline's cases for gomemcache. No call takes
// a context, and every one is bounded by the client's Timeout, whose zero
// value means DefaultTimeout (500ms): nothing here is reported.
package deadline

import (
	"context"
	"os"
	"time"

	"github.com/bradfitz/gomemcache/memcache"
)

func client() *memcache.Client { return memcache.New(os.Getenv("MEMCACHE_ADDR")) }

// Silent: the default client reads, writes and dials within 500ms.
func Default() {
	c := client()
	c.Get("session:1")
	c.Set(&memcache.Item{Key: "session:1", Value: []byte("x")})
}

// Trap: a zero Timeout looks like no timeout, but means DefaultTimeout.
func ZeroTimeout() {
	c := memcache.New("cache:11211")
	c.Timeout = 0
	c.GetMulti([]string{"a", "b"})
	c.Increment("hits", 1)
}

// Silent: a context without a deadline in scope does not reach the call,
// which the client's own Timeout bounds.
func WithBackground() error {
	ctx := context.Background()
	_ = ctx
	return client().Delete("session:1")
}

// Silent: an explicit Timeout.
func ExplicitTimeout() error {
	c := memcache.New("cache:11211")
	c.Timeout = 100 * time.Millisecond
	return c.Ping()
}
