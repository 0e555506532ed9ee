// Package fiberorder: fiber's Use adds a step to the app's stack, which
// requests go through in registration order: a route added before it
// answers first.
package fiberorder

import (
	"context"
	"database/sql"
	"time"

	"github.com/gofiber/fiber/v2"
)

var db *sql.DB

func lookup(ctx context.Context, id string) error { // want lookup:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT 1", id)
	return err
}

func userTimeout(c *fiber.Ctx) error { // want userTimeout:"boundsRequest"
	ctx, cancel := context.WithTimeout(c.UserContext(), time.Second)
	defer cancel()
	c.SetUserContext(ctx)
	return c.Next()
}

// Trap: added before the Use.
func getEarly(c *fiber.Ctx) error {
	return lookup(c.UserContext(), "early") // want `the request context of fiber handler fiberorder.getEarly`
}

// Silent: added after it.
func getLate(c *fiber.Ctx) error {
	return lookup(c.UserContext(), "late")
}

func routes() *fiber.App {
	app := fiber.New()
	app.Get("/early", getEarly)
	app.Use(userTimeout)
	app.Get("/late", getLate)
	return app
}
