// Command recommendations lists products to show next to others.
package main

import (
	"context"
	"database/sql"
	"log"
	"net"
	"os"

	"google.golang.org/grpc"

	recommendationsv1 "example.com/shop/proto/recommendations/v1"
)

type recsServer struct {
	recommendationsv1.UnimplementedRecommendationsServiceServer
	db *sql.DB
}

// ListRecommendations uses the incoming context as it is: its only caller,
// checkout, sets a deadline on every call, and the deadline travels with
// the request.
func (s *recsServer) ListRecommendations(ctx context.Context, req *recommendationsv1.ListRecommendationsRequest) (*recommendationsv1.ListRecommendationsResponse, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM popular LIMIT $1`, req.GetLimit())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
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
	srv := grpc.NewServer()
	recommendationsv1.RegisterRecommendationsServiceServer(srv, &recsServer{db: db})
	log.Fatal(srv.Serve(lis))
}
