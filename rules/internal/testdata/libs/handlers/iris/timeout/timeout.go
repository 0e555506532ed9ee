// Package timeout serves iris handlers from an Application with a
// Timeout: iris runs every route under http.TimeoutHandler, whose
// deadline is the request's context's.
package timeout

import (
	"context"
	"database/sql"
	"time"

	"github.com/kataras/iris/v12"
)

var db *sql.DB

func lookup(ctx context.Context, id string) error { // want lookup:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT * FROM orders WHERE id = $1", id)
	return err
}

// Silent: the Application's Timeout bounds it.
func getOrder(ctx iris.Context) {
	_ = lookup(ctx.Request().Context(), "order")
}

func Run() error {
	app := iris.New()
	app.Get("/order", getOrder)
	return app.Listen(":8080", iris.WithTimeout(10*time.Second))
}
