// Package deadline8 holds ctxdeadline's cases for go-redis v8, which bounds
// each read by the earlier of the context's deadline and ReadTimeout (3s
// by default; -1 for none).
package deadline8

import (
	"context"
	"os"
	"time"

	"github.com/go-redis/redis/v8"
)

func Hazard() {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), ReadTimeout: -1})
	rdb.Get(context.Background(), "k") // want `context.Background\(\) reaches \(redis.cmdable\).Get with no deadline: the client's read timeout is disabled`
}

func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR"), ReadTimeout: -1})
	rdb.Get(ctx, "k")
}

// Silent: the default read timeout.
func Default() {
	redis.NewClient(&redis.Options{Addr: "cache:6379"}).Get(context.Background(), "k")
}

// Trap: a dial timeout bounds connecting only.
func DialTimeoutOnly() {
	rdb := redis.NewClient(&redis.Options{Addr: "cache:6379", DialTimeout: time.Second, ReadTimeout: -1})
	rdb.Del(context.Background(), "k") // want `context.Background\(\) reaches \(redis.cmdable\).Del with no deadline`
}
