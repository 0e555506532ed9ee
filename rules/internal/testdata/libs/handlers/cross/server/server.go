// Package server registers its handlers on engines and groups whose
// middlewares package router registers.
package server

import (
	"context"
	"database/sql"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"

	"example.com/libs/handlers/cross/router"
)

var db *sql.DB

func lookup(ctx context.Context, id string) error { // want lookup:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT 1", id)
	return err
}

// Silent: router.Setup bounds the engine before the route is added.
func getOrder(c *gin.Context) {
	_ = lookup(c.Request.Context(), "order")
}

// Trap: added before router.Setup, and gin's Use reaches only later
// routes.
func getEarly(c *gin.Context) {
	_ = lookup(c.Request.Context(), "early") // want `the request context of gin handler server.getEarly has no deadline`
}

// Silent: in the group router.API returns.
func getItem(c *gin.Context) {
	_ = lookup(c.Request.Context(), "item")
}

// Trap: in router.Plain's group, made on an engine with no timeout.
func getPlain(c *gin.Context) {
	_ = lookup(c.Request.Context(), "plain") // want `the request context of gin handler server.getPlain has no deadline`
}

// Trap: router.Bounded bounds the admin group, the handler is on another.
func getPublic(c *gin.Context) {
	_ = lookup(c.Request.Context(), "public") // want `the request context of gin handler server.getPublic has no deadline`
}

// Silent: on the admin group.
func getAdmin(c *gin.Context) {
	_ = lookup(c.Request.Context(), "admin")
}

// Trap: router.Logging registers no timeout.
func getLogged(c *gin.Context) {
	_ = lookup(c.Request.Context(), "logged") // want `the request context of gin handler server.getLogged has no deadline`
}

// Silent: echo's engine bounded by router.EchoSetup.
func getEcho(c echo.Context) error {
	return lookup(c.Request().Context(), "echo")
}

func Routes() (*gin.Engine, *gin.Engine, *echo.Echo) {
	r := gin.New()
	r.GET("/early", getEarly)
	router.Setup(r)
	r.GET("/order", getOrder)

	api := router.API(r)
	api.GET("/item", getItem)

	r2 := gin.New()
	router.Logging(r2)
	router.Plain(r2).GET("/plain", getPlain)
	r2.GET("/logged", getLogged)
	admin := r2.Group("/admin")
	public := r2.Group("/public")
	router.Bounded(admin)
	admin.GET("/x", getAdmin)
	public.GET("/x", getPublic)

	e := echo.New()
	e.GET("/echo", getEcho)
	router.EchoSetup(e)
	return r, r2, e
}
