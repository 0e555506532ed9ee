// Package redis is a stub of github.com/redis/go-redis/v9 with the real
// signatures of the parts the tests use.
package redis

import (
	"context"
	"time"
)

type Options struct {
	Addr        string
	DialTimeout time.Duration
	ReadTimeout time.Duration
}

type Cmder interface{ Err() error }

type StatusCmd struct{ err error }

func (c *StatusCmd) Err() error              { return c.err }
func (c *StatusCmd) Result() (string, error) { return "", c.err }

type StringCmd struct{ err error }

func (c *StringCmd) Err() error              { return c.err }
func (c *StringCmd) Result() (string, error) { return "", c.err }

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

type Client struct {
	opt *Options
	cmdable
}

func NewClient(opt *Options) *Client {
	c := &Client{opt: opt}
	c.cmdable = c.process
	return c
}

func (c *Client) process(ctx context.Context, cmd Cmder) error { return nil }
