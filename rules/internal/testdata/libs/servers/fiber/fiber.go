// Package fiber starts fiber v2 apps: fiber.New copies Config.ReadTimeout
// to its fasthttp.Server, where zero means unlimited.
package fiber

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/timeout"
)

func hello(c *fiber.Ctx) error { return c.SendString("hello") }

// Default: fiber.New() with no Config.
func Default() error {
	app := fiber.New()
	app.Get("/", hello)
	return app.Listen(":8080") // want `\(\*fiber.App\).Listen serves with fasthttp, and the app's fiber.Config leaves ReadTimeout zero`
}

// Bounded: a Config with ReadTimeout: silent.
func Bounded() error {
	app := fiber.New(fiber.Config{ReadTimeout: 10 * time.Second})
	app.Get("/", hello)
	return app.Listen(":8080")
}

// WriteOnly: a Config with WriteTimeout and IdleTimeout, which do not
// bound the reading of a request (trap).
func WriteOnly() error {
	app := fiber.New(fiber.Config{WriteTimeout: 10 * time.Second, IdleTimeout: time.Minute})
	return app.Listen(":8080") // want `\(\*fiber.App\).Listen serves with fasthttp`
}

// ConfigVariable: a Config built in a variable, its field set later.
func ConfigVariable() error {
	cfg := fiber.Config{AppName: "svc"}
	cfg.ReadTimeout = 5 * time.Second
	app := fiber.New(cfg)
	return app.Listen(":8080")
}

// ConfigVariableBare: the same without ReadTimeout.
func ConfigVariableBare() error {
	cfg := fiber.Config{AppName: "svc", Prefork: false}
	app := fiber.New(cfg)
	return app.ListenTLS(":8443", "cert.pem", "key.pem") // want `\(\*fiber.App\).ListenTLS serves with fasthttp`
}

func config() fiber.Config { return fiber.Config{ReadTimeout: 5 * time.Second} }

// ConfigHelper: a Config from a helper of this package: silent.
func ConfigHelper() error { return fiber.New(config()).Listen(":8080") }

// ServerField sets the ReadTimeout of the app's fasthttp.Server before
// Listen: silent.
func ServerField() error {
	app := fiber.New()
	app.Server().ReadTimeout = 5 * time.Second
	return app.Listen(":8080")
}

// TimeoutMiddleware bounds a handler, not the reading of the request
// (trap).
func TimeoutMiddleware() error {
	app := fiber.New()
	app.Get("/", timeout.NewWithContext(hello, 5*time.Second))
	return app.Listen(":8080") // want `\(\*fiber.App\).Listen serves with fasthttp`
}

// OtherApp: the timeout is on another app than the one started (trap).
func OtherApp() error {
	admin := fiber.New(fiber.Config{ReadTimeout: 5 * time.Second})
	api := fiber.New()
	go admin.Listen(":9090")
	return api.Listen(":8080") // want `\(\*fiber.App\).Listen serves with fasthttp`
}

// Configs: a slice of the caller's is not followed: silent.
func Configs(cfgs []fiber.Config) error { return fiber.New(cfgs...).Listen(":8080") }
