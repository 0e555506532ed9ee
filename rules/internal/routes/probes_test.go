package routes

import "testing"

func TestHealthLike(t *testing.T) {
	for path, want := range map[string]bool{
		"/healthz":            true,
		"/readyz":             true,
		"/-/ready":            true,
		"/healthz/etcd":       true,
		"/api/health/db":      true,
		"/ping":               true,
		"/status":             true,
		"/health/status":      true,
		"/heartbeat":          true,
		"/startupz":           true,
		"/api/v1/ping":        false, // an API's ping, not a check of the instance
		"/orders/status":      false,
		"/live/stream":        false,
		"/orders":             false,
		"/":                   false,
		"":                    false,
		"/nodes/{id}/ping":    false,
		"/ready/{name}":       false,
		"/notifications/live": false,
	} {
		if got := HealthLike(path); got != want {
			t.Errorf("HealthLike(%q) = %v, want %v", path, got, want)
		}
	}
}
