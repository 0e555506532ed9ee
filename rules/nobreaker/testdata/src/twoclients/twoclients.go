// Package twoclients reaches one dependency through two clients: the
// finding goes to the client built next to the calls it serves.
package twoclients

import (
	"context"
	"net/http"
	"os"
	"time"
)

type server struct {
	probe   *http.Client
	catalog *catalogClient
}

func newServer() *server {
	return &server{probe: &http.Client{Timeout: time.Second}, catalog: newCatalogClient()}
}

func (s *server) ready(ctx context.Context) bool {
	req, _ := http.NewRequestWithContext(ctx, "GET", os.Getenv("CATALOG_URL")+"/healthz", nil)
	resp, err := s.probe.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return true
}
