// Package trial holds patterns met in real services (faultline's trial on
// open-source code, docs/tried-code.md).
package trial

import (
	"database/sql"
	"net/http"
	"testing"
)

// Routes of a test harness outside _test.go files.
func fakeService(t *testing.T, db *sql.DB) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		if err := db.PingContext(r.Context()); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	return mux
}

// The same registration in the service is reported.
func routes(db *sql.DB) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { // want `liveness handler for /healthz calls \(\*sql.DB\).PingContext`
		if err := db.PingContext(r.Context()); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	return mux
}
