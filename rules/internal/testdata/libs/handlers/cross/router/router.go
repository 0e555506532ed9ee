// Package router registers middlewares on the engines and groups it is
// given, for handlers of another package: facts carry what it registers.
package router

import (
	"context"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func timeoutMW(c *gin.Context) { // want timeoutMW:"boundsRequest"
	ctx, cancel := context.WithTimeout(c.Request.Context(), time.Second)
	defer cancel()
	c.Request = c.Request.WithContext(ctx)
	c.Next()
}

func logMW(c *gin.Context) { c.Next() }

// Setup registers the timeout middleware on the engine.
func Setup(r *gin.Engine) { // want Setup:"boundsRouter\\(0\\)"
	r.Use(logMW)
	r.Use(timeoutMW)
}

// Logging registers a middleware that bounds nothing.
func Logging(r *gin.Engine) { r.Use(logMW) }

// Bounded registers it on a group.
func Bounded(g *gin.RouterGroup) { // want Bounded:"boundsRouter\\(0\\)"
	g.Use(timeoutMW)
}

// API returns a group made with the timeout middleware.
func API(r *gin.Engine) *gin.RouterGroup { // want API:"boundsRouter\\(result\\)"
	return r.Group("/api", timeoutMW)
}

// Plain returns a group without it.
func Plain(r *gin.Engine) *gin.RouterGroup { return r.Group("/plain") }

// EchoSetup registers echo's ContextTimeout on the engine.
func EchoSetup(e *echo.Echo) { // want EchoSetup:"boundsRouter\\(0\\)"
	e.Use(middleware.ContextTimeout(5 * time.Second))
}
