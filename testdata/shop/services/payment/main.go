// Command payment is the gRPC service that charges customers through the
// external payment provider, a Stripe-like HTTP API.
package main

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/shop/internal/platform"
	paymentv1 "example.com/shop/proto/payment/v1"
)

func main() {
	log := platform.NewLogger("payment")
	if err := run(log); err != nil {
		log.Error("payment stopped", "err", err)
		os.Exit(1)
	}
}

func run(log *slog.Logger) error {
	addr := flag.String("addr", ":9091", "gRPC listen address")
	providerURL := flag.String("provider-url", os.Getenv("PAYMENT_PROVIDER_URL"), "payment provider API base URL (env PAYMENT_PROVIDER_URL)")
	flag.Parse()
	apiKey := os.Getenv("PAYMENT_PROVIDER_API_KEY")
	if *providerURL == "" || apiKey == "" {
		return errors.New("PAYMENT_PROVIDER_URL and PAYMENT_PROVIDER_API_KEY must be set")
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	srv := platform.NewGRPCServer()
	paymentv1.RegisterPaymentServiceServer(srv, &paymentServer{log: log, provider: newProvider(*providerURL, apiKey, log)})
	return platform.ServeGRPC(ctx, log, *addr, srv)
}

type paymentServer struct {
	paymentv1.UnimplementedPaymentServiceServer
	log      *slog.Logger
	provider *provider
}

func (s *paymentServer) Charge(ctx context.Context, req *paymentv1.ChargeRequest) (*paymentv1.ChargeResponse, error) {
	if req.GetAmountCents() <= 0 || req.GetPaymentToken() == "" {
		return nil, status.Error(codes.InvalidArgument, "amount and payment token are required")
	}
	key := req.GetIdempotencyKey()
	if key == "" {
		// Without a key from the caller every Charge call is a new charge.
		key = rand.Text()
	}
	c, err := s.provider.charge(ctx, chargeInput{
		AmountCents:    req.GetAmountCents(),
		Currency:       req.GetCurrency(),
		Source:         req.GetPaymentToken(),
		OrderID:        req.GetOrderId(),
		IdempotencyKey: key,
	})
	switch {
	case errors.Is(err, errProviderUnavailable):
		return nil, status.Error(codes.Unavailable, err.Error())
	case err != nil:
		s.log.Error("charge failed", "order", req.GetOrderId(), "err", err)
		return nil, status.Errorf(codes.Internal, "charge: %v", err)
	}
	return &paymentv1.ChargeResponse{ChargeId: c.ID, Approved: c.Status == "succeeded", DeclineReason: c.FailureMessage}, nil
}
