// Package fiberv3 starts fiber v3 apps: as in v2, New copies
// Config.ReadTimeout to its fasthttp.Server, where zero means unlimited;
// Listen takes a ListenConfig, none of whose fields bounds the read.
package fiberv3

import (
	"time"

	"github.com/gofiber/fiber/v3"
)

func hello(c fiber.Ctx) error { return c.SendString("hello") }

// Default: fiber.New() and Listen.
func Default() error {
	app := fiber.New()
	app.Get("/", hello)
	return app.Listen(":8080") // want `\(\*fiber.App\).Listen serves with fasthttp, and the app's fiber.Config leaves ReadTimeout zero`
}

// Bounded: silent.
func Bounded() error {
	app := fiber.New(fiber.Config{ReadTimeout: 10 * time.Second})
	return app.Listen(":8080", fiber.ListenConfig{EnablePrefork: true})
}

// ListenConfigOnly: the ListenConfig's ShutdownTimeout bounds the
// shutdown, not the read (trap).
func ListenConfigOnly() error {
	app := fiber.New(fiber.Config{IdleTimeout: time.Minute})
	return app.Listen(":8080", fiber.ListenConfig{ShutdownTimeout: 10 * time.Second}) // want `\(\*fiber.App\).Listen serves with fasthttp`
}

// BeforeServe: a hook that runs on the app before it serves may set the
// server's timeouts unseen: silent.
func BeforeServe() error {
	app := fiber.New()
	return app.Listen(":8080", fiber.ListenConfig{BeforeServeFunc: func(a *fiber.App) error {
		a.Server().ReadTimeout = 5 * time.Second
		return nil
	}})
}

// ServerField: silent.
func ServerField() error {
	app := fiber.New()
	app.Server().ReadTimeout = 5 * time.Second
	return app.Listen(":8080")
}
