// Package grpc is a stub of google.golang.org/grpc v1.75 for tests: the
// real signatures of the parts faultline reads (the dial API, calls and
// streams, interceptors, servers), trimmed.
package grpc

import (
	"context"
	"net"
	"time"

	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/keepalive"
	"google.golang.org/grpc/stats"
)

// Calls and streams.

type CallOption interface{ before() }

type StreamDesc struct {
	StreamName    string
	ServerStreams bool
	ClientStreams bool
}

type ClientStream interface {
	SendMsg(m any) error
	RecvMsg(m any) error
	CloseSend() error
	Context() context.Context
}

// ClientConnInterface defines the functions clients need to perform unary
// and streaming RPCs.
type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
	NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error)
}

type ClientConn struct{ target string }

func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}

func (cc *ClientConn) NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error) {
	return nil, nil
}

func (cc *ClientConn) Close() error { return nil }

func Invoke(ctx context.Context, method string, args, reply any, cc *ClientConn, opts ...CallOption) error {
	return nil
}

func NewClientStream(ctx context.Context, desc *StreamDesc, cc *ClientConn, method string, opts ...CallOption) (ClientStream, error) {
	return nil, nil
}

type ServerStreamingClient[Res any] interface {
	Recv() (*Res, error)
	ClientStream
}

type BidiStreamingClient[Req any, Res any] interface {
	Send(*Req) error
	Recv() (*Res, error)
	ClientStream
}

type ClientStreamingClient[Req any, Res any] interface {
	Send(*Req) error
	CloseAndRecv() (*Res, error)
	ClientStream
}

type GenericClientStream[Req any, Res any] struct {
	ClientStream
}

func (x *GenericClientStream[Req, Res]) Send(m *Req) error { return x.ClientStream.SendMsg(m) }

func (x *GenericClientStream[Req, Res]) CloseAndRecv() (*Res, error) {
	if err := x.ClientStream.CloseSend(); err != nil {
		return nil, err
	}
	m := new(Res)
	if err := x.ClientStream.RecvMsg(m); err != nil {
		return nil, err
	}
	return m, nil
}

func (x *GenericClientStream[Req, Res]) Recv() (*Res, error) {
	m := new(Res)
	if err := x.ClientStream.RecvMsg(m); err != nil {
		return nil, err
	}
	return m, nil
}

func StaticMethod() CallOption { return nil }

// Dialing.

type DialOption interface{ apply() }

type funcDialOption struct{}

func (funcDialOption) apply() {}

func NewClient(target string, opts ...DialOption) (conn *ClientConn, err error) {
	return &ClientConn{target: target}, nil
}

// Deprecated: use NewClient.
func Dial(target string, opts ...DialOption) (*ClientConn, error) {
	return DialContext(context.Background(), target, opts...)
}

// Deprecated: use NewClient.
func DialContext(ctx context.Context, target string, opts ...DialOption) (conn *ClientConn, err error) {
	return &ClientConn{target: target}, nil
}

// Deprecated: this DialOption is not supported by NewClient.
func WithBlock() DialOption { return funcDialOption{} }

// Deprecated: this DialOption is not supported by NewClient.
func WithReturnConnectionError() DialOption { return funcDialOption{} }

// Deprecated: use DialContext instead of Dial and context.WithTimeout.
func WithTimeout(d time.Duration) DialOption { return funcDialOption{} }

func WithTransportCredentials(creds credentials.TransportCredentials) DialOption {
	return funcDialOption{}
}

func WithKeepaliveParams(kp keepalive.ClientParameters) DialOption { return funcDialOption{} }

func WithDefaultServiceConfig(s string) DialOption { return funcDialOption{} }

func WithStatsHandler(h stats.Handler) DialOption { return funcDialOption{} }
func WithMaxCallAttempts(n int) DialOption        { return funcDialOption{} }
func WithDisableRetry() DialOption                { return funcDialOption{} }

// Interceptors.

type UnaryInvoker func(ctx context.Context, method string, req, reply any, cc *ClientConn, opts ...CallOption) error

type UnaryClientInterceptor func(ctx context.Context, method string, req, reply any, cc *ClientConn, invoker UnaryInvoker, opts ...CallOption) error

type Streamer func(ctx context.Context, desc *StreamDesc, cc *ClientConn, method string, opts ...CallOption) (ClientStream, error)

type StreamClientInterceptor func(ctx context.Context, desc *StreamDesc, cc *ClientConn, method string, streamer Streamer, opts ...CallOption) (ClientStream, error)

func WithUnaryInterceptor(f UnaryClientInterceptor) DialOption { return funcDialOption{} }
func WithChainUnaryInterceptor(interceptors ...UnaryClientInterceptor) DialOption {
	return funcDialOption{}
}
func WithStreamInterceptor(f StreamClientInterceptor) DialOption { return funcDialOption{} }
func WithChainStreamInterceptor(interceptors ...StreamClientInterceptor) DialOption {
	return funcDialOption{}
}

// Servers.

type MethodDesc struct{ MethodName string }

type ServiceDesc struct {
	ServiceName string
	HandlerType any
	Methods     []MethodDesc
	Streams     []StreamDesc
	Metadata    any
}

type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

type ServerStream interface {
	Context() context.Context
	SendMsg(m any) error
	RecvMsg(m any) error
}

type ServerStreamingServer[Res any] interface {
	Send(*Res) error
	ServerStream
}

type ServerOption interface{ apply() }

type Server struct{ services map[string]any }

func NewServer(opt ...ServerOption) *Server { return &Server{services: map[string]any{}} }

func (s *Server) RegisterService(sd *ServiceDesc, ss any) { s.services[sd.ServiceName] = ss }

func (s *Server) Serve(lis net.Listener) error { return nil }
