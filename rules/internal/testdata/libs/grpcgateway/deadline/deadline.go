// Package deadline holds ctxdeadline's cases for grpc-gateway: a gateway
// registered on a gRPC client forwards each HTTP request to the gRPC
// service from a handler of the generated code (orderspb, a stand-in).
package deadline

import (
	"context"
	"net/http"
	"os"
	"time"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"example.com/libs/grpcgateway/orderspb"
)

// Silent, though the handler's context has no deadline by default: the
// generated handler (a runtime.HandlerFunc, which takes the path
// parameters too) is not taken for an HTTP handler, so the context of its
// request is not judged, and runtime.AnnotateContext may add a deadline
// (runtime.DefaultContextTimeout, a Grpc-Timeout header) that faultline
// does not see.
func Gateway() {
	conn, _ := grpc.NewClient(os.Getenv("ORDERS_ADDR"))
	mux := runtime.NewServeMux()
	_ = orderspb.RegisterOrdersHandlerClient(context.Background(), mux, orderspb.NewOrdersClient(conn))
	_ = http.ListenAndServe(":8080", mux)
}

// Hazard: the same generated client called directly.
func Direct() {
	conn, _ := grpc.NewClient(os.Getenv("ORDERS_ADDR"))
	orderspb.NewOrdersClient(conn).Get(context.Background(), wrapperspb.String("o-1")) // want `context.Background\(\) reaches \(orderspb.OrdersClient\).Get → \(grpc.ClientConnInterface\).Invoke with no deadline`
}

// Safe: under context.WithTimeout.
func Safe() {
	conn, _ := grpc.NewClient(os.Getenv("ORDERS_ADDR"))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	orderspb.NewOrdersClient(conn).Get(ctx, wrapperspb.String("o-1"))
}
