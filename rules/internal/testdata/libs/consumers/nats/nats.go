// Package nats holds ctxdeadline's consumer-context cases for nats.go
// subscriptions: a callback that NATS calls per message and that uses a
// context captured from the function registering it has no deadline per
// message; the subscription's messages queue behind it.
package nats

import (
	"context"
	"database/sql"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

var db *sql.DB

// Reported: the callback captures the service's context.
func Subscribe(ctx context.Context, nc *nats.Conn) (*nats.Subscription, error) {
	return nc.QueueSubscribe("orders.created", "billing", func(m *nats.Msg) {
		db.ExecContext(ctx, "INSERT INTO orders VALUES ($1)", m.Data) // want `the context that a NATS handler literal in nats.Subscribe captures has no deadline per message: it reaches \(\*sql.DB\).ExecContext: .*, and the subscription's messages queue behind it until its pending limits are reached, and then NATS drops them \(a slow consumer\); derive a context with context.WithTimeout for each message`
	})
}

// Reported: a JetStream consumer's callback.
func Consume(ctx context.Context, c jetstream.Consumer) (jetstream.ConsumeContext, error) {
	return c.Consume(func(m jetstream.Msg) {
		if _, err := db.ExecContext(ctx, "INSERT INTO orders VALUES ($1)", m.Data()); err == nil { // want `the context that a JetStream handler literal in nats.Consume captures has no deadline per message`
			m.Ack()
		}
	})
}

// Silent: a deadline per message.
func Bounded(ctx context.Context, nc *nats.Conn) (*nats.Subscription, error) {
	return nc.Subscribe("orders.created", func(m *nats.Msg) {
		mctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		defer cancel()
		db.ExecContext(mctx, "INSERT INTO orders VALUES ($1)", m.Data)
	})
}

// Reported as a fresh context (an error, as anywhere): the callback
// creates context.Background().
func Fresh(nc *nats.Conn) (*nats.Subscription, error) {
	return nc.Subscribe("orders.created", func(m *nats.Msg) {
		db.ExecContext(context.Background(), "INSERT INTO orders VALUES ($1)", m.Data) // want `context.Background\(\) reaches \(\*sql.DB\).ExecContext with no deadline`
	})
}

// Reported: a pull loop around NextMsgWithContext.
func Pull(ctx context.Context, sub *nats.Subscription) error {
	for {
		m, err := sub.NextMsgWithContext(ctx)
		if err != nil {
			return err
		}
		db.ExecContext(ctx, "INSERT INTO orders VALUES ($1)", m.Data) // want `the context used in the NATS NextMsgWithContext loop in nats.Pull has no deadline per message`
	}
}
