// Command payment charges cards and records the charges.
package main

import (
	"context"
	"database/sql"
	"log"
	"net"
	"os"

	"google.golang.org/grpc"

	paymentv1 "example.com/shop/proto/payment/v1"
)

type paymentServer struct {
	paymentv1.UnimplementedPaymentServiceServer
	db *sql.DB
}

// Charge is called by checkout with the context frontend sent, which has
// no deadline: the insert waits as long as the database does.
func (s *paymentServer) Charge(ctx context.Context, req *paymentv1.ChargeRequest) (*paymentv1.ChargeResponse, error) {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO charges (token) VALUES ($1)`, req.GetPaymentToken()); err != nil {
		return nil, err
	}
	return &paymentv1.ChargeResponse{}, nil
}

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	lis, err := net.Listen("tcp", ":9090")
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer()
	paymentv1.RegisterPaymentServiceServer(srv, &paymentServer{db: db})
	log.Fatal(srv.Serve(lis))
}
