// Package irisapp holds ctxdeadline's cases for iris handlers: the
// request's context (ctx.Request().Context(), or ctx itself, whose
// Deadline, Done and Err are the request's context's) has no deadline
// unless a middleware resets the request with one before the route.
// Package irisapp/timeout holds the Application's Timeout case.
package irisapp

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

// timeoutMW resets the request with a context that has a deadline.
func timeoutMW(d time.Duration) iris.Handler { // want timeoutMW:"boundsRequest"
	return func(ctx iris.Context) {
		tctx, cancel := context.WithTimeout(ctx.Request().Context(), d)
		defer cancel()
		ctx.ResetRequest(ctx.Request().WithContext(tctx))
		ctx.Next()
	}
}

// Reported.
func getOrder(ctx iris.Context) {
	_ = lookup(ctx.Request().Context(), ctx.Params().Get("id")) // want `the request context of iris handler irisapp.getOrder has no deadline unless a timeout bounds it: it reaches irisapp.lookup → \(\*sql.DB\).QueryContext: .*; derive it with context.WithTimeout, or set the Application's Timeout \(iris.WithTimeout\), or register a middleware that resets the request with a context from context.WithTimeout before the route`
}

// Reported: ctx itself is the request's context.
func getSelf(ctx iris.Context) {
	_ = lookup(ctx, "self") // want `the request context of iris handler irisapp.getSelf has no deadline`
}

// Silent: a deadline derived in the handler.
func getBounded(ctx iris.Context) {
	c, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_ = lookup(c, "bounded")
}

// Silent: the route's chain starts with timeoutMW.
func getRoute(ctx iris.Context) {
	_ = lookup(ctx.Request().Context(), "route")
}

// Silent: in the party /api, created with timeoutMW.
func getItem(ctx iris.Context) {
	_ = lookup(ctx, "item")
}

// Trap: the timeout middleware is on /v2, the handler in /v1.
func getOther(ctx iris.Context) {
	_ = lookup(ctx.Request().Context(), "other") // want `the request context of iris handler irisapp.getOther has no deadline`
}

// Silent: /v2 has timeoutMW through Use.
func getV2(ctx iris.Context) {
	_ = lookup(ctx.Request().Context(), "v2")
}

func routes() *iris.Application {
	app := iris.New()
	app.Get("/order", getOrder)
	app.Get("/self", getSelf)
	app.Get("/bounded", getBounded)
	app.Get("/route", timeoutMW(time.Second), getRoute)

	api := app.Party("/api", timeoutMW(5*time.Second))
	api.Get("/item", getItem)

	v1 := app.Party("/v1")
	v2 := app.Party("/v2")
	v2.Use(timeoutMW(time.Second))
	v1.Get("/other", getOther)
	v2.Get("/v2", getV2)
	return app
}
