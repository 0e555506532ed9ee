// Package deadline holds ctxdeadline's cases for go-kit clients. A go-kit
// client is an endpoint.Endpoint, a function value built by the
// transport's Client.Endpoint(), and the user calls it: ep(ctx, request).
// faultline matches calls of functions and methods, not of function values
// a library builds, so none of these calls is judged today (see the
// catalogue's go-kit notes). Each case says what a model of endpoints
// should report: "Missed" cases should be reported, the others not.
package deadline

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"time"

	"github.com/go-kit/kit/circuitbreaker"
	"github.com/go-kit/kit/endpoint"
	"github.com/go-kit/kit/sd"
	"github.com/go-kit/kit/sd/lb"
	kitgrpc "github.com/go-kit/kit/transport/grpc"
	kithttp "github.com/go-kit/kit/transport/http"
	"github.com/sony/gobreaker"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

func decode(_ context.Context, r *http.Response) (any, error) { return r.StatusCode, nil }

func httpEndpoint() endpoint.Endpoint {
	u, _ := url.Parse(os.Getenv("USERS_URL"))
	// http.DefaultClient: no Timeout.
	return kithttp.NewClient(http.MethodGet, u, kithttp.EncodeJSONRequest, decode).Endpoint()
}

func grpcEndpoint() endpoint.Endpoint {
	conn, _ := grpc.NewClient(os.Getenv("USERS_ADDR"))
	enc := func(_ context.Context, req any) (any, error) { return wrapperspb.String(req.(string)), nil }
	dec := func(_ context.Context, reply any) (any, error) { return reply, nil }
	return kitgrpc.NewClient(conn, "shop.users.v1.Users", "Get", enc, dec, wrapperspb.StringValue{}).Endpoint()
}

// Missed: an HTTP request on http.DefaultClient with a context that has no
// deadline.
func HTTPHazard() {
	httpEndpoint()(context.Background(), "u-1")
}

// Missed: a gRPC call with no deadline.
func GRPCHazard() {
	ep := grpcEndpoint()
	ep(context.Background(), "u-1")
}

// Missed: through a helper, the caller's context reaches the endpoint.
func call(ctx context.Context, ep endpoint.Endpoint) {
	ep(ctx, "u-1")
}

func Helper() {
	call(context.Background(), httpEndpoint())
}

// Safe: under context.WithTimeout.
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	grpcEndpoint()(ctx, "u-1")
}

// Silent, and right: a client built with SetClient on an http.Client with
// a Timeout bounds every request.
func ClientTimeout() {
	u, _ := url.Parse("http://users:8080/users")
	ep := kithttp.NewClient(http.MethodGet, u, kithttp.EncodeJSONRequest, decode,
		kithttp.SetClient(&http.Client{Timeout: time.Second})).Endpoint()
	ep(context.Background(), "u-1")
}

// Silent, and right: lb.Retry runs its attempts under
// context.WithTimeout(ctx, 1s).
func Retry() {
	ep := lb.Retry(3, time.Second, lb.NewRoundRobin(sd.FixedEndpointer{grpcEndpoint()}))
	ep(context.Background(), "u-1")
}

// Trap, missed: a breaker stops calling a failing service but bounds no
// call. (lb.Retry with a zero timeout bounds its calls, but with an
// expired context, context.WithTimeout(ctx, 0): every call fails at once,
// which is a hazard of another kind.)
func Breaker() {
	ep := circuitbreaker.Gobreaker(gobreaker.NewCircuitBreaker(gobreaker.Settings{Name: "users"}))(httpEndpoint())
	ep(context.Background(), "u-1")
	expired := lb.Retry(3, 0, lb.NewRoundRobin(sd.FixedEndpointer{grpcEndpoint()}))
	expired(context.Background(), "u-1")
}
