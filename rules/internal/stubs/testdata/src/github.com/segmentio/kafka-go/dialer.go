// Package kafka is a stub of github.com/segmentio/kafka-go v0.4.51 for
// tests: the real signatures and defaults, trimmed.
package kafka

import (
	"context"
	"net"
	"time"
)

type Conn struct{ net.Conn }

type Dialer struct {
	ClientID  string
	DialFunc  func(ctx context.Context, network string, address string) (net.Conn, error)
	Timeout   time.Duration
	Deadline  time.Time
	DualStack bool
	KeepAlive time.Duration
}

func (d *Dialer) Dial(network string, address string) (*Conn, error) {
	return d.DialContext(context.Background(), network, address)
}

func (d *Dialer) DialContext(ctx context.Context, network string, address string) (*Conn, error) {
	return &Conn{}, nil
}

func (d *Dialer) DialLeader(ctx context.Context, network string, address string, topic string, partition int) (*Conn, error) {
	return d.DialContext(ctx, network, address)
}

var DefaultDialer = &Dialer{
	Timeout:   10 * time.Second,
	DualStack: true,
}

func Dial(network string, address string) (*Conn, error) {
	return DefaultDialer.Dial(network, address)
}

func DialContext(ctx context.Context, network string, address string) (*Conn, error) {
	return DefaultDialer.DialContext(ctx, network, address)
}

func DialLeader(ctx context.Context, network string, address string, topic string, partition int) (*Conn, error) {
	return DefaultDialer.DialLeader(ctx, network, address, topic, partition)
}
