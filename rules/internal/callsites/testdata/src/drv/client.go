package drv // want package:`calls\[grpc\(grpc:drv.DriverService param:drv.NewClient#0 param:drv.NewDriverServiceClient#0\)\]`

// Package drv holds a generated client and the hand-written client that
// uses it, in one package: the client struct is followed into the
// generated constructor to the connection (HotROD's driver client).

import (
	"context"

	"google.golang.org/grpc"
)

type Client struct{ c DriverServiceClient }

func NewClient(hostPort string) *Client {
	conn, _ := grpc.NewClient(hostPort)
	return &Client{c: NewDriverServiceClient(conn)}
}

func (c *Client) Nearest(ctx context.Context) error {
	_, err := c.c.Find(ctx, &FindRequest{})
	return err
}
