// Package echoapp holds ctxdeadline's cases for echo v4 handlers: the
// request's context (c.Request().Context()) has no deadline unless a
// timeout middleware on the route, its group or the server bounds it.
package echoapp

import (
	"context"
	"database/sql"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"example.com/libs/handlers/echo/mw"
)

var db *sql.DB

func lookup(ctx context.Context, id string) error { // want lookup:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT * FROM orders WHERE id = $1", id)
	return err
}

// Reported: nothing bounds the route.
func getOrder(c echo.Context) error {
	return lookup(c.Request().Context(), c.Param("id")) // want `the request context of echo handler echoapp.getOrder has no deadline unless a timeout middleware bounds it: it reaches echoapp.lookup → \(\*sql.DB\).QueryContext: .*; derive it with context.WithTimeout or register middleware.ContextTimeout on the route, its group or the server`
}

// Silent: a deadline derived in the handler.
func getBounded(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	return lookup(ctx, "bounded")
}

// Trap: the deadline is derived and dropped.
func getDiscarded(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	_ = ctx
	return lookup(c.Request().Context(), "discarded") // want `the request context of echo handler echoapp.getDiscarded has no deadline`
}

// Silent: middleware.ContextTimeout on the route.
func getRoute(c echo.Context) error {
	return lookup(c.Request().Context(), "route")
}

// Trap: middleware.Timeout() runs with DefaultTimeoutConfig, whose
// Timeout is zero: it bounds nothing.
func getZero(c echo.Context) error {
	return lookup(c.Request().Context(), "zero") // want `the request context of echo handler echoapp.getZero has no deadline`
}

// Silent: TimeoutWithConfig with a Timeout runs the handler under
// http.TimeoutHandler, whose request (with a deadline) the handler sees.
func getTimeoutConfig(c echo.Context) error {
	return lookup(c.Request().Context(), "config")
}

// Silent: a TimeoutConfig held by value (the literal copied whole into
// its variable, then another field set) keeps the literal's Timeout.
func getConfigValue(c echo.Context) error {
	return lookup(c.Request().Context(), "config-value")
}

// Trap: the same shape with no Timeout in the literal bounds nothing.
func getConfigValueZero(c echo.Context) error {
	return lookup(c.Request().Context(), "config-value-zero") // want `the request context of echo handler echoapp.getConfigValueZero has no deadline`
}

// Reported where the handler passes its context on: the helper of
// another package takes the echo.Context (its fact).
func getViaHelper(c echo.Context) error { // want `the request context of echo handler echoapp.getViaHelper has no deadline unless a timeout middleware bounds it: it reaches mw.Load → \(\*sql.DB\).QueryContext`
	return mw.Load(c, "helper")
}

// A helper of this package that takes the echo.Context.
func loadFrom(c echo.Context) error { // want loadFrom:`ctxdeadline\(param0 → echoapp.lookup → \(\*sql.DB\).QueryContext\)`
	return lookup(c.Request().Context(), "from")
}

func getViaLocalHelper(c echo.Context) error { // want `the request context of echo handler echoapp.getViaLocalHelper has no deadline`
	return loadFrom(c)
}

// Silent: in the group /api, created with middleware.ContextTimeout.
func getItem(c echo.Context) error {
	return lookup(c.Request().Context(), "item")
}

type api struct{}

// Silent: a method value registered in /api.
func (a *api) list(c echo.Context) error {
	return lookup(c.Request().Context(), "list")
}

// Silent: a handler constructor's closure registered in /api.
func makeHandler(id string) echo.HandlerFunc {
	return func(c echo.Context) error {
		return lookup(c.Request().Context(), id)
	}
}

// Trap: the timeout middleware is on /other, the handler in /admin.
func getOther(c echo.Context) error {
	return lookup(c.Request().Context(), "other") // want `the request context of echo handler echoapp.getOther has no deadline`
}

// Silent: /other has TimeoutWithConfig through Use.
func getInOther(c echo.Context) error {
	return lookup(c.Request().Context(), "in-other")
}

// Silent: a sub-group of /api inherits its middleware.
func getNested(c echo.Context) error {
	return lookup(c.Request().Context(), "nested")
}

// Silent: a middleware of this package that bounds the request.
func withDeadline(next echo.HandlerFunc) echo.HandlerFunc { // want withDeadline:"boundsRequest"
	return func(c echo.Context) error {
		ctx, cancel := context.WithTimeout(c.Request().Context(), time.Second)
		defer cancel()
		c.SetRequest(c.Request().WithContext(ctx))
		return next(c)
	}
}

func getCustom(c echo.Context) error {
	return lookup(c.Request().Context(), "custom")
}

// Silent: a middleware of another package that bounds the request (its
// fact).
func getFact(c echo.Context) error {
	return lookup(c.Request().Context(), "fact")
}

// Silent: a middleware function of another package that bounds the
// request (its fact).
func getFactValue(c echo.Context) error {
	return lookup(c.Request().Context(), "fact-value")
}

// Trap: mw.Trace replaces the request's context with one without a
// deadline.
func getTraced(c echo.Context) error {
	return lookup(c.Request().Context(), "traced") // want `the request context of echo handler echoapp.getTraced has no deadline`
}

// Silent: the handler replaces its own request before reading it; which
// request it reads is not followed.
func getReplaced(c echo.Context) error { // want getReplaced:"boundsRequest"
	ctx, cancel := context.WithTimeout(c.Request().Context(), time.Second)
	defer cancel()
	c.SetRequest(c.Request().WithContext(ctx))
	return lookup(c.Request().Context(), "replaced")
}

func routes() *echo.Echo {
	e := echo.New()
	e.GET("/order", getOrder)
	e.GET("/bounded", getBounded)
	e.GET("/discarded", getDiscarded)
	e.GET("/route", getRoute, middleware.ContextTimeout(2*time.Second))
	e.GET("/zero", getZero, middleware.Timeout())
	e.GET("/config", getTimeoutConfig, middleware.TimeoutWithConfig(middleware.TimeoutConfig{Timeout: time.Second}))
	cfg := middleware.TimeoutConfig{Timeout: time.Second}
	cfg.ErrorMessage = "slow"
	e.GET("/config-value", getConfigValue, middleware.TimeoutWithConfig(cfg))
	zero := middleware.TimeoutConfig{ErrorMessage: "slow"}
	zero.ErrorMessage += "!"
	e.GET("/config-value-zero", getConfigValueZero, middleware.TimeoutWithConfig(zero))
	e.GET("/helper", getViaHelper)
	e.GET("/local", getViaLocalHelper)
	e.GET("/replaced", getReplaced)

	a := &api{}
	g := e.Group("/api", middleware.ContextTimeout(5*time.Second))
	g.GET("/item", getItem)
	g.GET("/list", a.list)
	g.GET("/made", makeHandler("made"))
	g.Group("/v1").GET("/nested", getNested)

	admin := e.Group("/admin")
	other := e.Group("/other")
	other.Use(middleware.TimeoutWithConfig(middleware.TimeoutConfig{Timeout: time.Second}))
	admin.GET("/x", getOther)
	other.GET("/y", getInOther)

	custom(e)
	return e
}

func custom(e *echo.Echo) {
	c := e.Group("/custom")
	c.Use(withDeadline)
	c.GET("/c", getCustom)
	f := e.Group("/fact", mw.Timeout(time.Second))
	f.GET("/f", getFact)
	d := e.Group("/deadline")
	d.Use(mw.Deadline)
	d.GET("/d", getFactValue)
	t := e.Group("/traced", mw.Trace)
	t.GET("/t", getTraced)
}

// Silent: a server-wide timeout bounds every route, literals included.
func getEngine(c echo.Context) error {
	return lookup(c.Request().Context(), "engine")
}

func engineRoutes() *echo.Echo {
	e := echo.New()
	e.Use(middleware.ContextTimeoutWithConfig(middleware.ContextTimeoutConfig{Timeout: time.Second}))
	e.GET("/engine", getEngine)
	e.GET("/literal", func(c echo.Context) error {
		return lookup(c.Request().Context(), "literal")
	})
	return e
}

// Reported: a handler literal on the first server.
func literalRoutes(e *echo.Echo) {
	e.POST("/inline", func(c echo.Context) error {
		return lookup(c.Request().Context(), "inline") // want `the request context of an echo handler literal in echoapp.literalRoutes has no deadline`
	})
}

func main() {
	e := routes()
	literalRoutes(e)
	_ = engineRoutes()
}
