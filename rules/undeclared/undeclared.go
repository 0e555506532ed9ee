package undeclared

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("undeclared", docMD)

// Rule is undeclared's catalogue entry.
var Rule = &lint.Rule{
	Name:     "undeclared",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Warning,
	Check:    check,
}

// hasTopology reports whether any node of g comes from a topology: without
// one, every edge is from code and nothing is undeclared.
func hasTopology(g *graph.Graph) bool {
	for _, n := range g.Nodes {
		if n.Source&graph.FromTopology != 0 {
			return true
		}
	}
	return false
}

func check(pass *lint.GraphPass) {
	g := pass.Graph
	for _, a := range g.Ambiguities {
		c := a.Call
		msg := "cannot tell which dependency of " + a.Caller + " the call " + c.API + " in " + lint.ShortFunc(c.Func) +
			" (" + c.Target + ") reaches: " + strings.Join(a.Candidates, ", ") + " match equally; add match hints (env, host, grpc) to those edges"
		var related []lint.Related
		if len(a.Routes) > 0 {
			var served []string
			for i, r := range a.Routes {
				served = append(served, a.Candidates[i]+" ("+r.String()+")")
				related = append(related, lint.Related{Pos: r.Pos, Message: a.Candidates[i] + " serves " + r.String() + " here"})
			}
			msg = "cannot tell which service the call " + c.API + " of " + a.Caller + " in " + lint.ShortFunc(c.Func) +
				" (" + c.Target + ") reaches: its path matches routes of " + strings.Join(served, ", ") +
				"; name the service in the address (an environment variable or host named after it) or declare the edge in a topology"
		}
		pass.Report(lint.Finding{
			Severity: lint.Note,
			Message:  msg,
			Related:  related,
			Pos:      c.Pos,
			Service:  a.Caller,
			Subject:  "ambiguous|" + a.Caller + "|" + c.Func + "|" + c.API,
		})
	}
	if !hasTopology(g) {
		return
	}
	for _, e := range g.Edges {
		if e.Source != graph.FromCode || len(e.Calls) == 0 {
			continue
		}
		c := e.Calls[0]
		what := "the dependency " + e.To
		if n := g.Node(e.To); n != nil && n.Source&graph.FromTopology != 0 {
			what = n.Kind.String() + " " + e.To
		}
		msg := e.From + " calls " + what + " (" + c.Target + ") in " + lint.ShortFunc(c.Func)
		if len(e.Calls) > 1 {
			msg += " and " + plural(len(e.Calls)-1, "other place")
		}
		msg += ", but the topology declares no such dependency: the graph rules cannot see it; add services." + e.From + ".dependsOn." + quoteKey(e.To)
		pass.Report(lint.Finding{
			Message: msg,
			Pos:     c.Pos,
			Service: e.From,
			Target:  e.To,
			Subject: "edge=" + e.Key(),
			Related: related(e),
		})
	}
	for _, n := range g.Nodes {
		if n.Kind == graph.Service && n.Source == graph.FromCode && len(n.Packages) > 0 && len(g.Out(n.Name))+len(g.In(n.Name)) > 0 {
			pass.Report(lint.Finding{
				Severity: lint.Note,
				Message:  "service " + n.Name + " (package " + n.Packages[0] + ") is in the code but not in the topology: add services." + quoteKey(n.Name) + " with its package",
				Pos:      n.Pos,
				Service:  n.Name,
				Subject:  "service=" + n.Name,
			})
		}
	}
}

func related(e *graph.Edge) []lint.Related {
	var rs []lint.Related
	for _, c := range e.Calls {
		rs = append(rs, lint.Related{Pos: c.Pos, Message: "call in " + lint.ShortFunc(c.Func)})
	}
	return rs
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// quoteKey writes a CUE field name, quoted when it is not an identifier.
func quoteKey(s string) string {
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return `"` + s + `"`
		}
	}
	return s
}
