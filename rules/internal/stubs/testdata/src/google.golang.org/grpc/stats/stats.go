// Package stats is a stub of google.golang.org/grpc/stats.
package stats

import "context"

type RPCStats interface{ IsClient() bool }

type Handler interface {
	HandleRPC(context.Context, RPCStats)
}
