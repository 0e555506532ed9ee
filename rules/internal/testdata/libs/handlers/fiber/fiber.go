// Package fiberapp holds ctxdeadline's cases for fiber v2 handlers.
// c.UserContext() is context.Background() unless a middleware set one
// (timeout.NewWithContext sets one with a deadline; timeout.New only stops
// waiting for the handler, which runs on with its context unbounded).
// c.Context() is fasthttp's RequestCtx: no deadline, done only when the
// server shuts down, whatever wraps the handler.
package fiberapp

import (
	"context"
	"database/sql"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/timeout"
)

var db *sql.DB

func lookup(ctx context.Context, id string) error { // want lookup:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT * FROM orders WHERE id = $1", id)
	return err
}

// userTimeout bounds the user context of the handlers after it.
func userTimeout(c *fiber.Ctx) error { // want userTimeout:"boundsRequest"
	ctx, cancel := context.WithTimeout(c.UserContext(), time.Second)
	defer cancel()
	c.SetUserContext(ctx)
	return c.Next()
}

// Reported: nothing sets a user context.
func getOrder(c *fiber.Ctx) error {
	return lookup(c.UserContext(), c.Params("id")) // want `the request context of fiber handler fiberapp.getOrder \(c.UserContext\(\): context.Background\(\) unless a middleware sets one\) has no deadline: it reaches fiberapp.lookup → \(\*sql.DB\).QueryContext: .*; wrap the handler with timeout.NewWithContext or derive it with context.WithTimeout`
}

// Silent: wrapped by timeout.NewWithContext.
func getWrapped(c *fiber.Ctx) error {
	return lookup(c.UserContext(), "wrapped")
}

// Trap: timeout.New does not bound the handler's context.
func getTimeoutNew(c *fiber.Ctx) error {
	return lookup(c.UserContext(), "new") // want `the request context of fiber handler fiberapp.getTimeoutNew`
}

// Trap: fasthttp's RequestCtx, even under timeout.NewWithContext.
func getFast(c *fiber.Ctx) error {
	return lookup(c.Context(), "fast") // want `fiber's c.Context\(\) is fasthttp's RequestCtx, which has no deadline and is done only when the server shuts down: it reaches fiberapp.lookup → \(\*sql.DB\).QueryContext with no deadline: .*; pass c.UserContext\(\) under timeout.NewWithContext, or derive a context with context.WithTimeout`
}

// Silent: a deadline derived in the handler.
func getBounded(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), time.Second)
	defer cancel()
	return lookup(ctx, "bounded")
}

// Trap: the deadline is derived and dropped.
func getDiscarded(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), time.Second)
	defer cancel()
	_ = ctx
	return lookup(c.UserContext(), "discarded") // want `the request context of fiber handler fiberapp.getDiscarded`
}

// Silent: the group /api runs userTimeout first.
func getItem(c *fiber.Ctx) error {
	return lookup(c.UserContext(), "item")
}

// Silent: the route's chain starts with userTimeout.
func getRoute(c *fiber.Ctx) error {
	return lookup(c.UserContext(), "route")
}

// Trap: userTimeout is on /other, the handler in /admin.
func getOther(c *fiber.Ctx) error {
	return lookup(c.UserContext(), "other") // want `the request context of fiber handler fiberapp.getOther`
}

// Silent: /other uses userTimeout, and its Route inherits it.
func getInOther(c *fiber.Ctx) error {
	return lookup(c.UserContext(), "in-other")
}

// A helper that takes the *fiber.Ctx: its callers decide.
func loadFrom(c *fiber.Ctx) error { // want loadFrom:`ctxdeadline\(param0 → fiberapp.lookup → \(\*sql.DB\).QueryContext\)`
	return lookup(c.UserContext(), "from")
}

func getViaHelper(c *fiber.Ctx) error { // want `the request context of fiber handler fiberapp.getViaHelper`
	return loadFrom(c)
}

func routes() *fiber.App {
	app := fiber.New()
	app.Get("/order", getOrder)
	app.Get("/wrapped", timeout.NewWithContext(getWrapped, time.Second))
	app.Get("/new", timeout.New(getTimeoutNew, time.Second))
	app.Get("/fast", timeout.NewWithContext(getFast, time.Second))
	app.Get("/bounded", getBounded)
	app.Get("/discarded", getDiscarded)
	app.Get("/route", userTimeout, getRoute)
	app.Get("/helper", getViaHelper)

	api := app.Group("/api", userTimeout)
	api.Get("/item", getItem)

	admin := app.Group("/admin")
	other := app.Group("/other")
	other.Use(userTimeout)
	admin.Get("/x", getOther)
	other.Route("/in", func(r fiber.Router) {
		r.Get("/y", getInOther)
	})
	return app
}
