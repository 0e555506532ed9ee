// Package streams holds gRPC streams open for a connection's life (istio's
// xDS ADS client): a bidirectional session opened once and received from
// in a goroutine, a watch re-opened in a reconnect loop. A breaker does
// not fit them (retrybackoff judges their reconnect loops). Calls that
// stay request/response are reported: a unary call, an upload (client
// stream) and a server stream read to its end within one request.
package streams

import (
	"context"
	"io"
	"os"
	"time"

	"example.com/libs/grpcconn/adspb"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

type ADSC struct {
	client adspb.ADSClient
	stream grpc.BidiStreamingClient[wrapperspb.StringValue, wrapperspb.StringValue]
}

func New() (*ADSC, error) {
	conn, err := grpc.NewClient(os.Getenv("XDS_ADDR"))
	if err != nil {
		return nil, err
	}
	return &ADSC{client: adspb.NewADSClient(conn)}, nil
}

// Run opens the session once; handleRecv reads it for the connection's
// life.
func (a *ADSC) Run() error {
	var err error
	a.stream, err = a.client.StreamAggregatedResources(context.Background())
	if err != nil {
		return err
	}
	go a.handleRecv()
	return nil
}

func (a *ADSC) handleRecv() {
	for {
		if _, err := a.stream.Recv(); err != nil {
			time.AfterFunc(time.Second, func() { _ = a.Run() })
			return
		}
	}
}

// watch re-opens a server stream in a reconnect loop: a watch.
func (a *ADSC) watch(ctx context.Context) {
	for ctx.Err() == nil {
		s, err := a.client.Watch(ctx, wrapperspb.String("cluster"))
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		for {
			if _, err := s.Recv(); err != nil {
				break
			}
		}
	}
}

// Lists are request/response: a unary call, an upload, and a server
// stream read to its end within the request.
type Lister struct {
	client adspb.ADSClient
}

func NewLister() (*Lister, error) {
	conn, err := grpc.NewClient(os.Getenv("LIST_ADDR"))
	if err != nil {
		return nil, err
	}
	return &Lister{client: adspb.NewADSClient(conn)}, nil // want `no circuit breaker guards gRPC service envoy.service.discovery.v3.AggregatedDiscoveryService \(at env LIST_ADDR\) \(called in \(\*Lister\).Fetch, \(\*Lister\).Upload, \(\*Lister\).List\)`
}

func (l *Lister) Fetch(ctx context.Context) error {
	_, err := l.client.Fetch(ctx, wrapperspb.String(""))
	return err
}

func (l *Lister) Upload(ctx context.Context, reqs []*wrapperspb.StringValue) error {
	s, err := l.client.Upload(ctx)
	if err != nil {
		return err
	}
	for _, r := range reqs {
		if err := s.Send(r); err != nil {
			return err
		}
	}
	_, err = s.CloseAndRecv()
	return err
}

func (l *Lister) List(ctx context.Context) ([]*wrapperspb.StringValue, error) {
	s, err := l.client.Watch(ctx, wrapperspb.String(""))
	if err != nil {
		return nil, err
	}
	var out []*wrapperspb.StringValue
	for {
		r, err := s.Recv()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
}
