// Package watermill holds ctxdeadline's consumer-context cases for
// watermill handlers: msg.Context() is the subscriber's context (or
// context.Background()) unless a middleware sets one, and nothing in this
// package does.
package watermill

import (
	"context"
	"database/sql"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
)

var db *sql.DB

func Routes(r *message.Router, sub message.Subscriber, pub message.Publisher) {
	// Reported: the message's context reaches the database.
	r.AddNoPublisherHandler("billing", "orders", sub, func(msg *message.Message) error {
		_, err := db.ExecContext(msg.Context(), "INSERT INTO orders VALUES ($1)", msg.Payload) // want `the watermill message context \(Message.Context\(\): the subscriber's, unless a middleware sets one\) has no deadline per message: it reaches \(\*sql.DB\).ExecContext: .*, and the subscriber's later messages wait behind it, and the router's handler stops consuming; derive a context with context.WithTimeout for each message`
		return err
	})
	// Silent: a deadline per message.
	r.AddHandler("shipping", "orders", sub, "shipments", pub, func(msg *message.Message) ([]*message.Message, error) {
		ctx, cancel := context.WithTimeout(msg.Context(), 2*time.Second)
		defer cancel()
		_, err := db.ExecContext(ctx, "INSERT INTO shipments VALUES ($1)", msg.Payload)
		return nil, err
	})
	// Silent: the handler sets the message's context itself; which one a
	// later read sees is not followed.
	r.AddNoPublisherHandler("audit", "orders", sub, func(msg *message.Message) error {
		ctx, cancel := context.WithTimeout(msg.Context(), time.Second)
		defer cancel()
		msg.SetContext(ctx)
		_, err := db.ExecContext(msg.Context(), "INSERT INTO audit VALUES ($1)", msg.Payload)
		return err
	})
}

// Reported: a loop over a subscription's messages with the context given
// to Subscribe.
func Listen(ctx context.Context, sub message.Subscriber) error {
	msgs, err := sub.Subscribe(ctx, "orders")
	if err != nil {
		return err
	}
	for msg := range msgs {
		db.ExecContext(ctx, "INSERT INTO orders VALUES ($1)", msg.Payload) // want `the context used in the loop over watermill messages in watermill.Listen has no deadline per message`
		msg.Ack()
	}
	return nil
}
