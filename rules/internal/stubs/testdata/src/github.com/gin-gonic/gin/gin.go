// Package gin is a stub of github.com/gin-gonic/gin with the real
// signatures of the parts the tests use.
package gin

import "net/http"

type HandlerFunc func(*Context)

type HandlersChain []HandlerFunc

type Context struct {
	Request *http.Request
	Writer  http.ResponseWriter
}

func (c *Context) JSON(code int, obj any)                        {}
func (c *Context) String(code int, format string, values ...any) {}
func (c *Context) Status(code int)                               {}
func (c *Context) AbortWithStatus(code int)                      {}
func (c *Context) Next()                                         {}

type IRoutes interface {
	Use(...HandlerFunc) IRoutes
	Handle(string, string, ...HandlerFunc) IRoutes
	Any(string, ...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
	HEAD(string, ...HandlerFunc) IRoutes
}

type IRouter interface {
	IRoutes
	Group(string, ...HandlerFunc) *RouterGroup
}

type RouterGroup struct {
	Handlers HandlersChain
	basePath string
}

func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes { return group }
func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return &RouterGroup{basePath: group.basePath + relativePath}
}
func (group *RouterGroup) Handle(httpMethod, relativePath string, handlers ...HandlerFunc) IRoutes {
	return group
}
func (group *RouterGroup) Any(relativePath string, handlers ...HandlerFunc) IRoutes  { return group }
func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes  { return group }
func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes { return group }
func (group *RouterGroup) HEAD(relativePath string, handlers ...HandlerFunc) IRoutes { return group }

type Engine struct {
	RouterGroup
}

func New() *Engine     { return &Engine{} }
func Default() *Engine { return New() }

func (engine *Engine) Run(addr ...string) (err error) { return nil }
