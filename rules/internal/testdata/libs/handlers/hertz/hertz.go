// Package hertzapp holds ctxdeadline's cases for hertz handlers: a
// handler's ctx parameter is the request's context, which hertz gives no
// deadline; a middleware bounds the handlers after it by calling c.Next
// with a context that has one. hertz has no timeout middleware of its
// own: the one here is written as services write it.
package hertzapp

import (
	"context"
	"database/sql"
	"time"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
)

var db *sql.DB

func lookup(ctx context.Context, id string) error { // want lookup:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT * FROM orders WHERE id = $1", id)
	return err
}

// timeoutMW runs the rest of the chain under a deadline.
func timeoutMW(d time.Duration) app.HandlerFunc { // want timeoutMW:"boundsRequest"
	return func(ctx context.Context, c *app.RequestContext) {
		ctx, cancel := context.WithTimeout(ctx, d)
		defer cancel()
		c.Next(ctx)
	}
}

type traceKey struct{}

// traceMW passes on a context that adds no deadline.
func traceMW(ctx context.Context, c *app.RequestContext) {
	c.Next(context.WithValue(ctx, traceKey{}, "t"))
}

// Reported: only traceMW runs before it.
func getOrder(ctx context.Context, c *app.RequestContext) { // want `the request context of hertz handler hertzapp.getOrder \(its ctx parameter, which hertz gives no deadline\) has no deadline unless a middleware bounds it: it reaches hertzapp.lookup → \(\*sql.DB\).QueryContext: .*; derive it with context.WithTimeout or register, on the route, its group or the server, a middleware that calls c.Next with a context from context.WithTimeout`
	_ = lookup(ctx, c.Param("id"))
}

// Silent: a deadline derived in the handler.
func getBounded(ctx context.Context, c *app.RequestContext) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_ = lookup(ctx, "bounded")
}

// Silent: the route's chain starts with timeoutMW.
func getRoute(ctx context.Context, c *app.RequestContext) {
	_ = lookup(ctx, "route")
}

// Silent: in the group /api, created with timeoutMW.
func getItem(ctx context.Context, c *app.RequestContext) {
	_ = lookup(ctx, "item")
}

// Trap: the timeout middleware is on /v2, the handler in /v1.
func getOther(ctx context.Context, c *app.RequestContext) { // want `the request context of hertz handler hertzapp.getOther \(its ctx parameter`
	_ = lookup(ctx, "other")
}

// Silent: /v2 has timeoutMW through Use.
func getV2(ctx context.Context, c *app.RequestContext) {
	_ = lookup(ctx, "v2")
}

// A helper with the handler's signature, only called directly: its
// callers decide.
func helper(ctx context.Context, c *app.RequestContext) { // want helper:`ctxdeadline\(param0 → hertzapp.lookup → \(\*sql.DB\).QueryContext\)`
	_ = lookup(ctx, "helper")
}

func getViaHelper(ctx context.Context, c *app.RequestContext) { // want `the request context of hertz handler hertzapp.getViaHelper \(its ctx parameter, which hertz gives no deadline\) has no deadline unless a middleware bounds it: it reaches hertzapp.helper → hertzapp.lookup`
	helper(ctx, c)
}

func routes() *server.Hertz {
	h := server.Default()
	h.Use(traceMW)
	h.GET("/order", getOrder)
	h.GET("/bounded", getBounded)
	h.GET("/route", timeoutMW(time.Second), getRoute)
	h.GET("/helper", getViaHelper)

	api := h.Group("/api", timeoutMW(5*time.Second))
	api.GET("/item", getItem)

	v1 := h.Group("/v1")
	v2 := h.Group("/v2")
	v2.Use(timeoutMW(time.Second))
	v1.GET("/other", getOther)
	v2.GET("/v2", getV2)
	return h
}
