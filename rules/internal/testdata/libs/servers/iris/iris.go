// Package iris starts iris applications: Listen and Run's runners build
// an http.Server with Addr only, which iris bounds only when the
// Application's Timeout is set.
package iris

import (
	"net/http"
	"time"

	"github.com/kataras/iris/v12"

	"example.com/libs/servers/irishelper"
)

func hello(ctx iris.Context) { ctx.WriteString("hello") }

// Listen: iris.New() and Listen, nothing set.
func Listen() error {
	app := iris.New()
	app.Get("/", hello)
	return app.Listen(":8080") // want `\(\*iris.Application\).Listen serves an http.Server that iris builds with Addr only`
}

// ListenNeutral: configurators that do not touch the timeout.
func ListenNeutral() error {
	app := iris.Default()
	return app.Listen(":8080", iris.WithoutServerError(iris.ErrServerClosed), iris.WithOptimizations) // want `\(\*iris.Application\).Listen serves an http.Server that iris builds`
}

// ListenTimeout: WithTimeout sets the server's read timeouts: silent.
func ListenTimeout() error {
	app := iris.New()
	return app.Listen(":8080", iris.WithTimeout(30*time.Second))
}

// Configured: Timeout set on the Application before: silent.
func Configured() error {
	app := iris.New()
	app.Configure(iris.WithTimeout(30 * time.Second))
	return app.Run(iris.Addr(":8080"))
}

// Configuration: a Configuration with Timeout: silent.
func Configuration() error {
	app := iris.New()
	app.Configure(iris.WithConfiguration(iris.Configuration{Timeout: time.Minute}))
	return app.Listen(":8080")
}

// ConfigurationWithoutTimeout: a Configuration that leaves Timeout zero
// (trap).
func ConfigurationWithoutTimeout() error {
	app := iris.New()
	app.Configure(iris.WithConfiguration(iris.Configuration{Charset: "utf-8"}))
	return app.Listen(":8080") // want `\(\*iris.Application\).Listen serves an http.Server that iris builds`
}

// FromFile: a configuration read from a file may set it: silent.
func FromFile() error {
	app := iris.New()
	return app.Run(iris.Addr(":8080"), iris.WithConfiguration(iris.YAML("iris.yml")))
}

// RunAddr: Run with iris.Addr.
func RunAddr() error {
	app := iris.New()
	return app.Run(iris.Addr(":8080"), iris.WithoutServerError(iris.ErrServerClosed)) // want `\(\*iris.Application\).Run serves an http.Server that iris builds`
}

// RunTLS: Run with iris.TLS.
func RunTLS() error {
	app := iris.New()
	return app.Run(iris.TLS(":8443", "cert.pem", "key.pem")) // want `\(\*iris.Application\).Run serves an http.Server that iris builds`
}

// HostConfigurator: a host configurator may set the server's fields:
// silent.
func HostConfigurator() error {
	app := iris.New()
	return app.Run(iris.Addr(":8080", func(su *iris.Supervisor) { su.Server.ReadHeaderTimeout = 5 * time.Second }))
}

// ConfigureHost: the same, on the Application: silent.
func ConfigureHost() error {
	app := iris.New()
	app.ConfigureHost(func(su *iris.Supervisor) { su.Server.ReadTimeout = time.Minute })
	return app.Listen(":8080")
}

// Server: iris.Server serves the http.Server it is given: silent when it
// has a read timeout.
func Server() error {
	app := iris.New()
	return app.Run(iris.Server(&http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}))
}

// ServerBare: an http.Server with no read timeout, and no Timeout (trap:
// a write timeout only).
func ServerBare() error {
	app := iris.New()
	return app.Run(iris.Server(&http.Server{Addr: ":8080", WriteTimeout: 5 * time.Second})) // want `\(\*iris.Application\).Run serves the http.Server given to iris.Server, which sets neither`
}

// ServerWithTimeout: the Application's Timeout fills the zero fields of
// the server given: silent.
func ServerWithTimeout() error {
	app := iris.New()
	return app.Run(iris.Server(&http.Server{Addr: ":8080"}), iris.WithTimeout(time.Minute))
}

// OtherApp: the timeout is configured on another Application than the
// one started (trap).
func OtherApp() error {
	admin := iris.New()
	admin.Configure(iris.WithTimeout(time.Minute))
	api := iris.New()
	go admin.Listen(":9090")
	return api.Listen(":8080") // want `\(\*iris.Application\).Listen serves an http.Server that iris builds`
}

// Raw: a function of the user's serves: silent.
func Raw(srv *http.Server) error {
	app := iris.New()
	return app.Run(iris.Raw(srv.ListenAndServe))
}

// Param: an Application from elsewhere: silent.
func Param(app *iris.Application) error { return app.Listen(":8080") }

// OwnThenTimeout: WithTimeout after the user's configurator decides:
// silent.
func OwnThenTimeout(c iris.Configurator) error {
	app := iris.New()
	return app.Listen(":8080", c, iris.WithTimeout(time.Minute))
}

// Own: a configurator of the user's may set anything: silent.
func Own(c iris.Configurator) error {
	app := iris.New()
	return app.Listen(":8080", c)
}

// Helper: routes registered by a helper of another package, which sets
// no Timeout (facts).
func Helper() error {
	app := iris.New()
	irishelper.Routes(app)
	return app.Listen(":8080") // want `\(\*iris.Application\).Listen serves an http.Server that iris builds`
}

// Hardened: a helper of another package sets the Timeout: silent.
func Hardened() error {
	app := iris.New()
	irishelper.Harden(app)
	return app.Listen(":8080")
}
