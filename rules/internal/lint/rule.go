// Package lint is the framework faultline's rules are written in: the Rule
// type that the catalogue lists, rule documentation parsed from each rule's
// doc.md, severities, the suppression-aware reporter that code rules report
// through (so `//faultline:ignore` works under `go vet` too), and the pass
// that graph rules receive.
package lint

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/graph"
)

// Severity orders findings for the CI gate. The zero value means "the
// rule's default".
type Severity int

// Severities, lowest first.
const (
	Note Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "none"
}

// ParseSeverity parses "note", "warning" or "error".
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "note":
		return Note, true
	case "warning":
		return Warning, true
	case "error":
		return Error, true
	}
	return 0, false
}

// Rule is one entry of the catalogue. A rule has a code side (an
// *analysis.Analyzer that runs under `go vet` and `faultline check`), a graph
// side (a check over the system graph, run by `faultline check`), or both.
type Rule struct {
	Name     string
	Summary  string // one line, lower case, no final period
	Doc      string // the whole documentation, Markdown
	Severity Severity

	// Categories maps a diagnostic's Category to its severity, for rules
	// whose findings are not all equally serious. Findings without a
	// category, or with one not listed, have the rule's Severity.
	Categories map[string]Severity

	Analyzer *analysis.Analyzer // the code side; nil for graph-only rules
	Check    func(*GraphPass)   // the graph side; nil for code-only rules

	// Refine, for a code rule whose findings depend on the whole system,
	// judges the rule's code findings once the code is joined to the
	// system graph g: it returns one Verdict per finding of fs, in order.
	// Under go vet, which has no graph, no finding is dropped (and a rule
	// reports findings that only the system can confirm only when
	// Config.System says a driver will refine them).
	Refine func(g *graph.Graph, fs []CodeFinding) []Verdict
	// Group, given the finding at the top of a chain of findings that
	// Refine linked with Verdict.Upstream and what the chain reaches,
	// words the chain's line in the summary: one line per chain, so that
	// fixing its top clears it.
	Group func(top CodeFinding, calls, services int) string
	// ServiceGroup, given a service's node and its findings of the rule
	// of one category that no chain groups (kept, not suppressed, in file
	// order), words one summary line when one fix at the service clears
	// them all (the request contexts of every handler of a server with no
	// deadline: one timeout at the server); "" when they are separate
	// problems.
	ServiceGroup func(n *graph.Node, fs []CodeFinding) string

	// SameAs, for a graph rule, names the code rules whose findings report
	// the same problem as its own at one of an edge's call sites (no
	// timeout on the edge and none on the call): where the code finding
	// shares the graph finding's service and one of its call sites, the
	// two are one finding, the code one (where the fix goes), naming the
	// graph one's position as related.
	SameAs []string
	// SameIf, when set, limits SameAs to the graph findings whose Subject
	// it accepts: a rule with several kinds of findings (drift) names the
	// code rule that reports the same problem for one kind only.
	SameIf func(subject string) bool

	// Audit, for a rule about suppressions, runs after every other rule
	// and after the driver applied the suppressions, and reports through
	// the pass; the pass's Suppressions says which were used.
	Audit func(*GraphPass)
}

// CodeFinding is what Refine is told of a finding of a code rule.
type CodeFinding struct {
	Category string      // the diagnostic's category
	Service  string      // the service of the system the finding's code belongs to, or ""
	Pos      graph.Pos   // where it is reported
	Related  []graph.Pos // the positions of its related information (call sites)
	Sites    []graph.Pos // every call it concerns (Evidence.Sites), or nil
	Entry    string      // see Evidence.Entry
	Message  string      // the finding's message
	// Suppressed: a directive in the source silenced it (the user's word
	// that it is not a problem).
	Suppressed bool
}

// Keep is the verdicts of a filter: each finding keep rejects is dropped.
func Keep(fs []CodeFinding, keep func(CodeFinding) bool) []Verdict {
	out := make([]Verdict, len(fs))
	for i, f := range fs {
		out[i].Drop = !keep(f)
	}
	return out
}

// DropOnEdges is a Refine for code findings about a dependency: it drops a
// finding when every call it names as related lies only on edges of g for
// which settled holds (the graph or the topology answers for them), and
// keeps it when it names no call, or a call the graph does not place.
func DropOnEdges(g *graph.Graph, fs []CodeFinding, settled func(*graph.Edge) bool) []Verdict {
	edgesAt := map[graph.Pos][]*graph.Edge{}
	for _, e := range g.Edges {
		for _, c := range e.Calls {
			edgesAt[c.Pos] = append(edgesAt[c.Pos], e)
		}
	}
	return Keep(fs, func(f CodeFinding) bool {
		if len(f.Related) == 0 {
			return true
		}
		for _, r := range f.Related {
			es := edgesAt[r]
			if len(es) == 0 {
				return true // a call the graph does not place
			}
			for _, e := range es {
				if !settled(e) {
					return true
				}
			}
		}
		return false
	})
}

// A Verdict is Refine's judgement of one code finding: drop it, or keep
// it with more related positions (what upstream makes it a problem).
type Verdict struct {
	Drop    bool
	Related []Related
	// Upstream is 1 + the index of the finding whose problem makes this
	// one a problem (the caller's call with no deadline), 0 for none:
	// the findings a top finding reaches this way are one group.
	Upstream int
}

// Suppressions tells an Audit which of the topology's suppressions the
// driver used, and which rules ran.
type Suppressions interface {
	Used(ig *graph.Ignore) bool // an @faultline(ignore=…) attribute
	UsedSetting(i int) bool     // the entry g.Settings.Ignore[i]
	Ran(rule string) bool       // the rule ran in this run
}

// SeverityOf returns the severity of a finding of r in the given category.
func (r *Rule) SeverityOf(category string) Severity {
	if s, ok := r.Categories[category]; ok {
		return s
	}
	return r.Severity
}

// Doc is a rule's documentation split into its parts.
type Doc struct {
	Name    string
	Summary string
	Body    string // everything after the title line
}

var titleRE = regexp.MustCompile(`^# ([a-z][a-z0-9]*): (\S.*)$`)

// ParseDoc parses a rule's doc.md: a first line "# NAME: summary" followed
// by Markdown with at least the sections the catalogue requires.
func ParseDoc(md string) (Doc, error) {
	title, body, _ := strings.Cut(md, "\n")
	m := titleRE.FindStringSubmatch(strings.TrimRight(title, "\r"))
	if m == nil {
		return Doc{}, fmt.Errorf("doc.md must start with a line \"# name: summary\", got %q", title)
	}
	summary := m[2]
	if strings.HasSuffix(summary, ".") {
		return Doc{}, fmt.Errorf("rule %s: summary must not end with a period", m[1])
	}
	for _, section := range []string{"## Why it matters", "## How to fix", "## Bad", "## Good"} {
		if !strings.Contains(body, "\n"+section) {
			return Doc{}, fmt.Errorf("rule %s: doc.md has no %q section", m[1], section)
		}
	}
	return Doc{Name: m[1], Summary: summary, Body: strings.TrimLeft(body, "\n")}, nil
}

// MustParseDoc is ParseDoc for package initialisation: documentation is part
// of the program, and a malformed one is a bug caught by every test.
func MustParseDoc(name, md string) Doc {
	d, err := ParseDoc(md)
	if err != nil {
		panic(err)
	}
	if d.Name != name {
		panic(fmt.Sprintf("doc.md of rule %s is titled %q", name, d.Name))
	}
	return d
}

// AnalyzerDoc is the Doc string of a rule's analyzer: the summary, then the
// body, as go/analysis expects ("title\n\ndetails").
func (d Doc) AnalyzerDoc() string { return d.Summary + "\n\n" + d.Body }

// URL is where a rule's documentation is published.
func URL(name string) string {
	return "https://github.com/faultline-dev/faultline/blob/main/rules/" + name + "/doc.md"
}

// GraphPass is what a graph rule's Check receives: the whole system graph
// and a way to report findings.
type GraphPass struct {
	Graph *graph.Graph
	Rule  *Rule

	// Suppressions is set for an Audit.
	Suppressions Suppressions

	// Shared, when set, holds what the passes of one run over the same
	// graph compute once for all of them (see Requirements).
	Shared *Shared

	findings []Finding
}

// NewGraphPass returns a pass of rule r over g.
func NewGraphPass(r *Rule, g *graph.Graph) *GraphPass { return &GraphPass{Graph: g, Rule: r} }

// Shared is what the graph rules of one run share: results that several
// rules derive from the same graph, computed by the first rule that asks
// and handed to the others (the rules run concurrently). The graph must not
// change while its passes share one.
type Shared struct {
	reqOnce sync.Once
	req     *graph.Requirements
}

// Requirements returns the required sets and blast radius of the pass's
// graph (graph.Graph.Requirements), once per Shared.
func (p *GraphPass) Requirements() *graph.Requirements {
	if p.Shared == nil {
		return p.Graph.Requirements()
	}
	p.Shared.reqOnce.Do(func() { p.Shared.req = p.Graph.Requirements() })
	return p.Shared.req
}

// Report records a finding. A zero Severity means the rule's default.
func (p *GraphPass) Report(f Finding) {
	if f.Severity == 0 {
		f.Severity = p.Rule.Severity
	}
	p.findings = append(p.findings, f)
}

// Findings returns what the pass reported, in report order.
func (p *GraphPass) Findings() []Finding { return p.findings }

// Finding is a graph rule's report: what is wrong, where to change it, and
// which part of the system it concerns.
type Finding struct {
	Severity Severity
	Message  string
	Pos      graph.Pos // the CUE field (or Go line) to change

	Service string   // the node the finding belongs to (an edge's caller)
	Target  string   // the other end of an edge finding
	Path    []string // node names of a path finding, entrypoint's service first
	Entry   string   // the entrypoint a per-entrypoint finding concerns
	// Entrypoints lists every entrypoint the finding concerns when there
	// may be many (the blast radius of a single point of failure): the
	// message names only a few.
	Entrypoints []string

	// Subject identifies what the finding is about, independently of line
	// numbers; it is the input of the finding's fingerprint. When empty,
	// one is derived from Entry, Service, Target and Path.
	Subject string

	Related []Related // further places: each node of a path, each call site
}

// Related is a secondary location of a finding.
type Related struct {
	Pos     graph.Pos
	Message string
}

// MarshalText writes the severity's name, as JSON and SARIF show it.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText parses a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, ok := ParseSeverity(string(b))
	if !ok {
		return fmt.Errorf("unknown severity %q: want note, warning or error", b)
	}
	*s = v
	return nil
}

// ResultOf returns the result of type T among the results of the analyzers
// the pass's analyzer requires. Results are found by type, not by
// analyzer: a run binds copies of the analyzers to its configuration (see
// package config), so the catalogue's analyzer values are not the keys of
// pass.ResultOf. It returns the zero T when no requirement has one.
func ResultOf[T any](pass *analysis.Pass) T {
	for _, r := range pass.ResultOf {
		if t, ok := r.(T); ok {
			return t
		}
	}
	var zero T
	return zero
}
