package analyzer

import (
	"cmp"
	"net"
	"slices"
	"strings"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// joinResult is the outcome of joining code to the topology.
type joinResult struct {
	graph    *graph.Graph
	services []*codeService
	calls    []*codeCall
	routes   []servedRoute // the HTTP routes each service serves
}

// joinCode ties the code's call sites to the topology g, or builds the
// graph from the code alone when g is nil. Edges of g that call sites
// match get those calls (and Source FromBoth); calls that match no
// declared edge become edges marked FromCode, which the undeclared rule
// reports when there is a topology.
func joinCode(g *graph.Graph, code *codeResult) (*joinResult, error) {
	services, err := codeServices(code, g)
	if err != nil {
		return nil, err
	}
	jr := &joinResult{services: services, calls: resolveCalls(code, services), routes: servedRoutes(code, services)}
	topology := g != nil
	if !topology {
		g = &graph.Graph{}
	}
	jr.graph = g
	g.Index()

	// The services the code shows.
	for _, s := range services {
		n := g.Node(s.name)
		if n == nil {
			n = &graph.Node{Name: s.name, Kind: graph.Service, Packages: []string{s.main}, Source: graph.FromCode, Replicas: 1}
			n.Serves = servings(code, s, jr.calls)
			n.Pos = graph.Pos{File: code.files[s.main], Line: 0}
			if f := code.files[s.main]; f != "" {
				n.Pos = mainPos(code, s.main)
			}
			g.Nodes = append(g.Nodes, n)
		} else {
			n.Source |= graph.FromCode
		}
		n.Health = serviceHealth(code, s, jr.routes)
	}
	g.Index()

	// A package pattern of the topology can be judged only when the whole
	// module was loaded: `check ./api/...` does not show the others.
	if topology && code.whole {
		g.UnmatchedPatterns = unmatchedPatterns(g, code)
	}

	// A consumer's read is an asynchronous edge to its queue, as the
	// topology writes consumers (dependsOn with mode "async"); it adds no
	// load on a service, so only queues get one.
	for _, c := range jr.calls {
		if c.site.Consume && c.site.Kind.NodeKind() != graph.Queue {
			continue
		}
		for _, caller := range c.callers {
			jr.attach(g, c, caller, topology)
		}
	}
	g.Index()
	for _, e := range g.Edges {
		if e.Source == graph.FromCode {
			codeEdgeBound(e)
			codeEdgeProtection(e)
		}
		slices.SortFunc(e.Calls, func(a, b graph.CallSite) int {
			return cmp.Or(strings.Compare(a.Pos.File, b.Pos.File), cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
		})
		e.Calls = slices.CompactFunc(e.Calls, func(a, b graph.CallSite) bool { return a.Pos == b.Pos })
		codeEdgeObserved(e)
	}
	// With no topology the code says which programs are services and where
	// requests enter; a topology's declared entrypoints replace all of it.
	if !topology {
		g.InferEntrypoints()
	}
	return jr, nil
}

// servings returns how service s takes work, as its code shows: the
// servers its packages start (Calls.Serves, which puts a server started by
// an exported function in the package that calls it), the gRPC services
// they register when no gRPC server is seen starting (the server may be
// started by a library the analysis does not read), and the queues it
// consumes from. Each protocol once, at its first position.
func servings(code *codeResult, s *codeService, calls []*codeCall) []graph.Serving {
	var out []graph.Serving
	add := func(sv graph.Serving) {
		if !slices.ContainsFunc(out, func(o graph.Serving) bool { return o.Protocol == sv.Protocol && o.Consumer == sv.Consumer }) {
			out = append(out, sv)
		}
	}
	var registers []string
	for _, pkg := range sortedKeys(s.pkgs) {
		c := code.calls[pkg]
		if c == nil {
			continue
		}
		for _, sv := range c.Serves {
			add(graph.Serving{Protocol: sv.Protocol, API: sv.API, Pos: graph.Pos{File: sv.File, Line: sv.Line, Col: sv.Col}})
		}
		registers = append(registers, c.Registers...)
	}
	if len(registers) > 0 {
		slices.Sort(registers)
		add(graph.Serving{Protocol: "grpc", API: "registers " + strings.Join(slices.Compact(registers), ", "), Pos: mainPos(code, s.main)})
	}
	for _, c := range calls {
		if c.site.Consume && slices.Contains(c.callers, s.name) {
			add(graph.Serving{Protocol: c.site.Kind.Protocol(), Consumer: true, API: c.site.API, Pos: graph.Pos{File: c.site.File, Line: c.site.Line, Col: c.site.Col}})
		}
	}
	slices.SortStableFunc(out, func(a, b graph.Serving) int {
		return cmp.Or(cmp.Compare(servingRank(a), servingRank(b)), strings.Compare(a.Protocol, b.Protocol))
	})
	return out
}

// servingRank orders a service's ways of serving: HTTP, gRPC, other
// servers, consumers.
func servingRank(s graph.Serving) int {
	switch {
	case s.Consumer:
		return 3
	case s.Protocol == "http":
		return 0
	case s.Protocol == "grpc":
		return 1
	}
	return 2
}

// attach ties call c made by caller to an edge of g, creating a code edge
// (and node) when no declared edge matches.
func (jr *joinResult) attach(g *graph.Graph, c *codeCall, caller string, topology bool) {
	cs := callSite(c)
	var best []*graph.Edge
	bestScore := 0
	for _, e := range g.Out(caller) {
		if e.Source == graph.FromCode {
			continue
		}
		switch s := matchScore(c, e, g.Node(e.To)); {
		case s > bestScore:
			best, bestScore = []*graph.Edge{e}, s
		case s == bestScore && s > 0:
			best = append(best, e)
		}
	}
	if len(best) > 1 {
		if e, r := jr.decideByPath(c, caller, best); e != nil {
			e.Calls = append(e.Calls, withRoute(cs, c, e.To, r))
			e.Source |= graph.FromCode
			return
		}
		a := graph.Ambiguity{Caller: caller, Call: cs}
		for _, e := range best {
			a.Candidates = append(a.Candidates, e.To)
		}
		g.Ambiguities = append(g.Ambiguities, a)
		return
	}
	if len(best) == 1 {
		e := best[0]
		e.Calls = append(e.Calls, cs)
		e.Source |= graph.FromCode
		return
	}
	// No declared edge: a code edge.
	target := ""
	named := false
	cands := c.candidates()
	// Prefer an existing node the evidence names.
	for _, cand := range cands {
		if n := findNode(g, cand); n != nil {
			target, named = n.Name, true
			break
		}
	}
	if !named {
		// A path that one service's routes match names it better than a
		// name that is no node's; several services serving it leave the
		// call undecided when no name says more.
		if svc, r, ok := jr.pathTarget(g, c, caller, cs, len(cands) == 0); ok {
			target = svc
			cs = withRoute(cs, c, svc, r)
		} else if len(cands) > 0 {
			target = cands[0]
		}
	}
	if target == "" || target == caller {
		return // nothing names the target: no edge rather than a guess
	}
	n := g.Node(target)
	if n == nil {
		n = &graph.Node{Name: target, Kind: c.site.Kind.NodeKind(), Source: graph.FromCode, Replicas: 1, Pos: cs.Pos}
		if n.Kind == graph.Service && externalHost(c) {
			n.Kind = graph.External
		}
		n.Engine = c.site.Engine
		for _, h := range c.hints {
			if h.Kind == rules.HintDriver {
				n.Engine = driverEngine(h.Value)
			}
		}
		g.Nodes = append(g.Nodes, n)
		g.Index()
	}
	e := g.Edge(caller, target)
	if e == nil {
		e = &graph.Edge{
			From: caller, To: target, Protocol: c.site.Kind.Protocol(), Source: graph.FromCode,
			Idempotent: true, Retries: graph.Retries{Attempts: 1}, Pos: cs.Pos,
			TimeoutUnknown: true,
		}
		if c.site.Kind.NodeKind() == graph.Queue {
			e.Mode = graph.ModeAsync
		}
		g.Edges = append(g.Edges, e)
		g.Index()
	}
	// Every call's evidence, so that a topology written from this edge
	// matches each of them.
	for _, h := range c.hints {
		switch h.Kind {
		case rules.HintEnv, rules.HintFlag:
			e.Match.Env = appendUnique(e.Match.Env, h.Value)
		case rules.HintHost:
			e.Match.Host = appendUnique(e.Match.Host, h.Value)
		case rules.HintGRPC:
			e.Match.GRPC = appendUnique(e.Match.GRPC, h.Value)
		}
	}
	e.Calls = append(e.Calls, cs)
}

// codeEdgeBound sets the timeout of an edge known from code only: bounded
// when every call is (with the longest constant timeout when all are
// constants), unbounded when one call provably is not, unknown otherwise.
// A call made with an HTTP handler's request context is not proof: the
// server may bound the request (http.TimeoutHandler), and ctxdeadline,
// which knows, reports the call when it does not.
func codeEdgeBound(e *graph.Edge) {
	e.Timeout, e.TimeoutUnknown = 0, false
	all, consts := true, true
	var longest = e.Timeout
	for _, c := range e.Calls {
		switch c.Bound {
		case graph.No:
			if c.Request {
				// The handler's server may bound it: ctxdeadline's
				// question, not the edge's.
				all = false
				continue
			}
			return
		case graph.Yes:
			if c.Timeout > 0 {
				longest = max(longest, c.Timeout)
			} else {
				consts = false
			}
		default:
			all = false
		}
	}
	if all && consts && longest > 0 {
		e.Timeout = longest
		return
	}
	e.TimeoutUnknown = true
}

// codeEdgeProtection sets the retries and the breaker of an edge known from
// code only, from what its calls show: the most attempts any call makes,
// the backoff when every retried call shows the same one, and a breaker
// when every call is guarded by one. A topology that init writes from the
// edge then says what the code does, and drift is silent on it until one of
// them changes.
func codeEdgeProtection(e *graph.Edge) {
	guarded := len(e.Calls) > 0
	backoff, agree := "", true
	for _, c := range e.Calls {
		if c.Attempts > e.Retries.Attempts {
			e.Retries.Attempts = c.Attempts
		}
		if c.Attempts > 1 {
			switch {
			case c.Backoff == "" || (backoff != "" && c.Backoff != backoff):
				agree = false
			default:
				backoff = c.Backoff
			}
		}
		if c.Breaker != graph.Yes {
			guarded = false
		}
	}
	if agree {
		e.Retries.Backoff = backoff
	}
	e.Breaker = guarded
}

// codeEdgeObserved sets whether telemetry records the edge's calls, from
// what its calls show, unless the topology declares it: observed when one
// call path is (the dependency's failures show up there), unobserved when
// every call provably is not, unknown otherwise.
func codeEdgeObserved(e *graph.Edge) {
	if _, declared := e.Fields["observed"]; declared {
		return
	}
	e.Observed = graph.Unknown
	all := len(e.Calls) > 0
	for _, c := range e.Calls {
		switch c.Observed {
		case graph.Yes:
			e.Observed = graph.Yes
			return
		case graph.Unknown:
			all = false
		}
	}
	if all {
		e.Observed = graph.No
	}
}

// findNode returns the node whose normalised name is name.
func findNode(g *graph.Graph, name string) *graph.Node {
	if n := g.Node(name); n != nil {
		return n
	}
	for _, n := range g.Nodes {
		if NormalizeName("", n.Name) == name {
			return n
		}
	}
	return nil
}

// externalHost reports whether the call's only evidence is a fully
// qualified host name, as third-party APIs are (api.stripe.com).
func externalHost(c *codeCall) bool {
	for _, h := range c.hints {
		if h.Kind == rules.HintHost {
			host := h.Value
			if hh, _, err := net.SplitHostPort(host); err == nil {
				host = hh
			}
			internal := strings.HasSuffix(host, ".local") || strings.HasSuffix(host, ".internal") ||
				strings.HasSuffix(host, ".svc") || strings.Contains(host, ".svc.") // Kubernetes service names
			if net.ParseIP(host) == nil && strings.Count(host, ".") >= 2 && !internal {
				return true
			}
		}
	}
	return false
}

func appendUnique(ss []string, s string) []string {
	if slices.Contains(ss, s) {
		return ss
	}
	return append(ss, s)
}

// callSite converts a call to the graph's form.
func callSite(c *codeCall) graph.CallSite {
	cs := graph.CallSite{
		Pos:     graph.Pos{File: c.site.File, Line: c.site.Line, Col: c.site.Col},
		Func:    c.site.Func,
		API:     c.site.API,
		Kind:    string(c.site.Kind),
		Target:  c.describe(),
		Timeout: c.site.Timeout,
		Consume: c.site.Consume,
		Request: c.site.Request,
	}
	switch {
	case c.site.Consume:
		// Waiting for the next message is what a consumer does: its wait
		// says nothing of the edge's timeout.
		cs.Timeout = 0
	case c.site.Bounded:
		cs.Bound = graph.Yes
	case c.site.Unbounded:
		cs.Bound = graph.No
	}
	switch c.site.Breaker {
	case rules.CallYes:
		cs.Breaker = graph.Yes
	case rules.CallNo:
		cs.Breaker = graph.No
	}
	switch c.site.Observed {
	case rules.CallYes:
		cs.Observed = graph.Yes
	case rules.CallNo:
		cs.Observed = graph.No
	}
	cs.Attempts, cs.Backoff = c.site.Attempts, c.site.Backoff
	return cs
}

// mainPos is the position of a main package: its directory's first file.
func mainPos(code *codeResult, pkg string) graph.Pos {
	if f, ok := code.firstFile[pkg]; ok {
		return graph.Pos{File: f, Line: 1, Col: 1}
	}
	return graph.Pos{}
}

// unmatchedPatterns returns the topology's package patterns that match no
// package of the module.
func unmatchedPatterns(g *graph.Graph, code *codeResult) []graph.UnmatchedPattern {
	var out []graph.UnmatchedPattern
	for _, n := range g.Nodes {
		for _, pat := range n.Packages {
			found := slices.ContainsFunc(code.mains, func(m string) bool { return matchPattern(pat, m) >= 0 })
			for p := range code.imports {
				if found {
					break
				}
				found = matchPattern(pat, p) >= 0
			}
			if !found {
				out = append(out, graph.UnmatchedPattern{Node: n.Name, Pattern: pat, Pos: n.FieldPos("package")})
			}
		}
	}
	return out
}
