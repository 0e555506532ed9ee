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
