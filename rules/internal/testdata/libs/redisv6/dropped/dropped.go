// Package dropped holds ctxdeadline's dropped-context cases for go-redis
// v6: none. Its commands take no context, and the context a client is
// given with WithContext is never read by a command (redis.go:393-430 of
// v6.15.9: only Context() returns it), so there is no variant to name and
// a command with the caller's context in scope is not reported.
package dropped

import (
	"context"

	"github.com/go-redis/redis"
)

func Get(ctx context.Context, c *redis.Client, key string) (string, error) {
	return c.Get(key).Result()
}

func GetWith(ctx context.Context, c *redis.Client, key string) (string, error) {
	return c.WithContext(ctx).Get(key).Result()
}
