package regwrap

// Package regwrap registers a gRPC service for whoever calls it: the
// registration belongs to the caller's package, not to this one, which
// every binary that also uses its client links (trap: no package fact).

import (
	"google.golang.org/grpc"

	"pb"
)

type Handler struct{}

func (h *Handler) Register(s *grpc.Server) { // want Register:`serves\(shop.payment.v1.PaymentService\)`
	register(s)
}

func register(s *grpc.Server) { pb.RegisterPaymentServiceServer(s, nil) }
