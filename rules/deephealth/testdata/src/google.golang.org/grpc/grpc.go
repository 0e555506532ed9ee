// Package grpc is a stub of google.golang.org/grpc with the real
// signatures of the parts the tests use.
package grpc

import "context"

type CallOption interface{ before() }

type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
}

type ServiceDesc struct {
	ServiceName string
	HandlerType any
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
