package a

import (
	"context"
	"database/sql"
	"net/http"
	"pb"
)

type store struct{ db *sql.DB }

func (s *store) load(ctx context.Context) error { // want load:`remote\(sql\)`
	_, err := s.db.QueryContext(ctx, "select 1")
	return err
}

func charge(ctx context.Context, c pb.PaymentClient) error { // want charge:`remote\(grpc\)`
	_, err := c.Charge(ctx, &pb.ChargeRequest{})
	return err
}

func both(ctx context.Context, s *store, c pb.PaymentClient) { // want both:`remote\(grpc,sql\)`
	_ = s.load(ctx)
	_ = charge(ctx, c)
}

func viaClosure() { // want viaClosure:`remote\(http\)`
	run(func() { http.Get("http://x") })
}

func run(f func()) { f() }

type Get struct{}

func (Get) Do() {} // a method called like an API is not one

func local() { Get{}.Do() }

func pure(x int) int { return x * 2 }
