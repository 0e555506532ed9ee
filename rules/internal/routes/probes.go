package routes

import "strings"

// Probe is the kind of health check an HTTP path or gRPC health service
// name answers.
type Probe int

const (
	NotProbe  Probe = iota
	Liveness        // a failure restarts the instance
	Readiness       // a failure takes the instance out of load balancing
)

// probeNames classifies the last segment of a health path, lower case,
// leading '_' and '-' removed. /health and /healthz take the stricter
// reading: Kubernetes manifests point liveness probes at them more often
// than not, and a restart is the worse outcome. /ping, /status, /startup
// and per-check sub-paths such as /healthz/etcd are not probes of either
// kind (HealthLike accepts them).
var probeNames = map[string]Probe{
	"healthz":      Liveness,
	"health":       Liveness,
	"healthcheck":  Liveness,
	"health-check": Liveness,
	"health_check": Liveness,
	"livez":        Liveness,
	"liveness":     Liveness,
	"readyz":       Readiness,
	"readiness":    Readiness,

	// Common words, health paths only at the root or under a health
	// segment: /ready, /-/ready (Prometheus), /health/live (MicroProfile),
	// but not /notifications/live or /orders/ready.
	"healthy": Liveness,
	"live":    Liveness,
	"alive":   Liveness,
	"ready":   Readiness,
}

// ambiguous are the names of probeNames that are also common words.
var ambiguous = map[string]bool{"healthy": true, "live": true, "alive": true, "ready": true}

// healthParents are the segments under which an ambiguous name is a probe;
// "" is what "-" and "_" normalise to.
var healthParents = map[string]bool{
	"": true, "health": true, "healthz": true, "healthcheck": true, "probe": true, "probes": true,
}

// NormName lower-cases a path segment or service name and removes leading
// '_' and '-'.
func NormName(s string) string { return strings.ToLower(strings.TrimLeft(s, "_-")) }

// ClassifyName classifies a gRPC health service name ("readiness").
func ClassifyName(s string) Probe { return probeNames[NormName(s)] }

// ClassifyPath classifies a route path by its last segment: "/healthz",
// "/api/v1/health/", "/health/ready", "/-/ready" and "/readyz/{$}" are
// health paths. A path with a wildcard segment ("{id}", ":id", "*") is
// about something else ("/nodes/{id}/health") and is not.
func ClassifyPath(path string) Probe {
	segs, ok := probeSegments(path)
	if !ok || len(segs) == 0 {
		return NotProbe
	}
	last := NormName(segs[len(segs)-1])
	p := probeNames[last]
	if p != NotProbe && ambiguous[last] && len(segs) > 1 && !healthParents[NormName(segs[len(segs)-2])] {
		return NotProbe
	}
	return p
}

// probeSegments returns the non-empty segments of a route path, without
// its query and its trailing "{$}"; false when a segment is a wildcard.
func probeSegments(path string) ([]string, bool) {
	path = strings.TrimSuffix(path, "{$}")
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	var segs []string
	for s := range strings.SplitSeq(path, "/") {
		if s == "" {
			continue
		}
		if strings.ContainsAny(s, "{}:*") {
			return nil, false
		}
		segs = append(segs, s)
	}
	return segs, true
}

// healthWords are route segments that, at the root or under a health
// segment, answer a load balancer's or monitor's check although they are
// not liveness or readiness probes in Kubernetes' sense.
var healthWords = map[string]bool{"ping": true, "status": true, "startupz": true, "startup": true, "heartbeat": true}

// HealthLike reports whether a route path is one an orchestrator, a load
// balancer or a monitor can use to ask whether the instance works: a
// liveness or readiness probe (ClassifyPath), a per-check path under a
// health segment (/healthz/etcd), or /ping, /status, /heartbeat and
// /startupz at the root or under a health segment.
func HealthLike(path string) bool {
	if ClassifyPath(path) != NotProbe {
		return true
	}
	segs, ok := probeSegments(path)
	if !ok || len(segs) == 0 {
		return false
	}
	for _, s := range segs[:len(segs)-1] {
		if probeNames[NormName(s)] != NotProbe && !ambiguous[NormName(s)] {
			return true // /healthz/etcd, /health/db
		}
	}
	last := NormName(segs[len(segs)-1])
	return healthWords[last] && (len(segs) == 1 || healthParents[NormName(segs[len(segs)-2])])
}
