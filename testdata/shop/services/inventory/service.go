package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"log/slog"
	mrand "math/rand/v2"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	checkoutv1 "example.com/shop/proto/checkout/v1"
	inventoryv1 "example.com/shop/proto/inventory/v1"
)

// dbTimeout bounds each transaction against the shop database.
const dbTimeout = 300 * time.Millisecond

type inventoryServer struct {
	inventoryv1.UnimplementedInventoryServiceServer

	log      *slog.Logger
	db       *sql.DB
	checkout checkoutv1.CheckoutServiceClient
}

func (s *inventoryServer) ReserveStock(ctx context.Context, req *inventoryv1.ReserveStockRequest) (*inventoryv1.ReserveStockResponse, error) {
	// Checkout is waiting on this call while we call it back: a synchronous
	// cycle (see topology.cue). The confirmation gets 750ms in all.
	confirmCtx, cancel := context.WithTimeout(ctx, 750*time.Millisecond)
	pending, err := s.orderPending(confirmCtx, req.GetOrderId())
	cancel()
	if err != nil {
		return nil, status.Errorf(codes.Unavailable, "confirm order: %v", err)
	}
	if !pending {
		return nil, status.Error(codes.FailedPrecondition, "order is not pending")
	}

	ctx, cancel = context.WithTimeout(ctx, dbTimeout)
	defer cancel()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, status.Errorf(codes.Unavailable, "begin: %v", err)
	}
	defer tx.Rollback()
	id := rand.Text()
	if _, err := tx.ExecContext(ctx, `INSERT INTO reservations (id, order_id, state, created_at) VALUES ($1, $2, 'held', now())`, id, req.GetOrderId()); err != nil {
		return nil, status.Errorf(codes.Unavailable, "insert reservation: %v", err)
	}
	for _, it := range req.GetItems() {
		res, err := tx.ExecContext(ctx, `UPDATE stock SET available = available - $2 WHERE product_id = $1 AND available >= $2`, it.GetProductId(), it.GetQuantity())
		if err != nil {
			return nil, status.Errorf(codes.Unavailable, "take stock: %v", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil, status.Errorf(codes.ResourceExhausted, "product %s is out of stock", it.GetProductId())
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO reservation_items (reservation_id, product_id, quantity) VALUES ($1, $2, $3)`, id, it.GetProductId(), it.GetQuantity()); err != nil {
			return nil, status.Errorf(codes.Unavailable, "insert reservation item: %v", err)
		}
	}
	// Commit takes no context: the one given to BeginTx bounds it (lib/pq
	// cancels a COMMIT still running when that context expires).
	if err := tx.Commit(); err != nil {
		return nil, status.Errorf(codes.Unavailable, "commit: %v", err)
	}
	return &inventoryv1.ReserveStockResponse{ReservationId: id}, nil
}

func (s *inventoryServer) ReleaseStock(ctx context.Context, req *inventoryv1.ReleaseStockRequest) (*inventoryv1.ReleaseStockResponse, error) {
	if err := s.release(ctx, req.GetReservationId()); err != nil {
		return nil, status.Errorf(codes.Unavailable, "release: %v", err)
	}
	return &inventoryv1.ReleaseStockResponse{}, nil
}

// orderPending asks checkout whether orderID still waits for its stock. It
// retries Unavailable up to three attempts with jittered exponential delay;
// the caller's context bounds the whole exchange.
//
// Deliberate drift [drift]: the topology declares one attempt for
// inventory -> checkout; this loop makes up to three.
func (s *inventoryServer) orderPending(ctx context.Context, orderID string) (bool, error) {
	var lastErr error
	for attempt := range 3 {
		if attempt > 0 {
			delay := time.Duration(50<<attempt)*time.Millisecond + mrand.N(50*time.Millisecond)
			select {
			case <-ctx.Done():
				return false, ctx.Err()
			case <-time.After(delay):
			}
		}
		resp, err := s.checkout.ConfirmReservation(ctx, &checkoutv1.ConfirmReservationRequest{OrderId: orderID})
		if err == nil {
			return resp.GetConfirmed(), nil
		}
		if status.Code(err) != codes.Unavailable {
			return false, err
		}
		lastErr = err
	}
	return false, fmt.Errorf("confirm order %s: %w", orderID, lastErr)
}

// release returns a held reservation's items to available stock. Releasing
// twice is a no-op.
func (s *inventoryServer) release(ctx context.Context, reservationID string) error {
	ctx, cancel := context.WithTimeout(ctx, dbTimeout)
	defer cancel()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `UPDATE reservations SET state = 'released' WHERE id = $1 AND state = 'held'`, reservationID)
	if err != nil {
		return fmt.Errorf("mark released: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE stock s SET available = s.available + ri.quantity
		FROM reservation_items ri WHERE ri.reservation_id = $1 AND s.product_id = ri.product_id`, reservationID); err != nil {
		return fmt.Errorf("return stock: %w", err)
	}
	return tx.Commit()
}

type reservation struct{ id, orderID string }

// staleReservations lists reservations held for more than 15 minutes.
func (s *inventoryServer) staleReservations(ctx context.Context) ([]reservation, error) {
	ctx, cancel := context.WithTimeout(ctx, dbTimeout)
	defer cancel()
	rows, err := s.db.QueryContext(ctx, `SELECT id, order_id FROM reservations
		WHERE state = 'held' AND created_at < now() - interval '15 minutes' ORDER BY created_at LIMIT 100`)
	if err != nil {
		return nil, fmt.Errorf("query stale reservations: %w", err)
	}
	defer rows.Close()
	var out []reservation
	for rows.Next() {
		var r reservation
		if err := rows.Scan(&r.id, &r.orderID); err != nil {
			return nil, fmt.Errorf("scan reservation: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
