// Package echoorder: echo's Echo.Use runs for every route, whenever it is
// called; a Group's Use reaches only the routes added to the group after
// it.
package echoorder

import (
	"context"
	"database/sql"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

var db *sql.DB

func lookup(ctx context.Context, id string) error { // want lookup:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT 1", id)
	return err
}

// Silent: Echo.Use after the route still runs for it.
func getBeforeEngineUse(c echo.Context) error {
	return lookup(c.Request().Context(), "engine")
}

// Trap: added to the group before the group's Use.
func getGroupEarly(c echo.Context) error {
	return lookup(c.Request().Context(), "group-early") // want `the request context of echo handler echoorder.getGroupEarly has no deadline`
}

// Silent: added after it.
func getGroupLate(c echo.Context) error {
	return lookup(c.Request().Context(), "group-late")
}

func routes() (*echo.Echo, *echo.Echo) {
	e := echo.New()
	e.GET("/engine", getBeforeEngineUse)
	e.Use(middleware.ContextTimeout(time.Second))

	e2 := echo.New()
	g := e2.Group("/g")
	g.GET("/early", getGroupEarly)
	g.Use(middleware.ContextTimeout(time.Second))
	g.GET("/late", getGroupLate)
	return e, e2
}
