// Package grpc is a stub of google.golang.org/grpc v1.75 for tests: the
// real signatures of the dial API, trimmed.
package grpc

import (
	"context"
	"time"

	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/keepalive"
)

type ClientConn struct{}

func (cc *ClientConn) Close() error { return nil }

type DialOption interface{ apply() }

type funcDialOption struct{}

func (funcDialOption) apply() {}

func NewClient(target string, opts ...DialOption) (conn *ClientConn, err error) {
	return &ClientConn{}, nil
}

// Deprecated: use NewClient.
func Dial(target string, opts ...DialOption) (*ClientConn, error) {
	return DialContext(context.Background(), target, opts...)
}

// Deprecated: use NewClient.
func DialContext(ctx context.Context, target string, opts ...DialOption) (conn *ClientConn, err error) {
	return &ClientConn{}, nil
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
