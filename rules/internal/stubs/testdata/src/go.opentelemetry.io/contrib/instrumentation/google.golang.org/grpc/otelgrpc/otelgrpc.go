// Package otelgrpc is a stub of the OpenTelemetry gRPC instrumentation.
package otelgrpc

import (
	"context"

	"google.golang.org/grpc/stats"
)

type Option interface{ apply() }

type clientHandler struct{}

func (clientHandler) HandleRPC(context.Context, stats.RPCStats) {}

func NewClientHandler(opts ...Option) stats.Handler { return clientHandler{} }

func NewServerHandler(opts ...Option) stats.Handler { return clientHandler{} }
