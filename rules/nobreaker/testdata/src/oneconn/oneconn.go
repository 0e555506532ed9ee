// Package oneconn builds clients of two services on one connection
// passed in: one dependency, one finding naming both services.
package oneconn

import (
	"context"

	"example.com/pb/ledger"
	"example.com/pb/payment"
	"google.golang.org/grpc"
)

type Store struct {
	pay    payment.PaymentServiceClient
	ledger ledger.LedgerServiceClient
}

func New(conn *grpc.ClientConn) *Store {
	return &Store{
		pay:    payment.NewPaymentServiceClient(conn), // want `^no circuit breaker guards gRPC services shop.payment.v1.PaymentService, shop.ledger.v1.LedgerService \(one connection\) \(called in \(\*Store\).Charge, \(\*Store\).Book\)`
		ledger: ledger.NewLedgerServiceClient(conn),
	}
}

func (s *Store) Charge(ctx context.Context) error {
	_, err := s.pay.Charge(ctx, &payment.ChargeRequest{})
	return err
}

func (s *Store) Book(ctx context.Context) error {
	_, err := s.ledger.Charge(ctx, &ledger.ChargeRequest{})
	return err
}
