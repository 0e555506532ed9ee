// Package unixsock calls node agents over unix-domain sockets (istio's CNI
// event client and its UDS logger): local IPC, not a dependency a breaker
// protects. Its traps look local and are not: a transport whose
// DialContext ignores the "unix" network it is given and dials tcp, and
// one that dials the network the transport gives it (tcp) under the
// http://unix/ convention.
package unixsock

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"time"

	"example.com/pb/payment"
	"google.golang.org/grpc"
)

// The CNI event client: a closure over net.Dial("unix", …).
type EventClient struct {
	client *http.Client
	url    string
}

func NewEventClient(address, path string) EventClient {
	c := &http.Client{
		Transport: &http.Transport{
			DialContext: func(_ context.Context, _, _ string) (net.Conn, error) {
				return net.Dial("unix", address)
			},
		},
		Timeout: 5 * time.Second,
	}
	return EventClient{client: c, url: "http://unix" + path}
}

func (e EventClient) Push(body []byte) error {
	resp, err := e.client.Post(e.url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// The UDS logger: a client held by value in a field, dialing through a
// helper given the network; its URL names a host, not the convention.
type udsCore struct {
	client http.Client
	url    string
}

func newUDSCore(address string) *udsCore {
	c := http.Client{
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
				return dialNet(ctx, "unix", address)
			},
		},
		Timeout: time.Second,
	}
	return &udsCore{client: c, url: "http://node-agent/logs"}
}

func dialNet(ctx context.Context, network, addr string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, network, addr)
}

func (u *udsCore) Sync(body []byte) error {
	resp, err := u.client.Post(u.url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Trap: the helper is told "unix" and dials tcp to a remote host.
type Reporter struct {
	client *http.Client
}

func NewReporter() *Reporter {
	return &Reporter{client: &http.Client{ // want `no circuit breaker guards the HTTP service at host unix \(called in \(\*Reporter\).Report, \(\*Forwarder\).Forward\)`
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
				return dialCollector(ctx, "unix", os.Getenv("SOCK"))
			},
		},
		Timeout: time.Second,
	}}
}

func dialCollector(ctx context.Context, network, _ string) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, "tcp", "collector.internal:9000")
}

func (r *Reporter) Report(body []byte) error {
	resp, err := r.client.Post("http://unix/report", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Trap: the DialContext dials the network the transport gives it, tcp. Its
// calls reach the same host "unix" as the Reporter's: one dependency.
type Forwarder struct {
	client *http.Client
}

func NewForwarder() *Forwarder {
	var d net.Dialer
	return &Forwarder{client: &http.Client{
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				return d.DialContext(ctx, network, addr)
			},
		},
		Timeout: time.Second,
	}}
}

func (f *Forwarder) Forward(body []byte) error {
	resp, err := f.client.Post("http://unix/forward", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// gRPC over a unix-domain socket target: the node agent's SDS server.
type Agent struct{ pay payment.PaymentServiceClient }

func NewAgent() (*Agent, error) {
	conn, err := grpc.NewClient("unix:///var/run/agent/socket")
	if err != nil {
		return nil, err
	}
	return &Agent{pay: payment.NewPaymentServiceClient(conn)}, nil
}

func (a *Agent) Pay(ctx context.Context) error {
	_, err := a.pay.Charge(ctx, &payment.ChargeRequest{Cents: 100})
	return err
}

// The same service over TCP is a dependency.
type Remote struct{ pay payment.PaymentServiceClient }

func NewRemote() (*Remote, error) {
	conn, err := grpc.NewClient(os.Getenv("PAYMENT_ADDR"))
	if err != nil {
		return nil, err
	}
	return &Remote{pay: payment.NewPaymentServiceClient(conn)}, nil // want `no circuit breaker guards gRPC service shop.payment.v1.PaymentService \(at env PAYMENT_ADDR\)`
}

func (r *Remote) Pay(ctx context.Context) error {
	_, err := r.pay.Charge(ctx, &payment.ChargeRequest{Cents: 100})
	return err
}

// A client handed in, whose transport faultline cannot see, calling the
// conventional host "unix": local.
func Ping(c *http.Client) error {
	resp, err := c.Get("http://unix/ping")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
