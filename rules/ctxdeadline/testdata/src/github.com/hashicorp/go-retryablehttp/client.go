// Package retryablehttp is a stub of github.com/hashicorp/go-retryablehttp.
package retryablehttp

import (
	"context"
	"net/http"
)

type Request struct {
	*http.Request
}

func NewRequestWithContext(ctx context.Context, method, url string, rawBody interface{}) (*Request, error) {
	r, err := http.NewRequestWithContext(ctx, method, url, nil)
	return &Request{Request: r}, err
}

func NewRequest(method, url string, rawBody interface{}) (*Request, error) {
	return NewRequestWithContext(context.Background(), method, url, rawBody)
}

func (r *Request) WithContext(ctx context.Context) *Request {
	return &Request{Request: r.Request.WithContext(ctx)}
}

type Client struct {
	HTTPClient *http.Client
	RetryMax   int
}

func NewClient() *Client {
	return &Client{HTTPClient: &http.Client{}, RetryMax: 4}
}

func (c *Client) Do(req *Request) (*http.Response, error) {
	return c.HTTPClient.Do(req.Request)
}
