// Package kafkago holds ctxdeadline's consumer-context cases for
// segmentio/kafka-go readers and hand-written consumer loops: a call made
// in the loop around ReadMessage or FetchMessage with the loop's context
// (a long-lived one, from outside the loop) has no deadline per message,
// and the partition waits behind it.
package kafkago

import (
	"context"
	"database/sql"
	"os"
	"os/signal"
	"time"

	"github.com/segmentio/kafka-go"
)

var db *sql.DB

func store(ctx context.Context, m kafka.Message) error { // want store:`ctxdeadline\(param0 → \(\*sql.DB\).ExecContext\)`
	_, err := db.ExecContext(ctx, "INSERT INTO events VALUES ($1)", m.Value)
	return err
}

// Reported: the loop's context is a parameter (the consumer's lifetime):
// reported here, not passed up to the caller, since bounding the caller's
// context would stop the consumer.
func Consume(ctx context.Context, r *kafka.Reader) error {
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		if err := store(ctx, m); err != nil { // want `the context used in the kafka-go ReadMessage loop in kafkago.Consume has no deadline per message: it reaches kafkago.store → \(\*sql.DB\).ExecContext: .*, and the partition's later messages wait behind it and the consumer's lag grows; derive a context with context.WithTimeout for each message`
			return err
		}
	}
}

// Reported: the loop's context comes from signal.NotifyContext: reported
// at the read, as a consumer's context (not at context.Background()).
func Main(r *kafka.Reader) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return
		}
		db.ExecContext(ctx, "INSERT INTO events VALUES ($1)", m.Value) // want `the context used in the kafka-go FetchMessage loop in kafkago.Main has no deadline per message: it reaches \(\*sql.DB\).ExecContext`
		r.CommitMessages(ctx, m)
	}
}

// Silent: a deadline per message.
func Bounded(ctx context.Context, r *kafka.Reader) error {
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		mctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		err = store(mctx, m)
		cancel()
		if err != nil {
			return err
		}
	}
}

// Trap: the per-message deadline is derived, then the loop's context is
// passed.
func Discarded(ctx context.Context, r *kafka.Reader) error {
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		tctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		_ = tctx
		if err := store(ctx, m); err != nil { // want `the context used in the kafka-go ReadMessage loop in kafkago.Discarded has no deadline per message`
			return err
		}
	}
}

// Silent: one deadline created before the loop bounds every call in it
// (and ends the consumer when it expires: a loud failure, not a hang).
func Shared(r *kafka.Reader) error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		if err := store(ctx, m); err != nil {
			return err
		}
	}
}

// Reported: workers ranging over a channel of kafka-go messages, with a
// context captured from outside the loop.
func Workers(ctx context.Context, jobs <-chan kafka.Message) {
	for i := 0; i < 4; i++ {
		go func() {
			for m := range jobs {
				store(ctx, m) // want `the context used in the loop over kafka-go messages in a function literal in kafkago.Workers has no deadline per message: it reaches kafkago.store`
			}
		}()
	}
}

// Outside the loop: a call after the loop is not made per message; the
// parameter's callers decide (its fact).
func After(ctx context.Context, r *kafka.Reader) error { // want After:`ctxdeadline\(param0 → \(\*sql.DB\).ExecContext\)`
	for i := 0; i < 10; i++ {
		if _, err := r.FetchMessage(ctx); err != nil {
			break
		}
	}
	_, err := db.ExecContext(ctx, "UPDATE progress SET n = n + 10")
	return err
}
