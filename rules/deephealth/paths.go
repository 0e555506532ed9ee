package deephealth

import (
	"strings"

	"github.com/faultline-dev/faultline/rules/internal/routes"
)

// probe is the kind of health check an endpoint serves.
type probe int

const (
	notProbe  probe = iota
	liveness        // a failure restarts the instance
	readiness       // a failure takes the instance out of load balancing

	// grpcLiveness is a gRPC health Check, which probes use for liveness
	// and readiness alike; it is held to the liveness standard.
	grpcLiveness
)

func (p probe) String() string {
	switch p {
	case liveness, grpcLiveness:
		return "liveness"
	case readiness:
		return "readiness"
	}
	return "none"
}

// probeNames classifies the last segment of a health path, lower case,
// leading '_' and '-' removed. /health and /healthz take the stricter
// reading: Kubernetes manifests point liveness probes at them more often
// than not, and a restart is the worse outcome. /ping, /status, /startup
// and per-check sub-paths such as /healthz/etcd are left alone: see doc.md.
var probeNames = map[string]probe{
	"healthz":      liveness,
	"health":       liveness,
	"healthcheck":  liveness,
	"health-check": liveness,
	"health_check": liveness,
	"livez":        liveness,
	"liveness":     liveness,
	"readyz":       readiness,
	"readiness":    readiness,

	// Common words, health paths only at the root or under a health
	// segment: /ready, /-/ready (Prometheus), /health/live (MicroProfile),
	// but not /notifications/live or /orders/ready.
	"healthy": liveness,
	"live":    liveness,
	"alive":   liveness,
	"ready":   readiness,
}

// ambiguous are the names of probeNames that are also common words.
var ambiguous = map[string]bool{"healthy": true, "live": true, "alive": true, "ready": true}

// healthParents are the segments under which an ambiguous name is a probe;
// "" is what "-" and "_" normalise to.
var healthParents = map[string]bool{
	"": true, "health": true, "healthz": true, "healthcheck": true, "probe": true, "probes": true,
}

// normName lower-cases a path segment or service name and removes leading
// '_' and '-'.
func normName(s string) string { return strings.ToLower(strings.TrimLeft(s, "_-")) }

// classifyName classifies a gRPC health service name.
func classifyName(s string) probe { return probeNames[normName(s)] }

// classifyPath classifies a route path by its last segment: "/healthz",
// "/api/v1/health/", "/health/ready", "/-/ready" and "/readyz/{$}" are
// health paths. A path with a wildcard segment ("{id}", ":id", "*") is
// about something else ("/nodes/{id}/health") and is not.
func classifyPath(path string) probe {
	path = strings.TrimSuffix(path, "{$}")
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	var segs []string
	for _, s := range strings.Split(path, "/") {
		if s == "" {
			continue
		}
		if strings.ContainsAny(s, "{}:*") {
			return notProbe
		}
		segs = append(segs, s)
	}
	if len(segs) == 0 {
		return notProbe
	}
	last := normName(segs[len(segs)-1])
	p := probeNames[last]
	if p != notProbe && ambiguous[last] && len(segs) > 1 && !healthParents[normName(segs[len(segs)-2])] {
		return notProbe
	}
	return p
}

// splitPattern splits a net/http ServeMux pattern into its method and
// path (routes.SplitPattern).
func splitPattern(p string) (method, path string, ok bool) { return routes.SplitPattern(p) }

// probeMethod reports whether a route for the HTTP method m can answer a
// probe: Kubernetes, load balancers and most monitors send GET (which a
// GET route also answers for HEAD); an empty method is any method.
func probeMethod(m string) bool {
	return m == "" || strings.EqualFold(m, "GET") || strings.EqualFold(m, "HEAD")
}
