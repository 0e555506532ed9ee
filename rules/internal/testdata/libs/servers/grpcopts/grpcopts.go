// Package grpcopts builds gRPC server options for other packages: what
// they set crosses packages in facts.
package grpcopts

import (
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/keepalive"
)

// Hardened returns options that limit what one client holds.
func Hardened() []grpc.ServerOption {
	return []grpc.ServerOption{
		grpc.MaxConcurrentStreams(128),
		grpc.KeepaliveParams(keepalive.ServerParameters{MaxConnectionIdle: 5 * time.Minute}),
	}
}

// Observability returns options that limit nothing.
func Observability() []grpc.ServerOption {
	return []grpc.ServerOption{grpc.MaxRecvMsgSize(4 << 20)}
}
