package a

import (
	"log"
	"net/http"
	"time"
)

func packageHelper() {
	log.Fatal(http.ListenAndServe(":8080", nil)) // want `http.ListenAndServe serves with a zero http.Server, which has no timeouts`
}

func packageServe(h http.Handler) {
	_ = http.Serve(nil, h) // want `http.Serve serves with a zero http.Server`
}

func noReadBound(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, WriteTimeout: 10 * time.Second}
	return srv.ListenAndServe() // want `http.Server starts serving with neither ReadHeaderTimeout nor ReadTimeout set`
}

// An idle timeout does not bound the read of a request.
func trapIdleTimeout(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, IdleTimeout: time.Minute}
	return srv.ListenAndServe() // want `neither ReadHeaderTimeout nor ReadTimeout`
}

// A zero timeout written out is still no timeout.
func trapZero() error {
	srv := &http.Server{ReadHeaderTimeout: 0}
	return srv.ListenAndServe() // want `neither ReadHeaderTimeout nor ReadTimeout`
}

func valueServer() error {
	var srv http.Server
	srv.Addr = ":8080"
	return srv.ListenAndServe() // want `neither ReadHeaderTimeout nor ReadTimeout`
}

func withHeaderTimeout(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}

func readTimeoutAssignedLater(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	srv.ReadTimeout = 30 * time.Second
	return srv.ListenAndServe()
}

func newServer() *http.Server {
	return &http.Server{ReadHeaderTimeout: time.Second}
}

func builtByHelper() error { return newServer().ListenAndServe() }

func configure(s *http.Server) { s.ReadHeaderTimeout = time.Second }

func configuredByHelper() error {
	s := &http.Server{}
	configure(s)
	return s.ListenAndServe()
}

func newBare() *http.Server { return &http.Server{Addr: ":1"} }

func bareFromHelper() error { return newBare().ListenAndServe() } // want `neither ReadHeaderTimeout nor ReadTimeout`

func suppressed() {
	//faultline:ignore servertimeout debug listener bound to localhost
	_ = http.ListenAndServe("localhost:6060", nil)
}

// A server kept in a struct field, configured by its constructor.
type app struct {
	srv  *http.Server
	bare *http.Server
}

func newApp(h http.Handler) *app {
	return &app{
		srv:  &http.Server{Handler: h, ReadHeaderTimeout: 2 * time.Second},
		bare: &http.Server{Handler: h},
	}
}

func (a *app) run() error { return a.srv.ListenAndServe() }

func (a *app) runBare() error { return a.bare.ListenAndServe() } // want `neither ReadHeaderTimeout nor ReadTimeout`

// The literal spans lines: the fix adds a line.
func multiLine(h http.Handler) error {
	srv := &http.Server{
		Addr:    ":8080",
		Handler: h,
	}
	return srv.ListenAndServe() // want `neither ReadHeaderTimeout nor ReadTimeout`
}

// Assigned in a closure that runs before serving.
func configuredInClosure(h http.Handler) error {
	srv := &http.Server{Handler: h}
	configure := func() { srv.ReadHeaderTimeout = time.Second }
	configure()
	return srv.ListenAndServe()
}

// A server passed in is the caller's business.
func param(srv *http.Server) error { return srv.ListenAndServe() } // want param:`serves\(0\)`

// Method values and method expressions reach Serve too.
func methodValue() error {
	var srv http.Server
	serve := srv.ListenAndServe
	return serve() // want `neither ReadHeaderTimeout nor ReadTimeout`
}

func methodExpr(h http.Handler) error {
	var srv http.Server
	srv.ReadHeaderTimeout = time.Second
	return (*http.Server).ListenAndServe(&srv)
}

func methodExprBare() error {
	var srv http.Server
	return (*http.Server).ListenAndServe(&srv) // want `neither ReadHeaderTimeout nor ReadTimeout`
}

// A method value from elsewhere: its receiver cannot be seen.
func methodValueParam(serve func() error) error { return serve() }
