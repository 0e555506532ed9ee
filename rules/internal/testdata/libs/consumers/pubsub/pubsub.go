// Package pubsub holds ctxdeadline's consumer-context cases for Google
// Cloud Pub/Sub: the context Subscription.Receive hands its callback is a
// WithCancel of Receive's, cancelled only when that one is done, with no
// deadline per message.
package pubsub

import (
	"context"
	"database/sql"
	"time"

	"cloud.google.com/go/pubsub"
)

var db *sql.DB

// Reported: the callback stores each message with the context Receive
// hands it.
func Run(ctx context.Context, sub *pubsub.Subscription) error {
	return sub.Receive(ctx, func(ctx context.Context, m *pubsub.Message) {
		if _, err := db.ExecContext(ctx, "INSERT INTO events VALUES ($1)", m.Data); err != nil { // want `the context Pub/Sub's Subscription.Receive hands its callback \(cancelled only when Receive's context is done\) in a handler literal in pubsub.Run has no deadline per message: it reaches \(\*sql.DB\).ExecContext: .*and at MaxOutstandingMessages the subscription stops pulling; derive a context with context.WithTimeout for each message`
			m.Nack()
			return
		}
		m.Ack()
	})
}

// Silent: a deadline per message.
func RunBounded(ctx context.Context, sub *pubsub.Subscription) error {
	return sub.Receive(ctx, func(ctx context.Context, m *pubsub.Message) {
		ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		db.ExecContext(ctx, "INSERT INTO events VALUES ($1)", m.Data)
		m.Ack()
	})
}

type worker struct{ db *sql.DB }

// Reported: a method value as the callback, the context reaching the
// database through a helper.
func (w *worker) handle(ctx context.Context, m *pubsub.Message) {
	w.store(ctx, m.Data) // want `the context Pub/Sub's Subscription.Receive hands its callback \(cancelled only when Receive's context is done\) in \(\*pubsub.worker\).handle has no deadline per message: it reaches \(\*pubsub.worker\).store → \(\*sql.DB\).ExecContext`
	m.Ack()
}

func (w *worker) store(ctx context.Context, data []byte) { // want store:`ctxdeadline\(param0 → \(\*sql.DB\).ExecContext\)`
	w.db.ExecContext(ctx, "INSERT INTO events VALUES ($1)", data)
}

func (w *worker) Start(ctx context.Context, sub *pubsub.Subscription) error {
	return sub.Receive(ctx, w.handle)
}

// Trap: a per-message timeout whose context is discarded.
func RunDiscarded(ctx context.Context, sub *pubsub.Subscription) error {
	return sub.Receive(ctx, func(ctx context.Context, m *pubsub.Message) {
		_, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		db.ExecContext(ctx, "INSERT INTO events VALUES ($1)", m.Data) // want `the context Pub/Sub's Subscription.Receive hands its callback .* in a handler literal in pubsub.RunDiscarded has no deadline per message`
		m.Ack()
	})
}
