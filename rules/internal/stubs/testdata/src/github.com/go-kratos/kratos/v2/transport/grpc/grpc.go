// Package grpc is a stub of kratos' transport/grpc client side.
package grpc

import (
	"context"
	"time"

	"google.golang.org/grpc"
)

type ClientOption func(o *clientOptions)

type clientOptions struct {
	endpoint string
	timeout  time.Duration
}

func WithEndpoint(endpoint string) ClientOption {
	return func(o *clientOptions) { o.endpoint = endpoint }
}

func WithTimeout(timeout time.Duration) ClientOption {
	return func(o *clientOptions) { o.timeout = timeout }
}

func Dial(ctx context.Context, opts ...ClientOption) (*grpc.ClientConn, error) { return nil, nil }

func DialInsecure(ctx context.Context, opts ...ClientOption) (*grpc.ClientConn, error) {
	return nil, nil
}
