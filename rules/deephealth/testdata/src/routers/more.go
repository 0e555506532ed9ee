package routers

import (
	"net/http"

	"github.com/julienschmidt/httprouter"
	"github.com/prometheus/common/route"
)

func prometheusRoutes(a *api) *route.Router {
	r := route.New().WithPrefix("/api")
	r.Get("/-/healthy", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	r.Head("/-/healthy", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	r.Get("/-/ready", a.health) // want `^readiness handler for /-/ready calls \(\*sql\.DB\)\.PingContext`
	r.Post("/-/healthy", a.health)
	return r
}

func httprouterRoutes(a *api) *httprouter.Router {
	r := httprouter.New()
	r.GET("/healthz", func(w http.ResponseWriter, req *http.Request, _ httprouter.Params) { // want `^liveness handler for /healthz calls \(\*sql\.DB\)\.PingContext`
		_ = a.db.PingContext(req.Context())
	})
	r.HandlerFunc(http.MethodGet, "/readyz", a.health) // want `^readiness handler for /readyz calls`
	r.Handler(http.MethodHead, "/livez", http.HandlerFunc(a.shallow))
	r.HandlerFunc(http.MethodPost, "/livez", a.health)
	return r
}
