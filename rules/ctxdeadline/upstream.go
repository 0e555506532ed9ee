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
//     connection), or propagates a deadline its own caller is bounded by;
//     an edge learned from code is judged by its calls (callsBounded).
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
		case e.Source == graph.FromCode && len(e.Calls) > 0:
			if !callsBounded(g, e, memo, visiting) {
				ok = false
			}
		case e.Timeout > 0 || e.Deadline > 0 || e.TimeoutUnknown:
		case e.PropagatesDeadline && boundedUpstream(g, e.From, memo, visiting):
		default:
			ok = false
		}
	}
	v := ok && callers > 0
	memo[s] = v
	return v
}

// callsBounded reports whether every call of an edge learned from code is
// bounded: a timeout or deadline the calling code sets (a constant or
// not: a timeout whose value faultline cannot read still ends the request,
// as it does for a gRPC caller, see unboundedCaller), or the request
// context of a caller whose own requests are bounded upstream. The edge's
// Timeout and TimeoutUnknown say less: TimeoutUnknown stands both for a
// timeout of unknown value and for a call made with a request context,
// whose bound is the caller's server's (see analyzer's codeEdgeBound).
func callsBounded(g *graph.Graph, e *graph.Edge, memo, visiting map[string]bool) bool {
	for _, c := range e.Calls {
		switch {
		case c.Bound == graph.Yes:
		case c.Request && boundedUpstream(g, e.From, memo, visiting):
		default:
			return false
		}
	}
	return true
}
