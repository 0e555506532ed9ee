package topology

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/literal"

	"github.com/faultline-dev/faultline/graph"
)

// sections are the top-level fields that hold nodes, in the order kinds are
// reported in.
var sections = []struct {
	key  string
	kind graph.Kind
}{
	{"services", graph.Service},
	{"datastores", graph.Datastore},
	{"queues", graph.Queue},
	{"externals", graph.External},
}

type obj = map[string]any

// convert builds the graph from the user's data, applies the defaults and
// runs the checks that are done in Go.
func (l *loader) convert() {
	top := l.export()
	l.g = &graph.Graph{}
	l.kinds = map[string]graph.Kind{}
	l.nodes = map[string]*graph.Node{}
	if l.strict {
		l.checkFields(top, schemaShape(), nil)
	}
	refsOK := true
	if l.settingsOnly {
		for _, k := range sortedKeys(top) {
			if k != "settings" {
				l.errs.add("", l.posOf(fieldPath{k}), fmt.Sprintf("%s in a configuration file, which holds only settings", k),
					"describe the system in the topology (topology.cue, or -topology FILE); the configuration file takes settings: {…}")
			}
		}
		if s, ok := top["settings"].(obj); ok {
			l.settings(s, false)
		}
		return
	}
	for _, sec := range sections {
		m, ok := top[sec.key].(obj)
		if !ok {
			if _, present := top[sec.key]; present {
				refsOK = false // CUE reports the section; names in it are unknown
			}
			continue
		}
		for _, name := range sortedKeys(m) {
			if o, ok := m[name].(obj); ok {
				l.node(sec.key, sec.kind, name, o)
			} else {
				refsOK = false
			}
		}
	}
	if svcs, ok := top["services"].(obj); ok {
		for _, from := range sortedKeys(svcs) {
			if o, ok := svcs[from].(obj); ok {
				l.edges(from, o, refsOK)
			}
		}
	}
	if refsOK {
		l.checkDeadLetters()
	}
	if eps, ok := top["entrypoints"].(obj); ok {
		for _, name := range sortedKeys(eps) {
			if o, ok := eps[name].(obj); ok {
				l.entrypoint(name, o, refsOK)
			}
		}
	}
	if s, ok := top["settings"].(obj); ok {
		l.settings(s, refsOK)
	}
	l.attributes()
}

// article returns "a service", "an external".
func article(k graph.Kind) string {
	if k == graph.External {
		return "an " + k.String()
	}
	return "a " + k.String()
}

func sortedKeys(m obj) []string { return slices.Sorted(maps.Keys(m)) }

// checkName reports a name that cannot identify a node or an entrypoint.
func (l *loader) checkName(what, name string, p fieldPath) {
	if bad := nameProblem(name); bad != "" {
		l.errs.add("", l.posOf(p), fmt.Sprintf("%s name %q %s", what, name, bad),
			"use letters, digits and punctuation such as - _ . /")
	}
}

// nameProblem says what makes name unusable as the name of a node or an
// entrypoint, or returns "".
func nameProblem(name string) string {
	switch {
	case name == "":
		return "is empty"
	case name == "*":
		return `is "*", which means every subject in settings.ignore`
	case strings.Contains(name, "->"):
		return `contains "->", which separates the ends of an edge`
	case strings.IndexFunc(name, func(r rune) bool { return unicode.IsSpace(r) || !unicode.IsPrint(r) }) >= 0:
		return "contains a space or an unprintable character"
	}
	return ""
}

// fields records where each field of o is written, and the fields of its
// struct-valued fields in the nested list as "outer.inner".
func (l *loader) fields(o obj, p fieldPath, nested ...string) map[string]graph.Pos {
	fs := make(map[string]graph.Pos, len(o))
	for k, v := range o {
		fs[k] = l.posOf(p.with(k))
		if inner, ok := v.(obj); ok && slices.Contains(nested, k) {
			for ik := range inner {
				fs[k+"."+ik] = l.posOf(p.with(k, ik))
			}
		}
	}
	return fs
}

func (l *loader) node(section string, kind graph.Kind, name string, o obj) {
	p := fieldPath{section, name}
	l.checkName(kind.String(), name, p)
	n := &graph.Node{
		Name:          name,
		Kind:          kind,
		Replicas:      1,
		ReplicasKnown: true,
		Source:        graph.FromTopology,
		Pos:           l.posOf(p),
		Fields:        l.fields(o, p, "server", "match"),
	}
	if prev, dup := l.kinds[name]; dup {
		first := l.nodes[name]
		l.errs.add("dup|"+name+"|"+kind.String(), n.Pos,
			fmt.Sprintf("%q is declared as %s and as %s", name, article(prev), article(kind)),
			fmt.Sprintf("names are unique across services, datastores, queues and externals: rename one; the %s is at %s", prev, first.Pos))
		return
	}
	l.kinds[name], l.nodes[name] = kind, n
	l.g.Nodes = append(l.g.Nodes, n)

	if r, ok := getInt(o, "replicas"); ok {
		n.Replicas = r
	}
	n.Zones, _ = getStrings(o, "zones")
	n.Regions, _ = getStrings(o, "regions")
	n.Team, _ = getString(o, "team")
	if m, ok := o["match"].(obj); ok {
		if s, ok := getString(m, "manifest"); ok {
			n.Manifest = []string{s}
		} else {
			n.Manifest, _ = getStrings(m, "manifest")
		}
	}
	switch kind {
	case graph.Service:
		if s, ok := getString(o, "package"); ok {
			n.Packages = []string{s}
		} else {
			n.Packages, _ = getStrings(o, "package")
		}
		n.Tier = getStringOr(o, "tier", graph.TierStandard)
		if s, ok := o["server"].(obj); ok {
			sp := p.with("server")
			n.Server = &graph.Server{RequestTimeout: l.duration(s, "requestTimeout", sp)}
			n.Server.MaxConcurrency, _ = getInt(s, "maxConcurrency")
			n.Server.LoadShedding, _ = getBool(s, "loadShedding")
		}
	case graph.Datastore:
		n.Engine, _ = getString(o, "engine")
		n.HA = getStringOr(o, "ha", graph.HASingle)
	case graph.Queue:
		n.Engine, _ = getString(o, "engine")
		n.DeadLetter, _ = getString(o, "deadLetter")
		n.MaxLength, _ = getInt(o, "maxLength")
		n.MaxAge = l.duration(o, "maxAge", p)
	case graph.External:
		n.Vendor, _ = getString(o, "vendor")
	}
}

func (l *loader) edges(from string, svc obj, refsOK bool) {
	deps, ok := svc["dependsOn"].(obj)
	if !ok {
		return
	}
	for _, to := range sortedKeys(deps) {
		o, ok := deps[to].(obj)
		if !ok {
			continue
		}
		p := fieldPath{"services", from, "dependsOn", to}
		e := &graph.Edge{
			From:        from,
			To:          to,
			Protocol:    getStringOr(o, "protocol", "http"),
			Mode:        getStringOr(o, "mode", graph.ModeSync),
			Criticality: getStringOr(o, "criticality", graph.Hard),
			Timeout:     l.duration(o, "timeout", p),
			Deadline:    l.duration(o, "deadline", p),
			Idempotent:  true,
			Via:         getStringOr(o, "via", graph.ViaCode),
			Retries:     graph.Retries{Attempts: 1},
			Source:      graph.FromTopology,
			Pos:         l.posOf(p),
			Fields:      l.fields(o, p, "retries", "breaker", "match"),
		}
		e.PropagatesDeadline, _ = getBool(o, "propagatesDeadline")
		e.Fallback, _ = getString(o, "fallback")
		e.Group, _ = getString(o, "group")
		if b, ok := getBool(o, "idempotent"); ok {
			e.Idempotent = b
		}
		if r, ok := o["retries"].(obj); ok {
			if a, ok := getInt(r, "attempts"); ok {
				e.Retries.Attempts = a
			}
			e.Retries.Backoff, _ = getString(r, "backoff")
			e.Retries.Jitter, _ = getBool(r, "jitter")
			e.Retries.Budget, _ = getFloat(r, "budget")
		}
		switch b := o["breaker"].(type) {
		case bool:
			e.Breaker = b
		case obj:
			e.Breaker = true
			l.duration(b, "openFor", p.with("breaker"))
		}
		switch ob := o["observed"].(type) {
		case bool:
			e.Observed = graph.No
			if ob {
				e.Observed = graph.Yes
			}
		case obj:
			e.Observed = graph.Yes
			e.ObservedReason, _ = getString(ob, "reason")
		}
		if m, ok := o["match"].(obj); ok {
			e.Match.Env, _ = getStrings(m, "env")
			e.Match.Host, _ = getStrings(m, "host")
			e.Match.GRPC, _ = getStrings(m, "grpc")
		}
		if _, ok := l.kinds[to]; !ok {
			if refsOK {
				l.errs.add("ref|"+e.Key(), e.Pos,
					fmt.Sprintf("%s depends on %q, which is not declared", from, to),
					l.suggest(to, slices.Collect(maps.Keys(l.kinds)),
						"declare it under services, datastores, queues or externals"))
			}
			continue
		}
		l.g.Edges = append(l.g.Edges, e)
	}
}

func (l *loader) checkDeadLetters() {
	var queues []string
	for name, k := range l.kinds {
		if k == graph.Queue {
			queues = append(queues, name)
		}
	}
	for _, n := range l.g.Nodes {
		if n.Kind != graph.Queue || n.DeadLetter == "" {
			continue
		}
		pos := n.FieldPos("deadLetter")
		key := "dlq|" + n.Name
		switch k, ok := l.kinds[n.DeadLetter]; {
		case !ok:
			l.errs.add(key, pos, fmt.Sprintf("deadLetter %q of queue %s is not a declared queue", n.DeadLetter, n.Name),
				l.suggest(n.DeadLetter, queues, "declare it under queues"))
		case k != graph.Queue:
			l.errs.add(key, pos, fmt.Sprintf("deadLetter %q of queue %s is %s, not a queue", n.DeadLetter, n.Name, article(k)),
				"a dead-letter queue must be declared under queues")
		case n.DeadLetter == n.Name:
			l.errs.add(key, pos, fmt.Sprintf("queue %s is its own deadLetter", n.Name),
				"name another queue, where messages that keep failing are moved")
		}
	}
}

func (l *loader) entrypoint(name string, o obj, refsOK bool) {
	p := fieldPath{"entrypoints", name}
	l.checkName("entrypoint", name, p)
	ep := &graph.Entrypoint{
		Name:    name,
		Timeout: l.duration(o, "timeout", p),
		Tier:    getStringOr(o, "tier", graph.TierStandard),
		Pos:     l.posOf(p),
		Fields:  l.fields(o, p),
	}
	ep.Service, _ = getString(o, "service")
	ep.Route, _ = getString(o, "route")
	l.g.Entrypoints = append(l.g.Entrypoints, ep)
	switch k, ok := l.kinds[ep.Service]; {
	case ep.Service == "":
		if v, set := o["service"]; !set || v == "" { // another type is CUE's to report
			l.errs.add("", ep.Pos, fmt.Sprintf("entrypoint %s has no service", name),
				`add service: "NAME", the service that receives its requests`)
		}
	case !ok:
		if refsOK {
			var svcs []string
			for n, k := range l.kinds {
				if k == graph.Service {
					svcs = append(svcs, n)
				}
			}
			l.errs.add("", ep.FieldPos("service"),
				fmt.Sprintf("entrypoint %s sends requests to %q, which is not a declared service", name, ep.Service),
				l.suggest(ep.Service, svcs, "declare it under services"))
		}
	case k != graph.Service:
		l.errs.add("", ep.FieldPos("service"),
			fmt.Sprintf("entrypoint %s sends requests to %q, which is %s, not a service", name, ep.Service, article(k)),
			"an entrypoint's service must be declared under services")
	}
}

func (l *loader) settings(o obj, refsOK bool) {
	p := fieldPath{"settings"}
	s := &l.g.Settings
	s.Pos = l.posOf(p)
	s.Fields = l.fields(o, p, "thresholds", "severity")
	s.Enable, _ = getStrings(o, "enable")
	s.Disable, _ = getStrings(o, "disable")
	s.Exclude, _ = getStrings(o, "exclude")
	s.Mesh, _ = getString(o, "mesh")
	for i, g := range s.Exclude {
		if err := graph.CheckGlob(g); err != nil {
			l.errs.add("", l.posOf(p.with("exclude", indexElem(i))), fmt.Sprintf("settings.exclude[%d] %q: %v", i, g, err),
				`write a slash-separated path glob relative to the module root, such as "test/**" or "**/testutil/*.go"`)
		}
	}
	if sev, ok := o["severity"].(obj); ok {
		s.Severity = map[string]string{}
		for _, rule := range sortedKeys(sev) {
			if v, ok := sev[rule].(string); ok {
				s.Severity[rule] = v
			}
		}
	}
	if t, ok := o["thresholds"].(obj); ok {
		s.MaxAmplification, _ = getFloat(t, "maxAmplification")
		s.SharedFateMin, _ = getInt(t, "sharedFateMin")
	}
	list, _ := o["ignore"].([]any)
	for i, x := range list {
		io, ok := x.(obj)
		if !ok {
			continue
		}
		ip := p.with("ignore", indexElem(i))
		si := graph.SettingsIgnore{Pos: l.posOf(ip)}
		si.Rule, _ = getString(io, "rule")
		si.Subject, _ = getString(io, "subject")
		si.Reason, _ = getString(io, "reason")
		where := fmt.Sprintf("settings.ignore[%d]", i)
		switch {
		case si.Rule == "":
			l.errs.add("", si.Pos, where+" names no rule", `add rule: "NAME", the rule to suppress`)
		case si.Subject == "":
			l.errs.add("", si.Pos, where+" has no subject",
				`add subject: a node, an edge "from->to", an entrypoint, or "*" for all`)
		case refsOK && !l.isSubject(si.Subject):
			l.errs.add("", l.posOf(ip.with("subject")),
				fmt.Sprintf("subject %q of %s names no node, edge or entrypoint", si.Subject, where),
				l.suggest(si.Subject, l.subjects(), `an edge is written "from->to"; "*" means every subject`))
		}
		s.Ignore = append(s.Ignore, si)
	}
	wrappers, _ := o["wrappers"].([]any)
	for i, x := range wrappers {
		wo, ok := x.(obj)
		if !ok {
			continue
		}
		w := graph.Wrapper{Pos: l.posOf(p.with("wrappers", indexElem(i)))}
		w.Func, _ = getString(wo, "func")
		w.Provides, _ = getStrings(wo, "provides")
		where := fmt.Sprintf("settings.wrappers[%d]", i)
		switch {
		case strings.TrimSpace(w.Func) == "":
			l.errs.add("", w.Pos, where+" names no function",
				`add func: "example.com/pkg.Func" or "(*example.com/pkg.Type).Method"`)
		case len(w.Provides) == 0:
			l.errs.add("", w.Pos, fmt.Sprintf("%s (%s) provides nothing", where, w.Func),
				`add provides: a list of "breaker", "retry" and "timeout"`)
		}
		s.Wrappers = append(s.Wrappers, w)
	}
	remotes, _ := o["remotes"].([]any)
	for i, x := range remotes {
		ro, ok := x.(obj)
		if !ok {
			continue
		}
		r := graph.Remote{Pos: l.posOf(p.with("remotes", indexElem(i)))}
		r.Func, _ = getString(ro, "func")
		r.Kind, _ = getString(ro, "kind")
		if c, ok := getInt(ro, "context"); ok {
			r.Context = &c
		}
		r.Waits, _ = getBool(ro, "waits")
		r.Bounded, _ = getBool(ro, "bounded")
		where := fmt.Sprintf("settings.remotes[%d]", i)
		switch {
		case strings.TrimSpace(r.Func) == "":
			l.errs.add("", r.Pos, where+" names no function",
				`add func: "(*example.com/pkg.Client).Method", or "(*example.com/pkg.Client).*" for every method that takes a context`)
		case r.Kind == "":
			l.errs.add("", r.Pos, fmt.Sprintf("%s (%s) has no kind", where, r.Func),
				`add kind: what it reaches, such as "http", "grpc", "sql" or "redis"`)
		}
		s.Remotes = append(s.Remotes, r)
	}
}

// isSubject reports whether s names a node, an entrypoint, an edge or all.
func (l *loader) isSubject(s string) bool {
	if s == "*" || l.nodes[s] != nil || l.hasEntrypoint(s) {
		return true
	}
	from, to, ok := strings.Cut(s, "->")
	if !ok {
		return false
	}
	for _, e := range l.g.Edges {
		if e.From == from && e.To == to {
			return true
		}
	}
	return false
}

// hasEntrypoint is Graph.Entrypoint before the graph is indexed.
func (l *loader) hasEntrypoint(name string) bool {
	for _, ep := range l.g.Entrypoints {
		if ep.Name == name {
			return true
		}
	}
	return false
}

func (l *loader) subjects() []string {
	s := slices.Collect(maps.Keys(l.nodes))
	for _, ep := range l.g.Entrypoints {
		s = append(s, ep.Name)
	}
	for _, e := range l.g.Edges {
		s = append(s, e.Key())
	}
	slices.Sort(s)
	return s
}

// suggest returns "did you mean X?" for the candidate nearest to s, or
// otherwise.
func (l *loader) suggest(s string, candidates []string, otherwise string) string {
	slices.Sort(candidates)
	if n := graph.Nearest(s, candidates); n != "" {
		return fmt.Sprintf("did you mean %s?", n)
	}
	return otherwise
}

// durationSyntax matches what time.ParseDuration parses, whatever the size
// of the numbers.
var durationSyntax = regexp.MustCompile(`^[-+]?(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+$`)

// duration reads a duration field and reports one that Go cannot parse.
func (l *loader) duration(o obj, key string, p fieldPath) time.Duration {
	s, ok := o[key].(string)
	if !ok {
		return 0
	}
	d, err := time.ParseDuration(s)
	switch {
	case err != nil && durationSyntax.MatchString(s):
		l.errs.add("dur|"+p.with(key).String(), l.posOf(p.with(key)),
			fmt.Sprintf("%s: %q is out of range: a duration is at most 2562047h (about 292 years)", key, s),
			`give the real bound, such as "30s" or "24h"`)
		return 0
	case err != nil:
		l.errs.add("dur|"+p.with(key).String(), l.posOf(p.with(key)),
			fmt.Sprintf("%s: %q is not a duration", key, s), `use a Go duration such as "2s" or "150ms"`)
		return 0
	case d <= 0:
		l.errs.add("dur|"+p.with(key).String(), l.posOf(p.with(key)),
			fmt.Sprintf("%s: %q is not a positive duration", key, s),
			"give a duration greater than zero, or remove the field to declare none")
		return 0
	}
	return d
}

// checkFields reports the fields of x that the schema does not allow. CUE
// reports them too, but not in a struct that has another error; this finds
// them all.
func (l *loader) checkFields(x any, sh *shape, p fieldPath) {
	switch {
	case sh == nil:
	case sh.isMap:
		if m, ok := x.(obj); ok {
			for k, v := range m {
				l.checkFields(v, sh.elem, p.with(k))
			}
		}
	case sh.isList:
		if list, ok := x.([]any); ok {
			for i, v := range list {
				l.checkFields(v, sh.elem, p.with(indexElem(i)))
			}
		}
	}
	if sh == nil || sh.fields == nil {
		return
	}
	if m, ok := x.(obj); ok {
		for k, v := range m {
			if f, ok := sh.fields[k]; ok {
				l.checkFields(v, f, p.with(k))
			} else {
				l.unknownField(p.with(k), sh, graph.Pos{})
			}
		}
	}
}

// unknownField reports a field that the schema does not allow. parent is
// the shape of the struct it is in; at is CUE's position for it, if any.
func (l *loader) unknownField(p fieldPath, parent *shape, at graph.Pos) {
	if !at.IsValid() {
		at = l.posOf(p)
	}
	name := p[len(p)-1]
	hint := ""
	if parent != nil && len(parent.names) > 0 {
		hint = l.suggest(name, slices.Clone(parent.names), "allowed here: "+strings.Join(parent.names, ", "))
	}
	l.errs.add("unknown|"+p.String(), at, fmt.Sprintf("%s: field not allowed", name), hint)
}

// attributes turns the @faultline attributes on nodes, edges and entrypoints
// into Ignore entries, and reports those that are anywhere else.
func (l *loader) attributes() {
	if len(l.ix.attrs) == 0 {
		return
	}
	used := map[*ast.Attribute]bool{}
	take := func(p fieldPath, skip func(fieldPath) bool) []graph.Ignore {
		attrs := l.ix.attrsBelow(p, skip)
		slices.SortFunc(attrs, func(a, b *ast.Attribute) int { return l.comparePos(a.Pos(), b.Pos()) })
		var ig []graph.Ignore
		for _, a := range attrs {
			if used[a] {
				continue
			}
			used[a] = true
			if i, ok := l.parseAttr(a); ok {
				ig = append(ig, i)
			}
		}
		return ig
	}
	isEdge := func(rel fieldPath) bool { return len(rel) == 2 && rel[0] == "dependsOn" }
	for _, n := range l.g.Nodes {
		sec := ""
		for _, s := range sections {
			if s.kind == n.Kind {
				sec = s.key
			}
		}
		n.Ignore = take(fieldPath{sec, n.Name}, isEdge)
	}
	for _, e := range l.g.Edges {
		e.Ignore = take(fieldPath{"services", e.From, "dependsOn", e.To}, nil)
	}
	for _, ep := range l.g.Entrypoints {
		ep.Ignore = take(fieldPath{"entrypoints", ep.Name}, nil)
	}
	for _, a := range l.ix.attrs {
		if !used[a] {
			l.errs.add("", l.pos(a.Pos()), "@faultline attribute is not on a node, an edge or an entrypoint",
				"put it on the service, datastore, queue, external, dependsOn entry or entrypoint whose findings it suppresses, or inside it")
		}
	}
}

// parseAttr reads @faultline(ignore="RULE", reason="…").
func (l *loader) parseAttr(a *ast.Attribute) (graph.Ignore, bool) {
	ig := graph.Ignore{Pos: l.pos(a.Pos())}
	const usage = `write @faultline(ignore="RULE", reason="why the finding does not apply")`
	_, body := a.Split()
	seen := map[string]bool{}
	for _, arg := range splitArgs(body) {
		key, val, ok := strings.Cut(arg, "=")
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if !ok || key == "" {
			l.errs.add("", ig.Pos, fmt.Sprintf("@faultline argument %q is not key=value", arg), usage)
			return ig, false
		}
		if strings.HasPrefix(val, `"`) || strings.HasPrefix(val, "#") {
			s, err := literal.Unquote(val)
			if err != nil {
				l.errs.add("", ig.Pos, fmt.Sprintf("@faultline %s: %s is not a valid string", key, val), usage)
				return ig, false
			}
			val = s
		}
		if seen[key] {
			l.errs.add("", ig.Pos, fmt.Sprintf("@faultline has %s twice", key), "write one attribute per rule")
			return ig, false
		}
		seen[key] = true
		switch key {
		case "ignore":
			ig.Rule = val
		case "reason":
			ig.Reason = val
		default:
			l.errs.add("", ig.Pos, fmt.Sprintf("@faultline has an unknown key %q", key),
				l.suggest(key, []string{"ignore", "reason"}, usage))
			return ig, false
		}
	}
	if strings.TrimSpace(ig.Rule) == "" {
		l.errs.add("", ig.Pos, "@faultline attribute names no rule to ignore", usage)
		return ig, false
	}
	return ig, true
}

// splitArgs splits an attribute body at the commas that are outside quotes
// and brackets.
func splitArgs(body string) []string {
	var args []string
	depth, start := 0, 0
	inStr, esc := false, false
	for i, r := range body {
		switch {
		case esc:
			esc = false
		case inStr && r == '\\':
			esc = true
		case r == '"':
			inStr = !inStr
		case inStr:
		case r == '(' || r == '[' || r == '{':
			depth++
		case r == ')' || r == ']' || r == '}':
			depth--
		case r == ',' && depth == 0:
			args = append(args, body[start:i])
			start = i + 1
		}
	}
	if rest := body[start:]; strings.TrimSpace(rest) != "" || len(args) > 0 {
		args = append(args, rest)
	}
	return args
}

// Typed getters: a value of the wrong type reads as absent (CUE reports it).

func getString(o obj, k string) (string, bool) {
	s, ok := o[k].(string)
	return s, ok
}

func getStringOr(o obj, k, def string) string {
	if s, ok := o[k].(string); ok {
		return s
	}
	return def
}

func getBool(o obj, k string) (bool, bool) {
	b, ok := o[k].(bool)
	return b, ok
}

func getInt(o obj, k string) (int, bool) {
	n, ok := o[k].(json.Number)
	if !ok {
		return 0, false
	}
	i, err := n.Int64()
	if err != nil || int64(int(i)) != i {
		return 0, false
	}
	return int(i), true
}

func getFloat(o obj, k string) (float64, bool) {
	n, ok := o[k].(json.Number)
	if !ok {
		return 0, false
	}
	f, err := n.Float64()
	if err != nil {
		return 0, false
	}
	return f, true
}

func getStrings(o obj, k string) ([]string, bool) {
	list, ok := o[k].([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(list))
	for _, x := range list {
		s, ok := x.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}
