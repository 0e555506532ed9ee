package a

import (
	"net/http"

	"deps"
)

var livePath = "/livez"

// A handler kept in a package-level variable.
var globalReady = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	_ = db.PingContext(r.Context())
})

// A middleware of this package that itself calls a dependency.
func authed(s *server, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if deps.PingRedis(r.Context(), s.rdb) != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func more(mux *http.ServeMux, s *server) {
	mux.Handle("/readyz", globalReady)                                 // want `^readiness handler for /readyz calls \(\*sql\.DB\)\.PingContext: when the database`
	mux.HandleFunc(livePath, s.healthz)                                // want `^liveness handler for /livez calls \(\*sql\.DB\)\.PingContext via \(\*server\)\.checkDB`
	mux.Handle("/health", authed(s, http.HandlerFunc(deps.Live)))      // want `^liveness handler for /health calls \(redis\.cmdable\)\.Ping via deps\.PingRedis: when Redis`
	mux.Handle("/healthcheck", authed(s, http.HandlerFunc(deps.Live))) // want `^liveness handler for /healthcheck calls`

	// A variable captured by a closure lives in memory (an Alloc).
	h := http.HandlerFunc(s.healthz)
	defer func() { _ = h }()
	mux.Handle("/healthz", h) // want `^liveness handler for /healthz calls \(\*sql\.DB\)\.PingContext via \(\*server\)\.checkDB`
}

func init() {
	http.HandleFunc("/-/ready", globalReady) // want `^readiness handler for /-/ready calls`
}
