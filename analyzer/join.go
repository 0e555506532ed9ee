package analyzer

import (
	"cmp"
	"net"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// codeService is a service found in the code: a main package, or a
// package the topology claims in a binary that runs several services, and
// the packages of the module it imports.
type codeService struct {
	name    string          // the topology's name for it, or its directory's
	claimed bool            // the topology names it
	main    string          // the main package, or the claimed package of a shared binary
	pkgs    map[string]bool // the main package and what it imports in the module
}

// codeCall is a call site with its target evidence resolved and its
// callers attributed.
type codeCall struct {
	site     rules.CallSite
	pkg      string
	callers  []string         // services making the call
	hints    []rules.CallHint // concrete evidence after resolving bindings
	server   string           // the node serving the called gRPC service, from the registrations
	target   string           // the node it reaches, once matched
	declared bool             // matched to a topology edge
}

// codeServices returns the services of the code. Each main package is one,
// named by the topology service whose package patterns claim it, else by
// its directory; two services claiming one package is an input error.
//
// A binary that runs several services (HotROD's `hotrod frontend|customer
// |driver|route`, one subcommand each) is split when the topology says so:
// when it claims packages of the binary other than its main package, and
// not the main package, each claimed package is a service. Its code is
// what its package imports plus the binary's own packages no claimed
// package imports (the main and its command wiring, where addresses are
// configured). From the code alone a binary is one service: a process
// with several listeners (an admin port, plugins) looks the same as one
// whose subcommands run different services.
func codeServices(code *codeResult, g *graph.Graph) ([]*codeService, error) {
	closure := func(root string) map[string]bool {
		seen := map[string]bool{}
		var visit func(p string)
		visit = func(p string) {
			if seen[p] {
				return
			}
			seen[p] = true
			for _, imp := range code.imports[p] {
				visit(imp)
			}
		}
		visit(root)
		return seen
	}
	var out []*codeService
	for _, m := range code.mains {
		name, err := claimOf(g, m)
		if err != nil {
			return nil, err
		}
		all := closure(m)
		var units []string
		claims := map[string]string{}
		if name == "" {
			for _, p := range sortedKeys(all) {
				if p == m || slices.Contains(code.mains, p) {
					continue
				}
				u, err := claimOf(g, p)
				if err != nil {
					return nil, err
				}
				if u != "" {
					units = append(units, p)
					claims[p] = u
				}
			}
		}
		if len(units) == 0 {
			out = append(out, &codeService{name: cmp.Or(name, defaultName(m)), claimed: name != "", main: m, pkgs: all})
			continue
		}
		inUnits := map[string]bool{}
		for _, u := range units {
			for p := range closure(u) {
				inUnits[p] = true
			}
		}
		for _, u := range units {
			pkgs := closure(u)
			for p := range all {
				if !inUnits[p] {
					pkgs[p] = true
				}
			}
			out = append(out, &codeService{name: claims[u], claimed: true, main: u, pkgs: pkgs})
		}
	}
	uniqueNames(out)
	return out, nil
}

// claimOf returns the topology service whose package patterns claim pkg
// (the most specific pattern wins), or "".
func claimOf(g *graph.Graph, pkg string) (string, error) {
	if g == nil {
		return "", nil
	}
	var claim []*graph.Node
	for _, n := range g.Nodes {
		if n.Kind == graph.Service && bestMatch(n, pkg) >= 0 {
			claim = append(claim, n)
		}
	}
	if len(claim) == 0 {
		return "", nil
	}
	slices.SortStableFunc(claim, func(a, b *graph.Node) int {
		return cmp.Compare(bestMatch(b, pkg), bestMatch(a, pkg))
	})
	if len(claim) > 1 && bestMatch(claim[0], pkg) == bestMatch(claim[1], pkg) {
		return "", inputErrorf("%s: services %s and %s both claim package %s: give each service its own package pattern",
			claim[1].FieldPos("package"), claim[0].Name, claim[1].Name, pkg)
	}
	return claim[0].Name, nil
}

// genericDirs are directory names that say nothing about a service.
var genericDirs = []string{".", "main", "cmd", "app", "server", "service", "internal", "pkg", "src"}

// defaultName names a service after its package's directory, skipping
// generic names (cmd/server, collector/app). Characters a topology's names
// cannot hold become hyphens.
func defaultName(pkg string) string {
	p := pkg
	for {
		base := path.Base(p)
		if !slices.Contains(genericDirs, base) {
			return safeName(base)
		}
		dir := path.Dir(p)
		if dir == p || dir == "." || dir == "/" {
			return safeName(path.Base(pkg))
		}
		p = dir
	}
}

// safeName keeps the letters, digits, '.', '_' and '-' of a directory's
// name and turns runs of anything else into one hyphen.
func safeName(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '-' {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	return cmp.Or(strings.Trim(b.String(), "-"), "service")
}

// uniqueNames gives services the topology does not name and that would
// share a name (binaries in cmd/server directories of different parents)
// their parent's name too.
func uniqueNames(ss []*codeService) {
	count := map[string]int{}
	for _, s := range ss {
		count[s.name]++
	}
	for _, s := range ss {
		if count[s.name] > 1 && !s.claimed {
			if parent := defaultName(path.Dir(s.main)); parent != s.name {
				s.name = parent + "-" + s.name
			}
		}
	}
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
//
// A call in a shared helper whose target arrives through parameters or
// fields stands for as many calls as there are chains of bindings that
// give it evidence: tracing.GetJSON(url) called by the customer client
// with the customer address and by the route client with the route's is
// two calls. Each chain is attributed to the services whose code holds
// every binding on it, so a helper's call is never given a target that
// another service configures.
func resolveCalls(code *codeResult, services []*codeService) []*codeCall {
	r := &resolver{bindings: map[string][]bindingAt{}}
	for _, pkg := range sortedKeys(code.calls) {
		for _, b := range code.calls[pkg].Bindings {
			r.bindings[b.Name] = append(r.bindings[b.Name], bindingAt{b, pkg})
		}
	}
	servers := grpcServers(code, services)
	var out []*codeCall
	for _, pkg := range sortedKeys(code.calls) {
		for _, s := range code.calls[pkg].Sites {
			// Chains that end in the same evidence are one call, made by
			// every service that holds one of the chains.
			byHints := map[string]*codeCall{}
			var order []string
			add := func(hs []rules.CallHint, caller string) {
				hs = dedupeHints(hs)
				key := hintsKey(hs)
				c := byHints[key]
				if c == nil {
					c = &codeCall{site: s, pkg: pkg, hints: hs}
					byHints[key] = c
					order = append(order, key)
				}
				c.callers = append(c.callers, caller)
			}
			held := map[*codeService]bool{}
			for _, ch := range r.expand(s.Hints, 0, map[string]bool{}) {
				for _, svc := range services {
					if svc.pkgs[pkg] && !slices.ContainsFunc(ch.via, func(p string) bool { return !svc.pkgs[p] }) {
						add(slices.Clone(ch.hints), svc.name)
						held[svc] = true
					}
				}
			}
			// A service that links the call but holds none of the chains
			// has only the evidence at the call itself.
			for _, svc := range services {
				if svc.pkgs[pkg] && !held[svc] {
					add(concreteHints(s.Hints), svc.name)
				}
			}
			slices.Sort(order)
			for _, key := range order {
				c := byHints[key]
				slices.Sort(c.callers)
				c.callers = slices.Compact(c.callers)
				for _, h := range c.hints {
					if h.Kind == rules.HintGRPC && servers[h.Value] != "" {
						c.server = servers[h.Value]
					}
				}
				out = append(out, c)
			}
		}
	}
	return out
}

// grpcServers names the node that serves each gRPC service the code
// registers: the service whose code registers it. Several gRPC services
// registered by exactly the same services run in the same processes, so
// when that is more than one service they are one node, named after what
// their fully qualified names share (jaeger.storage.v1.SpanReaderPlugin
// and jaeger.storage.v2.TraceReader, both served by two binaries:
// "jaeger-storage"); a lone one keeps its own name.
func grpcServers(code *codeResult, services []*codeService) map[string]string {
	by := map[string][]string{}
	for _, pkg := range sortedKeys(code.calls) {
		for _, name := range code.calls[pkg].Registers {
			for _, svc := range services {
				if svc.pkgs[pkg] && !slices.Contains(by[name], svc.name) {
					by[name] = append(by[name], svc.name)
				}
			}
		}
	}
	out := map[string]string{}
	groups := map[string][]string{} // registrars -> gRPC services
	for _, name := range sortedKeys(by) {
		regs := by[name]
		if len(regs) == 1 {
			out[name] = regs[0]
			continue
		}
		slices.Sort(regs)
		key := strings.Join(regs, "\x00")
		groups[key] = append(groups[key], name)
	}
	for _, names := range groups {
		if len(names) < 2 {
			continue
		}
		if common := commonGRPCPrefix(names); common != "" {
			for _, n := range names {
				out[n] = common
			}
		}
	}
	return out
}

// commonGRPCPrefix returns the node name for gRPC services served
// together: the package path their names share, version segments
// dropped, normalised; "" when they share less than two segments.
func commonGRPCPrefix(names []string) string {
	parts := strings.Split(names[0], ".")
	n := len(parts) - 1 // the service name itself is never shared
	for _, name := range names[1:] {
		other := strings.Split(name, ".")
		i := 0
		for i < n && i < len(other)-1 && other[i] == parts[i] {
			i++
		}
		n = i
	}
	var keep []string
	for _, p := range parts[:n] {
		if len(p) > 1 && p[0] == 'v' && strings.Trim(p[1:], "0123456789") == "" {
			continue // v1, v2
		}
		keep = append(keep, p)
	}
	if len(keep) < 2 {
		return ""
	}
	return NormalizeName("", strings.Join(keep, "-"))
}

// resolver follows symbolic hints through bindings.
type resolver struct {
	bindings map[string][]bindingAt
}

// chain is one way evidence reaches a call: its hints and the packages
// holding the bindings it went through.
type chain struct {
	hints []rules.CallHint
	via   []string
}

// Limits of binding resolution: how many bindings deep, and how many
// chains per call site.
const (
	maxBindingDepth = 8
	maxChains       = 64
)

// expand returns the chains of evidence of hs: its concrete hints joined
// with, for each symbolic hint, each chain of each of its bindings; or
// the concrete hints alone when no symbolic hint resolves. visiting holds
// the symbols on the current chain, so cycles end.
func (r *resolver) expand(hs []rules.CallHint, depth int, visiting map[string]bool) []chain {
	var base []rules.CallHint
	var subs []chain
	for _, h := range hs {
		if h.Kind != rules.HintParam && h.Kind != rules.HintField {
			base = append(base, h)
			continue
		}
		if depth >= maxBindingDepth || visiting[h.Value] {
			continue
		}
		visiting[h.Value] = true
		for _, b := range r.bindings[h.Value] {
			for _, sub := range r.expand(b.Hints, depth+1, visiting) {
				if len(sub.hints) == 0 || len(subs) >= maxChains {
					continue
				}
				via := append([]string{b.pkg}, sub.via...)
				slices.Sort(via)
				subs = append(subs, chain{hints: sub.hints, via: slices.Compact(via)})
			}
		}
		delete(visiting, h.Value)
	}
	if len(subs) == 0 {
		return []chain{{hints: base}}
	}
	for i := range subs {
		subs[i].hints = append(slices.Clip(base), subs[i].hints...)
	}
	return subs
}

// concreteHints drops the symbolic hints.
func concreteHints(hs []rules.CallHint) []rules.CallHint {
	return slices.DeleteFunc(slices.Clone(hs), func(h rules.CallHint) bool {
		return h.Kind == rules.HintParam || h.Kind == rules.HintField
	})
}

type bindingAt struct {
	rules.CallBinding
	pkg string
}

func hintsKey(hs []rules.CallHint) string {
	var b strings.Builder
	for _, h := range hs {
		b.WriteString(h.Kind + ":" + h.Value + "\x00")
	}
	return b.String()
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
		if h, _, err := net.SplitHostPort(s); err == nil {
			s = h
		}
		// An IP address or the local machine names nothing: the node is
		// whatever listens there.
		if s == "" || s == "localhost" || net.ParseIP(s) != nil {
			return ""
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
	// A name made of generic words only (GRPC_ADDR, SERVER_URL, URL)
	// names no service.
	if !slices.ContainsFunc(words, func(w string) bool { return !slices.Contains(nameSuffixes, w) }) {
		return ""
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
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			// Separators (_ - . / space), and anything else a name in
			// code may hold (PAY*, A->B, a control character): a node
			// name is made of letters and digits joined by hyphens.
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
	if c.server != "" {
		out = append(out, NormalizeName("", c.server))
	}
	if c.site.Service != "" {
		out = append(out, c.site.Service)
	}
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
	if to != nil && c.site.Kind.NodeKind() == to.Kind && to.Kind != graph.Service {
		drivers := 0
		engines := []string{c.site.Engine}
		for _, h := range c.hints {
			if h.Kind == rules.HintDriver {
				engines = append(engines, driverEngine(h.Value))
			}
		}
		for _, engine := range engines {
			if engine == "" {
				continue
			}
			drivers++
			if te := strings.ToLower(to.Engine); te != "" && (strings.Contains(te, engine) || strings.Contains(engine, te)) {
				return 1 // postgres ~ postgresql, mongodb ~ mongo
			}
		}
		if drivers > 0 && to.Engine != "" {
			return 0 // the driver names another engine
		}
		if c.site.Kind.Protocol() == e.Protocol && len(c.candidates()) == 0 {
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

// noTarget is the description of a call with no evidence of its target.
const noTarget = "no visible target"

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
		return noTarget
	}
	return strings.Join(parts, ", ")
}
