package clients // want package:`calls\[http\(param:clients.NewCatalog#0\); http\(field:clients.Config.URL unbounded\)\]`

import (
	"context"
	"net/http"
)

type Catalog struct {
	base string
	hc   *http.Client
}

func NewCatalog(baseURL string) *Catalog { return &Catalog{base: baseURL, hc: &http.Client{}} }

func (c *Catalog) List(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, "GET", c.base+"/products", nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type Config struct{ URL string }

func Fetch(cfg Config) error {
	_, err := http.Get(cfg.URL + "/x")
	return err
}
