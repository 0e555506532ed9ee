// Package a registers health handlers on net/http's muxes.
package a

import (
	"context"
	"database/sql"
	"net/http"
	"path"
	"sync"
	"time"

	"deps"

	"github.com/redis/go-redis/v9"
	"golang.org/x/sync/errgroup"
)

var db *sql.DB

// Direct: the handler pings the database itself.
func direct() {
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { // want `^liveness handler for /healthz calls \(\*sql\.DB\)\.PingContext: when the database is slow or down every instance fails its liveness probe and is restarted at once; keep liveness shallow and check dependencies in readiness \(/readyz\)$`
		if err := db.PingContext(r.Context()); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
}

// Readiness: the same check on /readyz is a note.
func ready(mux *http.ServeMux) {
	mux.HandleFunc("/readyz", func(w http.ResponseWriter, r *http.Request) { // want `^readiness handler for /readyz calls \(\*sql\.DB\)\.PingContext: when the database is slow or down every instance turns unready at once and the load balancer has none left to send callers to; answer from the result of a background check, or fail readiness only on dependencies the instance cannot serve without$`
		if err := db.PingContext(r.Context()); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
}

type server struct {
	db   *sql.DB
	rdb  *redis.Client
	hc   *http.Client
	base string
}

// checkDB is a helper of this package.
func (s *server) checkDB(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	return s.db.PingContext(ctx)
}

func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	if err := s.checkDB(r.Context()); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}

// Redis through a helper of another package.
func (s *server) livez(w http.ResponseWriter, r *http.Request) {
	if err := deps.PingRedis(r.Context(), s.rdb); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}

// An HTTP call to a dependency.
func (s *server) upstream(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), "GET", "http://auth/healthz", nil)
	resp, err := s.hc.Do(req)
	if err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	resp.Body.Close()
}

func (s *server) routes(mux *http.ServeMux) {
	mux.HandleFunc("/healthz", s.healthz)                                                       // want `^liveness handler for /healthz calls \(\*sql\.DB\)\.PingContext via \(\*server\)\.checkDB: when the database is slow`
	mux.Handle("GET /livez", http.HandlerFunc(s.livez))                                         // want `^liveness handler for GET /livez calls \(redis\.cmdable\)\.Ping via deps\.PingRedis: when Redis is slow or down`
	mux.HandleFunc("GET example.com/health/", s.upstream)                                       // want `^liveness handler for GET example\.com/health/ calls \(\*http\.Client\)\.Do: when the HTTP service it calls is slow`
	mux.HandleFunc("HEAD /healthz/{$}", s.healthz)                                              // want `liveness handler for HEAD /healthz/\{\$\} calls`
	mux.Handle(deps.HealthPath, &deps.Checker{DB: s.db})                                        // want `^liveness handler for /healthz calls \(\*sql\.DB\)\.PingContext via \(\*deps\.Checker\)\.ServeHTTP: when the database`
	mux.Handle("/api/v1/readyz", readyHandler{s})                                               // want `^readiness handler for /api/v1/readyz calls \(\*sql\.DB\)\.PingContext via \(\*server\)\.checkDB`
	mux.Handle("/-/healthy", newHealthHandler(s.db))                                            // want `^liveness handler for /-/healthy calls \(\*sql\.DB\)\.QueryRowContext: when the database`
	mux.Handle("/health/live", logged(http.HandlerFunc(s.healthz)))                             // want `^liveness handler for /health/live calls \(\*sql\.DB\)\.PingContext via \(\*server\)\.healthz → \(\*server\)\.checkDB`
	mux.Handle("/alive", http.TimeoutHandler(http.HandlerFunc(s.healthz), time.Second, "slow")) // want `liveness handler for /alive calls \(\*sql\.DB\)\.PingContext via \(\*server\)\.checkDB`
	mux.HandleFunc("/readiness", s.checkAll)                                                    // want `^readiness handler for /readiness calls \(redis\.cmdable\)\.Ping via deps\.PingRedis`
	mux.HandleFunc("/health", s.viaInterface)                                                   // want `^liveness handler for /health calls \(\*sql\.DB\)\.PingContext via \(\*sqlPinger\)\.Ping: when the database`
	mux.HandleFunc(prefix+"/healthz", s.healthz)                                                // want `liveness handler for /healthz calls`
}

var prefix = func() string { return "/svc" }()

// basePath builds a route under a configured base path.
func (s *server) basePath(p string) string { return path.Join(s.base, p) }

func (s *server) based(mux *http.ServeMux) {
	mux.HandleFunc(s.basePath("/readyz"), s.healthz) // want `^readiness handler for /readyz calls`
	mux.HandleFunc(s.basePath("/orders"), s.healthz)
}

// A handler type of this package.
type readyHandler struct{ s *server }

func (h readyHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.s.checkDB(r.Context()) != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}

// A constructor of this package returns the handler.
func newHealthHandler(db *sql.DB) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var one int
		_ = db.QueryRowContext(r.Context(), "select 1").Scan(&one)
	})
}

// A middleware of this package wraps the handler.
func logged(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		next.ServeHTTP(w, r)
		_ = time.Since(start)
	})
}

// Checks run in goroutines the handler waits for.
func (s *server) checkAll(w http.ResponseWriter, r *http.Request) {
	var wg sync.WaitGroup
	errs := make([]error, 2)
	wg.Add(2)
	go func() { defer wg.Done(); errs[0] = deps.PingRedis(r.Context(), s.rdb) }()
	go func() { defer wg.Done(); errs[1] = nil }()
	wg.Wait()
}

// An interface of this package, implemented here.
type pinger interface {
	Ping(ctx context.Context) error
}

type sqlPinger struct{ db *sql.DB }

func (p *sqlPinger) Ping(ctx context.Context) error { return p.db.PingContext(ctx) }

func (s *server) viaInterface(w http.ResponseWriter, r *http.Request) {
	var p pinger = &sqlPinger{s.db}
	_ = p.Ping(r.Context())
}

// errgroup: the closures run while the handler waits.
func grouped(mux *http.ServeMux, s *server) {
	mux.HandleFunc("/ready", func(w http.ResponseWriter, r *http.Request) { // want `^readiness handler for /ready calls \(\*sql\.DB\)\.PingContext via \(\*server\)\.checkDB`
		g, ctx := errgroup.WithContext(r.Context())
		g.Go(func() error { return s.checkDB(ctx) })
		if g.Wait() != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
}

// Trap: the handler is chosen at run time; one candidate is deep.
func chosen(mux *http.ServeMux, s *server, deep bool) {
	h := http.HandlerFunc(deps.Live)
	if deep {
		h = s.healthz
	}
	mux.Handle("/livez", h) // want `liveness handler for /livez calls \(\*sql\.DB\)\.PingContext via \(\*server\)\.checkDB`
}

// Suppressed with a reason.
func suppressed(mux *http.ServeMux, s *server) {
	//faultline:ignore deephealth this endpoint is only used by the status page, never by a probe
	mux.HandleFunc("/healthz", s.healthz)
}
