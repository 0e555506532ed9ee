// Package kafka is a stub of github.com/segmentio/kafka-go.
package kafka

import (
	"context"
	"net"
	"time"
)

type Message struct {
	Topic string
	Key   []byte
	Value []byte
}

type Reader struct{}

func (r *Reader) ReadMessage(ctx context.Context) (Message, error)          { return Message{}, nil }
func (r *Reader) FetchMessage(ctx context.Context) (Message, error)         { return Message{}, nil }
func (r *Reader) CommitMessages(ctx context.Context, msgs ...Message) error { return nil }

type Writer struct {
	Addr         net.Addr
	Topic        string
	WriteTimeout time.Duration
}

func (w *Writer) WriteMessages(ctx context.Context, msgs ...Message) error { return nil }

type Conn struct{}

type Dialer struct {
	Timeout  time.Duration
	Deadline time.Time
}

var DefaultDialer = &Dialer{Timeout: 10 * time.Second}

func (d *Dialer) DialContext(ctx context.Context, network string, address string) (*Conn, error) {
	return &Conn{}, nil
}

func (d *Dialer) DialLeader(ctx context.Context, network string, address string, topic string, partition int) (*Conn, error) {
	return &Conn{}, nil
}

func DialContext(ctx context.Context, network string, address string) (*Conn, error) {
	return DefaultDialer.DialContext(ctx, network, address)
}

func DialLeader(ctx context.Context, network string, address string, topic string, partition int) (*Conn, error) {
	return DefaultDialer.DialLeader(ctx, network, address, topic, partition)
}
