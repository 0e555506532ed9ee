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
