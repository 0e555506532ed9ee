// Package grpc is a stub of google.golang.org/grpc with the real
// signatures of the parts faultline reads.
package grpc

import "context"

type ClientConn struct{}

type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
	NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error)
}

type CallOption interface{}
type DialOption interface{}
type StreamDesc struct{}
type ClientStream interface{}

type UnaryInvoker func(ctx context.Context, method string, req, reply any, cc *ClientConn, opts ...CallOption) error
type UnaryClientInterceptor func(ctx context.Context, method string, req, reply any, cc *ClientConn, invoker UnaryInvoker, opts ...CallOption) error
type Streamer func(ctx context.Context, desc *StreamDesc, cc *ClientConn, method string, opts ...CallOption) (ClientStream, error)
type StreamClientInterceptor func(ctx context.Context, desc *StreamDesc, cc *ClientConn, method string, streamer Streamer, opts ...CallOption) (ClientStream, error)

func NewClient(target string, opts ...DialOption) (conn *ClientConn, err error) { return nil, nil }
func Dial(target string, opts ...DialOption) (*ClientConn, error)               { return nil, nil }
func DialContext(ctx context.Context, target string, opts ...DialOption) (conn *ClientConn, err error) {
	return nil, nil
}

func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}
func (cc *ClientConn) NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error) {
	return nil, nil
}
func (cc *ClientConn) Close() error { return nil }

func WithUnaryInterceptor(f UnaryClientInterceptor) DialOption                    { return nil }
func WithChainUnaryInterceptor(interceptors ...UnaryClientInterceptor) DialOption { return nil }
func WithStreamInterceptor(f StreamClientInterceptor) DialOption                  { return nil }
func WithChainStreamInterceptor(interceptors ...StreamClientInterceptor) DialOption {
	return nil
}
func WithDefaultServiceConfig(s string) DialOption { return nil }
func WithMaxCallAttempts(n int) DialOption         { return nil }
func WithDisableRetry() DialOption                 { return nil }
