package analyzer

import (
	"slices"

	"github.com/faultline-dev/faultline/graph"
)

// requestContext is the category ctxdeadline gives to calls made with a
// server handler's request context.
const requestContext = "request-context"

// dropBoundedRequests removes ctxdeadline's request-context findings in
// services whose requests are bounded upstream: there the handler's
// context is cancelled when the caller gives up, so the call cannot wait
// forever. It returns the findings kept.
func dropBoundedRequests(fs []Finding, g *graph.Graph) []Finding {
	if g == nil {
		return fs
	}
	memo := map[string]bool{}
	return slices.DeleteFunc(fs, func(f Finding) bool {
		return f.Rule == "ctxdeadline" && f.category == requestContext && f.Service != "" &&
			boundedUpstream(g, f.Service, memo, map[string]bool{})
	})
}

// boundedUpstream reports whether every request that reaches service s is
// bounded by someone upstream:
//   - an entrypoint of s has a timeout (the load balancer closes the
//     connection, which cancels the request's context), and
//   - every synchronous edge into s has a timeout or deadline (a gRPC
//     deadline travels with the call; an HTTP client's timeout closes the
//     connection), or propagates a deadline its own caller is bounded by.
//
// A service with no declared callers and no entrypoint is not known to be
// bounded.
func boundedUpstream(g *graph.Graph, s string, memo, visiting map[string]bool) bool {
	if v, ok := memo[s]; ok {
		return v
	}
	if visiting[s] {
		return false
	}
	visiting[s] = true
	callers := 0
	ok := true
	for _, ep := range g.Entrypoints {
		if ep.Service == s {
			callers++
			if ep.Timeout <= 0 {
				ok = false
			}
		}
	}
	for _, e := range g.In(s) {
		if !e.Sync() {
			continue
		}
		callers++
		switch {
		case e.Timeout > 0 || e.Deadline > 0:
		case e.PropagatesDeadline && boundedUpstream(g, e.From, memo, visiting):
		default:
			ok = false
		}
	}
	v := ok && callers > 0
	memo[s] = v
	return v
}
