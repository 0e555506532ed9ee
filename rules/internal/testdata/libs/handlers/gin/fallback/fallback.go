// Package fallback sets gin's ContextWithFallback: a *gin.Context used as
// a context is then the request's context, bounded by the middlewares
// that bound it.
package fallback

import (
	"context"
	"database/sql"
	"time"

	"github.com/gin-gonic/gin"
)

var db *sql.DB

func lookup(ctx context.Context, id string) error { // want lookup:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT * FROM orders WHERE id = $1", id)
	return err
}

func timeoutMW(c *gin.Context) { // want timeoutMW:"boundsRequest"
	ctx, cancel := context.WithTimeout(c.Request.Context(), time.Second)
	defer cancel()
	c.Request = c.Request.WithContext(ctx)
	c.Next()
}

// Silent: c is the request's context, and /api bounds it.
func getBounded(c *gin.Context) {
	_ = lookup(c, "bounded")
}

// Reported as the request's context: nothing bounds the route.
func getSelf(c *gin.Context) {
	_ = lookup(c, "self") // want `the request context of gin handler fallback.getSelf has no deadline unless a timeout middleware bounds it`
}

func routes() *gin.Engine {
	r := gin.Default()
	r.ContextWithFallback = true
	r.GET("/self", getSelf)
	api := r.Group("/api")
	api.Use(timeoutMW)
	api.GET("/bounded", getBounded)
	return r
}
