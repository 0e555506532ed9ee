// Package cqrsbounded holds a cqrs handler in a package that adds
// watermill's middleware.Timeout to its router: every message's context
// has a deadline, and nothing is reported.
package cqrsbounded

import (
	"context"
	"database/sql"
	"time"

	"github.com/ThreeDotsLabs/watermill/components/cqrs"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"
)

var db *sql.DB

func Setup(r *message.Router) cqrs.CommandHandler {
	r.AddMiddleware(middleware.Timeout(5 * time.Second))
	return cqrs.NewCommandHandler("place", func(ctx context.Context, id *string) error {
		_, err := db.ExecContext(ctx, "INSERT INTO orders VALUES ($1)", *id)
		return err
	})
}
