// Package cqrs holds ctxdeadline's consumer-context cases for watermill's
// cqrs handlers: each is called with the message's context
// (CtxWithOriginalMessage(msg.Context(), msg)), the subscriber's unless a
// middleware sets one, and nothing in this package does.
package cqrs

import (
	"context"
	"database/sql"
	"time"

	"github.com/ThreeDotsLabs/watermill/components/cqrs"
)

var db *sql.DB

type PlaceOrder struct{ ID string }
type OrderPlaced struct{ ID string }

func Handlers() []cqrs.CommandHandler {
	return []cqrs.CommandHandler{
		// Reported: the command's context reaches the database.
		cqrs.NewCommandHandler("place", func(ctx context.Context, cmd *PlaceOrder) error {
			_, err := db.ExecContext(ctx, "INSERT INTO orders VALUES ($1)", cmd.ID) // want `the watermill cqrs command handler's context \(the message's: the subscriber's, unless a middleware sets one\) in a handler literal in cqrs.Handlers has no deadline per message: it reaches \(\*sql.DB\).ExecContext`
			return err
		}),
		// Silent: a deadline per command.
		cqrs.NewCommandHandler("cancel", func(ctx context.Context, cmd *PlaceOrder) error {
			ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
			defer cancel()
			_, err := db.ExecContext(ctx, "DELETE FROM orders WHERE id = $1", cmd.ID)
			return err
		}),
	}
}

// Reported: a declared function as an event handler.
func onPlaced(ctx context.Context, ev *OrderPlaced) error {
	_, err := db.ExecContext(ctx, "INSERT INTO shipments VALUES ($1)", ev.ID) // want `the watermill cqrs event handler's context .* in cqrs.onPlaced has no deadline per message`
	return err
}

func Events() cqrs.EventHandler { return cqrs.NewEventHandler("ship", onPlaced) }

// Trap: the handler's timeout context is discarded.
func Group() cqrs.GroupEventHandler {
	return cqrs.NewGroupEventHandler(func(ctx context.Context, ev *OrderPlaced) error {
		_, cancel := context.WithTimeout(ctx, time.Second)
		defer cancel()
		_, err := db.ExecContext(ctx, "INSERT INTO audit VALUES ($1)", ev.ID) // want `the watermill cqrs event handler's context .* in a handler literal in cqrs.Group has no deadline per message`
		return err
	})
}
