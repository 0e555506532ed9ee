// Package local calls its own admin port and a list of hosts through one
// call site: no dependency to name, silent.
package local

import (
	"context"
	"net/http"
)

func Status(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, "GET", "http://127.0.0.1:14269/status", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func check(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func CheckAll() {
	_ = check("http://collector:14269/")
	_ = check("http://query:16687/")
}
