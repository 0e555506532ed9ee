// Package b passes its callers' contexts to a gRPC stub; its facts carry
// that to package a.
package b

import (
	"context"
	"time"

	"google.golang.org/grpc/metadata"

	"pb"
)

// Charge passes ctx to the generated client.
func Charge(ctx context.Context, c pb.PaymentServiceClient, id string) error { // want Charge:`ctxdeadline\(param0 → \(pb.PaymentServiceClient\).Charge → \(grpc.ClientConnInterface\).Invoke\)`
	_, err := c.Charge(ctx, &pb.ChargeRequest{Id: id})
	return err
}

// Process reaches the stub two calls down.
func Process(ctx context.Context, c pb.PaymentServiceClient) error { // want Process:`ctxdeadline\(param0 → b.Charge → \(pb.PaymentServiceClient\).Charge → \(grpc.ClientConnInterface\).Invoke\)`
	return Charge(ctx, c, "order-1")
}

// Bounded sets its own deadline: callers may pass anything.
func Bounded(ctx context.Context, c pb.PaymentServiceClient) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return Charge(ctx, c, "order-2")
}

// NewContext returns a fresh context.
func NewContext() context.Context { // want NewContext:`ctxdeadline\(result0 ← context.Background\(\)\)`
	return context.Background()
}

// WithAuth derives by value: the deadline is the caller's.
func WithAuth(ctx context.Context) context.Context { // want WithAuth:`ctxdeadline\(result0 ← param0\)`
	return metadata.AppendToOutgoingContext(ctx, "authorization", "token")
}

// Timed returns a bounded context: nothing to report through it.
func Timed(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, time.Second)
}

// Watch opens a server stream once: a sink for a request's context only
// (with a context of the program's own it may be a watch held open).
func Watch(ctx context.Context, c pb.PaymentServiceClient) error { // want Watch:`ctxdeadline\(param0 → \(pb.PaymentServiceClient\).Watch → \(grpc.ClientConnInterface\).NewStream\)`
	_, err := c.Watch(ctx, &pb.WatchRequest{})
	return err
}
