// Package crosspkg calls through clients another package builds: the
// facts of their constructors say which are observed.
package crosspkg

import (
	"context"
	"net/http"
	"os"

	"example.com/pb/ledger"
	"example.com/pb/payment"
	"example.com/platform/dial"
)

func Pay(ctx context.Context) error {
	conn, err := dial.Observed(os.Getenv("PAYMENT_ADDR"))
	if err != nil {
		return err
	}
	_, err = payment.NewPaymentServiceClient(conn).Charge(ctx, &payment.ChargeRequest{Cents: 100})
	return err
}

func Refund(ctx context.Context) error {
	conn, err := dial.Bare(os.Getenv("REFUND_ADDR")) // want `^gRPC client for [a-z.0-9]*LedgerService \(at env REFUND_ADDR\) has no telemetry`
	if err != nil {
		return err
	}
	_, err = ledger.NewLedgerServiceClient(conn).Refund(ctx, &ledger.ChargeRequest{Cents: 100})
	return err
}

func Catalog(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("CATALOG_URL"), nil)
	resp, err := dial.HTTP().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Stock(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("STOCK_URL"), nil)
	resp, err := dial.BareHTTP().Do(req) // want `^HTTP client for env STOCK_URL has no telemetry`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
