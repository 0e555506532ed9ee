// Package ginapp holds ctxdeadline's cases for gin handlers: the
// request's context (c.Request.Context()) has no deadline unless a
// middleware that bounds it is registered on the route, its group or the
// engine. gin has no timeout middleware of its own: the ones here derive
// c.Request's context with context.WithTimeout, as services write them.
// The engine's ContextWithFallback is off (the default), so a
// *gin.Context used as a context has no deadline and is never done,
// whatever the middlewares do.
package ginapp

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

// timeoutMW bounds the request's context.
func timeoutMW(d time.Duration) gin.HandlerFunc { // want timeoutMW:"boundsRequest"
	return func(c *gin.Context) {
		ctx, cancel := context.WithTimeout(c.Request.Context(), d)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}

type metaKey struct{}

// metaMW replaces the request's context with one that adds no deadline.
func metaMW(c *gin.Context) {
	c.Request = c.Request.WithContext(context.WithValue(c.Request.Context(), metaKey{}, "m"))
	c.Next()
}

// Reported: only metaMW runs before it.
func getOrder(c *gin.Context) {
	_ = lookup(c.Request.Context(), c.Param("id")) // want `the request context of gin handler ginapp.getOrder has no deadline unless a timeout middleware bounds it: it reaches ginapp.lookup → \(\*sql.DB\).QueryContext: .*; derive it with context.WithTimeout or register a middleware that derives c.Request's context with context.WithTimeout on the route, its group or the engine`
}

// Reported: c itself as the context, with ContextWithFallback off.
func getSelf(c *gin.Context) {
	_ = lookup(c, "self") // want `\*gin.Context c used as a context has no deadline and is never done: with the engine's ContextWithFallback off \(the default\), its Deadline, Done and Err ignore the request's context: it reaches ginapp.lookup → \(\*sql.DB\).QueryContext with no deadline: .*; pass c.Request.Context\(\) and bound it with context.WithTimeout`
}

// Trap: in the bounded group, c used as a context still has no deadline.
func getSelfInGroup(ctx *gin.Context) {
	_ = lookup(ctx, "self-group") // want `\*gin.Context ctx used as a context has no deadline`
}

// Silent: a deadline derived in the handler.
func getBounded(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), time.Second)
	defer cancel()
	_ = lookup(ctx, "bounded")
}

// Trap: the deadline is derived and dropped.
func getDiscarded(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), time.Second)
	defer cancel()
	_ = ctx
	_ = lookup(c.Request.Context(), "discarded") // want `the request context of gin handler ginapp.getDiscarded has no deadline`
}

// Silent: the route's chain starts with timeoutMW.
func getRoute(c *gin.Context) {
	_ = lookup(c.Request.Context(), "route")
}

// Silent: in the group /api, created with timeoutMW.
func getItem(c *gin.Context) {
	_ = lookup(c.Request.Context(), "item")
}

type handler struct{}

// Silent: a method value in /api.
func (h *handler) create(c *gin.Context) {
	_ = lookup(c.Request.Context(), "create")
}

// Trap: the timeout middleware is on /v2, the handler in /v1.
func getOther(c *gin.Context) {
	_ = lookup(c.Request.Context(), "other") // want `the request context of gin handler ginapp.getOther has no deadline`
}

// Silent: /v2 has timeoutMW through Use, and /v2/sub inherits it.
func getV2(c *gin.Context) {
	_ = lookup(c.Request.Context(), "v2")
}

// A helper that takes the *gin.Context: its callers decide.
func loadFrom(c *gin.Context) { // want loadFrom:`ctxdeadline\(param0 → ginapp.lookup → \(\*sql.DB\).QueryContext\)`
	_ = lookup(c.Request.Context(), "from")
}

func getViaHelper(c *gin.Context) { // want `the request context of gin handler ginapp.getViaHelper has no deadline`
	loadFrom(c)
}

// Silent: routes of a server whose engine runs timeoutMW.
func getEngine(c *gin.Context) {
	_ = lookup(c.Request.Context(), "engine")
}

type server struct {
	router *gin.Engine
}

// The router in a field: the field is one router.
func (s *server) setup() {
	s.router = gin.New()
	s.router.Use(timeoutMW(time.Second))
}

func (s *server) routes() {
	s.router.GET("/engine", getEngine)
	s.router.GET("/literal", func(c *gin.Context) {
		_ = lookup(c.Request.Context(), "literal")
	})
}

func routes() *gin.Engine {
	r := gin.New()
	r.Use(metaMW)
	r.GET("/order", getOrder)
	r.GET("/self", getSelf)
	r.GET("/bounded", getBounded)
	r.GET("/discarded", getDiscarded)
	r.GET("/route", timeoutMW(time.Second), getRoute)
	r.GET("/helper", getViaHelper)

	h := &handler{}
	api := r.Group("/api", timeoutMW(5*time.Second))
	api.GET("/item", getItem)
	api.GET("/self", getSelfInGroup)
	api.POST("/create", h.create)

	v1 := r.Group("/v1")
	v2 := r.Group("/v2")
	v2.Use(timeoutMW(time.Second))
	v1.GET("/other", getOther)
	v2.Group("/sub").GET("/v2", getV2)

	s := &server{}
	s.setup()
	s.routes()
	return r
}
