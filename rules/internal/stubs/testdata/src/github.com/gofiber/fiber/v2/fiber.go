// Package fiber is a stub of github.com/gofiber/fiber/v2 with the real
// signatures of the parts the tests use.
package fiber

import "context"

type Ctx struct{}

func (c *Ctx) UserContext() context.Context { return context.Background() }
func (c *Ctx) SendString(body string) error { return nil }

type Handler = func(*Ctx) error

type Router interface {
	Use(args ...interface{}) Router
	Get(path string, handlers ...Handler) Router
	Post(path string, handlers ...Handler) Router
	Group(prefix string, handlers ...Handler) Router
}

type Config struct{}

type App struct{}

func New(config ...Config) *App { return &App{} }

func (app *App) Use(args ...interface{}) Router                  { return app }
func (app *App) Get(path string, handlers ...Handler) Router     { return app }
func (app *App) Post(path string, handlers ...Handler) Router    { return app }
func (app *App) Group(prefix string, handlers ...Handler) Router { return &Group{Prefix: prefix} }
func (app *App) Listen(addr string) error                        { return nil }

type Group struct{ Prefix string }

func (grp *Group) Use(args ...interface{}) Router               { return grp }
func (grp *Group) Get(path string, handlers ...Handler) Router  { return grp }
func (grp *Group) Post(path string, handlers ...Handler) Router { return grp }
func (grp *Group) Group(prefix string, handlers ...Handler) Router {
	return &Group{Prefix: grp.Prefix + prefix}
}
