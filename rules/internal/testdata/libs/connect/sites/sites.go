package sites // want package:`calls\[http\(env:PING_URL timeout=1s\); http\(host:ping\.internal:8080 unbounded\); bind example\.com/libs/connect/pingv1connect\.NewPingServiceClient#1=env:PING_SVC_URL\]`

// The package holds the call sites of connect-go that the join ties to a
// node: the address is the URL a *connect.Client is built with, followed
// from the call through the field that holds the client.

import (
	"context"
	"net/http"
	"os"
	"time"

	"connectrpc.com/connect"

	"example.com/libs/connect/pingv1connect"
)

type pinger struct {
	ping *connect.Client[pingv1connect.PingRequest, pingv1connect.PingResponse]
}

func newPinger() *pinger {
	return &pinger{ping: connect.NewClient[pingv1connect.PingRequest, pingv1connect.PingResponse](
		http.DefaultClient, os.Getenv("PING_URL")+pingv1connect.PingServicePingProcedure)}
}

func (p *pinger) Ping() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	p.ping.CallUnary(ctx, connect.NewRequest(&pingv1connect.PingRequest{}))
}

func Literal() {
	c := connect.NewClient[pingv1connect.PingRequest, pingv1connect.PingResponse](http.DefaultClient, "http://ping.internal:8080/connectrpc.ping.v1.PingService/Ping")
	c.CallUnary(context.Background(), connect.NewRequest(&pingv1connect.PingRequest{}))
}

// Generated: the call of CallUnary is inside generated code, which is not
// the user's call site, and the generated method has no fact that names
// its procedure (as a generated gRPC client's has): only the binding of
// the base URL is recorded, and no site uses it.
func Generated() {
	c := pingv1connect.NewPingServiceClient(http.DefaultClient, os.Getenv("PING_SVC_URL"))
	c.Ping(context.Background(), connect.NewRequest(&pingv1connect.PingRequest{}))
}
