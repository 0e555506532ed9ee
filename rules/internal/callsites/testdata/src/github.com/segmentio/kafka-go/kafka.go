package kafka

import (
	"context"
	"net"
)

type Message struct{ Value []byte }

type Writer struct {
	Addr  net.Addr
	Topic string
}

func (w *Writer) WriteMessages(ctx context.Context, msgs ...Message) error { return nil }

func TCP(address ...string) net.Addr { return nil }

type ReaderConfig struct {
	Brokers []string
	GroupID string
	Topic   string
}

type Reader struct{}

func NewReader(config ReaderConfig) *Reader { return &Reader{} }

func (r *Reader) FetchMessage(ctx context.Context) (Message, error) { return Message{}, nil }
