package deephealth

import (
	"strings"

	"github.com/faultline-dev/faultline/rules/internal/routes"
)

// probe is the kind of health check an endpoint serves.
type probe int

const (
	notProbe  = probe(routes.NotProbe)
	liveness  = probe(routes.Liveness)  // a failure restarts the instance
	readiness = probe(routes.Readiness) // a failure takes the instance out of load balancing

	// grpcLiveness is a gRPC health Check, which probes use for liveness
	// and readiness alike; it is held to the liveness standard.
	grpcLiveness = readiness + 1
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

// classifyName classifies a gRPC health service name.
func classifyName(s string) probe { return probe(routes.ClassifyName(s)) }

// classifyPath classifies a route path (routes.ClassifyPath).
func classifyPath(path string) probe { return probe(routes.ClassifyPath(path)) }

// splitPattern splits a net/http ServeMux pattern into its method and
// path (routes.SplitPattern).
func splitPattern(p string) (method, path string, ok bool) { return routes.SplitPattern(p) }

// probeMethod reports whether a route for the HTTP method m can answer a
// probe: Kubernetes, load balancers and most monitors send GET (which a
// GET route also answers for HEAD); an empty method is any method.
func probeMethod(m string) bool {
	return m == "" || strings.EqualFold(m, "GET") || strings.EqualFold(m, "HEAD")
}
