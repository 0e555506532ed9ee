// Package ginorder: gin's Use reaches only the routes registered after
// it, and a group copies its parent's chain when it is made.
package ginorder

import (
	"context"
	"database/sql"
	"time"

	"github.com/gin-gonic/gin"
)

var db *sql.DB

func lookup(ctx context.Context, id string) error { // want lookup:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT 1", id)
	return err
}

func timeoutMW(c *gin.Context) { // want timeoutMW:"boundsRequest"
	ctx, cancel := context.WithTimeout(c.Request.Context(), time.Second)
	defer cancel()
	c.Request = c.Request.WithContext(ctx)
	c.Next()
}

// Trap: registered before the engine's Use.
func getEarly(c *gin.Context) {
	_ = lookup(c.Request.Context(), "early") // want `the request context of gin handler ginorder.getEarly has no deadline`
}

// Silent: registered after it.
func getLate(c *gin.Context) {
	_ = lookup(c.Request.Context(), "late")
}

// Trap: the group was made before the engine's Use, so its chain lacks
// the middleware, though the route is added after.
func getInEarlyGroup(c *gin.Context) {
	_ = lookup(c.Request.Context(), "early-group") // want `the request context of gin handler ginorder.getInEarlyGroup has no deadline`
}

// Silent: a group made after the Use.
func getInLateGroup(c *gin.Context) {
	_ = lookup(c.Request.Context(), "late-group")
}

// Silent: order across functions is not judged.
func getElsewhere(c *gin.Context) {
	_ = lookup(c.Request.Context(), "elsewhere")
}

func more(r *gin.Engine) { r.GET("/elsewhere", getElsewhere) }

// Trap: the Use runs only after the route is registered (its block is
// dominated by the route's).
func getBeforeOptionalUse(c *gin.Context) {
	_ = lookup(c.Request.Context(), "before-optional") // want `the request context of gin handler ginorder.getBeforeOptionalUse has no deadline`
}

// Silent: a route registered on one branch, before a Use that runs on
// every path: which comes first is read only when one block dominates
// the other, and here neither does (the Use is taken to come first).
func getOnBranch(c *gin.Context) {
	_ = lookup(c.Request.Context(), "branch")
}

func branches(strict, debug bool) (*gin.Engine, *gin.Engine) {
	r := gin.New()
	r.GET("/before-optional", getBeforeOptionalUse)
	if strict {
		r.Use(timeoutMW)
	}

	r2 := gin.New()
	if debug {
		r2.GET("/branch", getOnBranch)
	}
	r2.Use(timeoutMW)
	return r, r2
}

func routes() *gin.Engine {
	r := gin.New()
	r.GET("/early", getEarly)
	early := r.Group("/early")
	more(r)
	r.Use(timeoutMW)
	r.GET("/late", getLate)
	early.GET("/x", getInEarlyGroup)
	r.Group("/late").GET("/x", getInLateGroup)
	return r
}
