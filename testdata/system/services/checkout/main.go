// Command checkout places orders: it charges the payment and asks for
// recommendations to show with the receipt.
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

	checkoutv1 "example.com/shop/proto/checkout/v1"
	paymentv1 "example.com/shop/proto/payment/v1"
	recommendationsv1 "example.com/shop/proto/recommendations/v1"
)

type checkoutServer struct {
	checkoutv1.UnimplementedCheckoutServiceServer
	db      *sql.DB
	payment paymentv1.PaymentServiceClient
	recs    recommendationsv1.RecommendationsServiceClient
}

// PlaceOrder is called by frontend with a context that has no deadline.
func (s *checkoutServer) PlaceOrder(ctx context.Context, req *checkoutv1.PlaceOrderRequest) (*checkoutv1.PlaceOrderResponse, error) {
	// Recommendations get a deadline of their own: bounded whatever the
	// caller sent.
	rctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	s.recs.ListRecommendations(rctx, &recommendationsv1.ListRecommendationsRequest{Limit: 4})

	// The incoming context goes on to payment through a helper: with no
	// deadline from frontend, a hung payment holds this call forever.
	if err := s.charge(ctx, req.GetPaymentToken()); err != nil {
		return nil, err
	}
	return &checkoutv1.PlaceOrderResponse{OrderId: "o-1"}, nil
}

func (s *checkoutServer) charge(ctx context.Context, token string) error {
	_, err := s.payment.Charge(ctx, &paymentv1.ChargeRequest{PaymentToken: token})
	return err
}

// ConfirmReservation is called by no service of this system: its callers
// may set deadlines faultline cannot see, so its database call is not
// judged.
func (s *checkoutServer) ConfirmReservation(ctx context.Context, req *checkoutv1.ConfirmReservationRequest) (*checkoutv1.ConfirmReservationResponse, error) {
	var status int32
	err := s.db.QueryRowContext(ctx, `SELECT status FROM orders WHERE id = $1`, req.GetOrderId()).Scan(&status)
	return &checkoutv1.ConfirmReservationResponse{Confirmed: status == 1}, err
}

func main() {
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	paymentConn, err := grpc.NewClient(os.Getenv("PAYMENT_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	recsConn, err := grpc.NewClient(os.Getenv("RECOMMENDATIONS_ADDR"), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	lis, err := net.Listen("tcp", ":9090")
	if err != nil {
		log.Fatal(err)
	}
	srv := grpc.NewServer()
	checkoutv1.RegisterCheckoutServiceServer(srv, &checkoutServer{
		db:      db,
		payment: paymentv1.NewPaymentServiceClient(paymentConn),
		recs:    recommendationsv1.NewRecommendationsServiceClient(recsConn),
	})
	log.Fatal(srv.Serve(lis))
}
