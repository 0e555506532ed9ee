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

func TestOpsLike(t *testing.T) {
	for path, want := range map[string]bool{
		"/health":                  true,
		"/metrics":                 true,
		"/metrics/":                true,
		"/debug/pprof/":            true,
		"/debug/pprof/{profile}":   true,
		"/debug/pprof/heap":        true,
		"/debug/vars":              true,
		"/api/metrics":             false, // an API about metrics
		"/metrics/{id}":            false,
		"/debug/vars/x":            false,
		"/debug":                   false,
		"/users":                   false,
		"/":                        false,
		"/api/v1/things/{id}/ping": false,
	} {
		if got := OpsLike(path); got != want {
			t.Errorf("OpsLike(%q) = %v, want %v", path, got, want)
		}
	}
}
