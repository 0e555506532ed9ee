// Package amqp holds ctxdeadline's consumer-context cases for
// rabbitmq/amqp091-go: ranging over the deliveries of Channel.Consume
// with a context from outside the loop makes each message's calls
// unbounded, and the prefetched deliveries wait behind them.
package amqp

import (
	"context"
	"database/sql"
	"time"

	amqp "github.com/rabbitmq/amqp091-go"
)

var db *sql.DB

// Reported: the worker's context reaches the database per delivery.
func Worker(ctx context.Context, ch *amqp.Channel) error {
	msgs, err := ch.ConsumeWithContext(ctx, "orders", "billing", false, false, false, false, nil)
	if err != nil {
		return err
	}
	for d := range msgs {
		if _, err := db.ExecContext(ctx, "INSERT INTO orders VALUES ($1)", d.Body); err != nil { // want `the context used in the loop over amqp091-go messages in amqp.Worker has no deadline per message: it reaches \(\*sql.DB\).ExecContext: .*, and the deliveries the channel has prefetched wait behind it unacknowledged, and the queue grows; derive a context with context.WithTimeout for each message`
			d.Nack(false, true)
			continue
		}
		d.Ack(false)
	}
	return nil
}

// Reported: a select loop over the deliveries.
func Select(ctx context.Context, msgs <-chan amqp.Delivery) {
	for {
		select {
		case <-ctx.Done():
			return
		case d := <-msgs:
			db.ExecContext(ctx, "INSERT INTO orders VALUES ($1)", d.Body) // want `the context used in the loop over amqp091-go messages in amqp.Select has no deadline per message`
			d.Ack(false)
		}
	}
}

// Silent: a deadline per delivery.
func Bounded(ctx context.Context, ch *amqp.Channel) error {
	msgs, err := ch.Consume("orders", "billing", false, false, false, false, nil)
	if err != nil {
		return err
	}
	for d := range msgs {
		dctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		_, err := db.ExecContext(dctx, "INSERT INTO orders VALUES ($1)", d.Body)
		cancel()
		if err != nil {
			d.Nack(false, true)
			continue
		}
		d.Ack(false)
	}
	return nil
}
