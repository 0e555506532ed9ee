package redis

import "context"

type Options struct {
	Addr     string
	Password string
}

type StringCmd struct{}

type cmdable func(ctx context.Context, cmd any) error

func (c cmdable) Get(ctx context.Context, key string) *StringCmd { return nil }

type Client struct{ cmdable }

func NewClient(opt *Options) *Client { return &Client{} }
