// Package route is a stub of github.com/prometheus/common/route with the
// real signatures of the parts the tests use.
package route

import "net/http"

type Router struct {
	prefix   string
	handlers map[string]http.HandlerFunc
}

func New() *Router { return &Router{handlers: map[string]http.HandlerFunc{}} }

func (r *Router) WithPrefix(prefix string) *Router {
	return &Router{prefix: r.prefix + prefix, handlers: r.handlers}
}

func (r *Router) Get(path string, h http.HandlerFunc)  { r.handlers["GET "+r.prefix+path] = h }
func (r *Router) Head(path string, h http.HandlerFunc) { r.handlers["HEAD "+r.prefix+path] = h }
func (r *Router) Post(path string, h http.HandlerFunc) { r.handlers["POST "+r.prefix+path] = h }

func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
