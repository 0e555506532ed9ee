// Package chiapp holds ctxdeadline's cases for chi: its handlers are
// net/http's, found as such, and chi's middleware.Timeout registered with
// Use (or With) bounds the handlers of that router, of the groups and
// sub-routers under it.
package chiapp

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

var db *sql.DB

func lookup(ctx context.Context, id string) error { // want lookup:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT * FROM orders WHERE id = $1", id)
	return err
}

// Reported: nothing bounds the route.
func getOrder(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), chi.URLParam(r, "id")) // want `the request context of handler chiapp.getOrder has no deadline unless the handler is wrapped by http.TimeoutHandler: it reaches chiapp.lookup → \(\*sql.DB\).QueryContext`
}

// Silent: a deadline derived in the handler.
func getBounded(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	_ = lookup(ctx, "bounded")
}

// Trap: the deadline is derived and dropped.
func getDiscarded(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	_ = ctx
	_ = lookup(r.Context(), "discarded") // want `the request context of handler chiapp.getDiscarded has no deadline`
}

// Silent: the sub-router /api uses middleware.Timeout.
func getItem(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), "item")
}

// Silent: With(middleware.Timeout(…)) on the route.
func getWith(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), "with")
}

// Trap: middleware.Timeout is in the other group.
func getOther(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), "other") // want `the request context of handler chiapp.getOther has no deadline`
}

// Silent: in the group that uses middleware.Timeout.
func getGrouped(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), "grouped")
}

// Silent: a router with middleware.Timeout, mounted.
func getMounted(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), "mounted")
}

// Silent: a group of a router that uses middleware.Timeout inherits it.
func getInherited(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), "inherited")
}

type api struct{}

// Silent: a method value in /api.
func (a *api) list(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), "list")
}

func Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.Logger)
	r.Get("/order", getOrder)
	r.Get("/bounded", getBounded)
	r.Get("/discarded", getDiscarded)

	a := &api{}
	r.Route("/api", func(r chi.Router) {
		r.Use(middleware.Timeout(5 * time.Second))
		r.Get("/item", getItem)
		r.Get("/list", a.list)
	})
	r.With(middleware.Timeout(time.Second)).Get("/with", getWith)

	r.Group(func(g chi.Router) {
		g.Use(middleware.Timeout(time.Second))
		g.Get("/grouped", getGrouped)
	})
	r.Group(func(g chi.Router) {
		g.Get("/other", getOther)
	})

	sub := chi.NewRouter()
	sub.Use(middleware.Timeout(time.Second))
	sub.Get("/m", getMounted)
	r.Mount("/sub", sub)

	bounded := chi.NewRouter()
	bounded.Use(middleware.Timeout(time.Second))
	bounded.Group(func(g chi.Router) {
		g.Get("/inherited", getInherited)
	})
	r.Mount("/bounded", bounded)
	return r
}
