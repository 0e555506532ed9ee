// Package byvalue holds clients, transports and dialers by value: the
// composite literal is built in a temporary and copied whole into the
// variable, whose address is the receiver of every call.
package byvalue

import (
	"context"
	"net"
	"net/http"
	"time"
)

func timed(u string) {
	c := http.Client{Timeout: 3 * time.Second}
	c.Get(u)
}

func untimed(u string) {
	c := http.Client{}
	c.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout`
}

// The copy is made before the timeout is set: it has none.
func copiedBefore(u string) {
	c := http.Client{}
	c2 := c
	c.Timeout = time.Second
	c2.Get(u) // want `\(\*http.Client\).Get on an http.Client with no Timeout`
	c.Get(u)
}

// A copy made after: it has the timeout.
func copiedAfter(u string) {
	c := http.Client{}
	c.Timeout = time.Second
	c2 := c
	c2.Get(u)
}

// A transport held by value whose dialer, also held by value, bounds the
// dial.
func transportValue(ctx context.Context, u string) {
	d := net.Dialer{Timeout: time.Second}
	tr := http.Transport{DialContext: d.DialContext, TLSHandshakeTimeout: time.Second, ResponseHeaderTimeout: 5 * time.Second}
	c := http.Client{Transport: &tr}
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c.Do(req)
}
