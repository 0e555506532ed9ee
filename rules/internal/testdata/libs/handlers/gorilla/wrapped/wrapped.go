// Package wrapped wraps a gorilla router with http.TimeoutHandler: every
// handler of the package counts as wrapped (the router's routes are not
// resolved).
package wrapped

import (
	"context"
	"database/sql"
	"net/http"
	"time"

	"github.com/gorilla/mux"
)

var db *sql.DB

func getOrder(w http.ResponseWriter, r *http.Request) {
	_, _ = db.QueryContext(r.Context(), "SELECT 1")
}

// Reported all the same: a fresh context is not the request's.
func getFresh(w http.ResponseWriter, r *http.Request) {
	_, _ = db.QueryContext(context.Background(), "SELECT 1") // want `context.Background\(\) drops the request's context`
}

func Server() *http.Server {
	r := mux.NewRouter()
	r.HandleFunc("/order", getOrder)
	r.HandleFunc("/fresh", getFresh)
	return &http.Server{Handler: http.TimeoutHandler(r, 5*time.Second, "timeout"), ReadHeaderTimeout: time.Second}
}
