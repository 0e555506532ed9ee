// Command recommendations is the gRPC service that suggests products
// related to the one being viewed. Suggestions are precomputed offline into
// Redis sorted sets; this service only reads them.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"

	"example.com/shop/internal/platform"
	recommendationsv1 "example.com/shop/proto/recommendations/v1"
)

func main() {
	log := platform.NewLogger("recommendations")
	if err := run(log); err != nil {
		log.Error("recommendations stopped", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	addr := flag.String("addr", ":9093", "gRPC listen address")
	redisAddr := flag.String("redis-addr", os.Getenv("REDIS_ADDR"), "Redis address (env REDIS_ADDR)")
	flag.Parse()
	if *redisAddr == "" {
		return errors.New("REDIS_ADDR must be set")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	rdb := redis.NewClient(&redis.Options{
		Addr:                  *redisAddr,
		DialTimeout:           time.Second,
		ReadTimeout:           100 * time.Millisecond,
		WriteTimeout:          100 * time.Millisecond,
		PoolTimeout:           200 * time.Millisecond,
		ContextTimeoutEnabled: true,
		MaxRetries:            -1, // a 100ms budget leaves no room for client retries
	})
	defer rdb.Close()
	svc := &recsServer{log: log, rdb: instrumented(rdb)}

	// Deliberate mistake [retrybound]: the warm-up retries until Redis
	// answers, with no attempt limit and no ctx.Done check, so a pod stuck
	// here ignores SIGTERM; the fixed 2s sleep has no jitter either
	// (retrybackoff), so all replicas retry in lockstep.
	for {
		err := svc.loadPopular(ctx)
		if err == nil {
			break
		}
		log.Warn("warm-up failed, retrying", "err", err)
		time.Sleep(2 * time.Second)
	}

	srv := platform.NewGRPCServer()
	recommendationsv1.RegisterRecommendationsServiceServer(srv, svc)
	return platform.ServeGRPC(ctx, log, *addr, srv)
}

// redisTimeout bounds each Redis read.
const redisTimeout = 100 * time.Millisecond

type recsServer struct {
	recommendationsv1.UnimplementedRecommendationsServiceServer

	log     *slog.Logger
	rdb     *redis.Client
	popular atomic.Pointer[[]string] // best sellers, the answer when a product has no suggestions
}

func (s *recsServer) ListRecommendations(ctx context.Context, req *recommendationsv1.ListRecommendationsRequest) (*recommendationsv1.ListRecommendationsResponse, error) {
	limit := int64(req.GetLimit())
	if limit <= 0 || limit > 20 {
		limit = 8
	}
	ctx, cancel := context.WithTimeout(ctx, redisTimeout)
	defer cancel()
	ids, err := s.rdb.ZRevRange(ctx, "recs:product:"+req.GetProductId(), 0, limit-1).Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		s.log.Warn("read recommendations", "product", req.GetProductId(), "err", err)
		ids = nil
	}
	if len(ids) == 0 {
		if p := s.popular.Load(); p != nil {
			ids = (*p)[:min(int(limit), len(*p))]
		}
	}
	return &recommendationsv1.ListRecommendationsResponse{ProductIds: ids}, nil
}

// loadPopular reads the site-wide best sellers.
func (s *recsServer) loadPopular(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, redisTimeout)
	defer cancel()
	ids, err := s.rdb.ZRevRange(ctx, "recs:popular", 0, 49).Result()
	if err != nil {
		return fmt.Errorf("load popular products: %w", err)
	}
	s.popular.Store(&ids)
	return nil
}
