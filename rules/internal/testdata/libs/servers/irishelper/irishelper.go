// Package irishelper registers routes on, or configures, an iris
// Application of another package: facts say what it sets.
package irishelper

import (
	"time"

	"github.com/kataras/iris/v12"
)

func hello(ctx iris.Context) { ctx.WriteString("hello") }

// Routes registers a route.
func Routes(app *iris.Application) { app.Get("/", hello) }

// Harden sets the Application's Timeout.
func Harden(app *iris.Application) { app.Configure(iris.WithTimeout(30 * time.Second)) }
