package topology

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/format"
	"cuelang.org/go/cue/literal"
	"cuelang.org/go/cue/token"

	"github.com/faultline-dev/faultline/graph"
)

// Format writes g as topology CUE, for `faultline init` and for tools that
// edit a topology: entrypoints, then services (with their dependsOn edges),
// datastores, queues, externals and settings, each sorted by name, in
// cue fmt style. Only fields whose value differs from the default are
// written, so that loading the text gives back g (positions aside), and
// suppressions are written as @faultline attributes inside the struct of
// the node, edge or entrypoint they belong to. Nodes whose replica count is
// not known (learned from code) are written without replicas. An inferred
// entrypoint is written like a declared one, under a comment that says how
// it was inferred; a client (Node.Client) is written under services, for its
// calls, under a comment that says it is one. The output has no package
// clause.
//
// Format reports an error for a graph that no topology can describe: a name
// that a topology rejects (empty, "*", with a space or "->"), two nodes of
// one name, a node without a kind, an edge that does not start at a service
// or that ends at no node, an entrypoint whose service is not a service, a
// dead-letter queue that is not another queue.
func Format(g *graph.Graph) ([]byte, error) {
	if g == nil {
		return nil, fmt.Errorf("topology: Format of a nil graph")
	}
	kinds := map[string]graph.Kind{}
	for _, n := range g.Nodes {
		if bad := nameProblem(n.Name); bad != "" {
			return nil, fmt.Errorf("topology: node name %q %s", n.Name, bad)
		}
		if k, dup := kinds[n.Name]; dup {
			return nil, fmt.Errorf("topology: %q is both a %s and a %s", n.Name, k, n.Kind)
		}
		if _, ok := sectionOf(n.Kind); !ok {
			return nil, fmt.Errorf("topology: node %q has no kind", n.Name)
		}
		kinds[n.Name] = n.Kind
	}
	for _, n := range g.Nodes {
		if n.Kind == graph.Queue && n.DeadLetter != "" && (kinds[n.DeadLetter] != graph.Queue || n.DeadLetter == n.Name) {
			return nil, fmt.Errorf("topology: the deadLetter %q of queue %q is not another queue", n.DeadLetter, n.Name)
		}
	}
	out := map[string][]*graph.Edge{}
	for _, e := range g.Edges {
		if kinds[e.From] != graph.Service {
			return nil, fmt.Errorf("topology: edge %s starts at %q, which is not a service: only services have dependsOn", e.Key(), e.From)
		}
		if _, ok := kinds[e.To]; !ok {
			return nil, fmt.Errorf("topology: edge %s ends at %q, which is not a node", e.Key(), e.To)
		}
		out[e.From] = append(out[e.From], e)
	}
	for _, ep := range g.Entrypoints {
		if bad := nameProblem(ep.Name); bad != "" {
			return nil, fmt.Errorf("topology: entrypoint name %q %s", ep.Name, bad)
		}
		if kinds[ep.Service] != graph.Service {
			return nil, fmt.Errorf("topology: entrypoint %q sends requests to %q, which is not a service", ep.Name, ep.Service)
		}
	}

	// Each top-level declaration is formatted on its own and joined as
	// text: written as one syntax tree, the formatter would either keep
	// "services: {frontend: {…}}" or, simplifying, also collapse every
	// one-field struct inside ("retries: attempts: 3").
	var b strings.Builder
	decl := func(prefix []string, body *ast.StructLit, newSection bool, comment string) error {
		text, err := format.Node(body)
		if err != nil {
			return fmt.Errorf("topology: formatting: %v", err)
		}
		if b.Len() > 0 {
			b.WriteString("\n")
			if newSection {
				b.WriteString("\n")
			}
		}
		for _, line := range wrap(comment, 76) {
			b.WriteString("// " + line + "\n")
		}
		for _, p := range prefix {
			lt, err := format.Node(label(p))
			if err != nil {
				return fmt.Errorf("topology: formatting: %v", err)
			}
			b.Write(lt)
			b.WriteString(": ")
		}
		b.Write(text)
		return nil
	}
	eps := slices.Clone(g.Entrypoints)
	slices.SortFunc(eps, func(a, b *graph.Entrypoint) int { return strings.Compare(a.Name, b.Name) })
	for i, ep := range eps {
		comment := ""
		switch {
		case ep.Inferred:
			comment = "Inferred from the code: " + ep.Why + ". Keep, rename or delete it; set the users' timeout."
		case ep.Why != "":
			comment = "From the deployment manifests: " + ep.Why + ". Keep, rename or delete it; set the users' timeout."
		}
		if err := decl([]string{"entrypoints", ep.Name}, entrypointBody(ep), i == 0 || comment != "", comment); err != nil {
			return nil, err
		}
	}
	nodes := slices.Clone(g.Nodes)
	slices.SortFunc(nodes, func(a, b *graph.Node) int { return strings.Compare(a.Name, b.Name) })
	for _, s := range sections {
		first := true
		for _, n := range nodes {
			if n.Kind != s.kind {
				continue
			}
			body := nodeBody(n, out[n.Name])
			comment := ""
			if n.Client {
				comment = n.Name + " is a client: its code starts no server and consumes no queue, and no service calls it. " +
					"It is declared for its calls; no entrypoint enters by it, so it is never a single point of failure."
			}
			if c := deployedComment(n); c != "" {
				comment = strings.TrimSpace(comment + " " + c)
			}
			if err := decl([]string{s.key, n.Name}, body, first || isBlock(body), comment); err != nil {
				return nil, err
			}
			first = false
		}
	}
	if st := settingsBody(&g.Settings); st != nil {
		if err := decl([]string{"settings"}, st, true, ""); err != nil {
			return nil, err
		}
	}
	if b.Len() == 0 {
		return nil, nil
	}
	b.WriteString("\n")
	// Formatting the text again aligns the values of consecutive fields as
	// cue fmt does.
	text, err := format.Source([]byte(b.String()))
	if err != nil {
		return nil, fmt.Errorf("topology: formatting: %v", err)
	}
	return text, nil
}

func sectionOf(k graph.Kind) (string, bool) {
	for _, s := range sections {
		if s.kind == k {
			return s.key, true
		}
	}
	return "", false
}

// keywords cannot be written as bare labels without risk of being read as
// syntax.
var keywords = map[string]bool{
	"package": true, "import": true, "for": true, "in": true, "if": true, "let": true,
	"true": true, "false": true, "null": true, "func": true,
}

func label(name string) ast.Label {
	if keywords[name] || strings.HasPrefix(name, "__") {
		return ast.NewString(name)
	}
	return ast.NewStringLabel(name)
}

// field returns a field of the schema; userField one whose label is a name
// the user chose.
func field(name string, v ast.Expr) *ast.Field {
	return &ast.Field{Label: ast.NewIdent(name), Value: v}
}

func userField(name string, v ast.Expr) *ast.Field { return &ast.Field{Label: label(name), Value: v} }

// inline returns a struct written on one line.
func inline(fs ...ast.Decl) *ast.StructLit {
	for _, f := range fs {
		ast.SetRelPos(f, token.Blank)
	}
	return &ast.StructLit{Elts: fs, Lbrace: token.Blank.Pos(), Rbrace: token.Blank.Pos()}
}

// block returns a struct written one field per line.
func block(fs ...ast.Decl) *ast.StructLit {
	for _, f := range fs {
		ast.SetRelPos(f, token.Newline)
	}
	return &ast.StructLit{Elts: fs, Lbrace: token.Blank.Pos(), Rbrace: token.Newline.Pos()}
}

func isBlock(s *ast.StructLit) bool { return s.Rbrace.RelPos() == token.Newline }

func str(s string) ast.Expr { return ast.NewString(s) }

func integer(i int) ast.Expr { return ast.NewLit(token.INT, strconv.Itoa(i)) }

func float(f float64) ast.Expr {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		return ast.NewLit(token.INT, s)
	}
	return ast.NewLit(token.FLOAT, s)
}

func boolean(b bool) ast.Expr { return ast.NewBool(b) }

func dur(d time.Duration) ast.Expr { return str(d.String()) }

func strList(ss []string) ast.Expr {
	es := make([]ast.Expr, len(ss))
	for i, s := range ss {
		es[i] = str(s)
	}
	return ast.NewList(es...)
}

// ignoreAttrs writes suppressions as declaration attributes.
func ignoreAttrs(igs []graph.Ignore) []ast.Decl {
	var ds []ast.Decl
	for _, ig := range igs {
		text := "@faultline(ignore=" + literal.String.Quote(ig.Rule)
		if ig.Reason != "" {
			text += ", reason=" + literal.String.Quote(ig.Reason)
		}
		ds = append(ds, &ast.Attribute{Text: text + ")"})
	}
	return ds
}

// body returns a struct of the given declarations: on one line when it is
// small and has no attributes, one per line otherwise.
func body(ds []ast.Decl, blockAlways bool) *ast.StructLit {
	hasAttr := slices.ContainsFunc(ds, func(d ast.Decl) bool { _, ok := d.(*ast.Attribute); return ok })
	if blockAlways || hasAttr || len(ds) > 6 {
		return block(ds...)
	}
	return inline(ds...)
}

func nodeBody(n *graph.Node, out []*graph.Edge) *ast.StructLit {
	ds := ignoreAttrs(n.Ignore)
	add := func(name string, v ast.Expr) { ds = append(ds, field(name, v)) }
	if n.Kind == graph.Service {
		switch len(n.Packages) {
		case 0:
		case 1:
			add("package", str(n.Packages[0]))
		default:
			add("package", strList(n.Packages))
		}
	}
	if n.ReplicasKnown && (n.Replicas != 1 || fromManifest(n, "replicas")) {
		add("replicas", integer(n.Replicas))
	}
	if len(n.Zones) > 0 {
		add("zones", strList(n.Zones))
	}
	if len(n.Regions) > 0 {
		add("regions", strList(n.Regions))
	}
	if n.Team != "" {
		add("team", str(n.Team))
	}
	switch len(n.Manifest) {
	case 0:
		if n.Deployed != nil && n.Deployed.Name != "" {
			// The workload the manifests matched, so that the next run
			// ties them whatever the names become.
			add("match", inline(field("manifest", str(n.Deployed.Name))))
		}
	case 1:
		add("match", inline(field("manifest", str(n.Manifest[0]))))
	default:
		add("match", inline(field("manifest", strList(n.Manifest))))
	}
	switch n.Kind {
	case graph.Service:
		if n.Tier != "" && n.Tier != graph.TierStandard {
			add("tier", str(n.Tier))
		}
		if s := n.Server; s != nil {
			var sd []ast.Decl
			if s.RequestTimeout > 0 {
				sd = append(sd, field("requestTimeout", dur(s.RequestTimeout)))
			}
			if s.MaxConcurrency > 0 {
				sd = append(sd, field("maxConcurrency", integer(s.MaxConcurrency)))
			}
			if s.LoadShedding {
				sd = append(sd, field("loadShedding", boolean(true)))
			}
			add("server", inline(sd...))
		}
		if len(out) > 0 {
			edges := slices.Clone(out)
			slices.SortFunc(edges, func(a, b *graph.Edge) int { return strings.Compare(a.To, b.To) })
			var es []ast.Decl
			for _, e := range edges {
				es = append(es, userField(e.To, edgeBody(e)))
			}
			add("dependsOn", block(es...))
		}
		return body(ds, true)
	case graph.Datastore:
		if n.Engine != "" {
			add("engine", str(n.Engine))
		}
		if n.HA != "" && n.HA != graph.HASingle {
			add("ha", str(n.HA))
		}
	case graph.Queue:
		if n.Engine != "" {
			add("engine", str(n.Engine))
		}
		if n.DeadLetter != "" {
			add("deadLetter", str(n.DeadLetter))
		}
		if n.MaxLength > 0 {
			add("maxLength", integer(n.MaxLength))
		}
		if n.MaxAge > 0 {
			add("maxAge", dur(n.MaxAge))
		}
	case graph.External:
		if n.Vendor != "" {
			add("vendor", str(n.Vendor))
		}
	}
	return body(ds, false)
}

func edgeBody(e *graph.Edge) *ast.StructLit {
	ds := ignoreAttrs(e.Ignore)
	add := func(name string, v ast.Expr) { ds = append(ds, field(name, v)) }
	if e.Protocol != "" && e.Protocol != "http" {
		add("protocol", str(e.Protocol))
	}
	if e.Mode != "" && e.Mode != graph.ModeSync {
		add("mode", str(e.Mode))
	}
	if e.Criticality != "" && e.Criticality != graph.Hard {
		add("criticality", str(e.Criticality))
	}
	if e.Timeout > 0 {
		add("timeout", dur(e.Timeout))
	}
	if e.Deadline > 0 {
		add("deadline", dur(e.Deadline))
	}
	if e.PropagatesDeadline {
		add("propagatesDeadline", boolean(true))
	}
	var rd []ast.Decl
	if e.Retries.Attempts > 1 {
		rd = append(rd, field("attempts", integer(e.Retries.Attempts)))
	}
	if e.Retries.Backoff != "" {
		rd = append(rd, field("backoff", str(e.Retries.Backoff)))
	}
	if e.Retries.Jitter {
		rd = append(rd, field("jitter", boolean(true)))
	}
	if e.Retries.Budget > 0 {
		rd = append(rd, field("budget", float(e.Retries.Budget)))
	}
	if len(rd) > 0 {
		add("retries", inline(rd...))
	}
	if e.Breaker {
		add("breaker", boolean(true))
	}
	if e.Fallback != "" {
		add("fallback", str(e.Fallback))
	}
	if !e.Idempotent {
		add("idempotent", boolean(false))
	}
	if e.Group != "" {
		add("group", str(e.Group))
	}
	if e.Via != "" && e.Via != graph.ViaCode {
		add("via", str(e.Via))
	}
	var md []ast.Decl
	if len(e.Match.Env) > 0 {
		md = append(md, field("env", strList(e.Match.Env)))
	}
	if len(e.Match.Host) > 0 {
		md = append(md, field("host", strList(e.Match.Host)))
	}
	if len(e.Match.GRPC) > 0 {
		md = append(md, field("grpc", strList(e.Match.GRPC)))
	}
	if len(md) > 0 {
		add("match", inline(md...))
	}
	return body(ds, false)
}

// fromManifest reports whether the node's field was learned from a
// deployment manifest: its position is the manifest's.
func fromManifest(n *graph.Node, field string) bool {
	d := n.Deployed
	if d == nil {
		return false
	}
	switch field {
	case "replicas":
		return d.ReplicasKnown && n.FieldPos("replicas") == d.ReplicasPos
	case "zones":
		return len(d.Zones) > 0 && n.FieldPos("zones") == d.ZonesPos
	}
	return false
}

// deployedComment says what of a node was learned from the deployment
// manifests, and where.
func deployedComment(n *graph.Node) string {
	d := n.Deployed
	if d == nil {
		return ""
	}
	var what []string
	if fromManifest(n, "replicas") {
		if d.ReplicasFrom == "replicas" {
			what = append(what, "replicas from "+d.ReplicasPos.String())
		} else {
			what = append(what, fmt.Sprintf("replicas from %s (%s)", d.ReplicasFrom, d.ReplicasPos))
		}
	}
	if fromManifest(n, "zones") {
		what = append(what, fmt.Sprintf("zones from %s", d.ZonesPos))
	}
	if len(what) == 0 {
		return "Runs as " + d.Workload + " (" + d.Pos.String() + ")."
	}
	return "Runs as " + d.Workload + " (" + d.Pos.String() + "): " + strings.Join(what, ", ") + "."
}

func entrypointBody(ep *graph.Entrypoint) *ast.StructLit {
	ds := ignoreAttrs(ep.Ignore)
	add := func(name string, v ast.Expr) { ds = append(ds, field(name, v)) }
	add("service", str(ep.Service))
	if ep.Timeout > 0 {
		add("timeout", dur(ep.Timeout))
	}
	if ep.Tier != "" && ep.Tier != graph.TierStandard {
		add("tier", str(ep.Tier))
	}
	if ep.Route != "" {
		add("route", str(ep.Route))
	}
	return body(ds, false)
}

func settingsBody(s *graph.Settings) *ast.StructLit {
	var ds []ast.Decl
	if len(s.Enable) > 0 {
		ds = append(ds, field("enable", strList(s.Enable)))
	}
	if len(s.Disable) > 0 {
		ds = append(ds, field("disable", strList(s.Disable)))
	}
	if len(s.Severity) > 0 {
		var fs []ast.Decl
		for _, r := range slices.Sorted(maps.Keys(s.Severity)) {
			fs = append(fs, field(r, str(s.Severity[r])))
		}
		ds = append(ds, field("severity", inline(fs...)))
	}
	if len(s.Exclude) > 0 {
		ds = append(ds, field("exclude", strList(s.Exclude)))
	}
	if len(s.Ignore) > 0 {
		var es []ast.Expr
		for _, ig := range s.Ignore {
			fs := []ast.Decl{field("rule", str(ig.Rule)), field("subject", str(ig.Subject))}
			if ig.Reason != "" {
				fs = append(fs, field("reason", str(ig.Reason)))
			}
			es = append(es, inline(fs...))
		}
		ds = append(ds, field("ignore", listBlock(es)))
	}
	if len(s.Wrappers) > 0 {
		var es []ast.Expr
		for _, w := range s.Wrappers {
			es = append(es, inline(field("func", str(w.Func)), field("provides", strList(w.Provides))))
		}
		ds = append(ds, field("wrappers", listBlock(es)))
	}
	if len(s.Remotes) > 0 {
		var es []ast.Expr
		for _, r := range s.Remotes {
			fs := []ast.Decl{field("func", str(r.Func)), field("kind", str(r.Kind))}
			if r.Context != nil {
				fs = append(fs, field("context", integer(*r.Context)))
			}
			if r.Waits {
				fs = append(fs, field("waits", boolean(true)))
			}
			if r.Bounded {
				fs = append(fs, field("bounded", boolean(true)))
			}
			es = append(es, inline(fs...))
		}
		ds = append(ds, field("remotes", listBlock(es)))
	}
	var td []ast.Decl
	if s.MaxAmplification > 0 {
		td = append(td, field("maxAmplification", float(s.MaxAmplification)))
	}
	if s.SharedFateMin > 0 {
		td = append(td, field("sharedFateMin", integer(s.SharedFateMin)))
	}
	if len(td) > 0 {
		ds = append(ds, field("thresholds", inline(td...)))
	}
	if len(ds) == 0 {
		return nil
	}
	return block(ds...)
}

// listBlock returns a list written one element per line.
func listBlock(es []ast.Expr) *ast.ListLit {
	for _, e := range es {
		ast.SetRelPos(e, token.Newline)
	}
	return &ast.ListLit{Elts: es, Lbrack: token.Blank.Pos(), Rbrack: token.Newline.Pos()}
}

// wrap splits text into lines of at most width bytes, at spaces (a longer
// word has a line of its own).
func wrap(text string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(text) {
		if cur.Len() > 0 && cur.Len()+1+len(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
