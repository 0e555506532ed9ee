// Package kafka is a stub of github.com/segmentio/kafka-go v0.4.51 for
// tests: the real signatures and defaults, trimmed (the dialer is in
// dialer.go).
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

type ReaderConfig struct {
	Brokers []string
	GroupID string
	Topic   string
}

type Reader struct{}

func NewReader(config ReaderConfig) *Reader { return &Reader{} }

func (r *Reader) ReadMessage(ctx context.Context) (Message, error)          { return Message{}, nil }
func (r *Reader) FetchMessage(ctx context.Context) (Message, error)         { return Message{}, nil }
func (r *Reader) CommitMessages(ctx context.Context, msgs ...Message) error { return nil }

type Writer struct {
	Addr         net.Addr
	Topic        string
	MaxAttempts  int
	WriteTimeout time.Duration
}

func (w *Writer) WriteMessages(ctx context.Context, msgs ...Message) error { return nil }

// TCP returns the address of one or more brokers.
func TCP(address ...string) net.Addr { return nil }
