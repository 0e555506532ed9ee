// Package asynq holds ctxdeadline's silent cases for hibiken/asynq task
// handlers: asynq v0.26.0 runs each task under
// context.WithDeadline (internal/context.New, processor.go:205), whose
// deadline is the task's Timeout or Deadline and, when neither is set,
// the default timeout of 30 minutes (client.go:310,376-378): the handler's
// context always has a deadline.
package asynq

import (
	"context"
	"database/sql"

	"github.com/hibiken/asynq"
)

var db *sql.DB

func handle(ctx context.Context, t *asynq.Task) error { // want handle:`ctxdeadline\(param0 → \(\*sql.DB\).ExecContext\)`
	_, err := db.ExecContext(ctx, "INSERT INTO emails VALUES ($1)", t.Payload())
	return err
}

// Silent: asynq bounds the handler's context.
func Mux() *asynq.ServeMux {
	mux := asynq.NewServeMux()
	mux.HandleFunc("email:send", handle)
	mux.Handle("email:bounce", asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
		_, err := db.ExecContext(ctx, "UPDATE emails SET bounced = true WHERE id = $1", t.Payload())
		return err
	}))
	return mux
}

// Reported as a fresh context (an error, as anywhere): the handler drops
// asynq's deadline.
func Dropping() asynq.Handler {
	return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
		_, err := db.ExecContext(context.Background(), "DELETE FROM emails WHERE id = $1", t.Payload()) // want `context.Background\(\) drops the deadline of ctx`
		return err
	})
}
