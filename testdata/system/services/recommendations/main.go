// Command recommendations lists products to show next to others.
package main

import (
	"context"
	"database/sql"
	"log"
	"net"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	inventoryv1 "example.com/shop/proto/inventory/v1"
	recommendationsv1 "example.com/shop/proto/recommendations/v1"
)

type recsServer struct {
	recommendationsv1.UnimplementedRecommendationsServiceServer
	db        *sql.DB
	inventory inventoryv1.InventoryServiceClient
}

// ListRecommendations uses the incoming context as it is: its callers,
// checkout and inventory, set a deadline on every call, and the deadline
// travels with the request.
func (s *recsServer) ListRecommendations(ctx context.Context, req *recommendationsv1.ListRecommendationsRequest) (*recommendationsv1.ListRecommendationsResponse, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM popular LIMIT $1`, req.GetLimit())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// Hold the recommended products for a moment, with the incoming
	// context, whose deadline every caller sets (checkout's, inventory's):
	// inventory calls recommendations for substitutes, and recommendations
	// calls inventory here, a synchronous cycle (synccycle).
	_, _ = s.inventory.ReserveStock(ctx, &inventoryv1.ReserveStockRequest{OrderId: "hold:" + req.GetProductId()})
	return &recommendationsv1.ListRecommendationsResponse{}, nil
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
	inventoryConn, err := grpc.NewClient(os.Getenv("INVENTORY_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer()
	recommendationsv1.RegisterRecommendationsServiceServer(srv, &recsServer{db: db, inventory: inventoryv1.NewInventoryServiceClient(inventoryConn)})
	log.Fatal(srv.Serve(lis))
}
