package analyzer

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// codeService is a service found in the code: a main package and the
// packages of the module it imports.
type codeService struct {
	name string          // the topology's name for it, or its directory's
	main string          // the main package
	pkgs map[string]bool // the main package and what it imports in the module
}

// codeCall is a call site with its target evidence resolved and its
// callers attributed.
type codeCall struct {
	site     rules.CallSite
	pkg      string
	callers  []string         // services making the call
	hints    []rules.CallHint // concrete evidence after resolving bindings
	target   string           // the node it reaches, once matched
	declared bool             // matched to a topology edge
}

// services returns the services of the code: each main package, named by
// the topology service whose package patterns claim it, else by its
// directory. Two services claiming one main package is an input error.
func codeServices(code *codeResult, g *graph.Graph) ([]*codeService, error) {
	var out []*codeService
	for _, m := range code.mains {
		name := ""
		if g != nil {
			var claim []*graph.Node
			for _, n := range g.Nodes {
				if n.Kind != graph.Service {
					continue
				}
				for _, pat := range n.Packages {
					if matchPattern(pat, m) >= 0 {
						claim = append(claim, n)
						break
					}
				}
			}
			if len(claim) > 1 {
				// The most specific pattern wins; equal ones are ambiguous.
				slices.SortFunc(claim, func(a, b *graph.Node) int {
					return cmp.Compare(bestMatch(b, m), bestMatch(a, m))
				})
				if bestMatch(claim[0], m) == bestMatch(claim[1], m) {
					return nil, inputErrorf("%s: services %s and %s both claim package %s: give each service its own package pattern",
						claim[1].FieldPos("package"), claim[0].Name, claim[1].Name, m)
				}
			}
			if len(claim) > 0 {
				name = claim[0].Name
			}
		}
		if name == "" {
			name = path.Base(m)
			if name == "main" || name == "cmd" || name == "." {
				name = path.Base(path.Dir(m))
			}
		}
		s := &codeService{name: name, main: m, pkgs: map[string]bool{}}
		var visit func(p string)
		visit = func(p string) {
			if s.pkgs[p] {
				return
			}
			s.pkgs[p] = true
			for _, imp := range code.imports[p] {
				visit(imp)
			}
		}
		visit(m)
		out = append(out, s)
	}
	return out, nil
}

// attributeServices names the service of code findings the topology's
// package patterns did not place: the one service whose main package
// imports the finding's package, when there is exactly one.
func attributeServices(fs []Finding, services []*codeService) {
	for i := range fs {
		f := &fs[i]
		if f.Service != "" || f.pkg == "" {
			continue
		}
		var owner string
		for _, s := range services {
			if s.pkgs[f.pkg] {
				if owner != "" && owner != s.name {
					owner = ""
					break
				}
				owner = s.name
			}
		}
		f.Service = owner
	}
}

func bestMatch(n *graph.Node, pkg string) int {
	best := -1
	for _, pat := range n.Packages {
		best = max(best, matchPattern(pat, pkg))
	}
	return best
}

// resolveCalls expands the symbolic hints of every call site through the
// bindings recorded in other packages, and attributes each call to the
// services that make it.
func resolveCalls(code *codeResult, services []*codeService) []*codeCall {
	bindings := map[string][]bindingAt{}
	for _, pkg := range sortedKeys(code.calls) {
		for _, b := range code.calls[pkg].Bindings {
			bindings[b.Name] = append(bindings[b.Name], bindingAt{b, pkg})
		}
	}
	var out []*codeCall
	for _, pkg := range sortedKeys(code.calls) {
		for _, s := range code.calls[pkg].Sites {
			c := &codeCall{site: s, pkg: pkg}
			var via []string // packages where bindings were found
			var expand func(hs []rules.CallHint, depth int)
			expand = func(hs []rules.CallHint, depth int) {
				for _, h := range hs {
					switch h.Kind {
					case rules.HintParam, rules.HintField:
						if depth >= 3 {
							continue
						}
						for _, b := range bindings[h.Value] {
							via = append(via, b.pkg)
							expand(b.Hints, depth+1)
						}
					default:
						c.hints = append(c.hints, h)
					}
				}
			}
			expand(s.Hints, 0)
			c.hints = dedupeHints(c.hints)
			for _, svc := range services {
				if !svc.pkgs[pkg] {
					continue
				}
				if len(via) > 0 && !slices.ContainsFunc(via, func(p string) bool { return svc.pkgs[p] }) {
					continue // the client is configured by another service
				}
				c.callers = append(c.callers, svc.name)
			}
			slices.Sort(c.callers)
			c.callers = slices.Compact(c.callers)
			out = append(out, c)
		}
	}
	return out
}

type bindingAt struct {
	rules.CallBinding
	pkg string
}

func dedupeHints(hs []rules.CallHint) []rules.CallHint {
	slices.SortFunc(hs, func(a, b rules.CallHint) int {
		return cmp.Or(strings.Compare(a.Kind, b.Kind), strings.Compare(a.Value, b.Value))
	})
	return slices.Compact(hs)
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// Name normalisation: PAYMENT_SERVICE_ADDR, payment:8080,
// hipstershop.PaymentService, payment-svc.prod.svc.cluster.local all
// become "payment".

var nameSuffixes = []string{"addr", "address", "url", "uri", "host", "hostname", "endpoint", "dsn", "brokers", "broker", "target", "server", "service", "svc", "api", "grpc", "http", "port", "conn", "connection", "string"}

// NormalizeName reduces a name as code or topology writes it to the words
// that identify a service, lower case and joined by hyphens.
func NormalizeName(kind, s string) string {
	switch kind {
	case rules.HintHost:
		if h, _, ok := strings.Cut(s, ":"); ok {
			s = h
		}
		s, _, _ = strings.Cut(s, ".") // payment.prod.svc.cluster.local
	case rules.HintGRPC:
		if i := strings.LastIndexByte(s, '.'); i >= 0 {
			s = s[i+1:]
		}
	}
	words := splitWords(s)
	// Drop generic suffixes ("service", "addr", …) while a name remains.
	for len(words) > 1 && slices.Contains(nameSuffixes, words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	return strings.Join(words, "-")
}

// splitWords splits on separators and camel case: "PaymentService" and
// "PAYMENT_SERVICE" both give [payment service].
func splitWords(s string) []string {
	var words []string
	var cur []rune
	rs := []rune(s)
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for i, r := range rs {
		switch {
		case r == '_' || r == '-' || r == '.' || r == ' ' || r == '/':
			flush()
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1]))):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return words
}

// candidates returns the normalised target names a call's hints suggest,
// strongest evidence first.
func (c *codeCall) candidates() []string {
	var out []string
	for _, kind := range []string{rules.HintGRPC, rules.HintTopic, rules.HintHost, rules.HintEnv, rules.HintFlag} {
		for _, h := range c.hints {
			if h.Kind == kind {
				if n := NormalizeName(kind, h.Value); n != "" && !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
		}
	}
	return out
}

// matchScore says how well a call matches an edge's target: 3 for an
// exact match hint, 2 for a normalised name equal to the target, 1 for a
// datastore of the call's kind named by the driver, 0 for none.
func matchScore(c *codeCall, e *graph.Edge, to *graph.Node) int {
	for _, h := range c.hints {
		switch h.Kind {
		case rules.HintEnv, rules.HintFlag:
			if slices.Contains(e.Match.Env, h.Value) {
				return 3
			}
		case rules.HintHost:
			host := h.Value
			if slices.Contains(e.Match.Host, host) || slices.ContainsFunc(e.Match.Host, func(m string) bool {
				return strings.Split(m, ":")[0] == strings.Split(host, ":")[0]
			}) {
				return 3
			}
		case rules.HintGRPC:
			if slices.Contains(e.Match.GRPC, h.Value) {
				return 3
			}
		}
	}
	target := NormalizeName("", e.To)
	for _, cand := range c.candidates() {
		if cand == target {
			return 2
		}
	}
	if to != nil && kindOfCall(c.site.Kind) == to.Kind && to.Kind != graph.Service {
		for _, h := range c.hints {
			if h.Kind == rules.HintDriver && strings.Contains(strings.ToLower(to.Engine), driverEngine(h.Value)) {
				return 1
			}
		}
		if protocolOf(c.site.Kind) == e.Protocol && len(c.candidates()) == 0 {
			return 1
		}
	}
	return 0
}

// driverEngine maps database/sql driver names to engines.
func driverEngine(d string) string {
	switch d {
	case "postgres", "pgx", "pq":
		return "postgres"
	case "mysql":
		return "mysql"
	case "sqlite", "sqlite3":
		return "sqlite"
	}
	return d
}

// kindOfCall is the kind of node a call of this kind reaches.
func kindOfCall(kind string) graph.Kind {
	switch kind {
	case "sql", "redis":
		return graph.Datastore
	case "kafka", "amqp":
		return graph.Queue
	}
	return graph.Service
}

// protocolOf maps call kinds to topology protocols.
func protocolOf(kind string) string {
	switch kind {
	case "tcp", "smtp", "rpc":
		return "tcp"
	}
	return kind
}

// describe names the evidence of a call for messages.
func (c *codeCall) describe() string {
	var parts []string
	for _, h := range c.hints {
		switch h.Kind {
		case rules.HintEnv:
			parts = append(parts, "env "+h.Value)
		case rules.HintFlag:
			parts = append(parts, "flag -"+h.Value)
		case rules.HintHost:
			parts = append(parts, "host "+h.Value)
		case rules.HintGRPC:
			parts = append(parts, "gRPC service "+h.Value)
		case rules.HintTopic:
			parts = append(parts, "topic "+h.Value)
		case rules.HintDriver:
			parts = append(parts, "driver "+strconv.Quote(h.Value))
		}
	}
	if len(parts) == 0 {
		return "no visible target"
	}
	return strings.Join(parts, ", ")
}

// siteLabel names a call for messages: the API and the function it is in.
func siteLabel(s rules.CallSite) string {
	return fmt.Sprintf("%s in %s", s.API, rules.ShortFunc(s.Func))
}
