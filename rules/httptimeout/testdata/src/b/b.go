// Package b builds clients that package c uses.
package b

import (
	"context"
	"net/http"
	"time"
)

func NewClient() *http.Client { return &http.Client{Timeout: 5 * time.Second} }

func NewUntimed() *http.Client { return &http.Client{} }

type API struct {
	Client *http.Client
}

func NewAPI() *API { return &API{Client: &http.Client{Timeout: time.Second}} }

func WithTimeout(c *http.Client) { c.Timeout = time.Second }

// Fetch sends through the client it is given: its callers decide.
func Fetch(c *http.Client, u string) (*http.Response, error) { return c.Get(u) }

// Default is configured at declaration.
var Default = &http.Client{Timeout: 30 * time.Second}

var untimed = &http.Client{}

// Get builds its request with the caller's context: the caller's
// deadline, set in another package, bounds it.
func Get(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return nil, err
	}
	return untimed.Do(req)
}
