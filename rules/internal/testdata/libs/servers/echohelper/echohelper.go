// Package echohelper builds echo servers for other packages: what it sets
// on them crosses packages in facts.
package echohelper

import (
	"time"

	"github.com/labstack/echo/v4"
)

// Hardened returns an echo whose server reads headers for 5 seconds at
// most.
func Hardened() *echo.Echo {
	e := echo.New()
	e.Server.ReadHeaderTimeout = 5 * time.Second
	return e
}

// Bare returns an echo as echo.New leaves it.
func Bare() *echo.Echo {
	e := echo.New()
	e.HideBanner = true
	return e
}

// Harden sets the read timeouts of the echo it is given.
func Harden(e *echo.Echo) {
	e.Server.ReadHeaderTimeout = 5 * time.Second
	e.TLSServer.ReadHeaderTimeout = 5 * time.Second
}
