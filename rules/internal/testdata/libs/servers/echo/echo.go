// Package echo starts echo v4 servers: echo.New leaves e.Server and
// e.TLSServer with every timeout zero, so Start and StartTLS are open to
// slow clients unless a read timeout is set on the server they serve.
package echo

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"example.com/libs/servers/echohelper"
)

func hello(c echo.Context) error { return c.String(http.StatusOK, "hello") }

// Default: echo.New() and Start, nothing set.
func Default() error {
	e := echo.New()
	e.GET("/", hello)
	return e.Start(":8080") // want `\(\*echo.Echo\).Start serves the Echo's Server, an http.Server with neither ReadHeaderTimeout nor ReadTimeout set`
}

// Bounded sets e.Server.ReadHeaderTimeout after New: silent.
func Bounded() error {
	e := echo.New()
	e.Server.ReadHeaderTimeout = 5 * time.Second
	e.GET("/", hello)
	return e.Start(":8080")
}

// ReadTimeoutOnly sets ReadTimeout, which the server falls back to: silent.
func ReadTimeoutOnly() error {
	e := echo.New()
	e.Server.ReadTimeout = 30 * time.Second
	return e.Start(":8080")
}

// ReplacedServer installs a server of its own with a timeout: silent.
func ReplacedServer() error {
	e := echo.New()
	e.Server = &http.Server{ReadHeaderTimeout: 5 * time.Second}
	return e.Start(":8080")
}

// ReplacedBare installs a server of its own without one.
func ReplacedBare() error {
	e := echo.New()
	e.Server = &http.Server{WriteTimeout: 5 * time.Second}
	return e.Start(":8080") // want `\(\*echo.Echo\).Start serves the Echo's Server`
}

// OtherInstance: the timeout is set on another echo than the one started
// (trap).
func OtherInstance() error {
	admin := echo.New()
	admin.Server.ReadHeaderTimeout = 5 * time.Second
	api := echo.New()
	api.GET("/", hello)
	go admin.Start(":9090")
	return api.Start(":8080") // want `\(\*echo.Echo\).Start serves the Echo's Server`
}

// TLSOnPlainServer: the timeout is set on e.Server, but StartTLS serves
// e.TLSServer (trap).
func TLSOnPlainServer() error {
	e := echo.New()
	e.Server.ReadHeaderTimeout = 5 * time.Second
	return e.StartTLS(":8443", "cert.pem", "key.pem") // want `\(\*echo.Echo\).StartTLS serves the Echo's TLSServer`
}

// TLSBounded sets the TLS server's timeout: silent.
func TLSBounded() error {
	e := echo.New()
	e.TLSServer.ReadHeaderTimeout = 5 * time.Second
	return e.StartTLS(":8443", "cert.pem", "key.pem")
}

// TimeoutMiddleware bounds the handlers, not the reading of a request's
// headers, which happens before any handler runs (trap).
func TimeoutMiddleware() error {
	e := echo.New()
	e.Use(middleware.TimeoutWithConfig(middleware.TimeoutConfig{Timeout: 10 * time.Second}))
	e.GET("/", hello)
	return e.Start(":8080") // want `\(\*echo.Echo\).Start serves the Echo's Server`
}

// StartServer serves the http.Server it is given: its own fields count.
func StartServer() error {
	e := echo.New()
	s := &http.Server{Addr: ":8080", WriteTimeout: 10 * time.Second}
	return e.StartServer(s) // want `http.Server passed to \(\*echo.Echo\).StartServer starts serving there with neither ReadHeaderTimeout nor ReadTimeout set`
}

// StartServerBounded: silent.
func StartServerBounded() error {
	e := echo.New()
	s := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}
	return e.StartServer(s)
}

// StartServerWithEchoTimeout: the timeout on e.Server is not the one of
// the server StartServer is given (trap).
func StartServerWithEchoTimeout() error {
	e := echo.New()
	e.Server.ReadHeaderTimeout = 5 * time.Second
	return e.StartServer(&http.Server{Addr: ":8080"}) // want `http.Server passed to \(\*echo.Echo\).StartServer starts serving there`
}

// AsHandler: echo as the Handler of an http.Server is net/http's case.
func AsHandler() error {
	e := echo.New()
	srv := &http.Server{Addr: ":8080", Handler: e}
	return srv.ListenAndServe() // want `http.Server starts serving with neither ReadHeaderTimeout nor ReadTimeout set`
}

// AsHandlerBounded: silent.
func AsHandlerBounded() error {
	e := echo.New()
	srv := &http.Server{Addr: ":8080", Handler: e, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}

// server keeps its echo in a field, built in the constructor.
type server struct {
	e    *echo.Echo
	addr string
}

func newServer(addr string) *server {
	e := echo.New()
	e.GET("/", hello)
	return &server{e: e, addr: addr}
}

func (s *server) run() error {
	return s.e.Start(s.addr) // want `\(\*echo.Echo\).Start serves the Echo's Server`
}

type boundedServer struct{ e *echo.Echo }

func newBoundedServer() *boundedServer {
	e := echo.New()
	e.Server.ReadTimeout = time.Minute
	return &boundedServer{e: e}
}

func (s *boundedServer) run() error { return s.e.Start(":8080") }

// Param: an echo whose origin is not in view is not reported.
func Param(e *echo.Echo) error { return e.Start(":8080") }

// FromHelper: an echo another package hardens (facts): silent.
func FromHelper() error { return echohelper.Hardened().Start(":8080") }

// FromBareHelper: an echo another package builds without a timeout.
func FromBareHelper() error {
	e := echohelper.Bare()
	return e.Start(":8080") // want `\(\*echo.Echo\).Start serves the Echo's Server`
}

// HardenedByHelper: another package sets the timeout on it: silent.
func HardenedByHelper() error {
	e := echo.New()
	echohelper.Harden(e)
	return e.Start(":8080")
}
