// Package metricobs records hand-written Prometheus metrics around calls:
// on the error path (observed), and the trap of a counter registered and
// incremented only on success.
package metricobs

import (
	"context"
	"os"

	"example.com/pb/ledger"
	"example.com/pb/payment"
	"github.com/prometheus/client_golang/prometheus"
	"google.golang.org/grpc"
)

var (
	failures  = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "payment_failures_total"}, []string{"method"})
	successes = prometheus.NewCounter(prometheus.CounterOpts{Name: "ledger_calls_total"})
)

func init() { prometheus.MustRegister(failures, successes) }

type Client struct {
	pay    payment.PaymentServiceClient
	ledger ledger.LedgerServiceClient
}

func New() (*Client, error) {
	conn, err := grpc.NewClient(os.Getenv("PAYMENT_ADDR"))
	if err != nil {
		return nil, err
	}
	ledgerConn, err := grpc.NewClient(os.Getenv("LEDGER_ADDR")) // want `^gRPC client for [a-z.0-9]*LedgerService \(at env LEDGER_ADDR\) has no telemetry`
	if err != nil {
		return nil, err
	}
	return &Client{pay: payment.NewPaymentServiceClient(conn), ledger: ledger.NewLedgerServiceClient(ledgerConn)}, nil
}

// Pay counts its failures.
func (c *Client) Pay(ctx context.Context) error {
	_, err := c.pay.Charge(ctx, &payment.ChargeRequest{Cents: 100})
	if err != nil {
		failures.WithLabelValues("charge").Inc()
		return err
	}
	return nil
}

// Record counts only the calls that succeed: a failing ledger leaves no
// trace.
func (c *Client) Record(ctx context.Context) error {
	_, err := c.ledger.Charge(ctx, &ledger.ChargeRequest{Cents: 1})
	if err != nil {
		return err
	}
	successes.Inc()
	return nil
}
