// Package gorillaapp holds ctxdeadline's cases for gorilla/mux: its
// handlers are net/http's, found as such. gorilla has no timeout
// middleware of its own; one written by hand that derives the request's
// context with a deadline bounds the routes of the router it is used on
// and of its sub-routers.
package gorillaapp

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"github.com/gorilla/mux"
)

var db *sql.DB

func lookup(ctx context.Context, id string) error { // want lookup:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT * FROM orders WHERE id = $1", id)
	return err
}

func timeoutMW(next http.Handler) http.Handler { // want timeoutMW:"boundsRequest"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), time.Second)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func logMW(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
	})
}

// Reported: nothing bounds the route.
func getOrder(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), mux.Vars(r)["id"]) // want `the request context of handler gorillaapp.getOrder has no deadline unless the handler is wrapped by http.TimeoutHandler`
}

// Silent: the sub-router /api uses timeoutMW.
func getItem(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), "item")
}

// Silent: a sub-router of /api inherits it.
func getNested(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), "nested")
}

// Trap: timeoutMW is on /api, the handler in /other.
func getOther(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), "other") // want `the request context of handler gorillaapp.getOther has no deadline`
}

func Routes() http.Handler {
	r := mux.NewRouter()
	r.Use(logMW)
	r.HandleFunc("/order", getOrder).Methods(http.MethodGet)

	api := r.PathPrefix("/api").Subrouter()
	api.Use(timeoutMW)
	api.HandleFunc("/item", getItem)
	api.PathPrefix("/v1").Subrouter().HandleFunc("/nested", getNested)

	other := r.PathPrefix("/other").Subrouter()
	other.HandleFunc("/x", getOther)
	return r
}
