// Package routers serves chi and gorilla/mux routers: routers on net/http,
// whose server is net/http's.
package routers

import (
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/gorilla/mux"
)

func hello(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("hello")) }

// Chi: http.ListenAndServe with a chi router.
func Chi() error {
	r := chi.NewRouter()
	r.Get("/", hello)
	return http.ListenAndServe(":8080", r) // want `http.ListenAndServe serves with a zero http.Server`
}

// ChiBounded: an http.Server with ReadHeaderTimeout: silent.
func ChiBounded() error {
	r := chi.NewRouter()
	r.Get("/", hello)
	srv := &http.Server{Handler: r, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}

// ChiTimeoutMiddleware: middleware.Timeout bounds the handlers' contexts,
// not the reading of the headers (trap).
func ChiTimeoutMiddleware() error {
	r := chi.NewRouter()
	r.Use(middleware.Timeout(10 * time.Second))
	r.Get("/", hello)
	srv := &http.Server{Addr: ":8080", Handler: r}
	return srv.ListenAndServe() // want `http.Server starts serving with neither ReadHeaderTimeout nor ReadTimeout set`
}

// Mux: gorilla/mux served by http.ListenAndServe.
func Mux() error {
	r := mux.NewRouter()
	r.HandleFunc("/", hello).Methods(http.MethodGet)
	return http.ListenAndServe(":8080", r) // want `http.ListenAndServe serves with a zero http.Server`
}

// MuxBounded: silent.
func MuxBounded() error {
	r := mux.NewRouter()
	r.HandleFunc("/", hello)
	srv := &http.Server{Addr: ":8080", Handler: r, ReadTimeout: 15 * time.Second}
	return srv.ListenAndServe()
}

// MuxWriteOnly: WriteTimeout does not bound the read (trap).
func MuxWriteOnly() error {
	r := mux.NewRouter()
	srv := &http.Server{Addr: ":8080", Handler: r, WriteTimeout: 15 * time.Second, IdleTimeout: time.Minute}
	return srv.ListenAndServe() // want `http.Server starts serving with neither ReadHeaderTimeout nor ReadTimeout set`
}
