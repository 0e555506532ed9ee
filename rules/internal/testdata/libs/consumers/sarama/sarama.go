// Package sarama holds ctxdeadline's consumer-context cases for sarama's
// consumer groups (IBM/sarama and Shopify/sarama): ConsumeClaim's
// session.Context() is cancelled only when the session ends (a
// rebalance, Close) and has no deadline, so a remote call made with it
// while handling a message can wait forever, and the claim (and the
// rebalance) waits behind it.
package sarama

import (
	"context"
	"database/sql"
	"time"

	ibm "github.com/IBM/sarama"
	shopify "github.com/Shopify/sarama"
)

var db *sql.DB

func save(ctx context.Context, m *ibm.ConsumerMessage) error { // want save:`ctxdeadline\(param0 → \(\*sql.DB\).ExecContext\)`
	_, err := db.ExecContext(ctx, "INSERT INTO orders VALUES ($1)", m.Value)
	return err
}

// Reported: the session's context reaches the database per message.
type handler struct{}

func (handler) Setup(ibm.ConsumerGroupSession) error   { return nil }
func (handler) Cleanup(ibm.ConsumerGroupSession) error { return nil }
func (handler) ConsumeClaim(sess ibm.ConsumerGroupSession, claim ibm.ConsumerGroupClaim) error {
	for m := range claim.Messages() {
		if err := save(sess.Context(), m); err != nil { // want `the sarama ConsumeClaim session context \(ConsumerGroupSession.Context\(\), cancelled only when the session ends\) has no deadline per message: it reaches sarama.save → \(\*sql.DB\).ExecContext: .*, and the partition's later messages wait behind it, and a rebalance waits for ConsumeClaim to return, so the whole group stops; derive a context with context.WithTimeout for each message`
			return err
		}
		sess.MarkMessage(m, "")
	}
	return nil
}

// Reported: the session's context taken once, before the loop (WithValue
// adds no deadline).
type tagged struct{}

func (tagged) Setup(shopify.ConsumerGroupSession) error   { return nil }
func (tagged) Cleanup(shopify.ConsumerGroupSession) error { return nil }
func (tagged) ConsumeClaim(sess shopify.ConsumerGroupSession, claim shopify.ConsumerGroupClaim) error {
	ctx := context.WithValue(sess.Context(), key{}, claim.Topic()) // want `the sarama ConsumeClaim session context .* has no deadline per message: it reaches \(\*sql.DB\).ExecContext \(context.WithValue adds no deadline\)`
	for m := range claim.Messages() {
		db.ExecContext(ctx, "INSERT INTO orders VALUES ($1)", m.Value)
		sess.MarkMessage(m, "")
	}
	return nil
}

type key struct{}

// Silent: a deadline per message.
type bounded struct{}

func (bounded) Setup(ibm.ConsumerGroupSession) error   { return nil }
func (bounded) Cleanup(ibm.ConsumerGroupSession) error { return nil }
func (bounded) ConsumeClaim(sess ibm.ConsumerGroupSession, claim ibm.ConsumerGroupClaim) error {
	for m := range claim.Messages() {
		ctx, cancel := context.WithTimeout(sess.Context(), 5*time.Second)
		err := save(ctx, m)
		cancel()
		if err != nil {
			return err
		}
		sess.MarkMessage(m, "")
	}
	return nil
}

// Trap: the per-message timeout is derived, and the session's context is
// passed instead.
type discarded struct{}

func (discarded) Setup(ibm.ConsumerGroupSession) error   { return nil }
func (discarded) Cleanup(ibm.ConsumerGroupSession) error { return nil }
func (discarded) ConsumeClaim(sess ibm.ConsumerGroupSession, claim ibm.ConsumerGroupClaim) error {
	for m := range claim.Messages() {
		tctx, cancel := context.WithTimeout(sess.Context(), 5*time.Second)
		_ = tctx
		err := save(sess.Context(), m) // want `the sarama ConsumeClaim session context .* has no deadline per message`
		cancel()
		if err != nil {
			return err
		}
	}
	return nil
}

// Reported as a fresh context (an error, as anywhere): context.Background()
// in the handler.
type fresh struct{}

func (fresh) Setup(ibm.ConsumerGroupSession) error   { return nil }
func (fresh) Cleanup(ibm.ConsumerGroupSession) error { return nil }
func (fresh) ConsumeClaim(sess ibm.ConsumerGroupSession, claim ibm.ConsumerGroupClaim) error {
	for m := range claim.Messages() {
		save(context.Background(), m) // want `context.Background\(\) reaches sarama.save → \(\*sql.DB\).ExecContext with no deadline`
	}
	return nil
}

// Silent: the consumer group's own wait, under a context with no
// deadline, is its purpose.
func Run(ctx context.Context, g ibm.ConsumerGroup) error {
	for {
		if err := g.Consume(ctx, []string{"orders"}, handler{}); err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}
