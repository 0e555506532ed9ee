package twoclients

import (
	"context"
	"net/http"
	"os"
	"time"
)

type catalogClient struct{ http *http.Client }

func newCatalogClient() *catalogClient {
	return &catalogClient{http: &http.Client{Timeout: 2 * time.Second}} // want `no circuit breaker guards the HTTP service at env CATALOG_URL \(called in \(\*catalogClient\).list, \(\*catalogClient\).item, \(\*server\).ready\)`
}

func (c *catalogClient) list(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("CATALOG_URL")+"/products", nil)
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (c *catalogClient) item(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("CATALOG_URL")+"/products/1", nil)
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
