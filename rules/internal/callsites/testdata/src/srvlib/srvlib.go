// Package srvlib starts servers for whoever calls Run: the server belongs
// to the caller's package, not to this one, which a client also imports
// for its handler (trap: no package fact).
package srvlib

import (
	"net/http"
	"time"
)

func Run(addr string) error { // want Run:`starts\(http http.ListenAndServe\)`
	return serve(addr)
}

func serve(addr string) error { return http.ListenAndServe(addr, NewHandler()) }

// Start serves an http.Server built here.
func Start(addr string) error { // want Start:`starts\(http \(\*http.Server\).ListenAndServe\)`
	s := &http.Server{Addr: addr, ReadHeaderTimeout: time.Second}
	return s.ListenAndServe()
}

func NewHandler() http.Handler { return http.NewServeMux() }

// Server is what New returns: the caller starts it through the interface.
type Server interface{ Start() error }

// HTTPServer starts an HTTP server when started.
type HTTPServer struct{ srv *http.Server }

func (s *HTTPServer) Start() error { return s.srv.ListenAndServe() } // want Start:`starts\(http \(\*http.Server\).ListenAndServe\)`

// New returns a server behind an interface.
func New(addr string) Server { return &HTTPServer{srv: &http.Server{Addr: addr}} }

// Job has a Start method too, and no server implements it (HTTPServer has
// no Name). Go's interfaces are structural: a Job with Start alone would
// be implemented by HTTPServer, and a call of its Start would count.
type Job interface {
	Start() error
	Name() string
}
