// Package wrapall wraps a handler it cannot resolve with
// http.TimeoutHandler: every handler of the package counts as wrapped.
package wrapall

import (
	"context"
	"database/sql"
	"net/http"
	"time"
)

var db *sql.DB

func handleOrder(w http.ResponseWriter, r *http.Request) {
	_, _ = db.ExecContext(r.Context(), "SELECT 1")
}

// Fresh contexts are still reported: TimeoutHandler bounds only the
// request's context.
func handleFresh(w http.ResponseWriter, r *http.Request) {
	_, _ = db.ExecContext(context.Background(), "SELECT 1") // want `context.Background\(\) drops the request's context`
}

func NewServer(h http.Handler) *http.Server {
	return &http.Server{Handler: http.TimeoutHandler(h, 5*time.Second, "timeout"), ReadHeaderTimeout: time.Second}
}

func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/order", handleOrder)
	mux.HandleFunc("/fresh", handleFresh)
	return mux
}
