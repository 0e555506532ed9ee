package deephealth

import "testing"

func TestClassifyPath(t *testing.T) {
	for _, tc := range []struct {
		path string
		want probe
	}{
		{"/healthz", liveness},
		{"/healthz/", liveness},
		{"/livez", liveness},
		{"/health", liveness},
		{"/Health", liveness},
		{"/api/v1/health", liveness},
		{"/-/healthy", liveness},
		{"/_health", liveness},
		{"/health/live", liveness},
		{"/healthcheck", liveness},
		{"/readyz", readiness},
		{"/readyz/{$}", readiness},
		{"/-/ready", readiness},
		{"/health/ready", readiness},
		{"/readiness", readiness},
		{"/healthz?verbose", liveness},
		{"/", notProbe},
		{"", notProbe},
		{"/ping", notProbe},
		{"/status", notProbe},
		{"/startupz", notProbe},
		{"/healthz/etcd", notProbe},
		{"/orders", notProbe},
		{"/healthzx", notProbe},
		{"/{health}", notProbe},
		{"/:health", notProbe},
		{"/*", notProbe},
		{"/ready", readiness},
		{"/live", liveness},
		{"/alive", liveness},
		{"/probes/live", liveness},
		{"/healthz/ready", readiness},
		{"/notifications/live", notProbe},
		{"/orders/ready", notProbe},
		{"/api/v1/ready", notProbe},
		{"/nodes/healthy", notProbe},
		{"/nodes/{id}/health", notProbe},
		{"/api/v1/readyz", readiness},
	} {
		if got := classifyPath(tc.path); got != tc.want {
			t.Errorf("classifyPath(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

func TestSplitPattern(t *testing.T) {
	for _, tc := range []struct {
		pattern, method, path string
		ok                    bool
	}{
		{"/healthz", "", "/healthz", true},
		{"GET /healthz", "GET", "/healthz", true},
		{"GET  example.com/livez", "GET", "/livez", true},
		{"example.com/readyz", "", "/readyz", true},
		{"POST /healthz", "POST", "/healthz", true},
		{"healthz", "", "", false},
		{"", "", "", false},
	} {
		m, p, ok := splitPattern(tc.pattern)
		if m != tc.method || p != tc.path || ok != tc.ok {
			t.Errorf("splitPattern(%q) = %q, %q, %v; want %q, %q, %v", tc.pattern, m, p, ok, tc.method, tc.path, tc.ok)
		}
	}
	for m, want := range map[string]bool{"": true, "GET": true, "HEAD": true, "get": true, "POST": false, "PUT": false} {
		if got := probeMethod(m); got != want {
			t.Errorf("probeMethod(%q) = %v, want %v", m, got, want)
		}
	}
}
