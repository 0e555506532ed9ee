// Package redis is a stub of github.com/redis/go-redis/v9 with the real
// signatures of the parts the tests use.
package redis

import (
	"context"
	"time"
)

type Limiter interface {
	Allow() error
	ReportResult(result error)
}

type Options struct {
	Addr                  string
	Password              string
	MaxRetries            int
	DialTimeout           time.Duration
	ReadTimeout           time.Duration
	WriteTimeout          time.Duration
	ContextTimeoutEnabled bool
	Limiter               Limiter
}

type Cmder interface{ Err() error }

type StringCmd struct{ err error }

func (c *StringCmd) Err() error              { return c.err }
func (c *StringCmd) Result() (string, error) { return "", c.err }

type StatusCmd struct{ err error }

func (c *StatusCmd) Err() error              { return c.err }
func (c *StatusCmd) Result() (string, error) { return "", c.err }

type cmdable func(ctx context.Context, cmd Cmder) error

func (c cmdable) Ping(ctx context.Context) *StatusCmd {
	cmd := &StatusCmd{}
	_ = c(ctx, cmd)
	return cmd
}

func (c cmdable) Get(ctx context.Context, key string) *StringCmd {
	cmd := &StringCmd{}
	_ = c(ctx, cmd)
	return cmd
}

func (c cmdable) Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd {
	cmd := &StatusCmd{}
	_ = c(ctx, cmd)
	return cmd
}

type Cmdable interface {
	Ping(ctx context.Context) *StatusCmd
	Get(ctx context.Context, key string) *StringCmd
	Set(ctx context.Context, key string, value interface{}, expiration time.Duration) *StatusCmd
}

type baseClient struct{ opt *Options }

type Client struct {
	*baseClient
	cmdable
}

func NewClient(opt *Options) *Client {
	c := &Client{baseClient: &baseClient{opt: opt}}
	c.cmdable = c.process
	return c
}

func (c *Client) process(ctx context.Context, cmd Cmder) error { return nil }

func (c *Client) Close() error { return nil }

// UniversalClient is the interface of every go-redis client.
type UniversalClient interface {
	Get(ctx context.Context, key string) *StringCmd
	Close() error
}
