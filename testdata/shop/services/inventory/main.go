// Command inventory is the gRPC service that holds stock for orders while
// they are paid for. Before holding stock it asks checkout to confirm that
// the order is still open, and a background reconciler releases stock held
// for orders that never completed.
package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	_ "github.com/lib/pq" // registers the "postgres" database/sql driver
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/shop/internal/platform"
	checkoutv1 "example.com/shop/proto/checkout/v1"
	inventoryv1 "example.com/shop/proto/inventory/v1"
)

func main() {
	log := platform.NewLogger("inventory")
	if err := run(log); err != nil {
		log.Error("inventory stopped", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	addr := flag.String("addr", ":9092", "gRPC listen address")
	dsn := flag.String("database-url", os.Getenv("DATABASE_URL"), "Postgres DSN (env DATABASE_URL)")
	checkoutAddr := flag.String("checkout-addr", os.Getenv("CHECKOUT_ADDR"), "checkout gRPC address (env CHECKOUT_ADDR)")
	every := flag.Duration("reconcile-every", time.Minute, "how often stale reservations are swept")
	flag.Parse()
	if *dsn == "" || *checkoutAddr == "" {
		return errors.New("DATABASE_URL and CHECKOUT_ADDR must be set")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	db, err := platform.OpenPostgres(*dsn)
	if err != nil {
		return err
	}
	defer db.Close()

	// Deliberate mistake [dialtimeout]: grpc.Dial with WithBlock and no
	// deadline blocks startup for as long as checkout is unreachable, so
	// while checkout is down no inventory instance can even start. Deliberate mistake [unobserved]: unlike clients.Dial, no stats handler: nothing records these calls.
	conn, err := grpc.Dial(*checkoutAddr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithBlock(),
	)
	if err != nil {
		return err
	}
	defer conn.Close()

	svc := &inventoryServer{log: log, db: db, checkout: checkoutv1.NewCheckoutServiceClient(conn)}
	rec := &reconciler{svc: svc, log: log, every: *every}
	done := make(chan struct{})
	go rec.run(done)
	defer close(done)

	srv := platform.NewGRPCServer()
	inventoryv1.RegisterInventoryServiceServer(srv, svc)
	return platform.ServeGRPC(ctx, log, *addr, srv)
}

// reconciler releases stock held for orders that will never be paid, for
// example because checkout crashed between reserving and charging.
type reconciler struct {
	svc   *inventoryServer
	log   *slog.Logger
	every time.Duration
}

func (r *reconciler) run(done <-chan struct{}) {
	// Deliberate mistake [ctxdeadline]: the sweep runs on
	// context.Background(), and nothing derives a deadline on the way to the
	// ConfirmReservation call two calls down (sweep -> orderPending): one
	// hung checkout call stalls reconciliation for good.
	ctx := context.Background()
	t := time.NewTicker(r.every)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
			if err := r.sweep(ctx); err != nil {
				r.log.Error("reconcile reservations", "err", err)
			}
		}
	}
}

// sweep releases held reservations older than 15 minutes whose order is no
// longer pending.
func (r *reconciler) sweep(ctx context.Context) error {
	stale, err := r.svc.staleReservations(ctx)
	if err != nil {
		return err
	}
	for _, res := range stale {
		pending, err := r.svc.orderPending(ctx, res.orderID)
		if err != nil {
			r.log.Warn("cannot confirm order", "order", res.orderID, "err", err)
			continue
		}
		if pending {
			continue
		}
		if err := r.svc.release(ctx, res.id); err != nil {
			r.log.Error("release stale reservation", "reservation", res.id, "err", err)
		}
	}
	return nil
}
