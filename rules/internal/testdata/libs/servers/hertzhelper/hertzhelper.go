// Package hertzhelper registers routes on a hertz server of another
// package: facts say it leaves the read timeout alone.
package hertzhelper

import (
	"context"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
)

func ping(ctx context.Context, c *app.RequestContext) { c.String(200, "pong") }

// Routes registers a route and a middleware.
func Routes(h *server.Hertz) {
	h.Use(func(ctx context.Context, c *app.RequestContext) { c.Next(ctx) })
	h.GET("/ping", ping)
}
