// Package watermillbounded holds a silent case: the router's
// middleware.Timeout sets each message's context with a deadline
// (context.WithTimeout(msg.Context(), d), then msg.SetContext), so every
// handler of the package counts as bounded.
package watermillbounded

import (
	"database/sql"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"
)

var db *sql.DB

func Routes(r *message.Router, sub message.Subscriber) {
	r.AddMiddleware(middleware.Timeout(5 * time.Second))
	r.AddNoPublisherHandler("billing", "orders", sub, func(msg *message.Message) error {
		_, err := db.ExecContext(msg.Context(), "INSERT INTO orders VALUES ($1)", msg.Payload)
		return err
	})
}
