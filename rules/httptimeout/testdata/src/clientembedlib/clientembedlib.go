// Package clientembedlib wraps http.Client in a type of its own that package
// embed uses.
package clientembedlib

import (
	"net/http"
	"time"
)

// Client embeds the http.Client its callers give it and forwards Do.
type Client struct {
	*http.Client
	Agent string
}

// Do sets the user agent and sends the request through the embedded
// client.
func (c *Client) Do(req *http.Request) (*http.Response, error) {
	req.Header.Set("User-Agent", c.Agent)
	return c.Client.Do(req)
}

func New(hc *http.Client) *Client { return &Client{Client: hc, Agent: "shop"} }

// Tuned gives its client a Timeout in a helper before each request: its
// Do is not a plain forwarder.
type Tuned struct{ *http.Client }

func (t *Tuned) Do(req *http.Request) (*http.Response, error) {
	tune(t.Client)
	return t.Client.Do(req)
}

func tune(c *http.Client) { c.Timeout = 10 * time.Second }
