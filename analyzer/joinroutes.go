package analyzer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// Linking HTTP calls by path.
//
// An HTTP call whose host evidence names no service of the system (a base
// URL from SHOP_BASE_URL, an address in a config file) is linked to the
// service that serves a route its path matches, when exactly one service
// does: the routes each service's packages register (callsites records
// them with their group prefixes), matched segment by segment
// (rules.MatchRoute), and by method when both are known. Names decide
// first; the path is the fall-back, and decides between the declared
// edges a call matches equally well. Two services serving a matching
// route leave the call undecided: it is listed in the graph's
// ambiguities, with the routes.

// servedRoute is a route and the service that serves it.
type servedRoute struct {
	service string
	route   rules.CallRoute
}

// servedRoutes returns the routes of each service: those registered by
// the packages of its code.
func servedRoutes(code *codeResult, services []*codeService) []servedRoute {
	var out []servedRoute
	for _, pkg := range sortedKeys(code.calls) {
		for _, r := range code.calls[pkg].Routes {
			for _, svc := range services {
				if svc.pkgs[pkg] {
					out = append(out, servedRoute{service: svc.name, route: r})
				}
			}
		}
	}
	return out
}

// pathCandidate reports whether the path of call c may decide its target:
// an HTTP call with a path, whose host is not a third party's.
func pathCandidate(c *codeCall) bool {
	return c.site.Kind.Protocol() == "http" && c.site.Path != "" && !c.site.Consume && !externalHost(c)
}

// routeMatches returns, per service other than caller, the first of its
// routes that call c's path matches, services in the order of their
// first route.
func (jr *joinResult) routeMatches(c *codeCall, caller string) ([]string, map[string]graph.Route) {
	var order []string
	by := map[string]graph.Route{}
	for _, sr := range jr.routes {
		if sr.service == caller {
			continue
		}
		if _, ok := by[sr.service]; ok {
			continue
		}
		r := sr.route
		if r.Method != "" && c.site.Method != "" && !strings.EqualFold(r.Method, c.site.Method) {
			continue
		}
		if !rules.MatchRoute(r.Path, c.site.Path) {
			continue
		}
		by[sr.service] = graph.Route{Method: r.Method, Path: r.Path, Pos: graph.Pos{File: r.File, Line: r.Line, Col: r.Col}}
		order = append(order, sr.service)
	}
	return order, by
}

// pathTarget returns the one service whose routes call c's path matches
// (with the route); when several do, it records the call as ambiguous if
// record is set.
func (jr *joinResult) pathTarget(g *graph.Graph, c *codeCall, caller string, cs graph.CallSite, record bool) (string, *graph.Route, bool) {
	if !pathCandidate(c) {
		return "", nil, false
	}
	svcs, by := jr.routeMatches(c, caller)
	switch len(svcs) {
	case 0:
		return "", nil, false
	case 1:
		r := by[svcs[0]]
		return svcs[0], &r, true
	}
	if !record {
		return "", nil, false
	}
	a := graph.Ambiguity{Caller: caller, Call: cs, Candidates: svcs}
	for _, s := range svcs {
		a.Routes = append(a.Routes, by[s])
	}
	g.Ambiguities = append(g.Ambiguities, a)
	return "", nil, false
}

// decideByPath picks, among declared edges that match call c equally
// well, the one whose target serves a route the call's path matches, when
// exactly one does.
func (jr *joinResult) decideByPath(c *codeCall, caller string, best []*graph.Edge) (*graph.Edge, *graph.Route) {
	if !pathCandidate(c) {
		return nil, nil
	}
	svcs, by := jr.routeMatches(c, caller)
	var found *graph.Edge
	var route graph.Route
	for _, e := range best {
		if slices.Contains(svcs, e.To) {
			if found != nil {
				return nil, nil
			}
			found, route = e, by[e.To]
		}
	}
	if found == nil {
		return nil, nil
	}
	return found, &route
}

// withRoute records on the call site of c the route that linked it to
// target.
func withRoute(cs graph.CallSite, c *codeCall, target string, r *graph.Route) graph.CallSite {
	if r == nil {
		return cs
	}
	cs.Route = r
	path := c.site.Path
	if c.site.Method != "" {
		path = c.site.Method + " " + path
	}
	ev := fmt.Sprintf("path %s, served by %s (route %s at %s:%d)", path, target, r, r.Pos.File, r.Pos.Line)
	if cs.Target == "" || cs.Target == noTarget {
		cs.Target = ev
	} else {
		cs.Target += ", " + ev
	}
	return cs
}
