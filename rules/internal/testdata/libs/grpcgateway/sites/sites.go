package sites // want package:`calls\[bind example\.com/libs/grpcgateway/orderspb\.NewOrdersClient#0=env:ORDERS_ADDR; bind example\.com/libs/grpcgateway/orderspb\.RegisterOrdersHandlerClient#2=env:ORDERS_ADDR; bind example\.com/libs/grpcgateway/orderspb\.RegisterOrdersHandlerFromEndpoint#2=env:ORDERS_ENDPOINT\]`

// The package registers a grpc-gateway on a gRPC client. The gateway's
// calls of shop.orders.v1.Orders are made by the generated handlers, in
// generated code, which holds no user call site; and the user calls no
// method of the gRPC client. So no site is recorded, only the bindings of
// the address the client is built with: the gateway's edge to the service
// is missing from the graph.

import (
	"context"
	"net/http"
	"os"

	"github.com/grpc-ecosystem/grpc-gateway/v2/runtime"
	"google.golang.org/grpc"

	"example.com/libs/grpcgateway/orderspb"
)

func Gateway() { // want Gateway:`starts\(http http.ListenAndServe\)`
	conn, _ := grpc.NewClient(os.Getenv("ORDERS_ADDR"))
	mux := runtime.NewServeMux()
	_ = orderspb.RegisterOrdersHandlerClient(context.Background(), mux, orderspb.NewOrdersClient(conn))
	_ = orderspb.RegisterOrdersHandlerFromEndpoint(context.Background(), mux, os.Getenv("ORDERS_ENDPOINT"), nil)
	_ = http.ListenAndServe(":8080", mux)
}
