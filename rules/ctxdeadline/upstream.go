package ctxdeadline

import (
	"github.com/faultline-dev/faultline/graph"
)

// boundedUpstream reports whether every request that reaches service s is
// bounded by someone upstream:
//   - an entrypoint of s has a timeout (the load balancer closes the
//     connection, which cancels the request's context), and
//   - every synchronous edge into s has a timeout or deadline (a gRPC
//     deadline travels with the call; an HTTP client's timeout closes the
//     connection), or propagates a deadline its own caller is bounded by.
//
// A service with no known callers and no entrypoint is not known to be
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
