package routes

import "strings"

// Canonical returns the path of a route as Match reads it: a net/http
// pattern's subtree ("/api/", every path below /api/) becomes
// "/api/{rest...}", as Go 1.22 writes it.
func Canonical(path string, pattern bool) string {
	if pattern && strings.HasSuffix(path, "/") {
		return path + "{rest...}"
	}
	return path
}

// Unknown is the segment an HTTP call's path holds where the code builds
// it from a value faultline cannot read: "/api/cart/{}" for
// base + "/api/cart/" + id.
const Unknown = "{}"

// Match reports whether a request for path reaches the route: segment by
// segment, a wildcard of the route ({id}, :id, {id:[0-9]+}) takes any
// segment, a trailing rest wildcard (*, *name, {rest...}) any number of
// them, a literal only itself; an unknown segment of the path ({}) is
// taken only by a wildcard. A route that begins with a wildcard (the
// catch-all "/" of a ServeMux, "/*", "/{id}") anchors nothing and matches
// no path; neither does the path "/". Trailing slashes are not compared:
// routers redirect one to the other or serve both.
func Match(route, path string) bool {
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	exact := strings.HasSuffix(route, "/{$}")
	route = strings.TrimSuffix(route, "{$}")
	rs, ps := segments(route), segments(path)
	if len(rs) == 0 || len(ps) == 0 || wildcard(rs[0]) || rest(rs[0]) {
		return false
	}
	if exact && !strings.HasSuffix(path, "/") {
		return false
	}
	for i, r := range rs {
		if rest(r) && i == len(rs)-1 {
			return true
		}
		if i >= len(ps) {
			return false
		}
		p := ps[i]
		switch {
		case wildcard(r):
		case r == p && !strings.Contains(p, Unknown):
		default:
			return false
		}
	}
	return len(ps) == len(rs)
}

func segments(p string) []string {
	var out []string
	for _, s := range strings.Split(p, "/") {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// wildcard reports whether a route segment takes any one segment.
func wildcard(s string) bool {
	return strings.HasPrefix(s, ":") || (strings.Contains(s, "{") && strings.Contains(s, "}")) || s == "*"
}

// rest reports whether a route segment takes the rest of the path.
func rest(s string) bool {
	return s == "*" || (strings.HasPrefix(s, "*") && len(s) > 1) || (strings.HasPrefix(s, "{") && strings.HasSuffix(s, "...}"))
}
