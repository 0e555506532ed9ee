// Package interceptors calls gRPC stubs on connections whose unary
// interceptors bound every call: a fresh context is no hazard there. Trap:
// an interceptor that is not a timeout, and a connection without one.
package interceptors

import (
	"context"
	"time"

	"github.com/eapache/go-resiliency/deadline"
	kgrpc "github.com/go-kratos/kratos/v2/transport/grpc"
	"github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/timeout"
	"google.golang.org/grpc"

	"pb"
)

func bounded(target string) {
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(timeout.UnaryClientInterceptor(2*time.Second)))
	c := pb.NewPaymentServiceClient(conn)
	c.Charge(context.Background(), &pb.ChargeRequest{})
}

func chained(target string) {
	conn, _ := grpc.NewClient(target, grpc.WithChainUnaryInterceptor(logging, timeout.UnaryClientInterceptor(time.Second)))
	pb.NewPaymentServiceClient(conn).Charge(context.Background(), &pb.ChargeRequest{})
}

// kratos connections carry a 2s deadline in their own interceptor.
func kratos(ctx context.Context) {
	conn, _ := kgrpc.DialInsecure(ctx, kgrpc.WithEndpoint("discovery:///payment"))
	pb.NewPaymentServiceClient(conn).Charge(context.Background(), &pb.ChargeRequest{})
}

// A timeout policy around the call releases the caller.
func underDeadline(c pb.PaymentServiceClient) error {
	return deadline.New(time.Second).Run(func(<-chan struct{}) error {
		_, err := c.Charge(context.Background(), &pb.ChargeRequest{})
		return err
	})
}

// An interceptor of this package that derives a deadline for every call
// (kratos' shape: optional, set when configured).
func ownDeadline(target string, d time.Duration) {
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(withDeadline(d)))
	pb.NewPaymentServiceClient(conn).Charge(context.Background(), &pb.ChargeRequest{})
}

func withDeadline(d time.Duration) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		if d > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, d)
			defer cancel()
		}
		return invoker(ctx, method, req, reply, cc, opts...)
	}
}

// --- traps ---------------------------------------------------------------

func loggingOnly(target string) {
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(logging))
	c := pb.NewPaymentServiceClient(conn)
	c.Charge(context.Background(), &pb.ChargeRequest{}) // want `context.Background\(\) reaches \(pb.PaymentServiceClient\).Charge`
}

func noInterceptor(target string) {
	conn, _ := grpc.NewClient(target)
	c := pb.NewPaymentServiceClient(conn)
	c.Charge(context.Background(), &pb.ChargeRequest{}) // want `context.Background\(\) reaches \(pb.PaymentServiceClient\).Charge`
}

func logging(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	return invoker(ctx, method, req, reply, cc, opts...)
}

// An interceptor that derives a deadline it then does not pass on.
func lostDeadline(target string) {
	conn, _ := grpc.NewClient(target, grpc.WithUnaryInterceptor(dropsIt))
	pb.NewPaymentServiceClient(conn).Charge(context.Background(), &pb.ChargeRequest{}) // want `context.Background\(\) reaches \(pb.PaymentServiceClient\).Charge`
}

func dropsIt(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
	_, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return invoker(ctx, method, req, reply, cc, opts...)
}
