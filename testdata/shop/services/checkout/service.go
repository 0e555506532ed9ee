package main

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/sony/gobreaker/v2"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/shop/internal/events"
	checkoutv1 "example.com/shop/proto/checkout/v1"
	inventoryv1 "example.com/shop/proto/inventory/v1"
	paymentv1 "example.com/shop/proto/payment/v1"
)

// dbTimeout bounds each statement against the orders database.
const dbTimeout = 300 * time.Millisecond

type checkoutServer struct {
	checkoutv1.UnimplementedCheckoutServiceServer

	log            *slog.Logger
	db             *sql.DB
	payment        paymentv1.PaymentServiceClient
	paymentBreaker *gobreaker.CircuitBreaker[*paymentv1.ChargeResponse]
	inventory      inventoryv1.InventoryServiceClient
	events         *kafka.Writer
}

func (s *checkoutServer) PlaceOrder(ctx context.Context, req *checkoutv1.PlaceOrderRequest) (*checkoutv1.PlaceOrderResponse, error) {
	if len(req.GetItems()) == 0 || req.GetPaymentToken() == "" {
		return nil, status.Error(codes.InvalidArgument, "an order needs items and a payment token")
	}
	var total int64
	items := make([]*inventoryv1.StockItem, 0, len(req.GetItems()))
	for _, it := range req.GetItems() {
		total += int64(it.GetQuantity()) * it.GetUnitPriceCents()
		items = append(items, &inventoryv1.StockItem{ProductId: it.GetProductId(), Quantity: it.GetQuantity()})
	}
	orderID := rand.Text()
	if err := s.exec(ctx, `INSERT INTO orders (id, customer_id, status, total_cents, currency) VALUES ($1, $2, $3, $4, $5)`,
		orderID, req.GetCustomerId(), int32(checkoutv1.OrderStatus_ORDER_STATUS_PENDING), total, req.GetCurrency()); err != nil {
		return nil, status.Errorf(codes.Internal, "record order: %v", err)
	}

	// Deliberate mistake [nobreaker]: calls to inventory have no circuit
	// breaker, so while inventory is down every order still waits out the
	// full timeout. Deliberate drift [drift]: the topology declares a 1s
	// timeout for this edge; the code allows 30s.
	reserveCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	reservation, err := s.inventory.ReserveStock(reserveCtx, &inventoryv1.ReserveStockRequest{OrderId: orderID, Items: items})
	cancel()
	if err != nil {
		s.setStatus(ctx, orderID, checkoutv1.OrderStatus_ORDER_STATUS_FAILED)
		return nil, status.Errorf(status.Code(err), "reserve stock: %v", err)
	}

	charge, err := s.charge(ctx, orderID, total, req)
	if err != nil || !charge.GetApproved() {
		s.releaseStock(ctx, reservation.GetReservationId())
		s.setStatus(ctx, orderID, checkoutv1.OrderStatus_ORDER_STATUS_FAILED)
		if err != nil {
			return nil, status.Errorf(codes.Unavailable, "charge: %v", err)
		}
		return nil, status.Errorf(codes.FailedPrecondition, "payment declined: %s", charge.GetDeclineReason())
	}

	s.setStatus(ctx, orderID, checkoutv1.OrderStatus_ORDER_STATUS_PAID)
	ev := events.OrderPlaced{
		OrderID: orderID, CustomerID: req.GetCustomerId(), Email: req.GetEmail(),
		TotalCents: total, Currency: req.GetCurrency(), PlacedAt: time.Now().UTC(),
	}
	for _, it := range items {
		ev.Items = append(ev.Items, events.Item{ProductID: it.GetProductId(), Quantity: it.GetQuantity()})
	}
	s.publish(ctx, ev)
	return &checkoutv1.PlaceOrderResponse{OrderId: orderID, Status: checkoutv1.OrderStatus_ORDER_STATUS_PAID, TotalCents: total}, nil
}

// charge asks payment to capture the order total.
func (s *checkoutServer) charge(ctx context.Context, orderID string, total int64, req *checkoutv1.PlaceOrderRequest) (*paymentv1.ChargeResponse, error) {
	in := &paymentv1.ChargeRequest{
		OrderId:      orderID,
		AmountCents:  total,
		Currency:     req.GetCurrency(),
		PaymentToken: req.GetPaymentToken(),
	}
	var lastErr error
	// Deliberate mistake [retrybackoff, unsaferetry]: three attempts back to
	// back with no delay, around Charge, which is not idempotent and is sent
	// without an idempotency key: an attempt that timed out after the card
	// was captured captures it again. The 500ms per attempt is also far
	// shorter than payment's own budget towards the provider (timeoutbudget).
	for attempt := 1; attempt <= 3; attempt++ {
		resp, err := s.paymentBreaker.Execute(func() (*paymentv1.ChargeResponse, error) {
			callCtx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
			defer cancel()
			return s.payment.Charge(callCtx, in)
		})
		if err == nil {
			return resp, nil
		}
		lastErr = err
		s.log.Warn("charge attempt failed", "order", orderID, "attempt", attempt, "err", err)
	}
	return nil, fmt.Errorf("charge order %s: %w", orderID, lastErr)
}

// ConfirmReservation reports whether the order is still waiting for its
// stock; inventory asks before it holds stock for an order.
func (s *checkoutServer) ConfirmReservation(ctx context.Context, req *checkoutv1.ConfirmReservationRequest) (*checkoutv1.ConfirmReservationResponse, error) {
	ctx, cancel := context.WithTimeout(ctx, dbTimeout)
	defer cancel()
	var st int32
	err := s.db.QueryRowContext(ctx, `SELECT status FROM orders WHERE id = $1`, req.GetOrderId()).Scan(&st)
	if errors.Is(err, sql.ErrNoRows) {
		return &checkoutv1.ConfirmReservationResponse{Confirmed: false}, nil
	}
	if err != nil {
		return nil, status.Errorf(codes.Unavailable, "read order: %v", err)
	}
	orderStatus := checkoutv1.OrderStatus(st)
	return &checkoutv1.ConfirmReservationResponse{
		Confirmed: orderStatus == checkoutv1.OrderStatus_ORDER_STATUS_PENDING,
		Status:    orderStatus,
	}, nil
}

func (s *checkoutServer) releaseStock(ctx context.Context, reservationID string) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Second)
	defer cancel()
	if _, err := s.inventory.ReleaseStock(ctx, &inventoryv1.ReleaseStockRequest{ReservationId: reservationID}); err != nil {
		s.log.Error("release stock; inventory reconciliation will retry", "reservation", reservationID, "err", err)
	}
}

func (s *checkoutServer) setStatus(ctx context.Context, orderID string, st checkoutv1.OrderStatus) {
	if err := s.exec(context.WithoutCancel(ctx), `UPDATE orders SET status = $2 WHERE id = $1`, orderID, int32(st)); err != nil {
		s.log.Error("update order status", "order", orderID, "status", st.String(), "err", err)
	}
}

func (s *checkoutServer) exec(ctx context.Context, query string, args ...any) error {
	ctx, cancel := context.WithTimeout(ctx, dbTimeout)
	defer cancel()
	_, err := s.db.ExecContext(ctx, query, args...)
	return err
}

// publish announces a paid order. The event is best effort: notifier only
// sends the confirmation e-mail.
func (s *checkoutServer) publish(ctx context.Context, ev events.OrderPlaced) {
	value, err := json.Marshal(ev)
	if err != nil {
		s.log.Error("encode event", "order", ev.OrderID, "err", err)
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	if err := s.events.WriteMessages(ctx, kafka.Message{Key: []byte(ev.OrderID), Value: value}); err != nil {
		s.log.Error("publish order event", "order", ev.OrderID, "err", err)
	}
}
