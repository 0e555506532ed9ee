// Package grpcsrv builds gRPC servers: one with none of
// MaxConcurrentStreams, keepalive and ConnectionTimeout is noted.
package grpcsrv

import (
	"context"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"

	"example.com/libs/servers/grpcopts"
)

func logging(ctx context.Context, req any, _ *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	return h(ctx, req)
}

// Bare: grpc.NewServer() with no option.
func Bare() *grpc.Server {
	return grpc.NewServer() // want `grpc.NewServer sets neither MaxConcurrentStreams nor keepalive`
}

// Streams: MaxConcurrentStreams: silent.
func Streams() *grpc.Server {
	return grpc.NewServer(grpc.MaxConcurrentStreams(100))
}

// Interceptors: options, none of which limits a client (trap).
func Interceptors() *grpc.Server {
	opts := []grpc.ServerOption{grpc.UnaryInterceptor(logging), grpc.MaxRecvMsgSize(1 << 20)}
	return grpc.NewServer(opts...) // want `grpc.NewServer sets neither MaxConcurrentStreams nor keepalive`
}

// SliceWithKeepalive: a slice holding KeepaliveParams: silent.
func SliceWithKeepalive() *grpc.Server {
	opts := []grpc.ServerOption{
		grpc.UnaryInterceptor(logging),
		grpc.KeepaliveParams(keepalive.ServerParameters{MaxConnectionIdle: time.Minute}),
	}
	return grpc.NewServer(opts...)
}

// Appended: the limit is appended to the slice: silent.
func Appended(tls bool) *grpc.Server {
	var opts []grpc.ServerOption
	opts = append(opts, grpc.ChainUnaryInterceptor(logging))
	if tls {
		opts = append(opts, grpc.ConnectionTimeout(5*time.Second))
	}
	return grpc.NewServer(opts...)
}

// Enforcement: a keepalive enforcement policy: silent.
func Enforcement() *grpc.Server {
	return grpc.NewServer(grpc.KeepaliveEnforcementPolicy(keepalive.EnforcementPolicy{MinTime: time.Minute}))
}

func limits() []grpc.ServerOption {
	return []grpc.ServerOption{grpc.MaxConcurrentStreams(64)}
}

// LocalHelper: the options of a helper of this package: silent.
func LocalHelper() *grpc.Server { return grpc.NewServer(limits()...) }

// OtherPackage: the options of a helper of another package (facts):
// silent.
func OtherPackage() *grpc.Server {
	return grpc.NewServer(append(grpcopts.Hardened(), grpc.UnaryInterceptor(logging))...)
}

// OtherPackageNoLimit: another package's options that limit nothing
// (trap).
func OtherPackageNoLimit() *grpc.Server {
	return grpc.NewServer(grpcopts.Observability()...) // want `grpc.NewServer sets neither MaxConcurrentStreams nor keepalive`
}

// Given: options from the caller, which may set a limit: silent.
func Given(opts ...grpc.ServerOption) *grpc.Server {
	return grpc.NewServer(opts...)
}
