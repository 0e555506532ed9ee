// Package mw holds echo middlewares and helpers of another package than
// the routes that use them: facts carry what they do.
package mw

import (
	"context"
	"database/sql"
	"time"

	"github.com/labstack/echo/v4"
)

var DB *sql.DB

// Timeout is a middleware written by hand that bounds the request's
// context.
func Timeout(d time.Duration) echo.MiddlewareFunc { // want Timeout:"boundsRequest"
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			ctx, cancel := context.WithTimeout(c.Request().Context(), d)
			defer cancel()
			c.SetRequest(c.Request().WithContext(ctx))
			return next(c)
		}
	}
}

// Deadline is a middleware (not a constructor) that bounds the request's
// context.
func Deadline(next echo.HandlerFunc) echo.HandlerFunc { // want Deadline:"boundsRequest"
	return func(c echo.Context) error {
		ctx, cancel := context.WithTimeout(c.Request().Context(), time.Second)
		defer cancel()
		c.SetRequest(c.Request().WithContext(ctx))
		return next(c)
	}
}

type traceKey struct{}

// Trace replaces the request's context with one that has no deadline of
// its own: it bounds nothing.
func Trace(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		c.SetRequest(c.Request().WithContext(context.WithValue(c.Request().Context(), traceKey{}, "t")))
		return next(c)
	}
}

// Load takes the handler's echo.Context: its request's context reaches
// the query.
func Load(c echo.Context, id string) error { // want Load:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := DB.QueryContext(c.Request().Context(), "SELECT * FROM items WHERE id = $1", id)
	return err
}
