package a

import (
	"context"
	"database/sql"
	"encoding/json"
	"net/http"
	"sync/atomic"
	"time"

	"deps"
)

// The recommended pattern: a background poller started elsewhere keeps a
// status the handlers read.
func cached(ctx context.Context, mux *http.ServeMux, db *sql.DB) {
	var up atomic.Bool
	go func() {
		for ctx.Err() == nil {
			up.Store(db.PingContext(ctx) == nil)
			time.Sleep(5 * time.Second)
		}
	}()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) {
		if !up.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
}

// The same through a type of another package.
func cachedStatus(ctx context.Context, db *sql.DB) {
	st := &deps.Status{}
	go st.Poll(ctx, db)
	http.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) {
		if !st.OK() {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
}

// A stale-while-revalidate handler starts a refresh it does not wait for.
type cache struct {
	db *sql.DB
	ok atomic.Bool
}

func (c *cache) refresh() { c.ok.Store(c.db.PingContext(context.Background()) == nil) }

func (c *cache) ready(w http.ResponseWriter, r *http.Request) {
	go c.refresh()
	go func() { c.refresh() }()
	json.NewEncoder(w).Encode(map[string]bool{"ok": c.ok.Load()})
}

func refreshed(c *cache) {
	http.HandleFunc("/readyz", c.ready)
}

// Shallow handlers.
func shallow(mux *http.ServeMux) {
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	mux.HandleFunc("/livez", deps.Live)
	mux.Handle("/health", http.HandlerFunc(deps.Live))
}

// Paths that are not probes call the database as they must.
func (s *server) orders(w http.ResponseWriter, r *http.Request) {
	_, _ = s.db.QueryContext(r.Context(), "select * from orders")
}

func notHealth(mux *http.ServeMux, s *server) {
	mux.HandleFunc("/orders", s.orders)
	mux.HandleFunc("/ping", s.healthz)         // not a probe by convention
	mux.HandleFunc("/healthz/db", s.healthz)   // a per-dependency check, by name
	mux.HandleFunc("/startupz", s.healthz)     // a startup probe
	mux.HandleFunc("POST /healthz", s.healthz) // no probe sends POST
	mux.HandleFunc("/{name}", s.healthz)       // a wildcard
	mux.HandleFunc("/healthzx", s.healthz)
	mux.HandleFunc("/notifications/live", s.healthz) // a stream, not a probe
	mux.HandleFunc("/orders/{id}/health", s.healthz) // about an order
}

// Trap: a handler named like a health check, registered on an
// application path, is not a health check.
func (s *server) ordersHealthz(w http.ResponseWriter, r *http.Request) { s.healthz(w, r) }

func misnamed(mux *http.ServeMux, s *server) {
	healthz := s.healthz
	mux.HandleFunc("/orders", healthz)
	mux.HandleFunc("/orders/health-report", s.ordersHealthz)
}

// Handlers faultline cannot see into stay silent.
type app struct{ health http.Handler }

func opaque(mux *http.ServeMux, a *app, h http.Handler) {
	mux.Handle("/healthz", a.health)
	mux.Handle("/readyz", h)
}

// A path that is not a constant.
func dynamic(mux *http.ServeMux, s *server, path string) {
	mux.HandleFunc(path, s.healthz)
}

// time.AfterFunc runs its function later, not while the handler answers.
func later(mux *http.ServeMux, s *server) {
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		time.AfterFunc(time.Second, func() { _ = s.checkDB(context.Background()) })
	})
}

// A constructor that starts the poller and returns a handler reading its
// result: the goroutine is the constructor's, not the handler's.
func newReady(ctx context.Context, db *sql.DB) http.HandlerFunc {
	var up atomic.Bool
	go func() {
		for ctx.Err() == nil {
			up.Store(db.PingContext(ctx) == nil)
			time.Sleep(5 * time.Second)
		}
	}()
	return func(w http.ResponseWriter, r *http.Request) {
		if !up.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}
}

func constructed(ctx context.Context, mux *http.ServeMux, db *sql.DB) {
	mux.Handle("/healthz", newReady(ctx, db))
	mux.Handle("/readyz", deps.NewReady(ctx, db))
}
