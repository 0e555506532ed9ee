// Package h hardens a client's transport in a helper that takes the
// client (nomad/api's defaultClient): settings made through
// c.Transport.(*http.Transport) count for the transport.
package h

import (
	"context"
	"net"
	"net/http"
	"time"
)

func harden(c *http.Client) *http.Client {
	t := c.Transport.(*http.Transport)
	t.TLSHandshakeTimeout = 10 * time.Second
	return c
}

func newClient() *http.Client {
	return harden(&http.Client{
		Transport: &http.Transport{ // want `http.Transport with no ResponseHeaderTimeout serves an http.Client with no Timeout`
			DialContext: (&net.Dialer{Timeout: time.Second}).DialContext,
		},
	})
}

func use(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	newClient().Do(req)
}

// Trap: the helper is not applied to this one.
func plain(ctx context.Context, u string) {
	c := &http.Client{Transport: &http.Transport{}} // want `http.Transport with no dial timeout, no TLSHandshakeTimeout and no ResponseHeaderTimeout`
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	c.Do(req)
}
