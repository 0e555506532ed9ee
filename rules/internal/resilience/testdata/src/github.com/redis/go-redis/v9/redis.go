// Package redis is a stub of github.com/redis/go-redis/v9.
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
	Addr        string
	MaxRetries  int
	ReadTimeout time.Duration
	Limiter     Limiter
}

type StringCmd struct{}

func (cmd *StringCmd) Result() (string, error) { return "", nil }

type cmdable func(ctx context.Context, cmd any) error

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return &StringCmd{} }

type Client struct {
	cmdable
}

func NewClient(opt *Options) *Client { return &Client{} }
