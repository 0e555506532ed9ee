package analyzer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// grpcHealthService is the name gRPC's standard health service registers
// under (google.golang.org/grpc/health/grpc_health_v1), which Kubernetes'
// gRPC probes and grpc_health_probe call.
const grpcHealthService = "grpc.health.v1.Health"

// serviceHealth returns what service s's code shows of its health
// endpoints, or nil when it starts no HTTP or gRPC server: the routes
// among its packages' that answer health checks (routes.HealthLike), a
// registration of gRPC's health service, and why the code cannot tell
// when it cannot: a health-check library is imported, some route's path
// cannot be read, an HTTP server shows no route at all (a router or
// handler the route table does not know) or a gRPC server no registered
// service.
func serviceHealth(code *codeResult, s *codeService, served []servedRoute) *graph.Health {
	var h *graph.Health
	protocols := map[string]bool{}
	for _, sv := range servings(code, s, nil) {
		if !sv.Consumer && (sv.Protocol == "http" || sv.Protocol == "grpc") {
			if h == nil {
				h = &graph.Health{Server: sv}
			}
			protocols[sv.Protocol] = true
		}
	}
	if h == nil {
		return nil
	}
	unread, routes, registers := 0, 0, 0
	var libs []string
	for _, pkg := range sortedKeys(s.pkgs) {
		c := code.calls[pkg]
		if c == nil {
			continue
		}
		unread += c.Unread
		registers += len(c.Registers)
		libs = append(libs, c.HealthLibs...)
		if slices.Contains(c.Registers, grpcHealthService) {
			h.Endpoints = append(h.Endpoints, "grpc "+grpcHealthService)
		}
	}
	for _, sr := range served {
		if sr.service != s.name {
			continue
		}
		routes++
		if rules.HealthLike(sr.route.Path) {
			h.Endpoints = append(h.Endpoints, strings.TrimSpace(sr.route.Method+" "+sr.route.Path))
		}
	}
	slices.Sort(h.Endpoints)
	h.Endpoints = slices.Compact(h.Endpoints)
	slices.Sort(libs)
	libs = slices.Compact(libs)
	switch {
	case len(libs) > 0:
		h.Unknown = "imports " + strings.Join(libs, ", ")
	case unread == 1:
		h.Unknown = "1 route whose path the analysis cannot read"
	case unread > 1:
		h.Unknown = fmt.Sprintf("%d routes whose paths the analysis cannot read", unread)
	case protocols["http"] && routes == 0:
		// Its router is one the route table does not know, or a
		// library's handler: its paths are unknown.
		h.Unknown = "no route of its HTTP server is known"
	case protocols["grpc"] && registers == 0:
		h.Unknown = "no gRPC service it registers is known"
	}
	return h
}
