// Command catalog serves the product catalog over HTTP/JSON. Products live
// in Postgres and are cached in Redis.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	_ "github.com/lib/pq" // registers the "postgres" database/sql driver
	"github.com/redis/go-redis/v9"

	"example.com/shop/internal/platform"
)

func main() {
	log := platform.NewLogger("catalog")
	if err := run(log); err != nil {
		log.Error("catalog stopped", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	addr := flag.String("addr", ":8081", "HTTP listen address")
	dsn := flag.String("database-url", os.Getenv("DATABASE_URL"), "Postgres DSN (env DATABASE_URL)")
	redisAddr := flag.String("redis-addr", os.Getenv("REDIS_ADDR"), "Redis address (env REDIS_ADDR)")
	analyticsURL := flag.String("analytics-url", os.Getenv("ANALYTICS_URL"), "analytics collector URL, optional (env ANALYTICS_URL)")
	flag.Parse()
	if *dsn == "" || *redisAddr == "" {
		return errors.New("DATABASE_URL and REDIS_ADDR must be set")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	db, err := platform.OpenPostgres(*dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	// Fail fast when the database is unreachable; the orchestrator restarts
	// the instance with its own backoff.
	pingCtx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	err = db.PingContext(pingCtx)
	cancel()
	if err != nil {
		return fmt.Errorf("ping postgres: %w", err)
	}

	// Deliberate drift [drift]: MaxRetries is left at go-redis's default, 3
	// retries (4 attempts per command), where topology.cue declares one
	// attempt for catalog -> product-cache. The recommendations service
	// shows the fix: MaxRetries: -1 for a cache with a tight budget.
	cache := redis.NewClient(&redis.Options{
		Addr:                  *redisAddr,
		DialTimeout:           time.Second,
		ReadTimeout:           200 * time.Millisecond,
		WriteTimeout:          200 * time.Millisecond,
		ContextTimeoutEnabled: true,
	})
	defer cache.Close()

	h := &handler{
		log:       log,
		store:     &store{db: db, cache: instrumented(cache), log: log},
		analytics: newAnalyticsClient(*analyticsURL, log),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", h.healthz)
	mux.HandleFunc("GET /products", h.listProducts)
	mux.HandleFunc("GET /products/{id}", h.getProduct)

	log.Info("serving HTTP", "addr", *addr)
	// Deliberate mistake [servertimeout]: http.ListenAndServe runs a zero
	// http.Server: no ReadHeaderTimeout or ReadTimeout, so slow clients can
	// hold connections open indefinitely (and there is no graceful shutdown).
	return http.ListenAndServe(*addr, mux)
}
