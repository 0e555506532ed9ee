// Package mux is a stub of github.com/gorilla/mux with the real signatures
// of the parts the tests use.
package mux

import "net/http"

type Router struct{ routes []*Route }

type Route struct {
	handler http.Handler
	tpl     string
}

func NewRouter() *Router { return &Router{} }

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}

func (r *Router) NewRoute() *Route {
	route := &Route{}
	r.routes = append(r.routes, route)
	return route
}

func (r *Router) Handle(path string, handler http.Handler) *Route {
	return r.NewRoute().Path(path).Handler(handler)
}

func (r *Router) HandleFunc(path string, f func(http.ResponseWriter,
	*http.Request)) *Route {
	return r.NewRoute().Path(path).HandlerFunc(f)
}

func (r *Router) Methods(methods ...string) *Route { return r.NewRoute().Methods(methods...) }

func (r *Router) Path(tpl string) *Route { return r.NewRoute().Path(tpl) }

func (r *Router) PathPrefix(tpl string) *Route { return r.NewRoute().PathPrefix(tpl) }

func (r *Route) Handler(handler http.Handler) *Route {
	r.handler = handler
	return r
}

func (r *Route) HandlerFunc(f func(http.ResponseWriter, *http.Request)) *Route {
	return r.Handler(http.HandlerFunc(f))
}

func (r *Route) Methods(methods ...string) *Route { return r }

func (r *Route) Path(tpl string) *Route {
	r.tpl = tpl
	return r
}

func (r *Route) PathPrefix(tpl string) *Route {
	r.tpl = tpl
	return r
}

func (r *Route) Subrouter() *Router { return &Router{} }
