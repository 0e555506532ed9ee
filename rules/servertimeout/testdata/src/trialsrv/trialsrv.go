// Package trialsrv serves servers that other packages build.
package trialsrv

import (
	"net"
	"net/http"
	"time"
)

// Start serves the server it is given, in a goroutine.
func Start(l net.Listener, srv *http.Server, errc chan<- error) { // want Start:`serves\(1\)`
	go func() { errc <- run(srv, l) }()
}

func run(srv *http.Server, l net.Listener) error { // want run:`serves\(0\)`
	return srv.Serve(l)
}

// Harden bounds the server and serves it.
func Harden(srv *http.Server) error { // want Harden:`serves\(0\)`
	srv.ReadHeaderTimeout = 5 * time.Second
	return srv.ListenAndServe()
}
