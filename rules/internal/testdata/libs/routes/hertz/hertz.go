// Package hertz registers hertz routes: the engine, its groups (a prefix
// each) and a group made in a helper.
package hertz

import (
	"context"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/route"
)

func h(ctx context.Context, c *app.RequestContext) {}

func register(g *route.RouterGroup) {
	g.POST("/orders", h)
}

func Routes() {
	s := server.Default()
	s.GET("/healthz", h)
	api := s.Group("/api")
	api.GET("/cart/:id", h)
	v1 := api.Group("/v1")
	v1.Handle("PUT", "/items", h)
	register(v1)
	s.Spin()
}
