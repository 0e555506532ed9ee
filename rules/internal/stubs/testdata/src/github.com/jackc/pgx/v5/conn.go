// Package pgx is a stub of github.com/jackc/pgx/v5.
package pgx

import "context"

type Conn struct{}

type Rows interface {
	Close()
	Next() bool
	Err() error
}

type CommandTag struct{}

type Notification struct{ Channel, Payload string }

func Connect(ctx context.Context, connString string) (*Conn, error) { return &Conn{}, nil }

func (c *Conn) Query(ctx context.Context, sql string, args ...any) (Rows, error) { return nil, nil }

func (c *Conn) Exec(ctx context.Context, sql string, arguments ...any) (CommandTag, error) {
	return CommandTag{}, nil
}

func (c *Conn) WaitForNotification(ctx context.Context) (*Notification, error) { return nil, nil }

func (c *Conn) Close(ctx context.Context) error { return nil }
