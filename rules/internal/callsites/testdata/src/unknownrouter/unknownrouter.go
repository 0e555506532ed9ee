package main // want package:`calls\[starts http http.ListenAndServe; unread routes 2; health example.com/healthcheck\]`

// unknownrouter registers routes on a router the route table does
// not model and imports a health-check library: its health endpoints are
// unknown.

import (
	"net/http"

	"example.com/bone"
	"example.com/healthcheck"
)

func main() {
	r := bone.New()
	r.GetFunc("/health", func(http.ResponseWriter, *http.Request) {}) // an unread route
	r.Handle("/metrics", healthcheck.NewHandler())                    // an unread route
	r.Static("/static", "./public")                                   // not a route with a handler
	http.ListenAndServe(":8080", r)
}
