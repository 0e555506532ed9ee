// Package deps holds helpers of another package of the same module: the
// facts faultline keeps carry what they reach to the handlers that use
// them.
package deps

import (
	"context"
	"database/sql"
	"net/http"
	"sync/atomic"

	"github.com/redis/go-redis/v9"
)

// HealthPath is a health path declared in another package.
const HealthPath = "/healthz"

// PingRedis reaches Redis.
func PingRedis(ctx context.Context, c *redis.Client) error {
	return c.Ping(ctx).Err()
}

// Checker is a handler type of another package that queries the database.
type Checker struct{ DB *sql.DB }

func (c *Checker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := c.DB.PingContext(r.Context()); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}

// Live is a shallow handler of another package.
func Live(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }

// Status is a cached status that a poller of another package updates.
type Status struct{ up atomic.Bool }

// OK reads the cached status.
func (s *Status) OK() bool { return s.up.Load() }

// Poll refreshes the status from the database; it runs in the background.
func (s *Status) Poll(ctx context.Context, db *sql.DB) {
	for ctx.Err() == nil {
		s.up.Store(db.PingContext(ctx) == nil)
	}
}

// NewReady starts a poller and returns a handler that reads its result.
func NewReady(ctx context.Context, db *sql.DB) http.HandlerFunc {
	var up atomic.Bool
	go func() {
		for ctx.Err() == nil {
			up.Store(db.PingContext(ctx) == nil)
		}
	}()
	return func(w http.ResponseWriter, r *http.Request) {
		if !up.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}
}
