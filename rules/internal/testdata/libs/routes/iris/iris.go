// Package iris registers iris routes: the Application, its parties (a
// prefix each) and a party handed to a helper.
package iris

import (
	"github.com/kataras/iris/v12"
)

func h(ctx iris.Context) {}

func register(p iris.Party) {
	p.Post("/orders", h)
}

func Routes() error {
	app := iris.New()
	app.Get("/healthz", h)
	api := app.Party("/api")
	api.Get("/cart/{id}", h)
	v1 := api.Party("/v1")
	v1.Handle("PUT", "/items", h)
	register(v1)
	return app.Listen(":8080")
}
