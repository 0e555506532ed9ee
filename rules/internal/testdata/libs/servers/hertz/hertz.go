// Package hertz starts hertz servers: server.Default and server.New keep
// a read timeout of 3 minutes unless an option changes it, so only a
// server whose ReadTimeout is set to zero (no read deadline) is open to
// slow clients.
package hertz

import (
	"context"
	"time"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/common/config"

	"example.com/libs/servers/hertzhelper"
)

func ping(ctx context.Context, c *app.RequestContext) { c.String(200, "pong") }

// Default: the default 3-minute read timeout bounds it: silent.
func Default() {
	h := server.Default()
	h.GET("/ping", ping)
	h.Spin()
}

// HostPorts: options that leave the read timeout alone: silent.
func HostPorts() {
	h := server.New(server.WithHostPorts(":8080"), server.WithIdleTimeout(time.Minute))
	h.GET("/ping", ping)
	h.Spin()
}

// NoReadTimeout: WithReadTimeout(0) removes the read deadline.
func NoReadTimeout() {
	h := server.Default(server.WithHostPorts(":8080"), server.WithReadTimeout(0))
	h.GET("/ping", ping)
	h.Spin() // want `\(\*server.Hertz\).Spin serves with the hertz server's ReadTimeout set to zero`
}

// ReadTimeoutSet: silent.
func ReadTimeoutSet() {
	h := server.Default(server.WithReadTimeout(10 * time.Second))
	h.Spin()
}

// ZeroThenSet: the last option wins: silent.
func ZeroThenSet() {
	h := server.New(server.WithReadTimeout(0), server.WithReadTimeout(time.Second))
	h.Spin()
}

// SetThenZero: a later option removes the timeout an earlier one set
// (trap).
func SetThenZero() {
	h := server.New(server.WithReadTimeout(time.Second), server.WithIdleTimeout(time.Minute), server.WithReadTimeout(0))
	h.Spin() // want `\(\*server.Hertz\).Spin serves with the hertz server's ReadTimeout set to zero`
}

// Run serves through the embedded engine's Run: the same options count.
func Run() error {
	h := server.New(server.WithReadTimeout(0))
	return h.Run() // want `\(\*route.Engine\).Run serves with the hertz server's ReadTimeout set to zero`
}

// Negative: hertz sets a read deadline only for a positive timeout.
func Negative() {
	h := server.New(server.WithReadTimeout(-1))
	h.Spin() // want `\(\*server.Hertz\).Spin serves with the hertz server's ReadTimeout set to zero`
}

// OwnOption: an option of the user's may set anything: silent.
func OwnOption(o config.Option) {
	h := server.New(server.WithReadTimeout(0), o)
	h.Spin()
}

// OwnOptionThenZero: WithReadTimeout(0) after the user's option decides.
func OwnOptionThenZero(o config.Option) {
	h := server.New(o, server.WithReadTimeout(0))
	h.Spin() // want `\(\*server.Hertz\).Spin serves with the hertz server's ReadTimeout set to zero`
}

// Options: a slice of the caller's: silent.
func Options(opts []config.Option) {
	h := server.New(opts...)
	h.Spin()
}

type svc struct{ h *server.Hertz }

func newSvc() *svc { return &svc{h: server.New(server.WithReadTimeout(0))} }

// run: the server kept in a field, built without a read timeout.
func (s *svc) run() {
	s.h.Spin() // want `\(\*server.Hertz\).Spin serves with the hertz server's ReadTimeout set to zero`
}

// Helper: routes registered by a helper of another package, which sets
// nothing on the server (facts).
func Helper() {
	h := server.Default(server.WithReadTimeout(0))
	hertzhelper.Routes(h)
	h.Spin() // want `\(\*server.Hertz\).Spin serves with the hertz server's ReadTimeout set to zero`
}

// HelperDefault: silent.
func HelperDefault() {
	h := server.Default()
	hertzhelper.Routes(h)
	h.Spin()
}
