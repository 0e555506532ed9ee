// Package irisorder: iris' Use reaches only the routes registered after
// it; UseGlobal reaches them all.
package irisorder

import (
	"context"
	"database/sql"
	"time"

	"github.com/kataras/iris/v12"
)

var db *sql.DB

func lookup(ctx context.Context, id string) error { // want lookup:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT 1", id)
	return err
}

func timeoutMW(ctx iris.Context) { // want timeoutMW:"boundsRequest"
	tctx, cancel := context.WithTimeout(ctx.Request().Context(), time.Second)
	defer cancel()
	ctx.ResetRequest(ctx.Request().WithContext(tctx))
	ctx.Next()
}

// Trap: registered before the Use.
func getEarly(ctx iris.Context) {
	_ = lookup(ctx.Request().Context(), "early") // want `the request context of iris handler irisorder.getEarly`
}

// Silent: registered after it.
func getLate(ctx iris.Context) {
	_ = lookup(ctx.Request().Context(), "late")
}

// Silent: UseGlobal reaches the routes registered before it.
func getGlobal(ctx iris.Context) {
	_ = lookup(ctx.Request().Context(), "global")
}

func routes() (*iris.Application, *iris.Application) {
	app := iris.New()
	app.Get("/early", getEarly)
	app.Use(timeoutMW)
	app.Get("/late", getLate)

	other := iris.New()
	other.Get("/global", getGlobal)
	other.UseGlobal(timeoutMW)
	return app, other
}
