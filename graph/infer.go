package graph

import (
	"slices"
	"strings"
)

// InferEntrypoints classifies the services of a graph learned from code
// alone and infers its entrypoints, replacing g.Entrypoints. It is for
// graphs with no topology: a topology's declared entrypoints are the
// truth, and nothing is inferred beside them.
//
// A service is called when a service of the system (not a client) has an
// edge to it. Then:
//
//   - A service learned from code that serves nothing its code shows (no
//     server, no consumer: Node.Serves is empty) and that nothing calls is
//     a client (Node.Client): a program that only calls out. A node that
//     something calls serves, whatever its code shows; it is not a client.
//   - A service that starts a server (HTTP, gRPC) and that no service calls
//     is an entrypoint: the requests it serves come from outside. A server
//     that only serves operators (Health.OpsOnly: health checks, metrics,
//     profiling) does not count: its requests are not the users'.
//   - A service that consumes from a queue that no service of the system
//     writes to (the queue is fed from outside, or by a client) is an
//     entrypoint too, over the queue's protocol. A consumer whose queue the
//     code does not name says nothing of who feeds it: no entrypoint.
//
// Each service gives at most one entrypoint, named after the service and
// the protocols it is entered by ("frontend-http", "api-grpc-http",
// "worker-kafka"), with Inferred set, its Protocol, the position of its
// first server or consumer, and Why, a sentence saying how it was
// inferred. Index must have been called; InferEntrypoints indexes g again.
func (g *Graph) InferEntrypoints() {
	g.Entrypoints = nil
	for _, n := range g.Nodes {
		n.Client = false
	}
	// Clients first: a call from a client does not make a service called.
	for i, n := range g.Nodes {
		if n.Kind == Service && n.Source == FromCode && len(n.Serves) == 0 && len(g.in[i]) == 0 {
			n.Client = true
		}
	}
	calledBy := func(i int) []string {
		var out []string
		for _, ei := range g.in[i] {
			e := g.Edges[ei]
			if from := g.Node(e.From); from != nil && from.Kind == Service && !from.Client && e.From != e.To {
				out = append(out, e.From)
			}
		}
		return out
	}
	// fedInside reports whether a service of the system sends to queue q.
	fedInside := func(q string) bool {
		i := g.NodeIndex(q)
		if i < 0 {
			return false
		}
		for _, ei := range g.in[i] {
			e := g.Edges[ei]
			from := g.Node(e.From)
			if from == nil || from.Client {
				continue
			}
			if len(e.Calls) == 0 || slices.ContainsFunc(e.Calls, func(c CallSite) bool { return !c.Consume }) {
				return true
			}
		}
		return false
	}
	for i, n := range g.Nodes {
		if n.Kind != Service || n.Client || len(n.Serves) == 0 {
			continue
		}
		var protos, why []string
		var pos Pos
		add := func(s Serving, what string) {
			if !slices.Contains(protos, s.Protocol) {
				protos = append(protos, s.Protocol)
			}
			if !pos.IsValid() {
				pos = s.Pos
			}
			why = append(why, what)
		}
		if len(calledBy(i)) == 0 && (n.Health == nil || !n.Health.OpsOnly) {
			for _, s := range servers(n.Serves) {
				add(s, n.Name+" starts "+article(s.Protocol)+" "+serverWord(s.Protocol)+" server ("+s.API+" at "+s.Pos.String()+")")
			}
			if len(why) > 0 {
				why[len(why)-1] += ", and no service of the system calls it"
			}
		}
		for _, e := range g.Out(n.Name) {
			to := g.Node(e.To)
			if to == nil || to.Kind != Queue || fedInside(e.To) {
				continue
			}
			for _, c := range e.Calls {
				if !c.Consume {
					continue
				}
				s := Serving{Protocol: e.Protocol, Consumer: true, API: c.API, Pos: c.Pos}
				add(s, n.Name+" consumes from queue "+e.To+" ("+c.API+" at "+c.Pos.String()+"), which no service of the system writes to")
				break
			}
		}
		if len(protos) == 0 {
			continue
		}
		name := n.Name + "-" + strings.Join(protos, "-")
		g.Entrypoints = append(g.Entrypoints, &Entrypoint{
			Name: name, Service: n.Name, Tier: TierStandard, Inferred: true,
			Protocol: strings.Join(protos, ", "), Why: strings.Join(why, "; "), Pos: pos,
		})
	}
	g.Index()
}

// servers returns the servers among ss, HTTP before gRPC before the rest,
// one per protocol.
func servers(ss []Serving) []Serving {
	var out []Serving
	for _, s := range ss {
		if !s.Consumer && !slices.ContainsFunc(out, func(o Serving) bool { return o.Protocol == s.Protocol }) {
			out = append(out, s)
		}
	}
	rank := func(p string) int {
		switch p {
		case "http":
			return 0
		case "grpc":
			return 1
		}
		return 2
	}
	slices.SortStableFunc(out, func(a, b Serving) int {
		if c := rank(a.Protocol) - rank(b.Protocol); c != 0 {
			return c
		}
		return strings.Compare(a.Protocol, b.Protocol)
	})
	return out
}

func serverWord(protocol string) string {
	switch protocol {
	case "http":
		return "HTTP"
	case "grpc":
		return "gRPC"
	}
	return protocol
}

func article(protocol string) string {
	if protocol == "http" {
		return "an"
	}
	return "a"
}
