// Command inventory holds stock for orders.
package main

import (
	"context"
	"database/sql"
	"log"
	"net"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	inventoryv1 "example.com/shop/proto/inventory/v1"
	recommendationsv1 "example.com/shop/proto/recommendations/v1"
)

type inventoryServer struct {
	inventoryv1.UnimplementedInventoryServiceServer
	db   *sql.DB
	recs recommendationsv1.RecommendationsServiceClient
}

// ReserveStock is called by frontend under http.TimeoutHandler, whose
// deadline travels with the call, and by recommendations with its own
// incoming context, which its callers bound: the update is bounded.
func (s *inventoryServer) ReserveStock(ctx context.Context, req *inventoryv1.ReserveStockRequest) (*inventoryv1.ReserveStockResponse, error) {
	_, err := s.db.ExecContext(ctx, `UPDATE stock SET held = held + 1 WHERE order_id = $1`, req.GetOrderId())
	if err != nil {
		// Out of stock: ask recommendations for substitutes, under a
		// deadline. recommendations calls inventory back (ListRecommendations
		// holds what it recommends): a synchronous cycle.
		rctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
		defer cancel()
		_, _ = s.recs.ListRecommendations(rctx, &recommendationsv1.ListRecommendationsRequest{ProductId: req.GetOrderId(), Limit: 2})
	}
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
	recsConn, err := grpc.NewClient(os.Getenv("RECOMMENDATIONS_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer()
	inventoryv1.RegisterInventoryServiceServer(srv, &inventoryServer{db: db, recs: recommendationsv1.NewRecommendationsServiceClient(recsConn)})
	log.Fatal(srv.Serve(lis))
}
