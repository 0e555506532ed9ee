package synccycle

import (
	_ "embed"
	"strconv"
	"strings"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/graphrule"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("synccycle", docMD)

// Rule is synccycle's catalogue entry.
var Rule = &lint.Rule{
	Name:     "synccycle",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Error,
	Check:    check,
}

// listed is how many members of a large component a message names.
const listed = 8

// check reports each strongly connected component of the synchronous
// edges that holds a cycle (two or more nodes, or a node calling itself)
// once, with a shortest cycle through its first member (by name). The
// finding is an error when every call of that cycle is hard, and a warning
// when one of them is soft (the cycle can degrade instead of lock up). It
// points at the call that closes the cycle, whose mode is one way to break
// it. Its subject is the component's members, so it stays the same when
// another cycle of the same component is picked.
func check(pass *lint.GraphPass) {
	g := pass.Graph
	if g == nil {
		return
	}
	comps := g.Components((*graph.Edge).Sync)
	for _, k := range comps.Topological() {
		if !comps.Cyclic(k) {
			continue
		}
		var path []*graph.Edge
		soft := false
		for _, ei := range comps.Cycle(k) {
			e := g.Edges[ei]
			path = append(path, e)
			soft = soft || e.Criticality == graph.Soft
		}
		members := comps.Members(k)
		var names []string
		for _, i := range members {
			names = append(names, g.Nodes[i].Name)
		}
		nodes := graphrule.PathNodes(path)
		closing := path[len(path)-1]
		var msg string
		if len(path) == 1 {
			msg = closing.From + " calls itself synchronously: a slow request ties up the threads that would serve the call it is waiting for, and one request can loop"
		} else {
			msg = "synchronous call cycle " + graphrule.Arrow(nodes) + ": a slow or failing member stalls the others, each waits on a call that waits on it, and requests can loop"
		}
		if len(members) > len(path) {
			msg += " (the cycle is part of a tangle of " + strconv.Itoa(len(members)) + " nodes: " + graphrule.List(names, listed) + ")"
		}
		msg += "; break it: make one call asynchronous or remove it"
		f := lint.Finding{
			Message: msg,
			Pos:     closing.FieldPos("mode"),
			Service: closing.From,
			Target:  closing.To,
			Path:    nodes,
			Subject: "cycle:" + strings.Join(names, ","),
			Related: graphrule.EdgeRelated(path, func(e *graph.Edge) string { return graphrule.EdgeName(e) + " is synchronous" }),
		}
		if soft {
			f.Severity = lint.Warning
		}
		pass.Report(f)
	}
}
