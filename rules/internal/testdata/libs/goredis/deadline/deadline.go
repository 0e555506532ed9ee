// Package deadline holds ctxdeadline's cases for go-redis v9. Its socket
// timeouts bound a command by default (read 5s); with ReadTimeout -1 only
// the context can, and only when ContextTimeoutEnabled hands it to the
// socket. (ctxdeadline reads the options where the client is built, so
// each case builds its own.)
package deadline

import (
	"context"
	"os"
	"time"

	"github.com/redis/go-redis/v9"
)

// Hazard: no read timeout, and a context with no deadline.
func Hazard() {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), ReadTimeout: -1, ContextTimeoutEnabled: true})
	rdb.Get(context.Background(), "k") // want `context.Background\(\) reaches \(redis.cmdable\).Get with no deadline: the client's read timeout is disabled`
}

// Hazard: a cancellable context is no deadline (reported where the
// context is made).
func Cancel() {
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches \(redis.cmdable\).HGetAll with no deadline \(context.WithCancel adds none\)`
	defer cancel()
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), ReadTimeout: -1, ContextTimeoutEnabled: true})
	rdb.HGetAll(ctx, "h")
}

// Through a helper: the caller's context reaches the command.
func incr(ctx context.Context) { // want incr:"ctxdeadline\\(param0 → \\(redis.cmdable\\).Incr\\)"
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), ReadTimeout: -1, ContextTimeoutEnabled: true})
	rdb.Incr(ctx, "hits")
}

func Helper() {
	incr(context.TODO()) // want `context.TODO\(\) reaches deadline.incr → \(redis.cmdable\).Incr with no deadline`
}

// Safe: the same commands under context.WithTimeout.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), ReadTimeout: -1, ContextTimeoutEnabled: true})
	rdb.Get(ctx, "k")
	incr(ctx)
}

// Silent: the default client's read timeout bounds every command.
func Default() {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	rdb.Get(context.Background(), "k")
}

// Trap: dial and pool timeouts look like bounds, but neither bounds the
// read of a reply from a server that hangs.
func DialTimeoutOnly() {
	rdb := redis.NewClient(&redis.Options{
		Addr:                  "cache:6379",
		DialTimeout:           time.Second,
		PoolTimeout:           time.Second,
		ReadTimeout:           -1,
		ContextTimeoutEnabled: true,
	})
	rdb.Set(context.Background(), "k", "v", time.Minute) // want `context.Background\(\) reaches \(redis.cmdable\).Set with no deadline`
}

// Silent: without ContextTimeoutEnabled v9 does not hand the context to
// the socket, so a deadline would not bound the command either: this is
// not a missing deadline.
func ContextIgnored() {
	rdb := redis.NewClient(&redis.Options{Addr: "cache:6379", ReadTimeout: -1})
	rdb.Get(context.Background(), "k")
}
