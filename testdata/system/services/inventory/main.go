// Command inventory holds stock for orders.
package main

import (
	"context"
	"database/sql"
	"log"
	"net"
	"os"

	"google.golang.org/grpc"

	inventoryv1 "example.com/shop/proto/inventory/v1"
)

type inventoryServer struct {
	inventoryv1.UnimplementedInventoryServiceServer
	db *sql.DB
}

// ReserveStock is called by frontend under http.TimeoutHandler, whose
// deadline travels with the call: the update is bounded.
func (s *inventoryServer) ReserveStock(ctx context.Context, req *inventoryv1.ReserveStockRequest) (*inventoryv1.ReserveStockResponse, error) {
	_, err := s.db.ExecContext(ctx, `UPDATE stock SET held = held + 1 WHERE order_id = $1`, req.GetOrderId())
	return &inventoryv1.ReserveStockResponse{}, err
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
	inventoryv1.RegisterInventoryServiceServer(srv, &inventoryServer{db: db})
	log.Fatal(srv.Serve(lis))
}
