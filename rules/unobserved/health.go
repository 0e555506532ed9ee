package unobserved

import (
	"fmt"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// checkHealth reports each service whose code starts an HTTP or gRPC
// server and registers no endpoint an orchestrator or load balancer can
// ask whether an instance works: no health-like route (/healthz, /readyz,
// /ping, …) and no gRPC health service. Kubernetes then knows only that
// the process runs (or that its port accepts connections): an instance
// whose database pool is exhausted or whose dependencies all time out
// stays in rotation. A service whose routes the analysis cannot all read,
// or that imports a health-check library it does not model, is left
// alone (graph.Health.Unknown). Consumers with no server are not judged:
// they have no port to probe.
func checkHealth(pass *lint.GraphPass) {
	g := pass.Graph
	if g == nil {
		return
	}
	for _, n := range g.Nodes {
		h := n.Health
		if n.Kind != graph.Service || n.Client || h == nil || len(h.Endpoints) > 0 || h.Unknown != "" {
			continue
		}
		var fix string
		switch h.Server.Protocol {
		case "grpc":
			fix = "register gRPC's health service (google.golang.org/grpc/health: healthpb.RegisterHealthServer(srv, health.NewServer())) and point the probes at it"
		default:
			fix = "serve /healthz (the process works) and /readyz (it can take traffic: pools, caches, required dependencies) and point the probes at them"
		}
		pass.Report(lint.Finding{
			Severity: lint.Note,
			Message: fmt.Sprintf("%s serves %s with no health or readiness endpoint: an orchestrator can only see that the process runs, so an instance that is up but cannot serve stays in rotation; %s",
				n.Name, protocolName(h.Server.Protocol), fix),
			Pos:     h.Server.Pos,
			Service: n.Name,
			Subject: n.Name + "|health",
		})
	}
}

func protocolName(p string) string {
	if p == "grpc" {
		return "gRPC"
	}
	return "HTTP"
}
