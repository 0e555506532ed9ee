// Package deadline holds ctxdeadline's cases for go-redis v6, whose
// commands take no context: the client's socket timeouts bound them (read
// 3s by default), and ctxdeadline does not judge them.
package deadline

import (
	"context"
	"os"
	"time"

	"github.com/go-redis/redis"
)

func client() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
}

// Silent: the default client's read timeout (3s) bounds the command.
func Default() {
	client().Get("k")
	client().Set("k", "v", time.Minute)
}

// Trap: WithContext looks like it bounds the command, but v6 never hands
// the context to the socket; the command is bounded by the read timeout
// all the same, and ctxdeadline stays silent either way.
func WithContext() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	client().WithContext(ctx).Get("k")
	client().WithContext(context.Background()).Incr("hits")
}

// Silent: ReadTimeout -1 disables the read timeout, but the call takes no
// context: not ctxdeadline's to judge (a rule for context-less calls is).
func NoReadTimeout() {
	c := redis.NewClient(&redis.Options{Addr: "cache:6379", ReadTimeout: -1})
	c.Get("k")
}

// Silent: a blocking command is bounded by its own timeout argument.
func Blocking() {
	client().BLPop(5*time.Second, "jobs")
}

// Silent: a pipeline and a subscription.
func Pipeline() {
	client().Pipelined(func(p redis.Pipeliner) error {
		p.Incr("a")
		return nil
	})
	sub := client().Subscribe("events")
	sub.ReceiveMessage()
}
