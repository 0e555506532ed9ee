// Package deadline holds ctxdeadline's cases for connect-go: calls through
// a generated client (pingv1connect, a stand-in) and through a
// *connect.Client built by hand.
package deadline

import (
	"context"
	"net"
	"net/http"
	"os"
	"time"

	"connectrpc.com/connect"

	"example.com/libs/connect/pingv1connect"
)

func client() pingv1connect.PingServiceClient {
	// NewClient does no I/O.
	return pingv1connect.NewPingServiceClient(http.DefaultClient, os.Getenv("PING_URL"))
}

func req() *connect.Request[pingv1connect.PingRequest] {
	return connect.NewRequest(&pingv1connect.PingRequest{Text: "hi"})
}

// Hazard: a generated client's call with a context that has no deadline.
func Hazard() {
	client().Ping(context.Background(), req()) // want `context.Background\(\) reaches \(pingv1connect.PingServiceClient\).Ping → \(\*connect.Client\[Req, Res\]\).CallUnary with no deadline: nothing else bounds the request`
}

// Hazard: a hand-built client's unary call.
func Direct() {
	c := connect.NewClient[pingv1connect.PingRequest, pingv1connect.PingResponse](http.DefaultClient, "http://ping:8080"+pingv1connect.PingServicePingProcedure)
	c.CallUnary(context.TODO(), req()) // want `context.TODO\(\) reaches \(\*connect.Client\[Req, Res\]\).CallUnary with no deadline`
}

// Through a helper: the caller's context reaches the call.
func ping(ctx context.Context, c pingv1connect.PingServiceClient) error { // want ping:"ctxdeadline\\(param0 → \\(pingv1connect.PingServiceClient\\).Ping → \\(\\*connect.Client\\[Req, Res\\]\\).CallUnary\\)"
	_, err := c.Ping(ctx, req())
	return err
}

func Helper() {
	ping(context.Background(), client()) // want `context.Background\(\) reaches deadline.ping → \(pingv1connect.PingServiceClient\).Ping → \(\*connect.Client\[Req, Res\]\).CallUnary with no deadline`
}

// Safe: the same calls under context.WithTimeout (sent to the server as
// Connect-Timeout-Ms).
func Safe() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	client().Ping(ctx, req())
	ping(ctx, client())
}

// Silent: a server stream stays open as long as its context.
func Stream() {
	client().CountUp(context.Background(), req())
}

// Trap: a cancellable context has no deadline, and an HTTP client whose
// transport bounds only the dial and the TLS handshake does not bound the
// call.
func Cancellable() {
	hc := &http.Client{Transport: &http.Transport{
		DialContext:         (&net.Dialer{Timeout: time.Second}).DialContext,
		TLSHandshakeTimeout: time.Second,
	}}
	ctx, cancel := context.WithCancel(context.Background()) // want `context.Background\(\) reaches \(pingv1connect.PingServiceClient\).Ping → \(\*connect.Client\[Req, Res\]\).CallUnary with no deadline \(context.WithCancel adds none\)`
	defer cancel()
	pingv1connect.NewPingServiceClient(hc, "http://ping:8080").Ping(ctx, req())
}
