// Package httprouter is a stub of github.com/julienschmidt/httprouter
// with the real signatures of the parts the tests use.
package httprouter

import "net/http"

type Handle func(http.ResponseWriter, *http.Request, Params)

type Param struct {
	Key   string
	Value string
}

type Params []Param

type Router struct{ handles map[string]Handle }

func New() *Router { return &Router{handles: map[string]Handle{}} }

func (r *Router) GET(path string, handle Handle)  { r.Handle(http.MethodGet, path, handle) }
func (r *Router) HEAD(path string, handle Handle) { r.Handle(http.MethodHead, path, handle) }
func (r *Router) POST(path string, handle Handle) { r.Handle(http.MethodPost, path, handle) }

func (r *Router) Handle(method, path string, handle Handle) { r.handles[method+" "+path] = handle }

func (r *Router) Handler(method, path string, handler http.Handler) {
	r.Handle(method, path, func(w http.ResponseWriter, req *http.Request, _ Params) {
		handler.ServeHTTP(w, req)
	})
}

func (r *Router) HandlerFunc(method, path string, handler http.HandlerFunc) {
	r.Handler(method, path, handler)
}

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
