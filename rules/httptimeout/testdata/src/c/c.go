// Package c uses clients built in package b.
package c

import (
	"context"
	"net/http"
	"time"

	"b"
)

func fromB(u string) {
	b.NewClient().Get(u)
	b.NewUntimed().Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout`

	api := b.NewAPI()
	api.Client.Get(u)

	c := b.NewUntimed()
	b.WithTimeout(c)
	c.Get(u)

	b.Default.Get(u)

	d := b.NewUntimed() // want `http.Client built here has no Timeout and 2 requests through it have no deadline \(fromB: Get, fromB: Do\)`
	d.Get(u)
	req, _ := http.NewRequest("GET", u, nil)
	d.Do(req)
}

// Wrappers in other packages: b.Fetch is silent about clients it is given.
func viaWrapper(u string) { b.Fetch(b.NewClient(), u) }

func withDeadline(u string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	b.Get(ctx, u)
}
