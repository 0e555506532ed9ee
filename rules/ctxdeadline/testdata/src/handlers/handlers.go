// Package handlers holds HTTP handlers: their request context has no
// deadline unless http.TimeoutHandler wraps them.
package handlers

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

var db *sql.DB

func lookup(ctx context.Context, id string) error { // want lookup:`ctxdeadline\(param0 → \(\*sql.DB\).QueryContext\)`
	_, err := db.QueryContext(ctx, "SELECT * FROM orders WHERE id = $1", id)
	return err
}

func handleOrder(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), r.FormValue("id")) // want `the request context of handler handlers.handleOrder has no deadline unless the handler is wrapped by http.TimeoutHandler: it reaches handlers.lookup → \(\*sql.DB\).QueryContext: .*; derive it with context.WithTimeout or wrap the handler with http.TimeoutHandler`
}

// A fresh Background on a request path drops the request's context.
func handleFresh(w http.ResponseWriter, r *http.Request) {
	_ = lookup(context.Background(), r.FormValue("id")) // want `context.Background\(\) drops the request's context: it reaches handlers.lookup`
}

// A deadline derived from the request context bounds the call.
func handleBounded(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	_ = lookup(ctx, r.FormValue("id"))
}

// Registered on a mux that http.TimeoutHandler wraps.
func handleWrapped(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), r.FormValue("id"))
}

// Wrapped directly.
func handleDirect(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), r.FormValue("id"))
}

type api struct{}

// A method value registered on the wrapped mux.
func (a *api) handleMethod(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), "m")
}

// A handler type wrapped directly.
type reportHandler struct{}

func (reportHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), "report")
}

// A helper called by handlers takes the request as a parameter: the
// handler that calls it is where the request context enters.
func serveItem(w http.ResponseWriter, r *http.Request) { // want serveItem:`ctxdeadline\(param1 → handlers.lookup → \(\*sql.DB\).QueryContext\)`
	_ = lookup(r.Context(), "item")
}

func handleItem(w http.ResponseWriter, r *http.Request) { // want `the request context of handler handlers.handleItem has no deadline unless the handler is wrapped by http.TimeoutHandler: it reaches handlers.serveItem → handlers.lookup`
	serveItem(w, r)
}

// An unwrapped function literal.
var handleLiteral = func(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), "lit") // want `the request context of a handler literal has no deadline unless the handler is wrapped by http.TimeoutHandler`
}

// Registered on http.DefaultServeMux, which a TimeoutHandler wraps.
func handleDefault(w http.ResponseWriter, r *http.Request) {
	_ = lookup(r.Context(), "default")
}

func defaultRoutes() http.Handler {
	http.HandleFunc("/default", handleDefault)
	return http.TimeoutHandler(http.DefaultServeMux, time.Second, "timeout")
}

// A handler literal registered where it is written.
func literalRoutes(mux *http.ServeMux) {
	mux.HandleFunc("/inline", func(w http.ResponseWriter, r *http.Request) {
		_ = lookup(r.Context(), "inline") // want `the request context of a handler literal in handlers.literalRoutes has no deadline`
	})
}

func routes() http.Handler {
	a := &api{}
	mux := http.NewServeMux()
	mux.HandleFunc("/wrapped", handleWrapped)
	mux.HandleFunc("/method", a.handleMethod)
	wrapped := http.TimeoutHandler(mux, 5*time.Second, "timeout")

	top := http.NewServeMux()
	top.Handle("/", wrapped)
	top.HandleFunc("/order", handleOrder)
	top.HandleFunc("/fresh", handleFresh)
	top.HandleFunc("/bounded", handleBounded)
	top.HandleFunc("/item", handleItem)
	top.HandleFunc("/lit", handleLiteral)
	top.Handle("/direct", http.TimeoutHandler(http.HandlerFunc(handleDirect), time.Second, "timeout"))
	top.Handle("/report", http.TimeoutHandler(reportHandler{}, time.Second, "timeout"))
	return top
}
