// Package d serves servers built in package c.
package d

import (
	"net/http"

	"c"
)

func serve(h http.Handler) {
	c.NewServer(h).ListenAndServe()
	c.NewBare(h).ListenAndServe() // want `neither ReadHeaderTimeout nor ReadTimeout`

	s := c.NewBare(h)
	c.Harden(s)
	s.ListenAndServe()

	c.NewAdmin().Server.ListenAndServe()
}
