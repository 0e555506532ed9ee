package queuehygiene

import (
	_ "embed"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/graphrule"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("queuehygiene", docMD)

// Rule is queuehygiene's catalogue entry.
var Rule = &lint.Rule{
	Name:     "queuehygiene",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Warning,
	Check:    check,
}

// listed is how many clients a message names.
const listed = 5

// check reports, for every queue the topology declares:
//
//   - no deadLetter, unless the queue is itself another queue's dead-letter
//     queue;
//   - every service connected to it runs a single replica. The model does
//     not say which edges to a queue produce and which consume (both are
//     written as dependsOn from the service), so every service with an
//     edge to the queue counts as a client, and the queue is reported only
//     when all of them have exactly one known replica: then its consumer,
//     whichever it is, certainly does.
func check(pass *lint.GraphPass) {
	g := pass.Graph
	if g == nil {
		return
	}
	isDLQ := map[string]bool{}
	for _, n := range g.Nodes {
		if n.Kind == graph.Queue && n.DeadLetter != "" {
			isDLQ[n.DeadLetter] = true
		}
	}
	from, _ := g.Ends()
	for i, q := range g.Nodes {
		if q.Kind != graph.Queue || q.Source&graph.FromTopology == 0 {
			continue
		}
		if q.DeadLetter == "" && !isDLQ[q.Name] {
			pass.Report(lint.Finding{
				Message: "queue " + q.Name + " has no dead-letter queue: a message that keeps failing is retried forever, blocking the ones behind it, or silently dropped; set deadLetter to a queue you monitor",
				Pos:     q.FieldPos("deadLetter"),
				Service: q.Name,
				Subject: q.Name + "|deadLetter",
			})
		}
		var clients []*graph.Node
		single := true
		for _, ei := range g.InIndex(i) {
			if from[ei] < 0 {
				continue
			}
			c := g.Nodes[from[ei]]
			if c.Kind != graph.Service || len(clients) > 0 && clients[len(clients)-1] == c {
				continue
			}
			clients = append(clients, c)
			if !c.ReplicasKnown || c.Replicas != 1 {
				single = false
			}
		}
		if len(clients) == 0 || !single {
			continue
		}
		var names []string
		var related []lint.Related
		for _, c := range clients {
			names = append(names, c.Name)
			related = append(related, lint.Related{Pos: c.FieldPos("replicas"), Message: c.Name + " runs 1 replica"})
		}
		who := "its only client, " + names[0] + ", runs"
		if len(names) > 1 {
			who = "all its clients (" + graphrule.List(names, listed) + ") run"
		}
		pass.Report(lint.Finding{
			Message: "queue " + q.Name + ": " + who + " a single replica, so its consumer stops whenever that instance does and messages pile up; run 2 or more replicas of the consumer",
			Pos:     clients[0].FieldPos("replicas"),
			Service: q.Name,
			Subject: q.Name + "|consumers",
			Related: related,
		})
	}
}
