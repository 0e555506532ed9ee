// Package routers registers health handlers on gorilla/mux, chi, gin and
// echo.
package routers

import (
	"database/sql"
	"net/http"

	"deps"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
	"github.com/redis/go-redis/v9"
)

type api struct {
	db  *sql.DB
	rdb *redis.Client
}

func (a *api) health(w http.ResponseWriter, r *http.Request) {
	if a.db.PingContext(r.Context()) != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
}

func (a *api) shallow(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) }

func (a *api) orders(w http.ResponseWriter, r *http.Request) {
	_, _ = a.db.QueryContext(r.Context(), "select * from orders")
}

func gorilla(a *api) *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/healthz", a.health).Methods("GET")                   // want `^liveness handler for /healthz calls \(\*sql\.DB\)\.PingContext: when the database`
	r.Handle("/readyz", http.HandlerFunc(a.health))                     // want `^readiness handler for /readyz calls \(\*sql\.DB\)\.PingContext`
	r.Methods("GET").Path("/livez").HandlerFunc(a.health)               // want `^liveness handler for /livez calls \(\*sql\.DB\)\.PingContext`
	r.Path("/ready").Methods("GET").Handler(http.HandlerFunc(a.health)) // want `^readiness handler for /ready calls`
	r.HandleFunc("/healthz/live", a.shallow)
	r.HandleFunc("/orders/{id}", a.orders)
	r.PathPrefix("/static").HandlerFunc(a.health) // no path template faultline can read
	return r
}

func chiRoutes(a *api) http.Handler {
	r := chi.NewRouter()
	r.Get("/healthz", a.health)                            // want `^liveness handler for /healthz calls \(\*sql\.DB\)\.PingContext`
	r.Method("GET", "/readyz", http.HandlerFunc(a.health)) // want `^readiness handler for /readyz calls`
	r.Post("/healthz", a.health)                           // a POST route serves no probe
	r.Method("POST", "/livez", http.HandlerFunc(a.health))
	r.Get("/orders", a.orders)
	r.Route("/internal", func(r chi.Router) {
		r.Get("/livez", func(w http.ResponseWriter, req *http.Request) { // want `^liveness handler for /livez calls \(redis\.cmdable\)\.Ping via deps\.PingRedis: when Redis`
			_ = deps.PingRedis(req.Context(), a.rdb)
		})
		r.With(nil).Head("/health", a.health) // want `^liveness handler for /health calls`
	})
	return r
}

func ginRoutes(a *api) *gin.Engine {
	e := gin.Default()
	auth := func(c *gin.Context) { c.Next() }
	e.GET("/healthz", auth, func(c *gin.Context) { // want `^liveness handler for /healthz calls \(\*sql\.DB\)\.PingContext`
		if err := a.db.PingContext(c.Request.Context()); err != nil {
			c.AbortWithStatus(http.StatusServiceUnavailable)
			return
		}
		c.Status(http.StatusOK)
	})
	e.Handle("GET", "/readyz", a.ginReady) // want `^readiness handler for /readyz calls \(redis\.cmdable\)\.Ping via deps\.PingRedis`
	e.GET("/ping", func(c *gin.Context) { c.String(http.StatusOK, "pong") })
	e.GET("/livez", func(c *gin.Context) { c.Status(http.StatusOK) })
	e.POST("/healthz", a.ginReady)
	var g gin.IRoutes = e.Group("/v1")
	g.GET("/health", a.ginReady) // want `^liveness handler for /health calls`
	return e
}

func (a *api) ginReady(c *gin.Context) {
	if deps.PingRedis(c.Request.Context(), a.rdb) != nil {
		c.AbortWithStatus(http.StatusServiceUnavailable)
	}
}

func echoRoutes(a *api) *echo.Echo {
	e := echo.New()
	e.GET("/healthz", func(c echo.Context) error { // want `^liveness handler for /healthz calls \(\*sql\.DB\)\.PingContext`
		if err := a.db.PingContext(c.Request().Context()); err != nil {
			return c.NoContent(http.StatusServiceUnavailable)
		}
		return c.NoContent(http.StatusOK)
	})
	g := e.Group("/health")
	g.GET("/ready", a.echoReady)                 // want `^readiness handler for /ready calls \(redis\.cmdable\)\.Ping via deps\.PingRedis`
	e.Add(http.MethodGet, "/livez", a.echoReady) // want `^liveness handler for /livez calls`
	e.POST("/healthz", a.echoReady)
	e.GET("/livez", func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	return e
}

func (a *api) echoReady(c echo.Context) error {
	return deps.PingRedis(c.Request().Context(), a.rdb)
}

// Decision: only the last gin handler, the one that answers, is followed;
// a per-route middleware before it is not.
func ginMiddlewareOnly(a *api) {
	e := gin.New()
	e.GET("/readyz", a.ginReady, func(c *gin.Context) { c.Status(http.StatusOK) })
}
