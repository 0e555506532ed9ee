// Package redisobs builds go-redis clients instrumented after
// construction (redisotel), in a helper, and one left bare.
package redisobs

import (
	"context"
	"os"

	"github.com/redis/go-redis/extra/redisotel/v9"
	"github.com/redis/go-redis/v9"
)

type Store struct {
	cache *redis.Client
	recs  *redis.Client
	bare  *redis.Client
}

// instrument instruments what it is given.
func instrument(rdb *redis.Client) *redis.Client {
	if err := redisotel.InstrumentTracing(rdb); err != nil {
		panic(err)
	}
	return rdb
}

func New() *Store {
	cache := redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR")})
	_ = redisotel.InstrumentMetrics(cache)
	s := &Store{cache: cache}
	s.recs = instrument(redis.NewClient(&redis.Options{Addr: os.Getenv("RECS_ADDR")}))
	s.bare = redis.NewClient(&redis.Options{Addr: os.Getenv("SESSIONS_ADDR")}) // want `^Redis client for env SESSIONS_ADDR has no telemetry .*redisotel.InstrumentTracing`
	return s
}

func (s *Store) Get(ctx context.Context) (string, error) {
	return s.cache.Get(ctx, "k").Result()
}

func (s *Store) Recs(ctx context.Context) (string, error) {
	return s.recs.Get(ctx, "k").Result()
}

func (s *Store) Session(ctx context.Context) (string, error) {
	return s.bare.Get(ctx, "k").Result()
}
