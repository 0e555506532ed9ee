// Package a calls package b: the deadline is set here, or missing here.
package a

import (
	"context"
	"time"

	"b"
	"pb"
)

func rootBackground(c pb.PaymentServiceClient) {
	_ = b.Process(context.Background(), c) // want `context.Background\(\) reaches b.Process → b.Charge → \(pb.PaymentServiceClient\).Charge → \(grpc.ClientConnInterface\).Invoke with no deadline: gRPC has no default deadline, so a hung server blocks the call forever; derive a context with context.WithTimeout`
}

func rootBounded(c pb.PaymentServiceClient) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = b.Process(ctx, c)
}

func boundedInCallee(c pb.PaymentServiceClient) {
	_ = b.Bounded(context.Background(), c)
}

func helperContext(c pb.PaymentServiceClient) {
	_ = b.Process(b.NewContext(), c) // want `b.NewContext\(\) returns a context with no deadline \(context.Background\(\)\) that reaches b.Process`
}

func throughMetadata(c pb.PaymentServiceClient) {
	_ = b.Process(b.WithAuth(context.TODO()), c) // want `context.TODO\(\) reaches b.Process`
}

func throughMetadataBounded(c pb.PaymentServiceClient) {
	ctx, cancel := b.Timed(context.Background())
	defer cancel()
	_ = b.Process(b.WithAuth(ctx), c)
}

func direct(c pb.PaymentServiceClient) {
	_, _ = c.Charge(context.Background(), &pb.ChargeRequest{}) // want `context.Background\(\) reaches \(pb.PaymentServiceClient\).Charge → \(grpc.ClientConnInterface\).Invoke`
}

func stream(c pb.PaymentServiceClient) {
	_ = b.Watch(context.Background(), c)
}

// Forward passes its own context on: a fact, no finding.
func Forward(ctx context.Context, c pb.PaymentServiceClient) error { // want Forward:`ctxdeadline\(param0 → b.Process → b.Charge → \(pb.PaymentServiceClient\).Charge → \(grpc.ClientConnInterface\).Invoke\)`
	return b.Process(ctx, c)
}
