// Package hertzorder: hertz's Use, like gin's, reaches only the routes
// registered after it.
package hertzorder

import (
	"context"
	"database/sql"
	"time"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
)

var db *sql.DB

func lookup(ctx context.Context, id string) error { // want lookup:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT 1", id)
	return err
}

func timeoutMW(ctx context.Context, c *app.RequestContext) { // want timeoutMW:"boundsRequest"
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	c.Next(ctx)
}

// Trap: registered before the Use.
func getEarly(ctx context.Context, c *app.RequestContext) { // want `the request context of hertz handler hertzorder.getEarly`
	_ = lookup(ctx, "early")
}

// Silent: registered after it.
func getLate(ctx context.Context, c *app.RequestContext) {
	_ = lookup(ctx, "late")
}

func routes() *server.Hertz {
	h := server.New()
	h.GET("/early", getEarly)
	h.Use(timeoutMW)
	h.GET("/late", getLate)
	return h
}
