// Package redisotel instruments one go-redis v9 client after building it
// (silent) and leaves another bare (reported).
package redisotel

import (
	"context"
	"os"

	"github.com/redis/go-redis/extra/redisotel/v9"
	"github.com/redis/go-redis/v9"
)

type Store struct{ cache, sessions *redis.Client }

func New() (*Store, error) {
	s := &Store{}
	s.cache = redis.NewClient(&redis.Options{Addr: os.Getenv("CACHE_ADDR")})
	if err := redisotel.InstrumentTracing(s.cache); err != nil {
		return nil, err
	}
	s.sessions = redis.NewClient(&redis.Options{Addr: os.Getenv("SESSIONS_ADDR")}) // want `^Redis client for env SESSIONS_ADDR has no telemetry`
	return s, nil
}

func (s *Store) Get(ctx context.Context) (string, error) { return s.cache.Get(ctx, "k").Result() }

func (s *Store) Session(ctx context.Context) (string, error) {
	return s.sessions.Get(ctx, "k").Result()
}
