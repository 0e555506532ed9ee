// Package echo is a stub of github.com/labstack/echo/v4 with the real
// signatures of the parts the tests use.
package echo

import "net/http"

type Context interface {
	Request() *http.Request
	JSON(code int, i interface{}) error
	String(code int, s string) error
	NoContent(code int) error
}

type HandlerFunc func(c Context) error

type MiddlewareFunc func(next HandlerFunc) HandlerFunc

type Route struct {
	Method string
	Path   string
	Name   string
}

type Echo struct{ routes []*Route }

type Group struct {
	prefix string
	echo   *Echo
}

func New() *Echo { return &Echo{} }

func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route {
	return e.Add("GET", path, h, m...)
}
func (e *Echo) HEAD(path string, h HandlerFunc, m ...MiddlewareFunc) *Route {
	return e.Add("HEAD", path, h, m...)
}
func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route {
	return e.Add("POST", path, h, m...)
}
func (e *Echo) Any(path string, handler HandlerFunc, middleware ...MiddlewareFunc) []*Route {
	return nil
}
func (e *Echo) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	r := &Route{Method: method, Path: path}
	e.routes = append(e.routes, r)
	return r
}
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) (g *Group) {
	return &Group{prefix: prefix, echo: e}
}
func (e *Echo) Start(address string) error { return nil }

func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route {
	return g.echo.Add("GET", g.prefix+path, h, m...)
}
func (g *Group) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	return g.echo.Add(method, g.prefix+path, handler, middleware...)
}
func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route {
	return g.echo.Add("POST", g.prefix+path, h, m...)
}
func (g *Group) Group(prefix string, m ...MiddlewareFunc) (sg *Group) {
	return &Group{prefix: g.prefix + prefix, echo: g.echo}
}
