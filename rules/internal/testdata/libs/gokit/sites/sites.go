package sites

// The package holds go-kit clients: endpoints built by the HTTP and gRPC
// transports, called as function values. No site is recorded (and so the
// package has no fact): a call of a function value is no call of an API,
// and the URL given to NewClient is a *url.URL, which no Addr reads. What
// should be recorded: http(env:USERS_URL timeout=1s) and
// grpc(env:ORDERS_ADDR grpc:shop.orders.v1.Orders unbounded).

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"time"

	kitgrpc "github.com/go-kit/kit/transport/grpc"
	kithttp "github.com/go-kit/kit/transport/http"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

func decode(_ context.Context, r *http.Response) (any, error) { return r.StatusCode, nil }

func Users() {
	u, _ := url.Parse(os.Getenv("USERS_URL"))
	ep := kithttp.NewClient(http.MethodGet, u, kithttp.EncodeJSONRequest, decode).Endpoint()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	ep(ctx, "u-1")
}

func Orders() {
	conn, _ := grpc.NewClient(os.Getenv("ORDERS_ADDR"))
	enc := func(_ context.Context, req any) (any, error) { return wrapperspb.String(req.(string)), nil }
	dec := func(_ context.Context, reply any) (any, error) { return reply, nil }
	ep := kitgrpc.NewClient(conn, "shop.orders.v1.Orders", "Get", enc, dec, wrapperspb.StringValue{}).Endpoint()
	ep(context.Background(), "o-1")
}
