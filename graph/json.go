package graph

import (
	"slices"
	"time"
)

// JSON is the graph as `-format json` writes it: plain data with durations
// as Go duration strings and no positions.
type JSON struct {
	Nodes       []NodeJSON       `json:"nodes"`
	Edges       []EdgeJSON       `json:"edges"`
	Entrypoints []EntrypointJSON `json:"entrypoints,omitempty"`
}

// NodeJSON is a node in JSON.
type NodeJSON struct {
	Name       string   `json:"name"`
	Kind       string   `json:"kind"`
	Replicas   int      `json:"replicas,omitempty"` // omitted when unknown
	Zones      []string `json:"zones,omitempty"`
	Regions    []string `json:"regions,omitempty"`
	Team       string   `json:"team,omitempty"`
	Tier       string   `json:"tier,omitempty"`
	Packages   []string `json:"packages,omitempty"`
	Engine     string   `json:"engine,omitempty"`
	HA         string   `json:"ha,omitempty"`
	DeadLetter string   `json:"deadLetter,omitempty"`
	Vendor     string   `json:"vendor,omitempty"`
	Serves     []string `json:"serves,omitempty"` // protocols a service learned from code serves ("http", "grpc", "kafka consumer")
	Client     bool     `json:"client,omitempty"` // a program that serves nothing and only calls out
	Health     []string `json:"health,omitempty"` // the health routes and gRPC health services its code registers
	Source     string   `json:"source"`
}

// EdgeJSON is an edge in JSON.
type EdgeJSON struct {
	From               string `json:"from"`
	To                 string `json:"to"`
	Protocol           string `json:"protocol,omitempty"`
	Mode               string `json:"mode"`
	Criticality        string `json:"criticality"`
	Timeout            string `json:"timeout,omitempty"`
	Deadline           string `json:"deadline,omitempty"`
	PropagatesDeadline bool   `json:"propagatesDeadline,omitempty"`
	Attempts           int    `json:"attempts"`
	Backoff            string `json:"backoff,omitempty"`
	Jitter             bool   `json:"jitter,omitempty"`
	Breaker            bool   `json:"breaker"`
	// Observed is whether telemetry records the edge's calls ("yes",
	// "no"), omitted when unknown.
	Observed   string `json:"observed,omitempty"`
	Fallback   string `json:"fallback,omitempty"`
	Idempotent bool   `json:"idempotent"`
	Group      string `json:"group,omitempty"`
	Via        string `json:"via,omitempty"`
	Source     string `json:"source"`
	Calls      int    `json:"calls,omitempty"` // call sites in code
	// Routes are the routes of the target that linked calls to it by
	// their path, "GET /api/cart".
	Routes []string `json:"routes,omitempty"`
}

// EntrypointJSON is an entrypoint in JSON.
type EntrypointJSON struct {
	Name    string `json:"name"`
	Service string `json:"service"`
	Timeout string `json:"timeout,omitempty"`
	Tier    string `json:"tier,omitempty"`
	Route   string `json:"route,omitempty"`
	// Inferred entrypoints are learned from code, with no topology: the
	// protocol served and how the entrypoint was inferred.
	Inferred bool   `json:"inferred,omitempty"`
	Protocol string `json:"protocol,omitempty"`
	Why      string `json:"why,omitempty"`
}

func dur(d time.Duration) string {
	if d == 0 {
		return ""
	}
	return d.String()
}

// ToJSON returns the graph's JSON form.
func (g *Graph) ToJSON() JSON {
	j := JSON{Nodes: []NodeJSON{}, Edges: []EdgeJSON{}}
	for _, n := range g.Nodes {
		nj := NodeJSON{
			Name: n.Name, Kind: n.Kind.String(), Zones: n.Zones, Regions: n.Regions, Team: n.Team,
			Tier: n.Tier, Packages: n.Packages, Engine: n.Engine, HA: n.HA, DeadLetter: n.DeadLetter,
			Vendor: n.Vendor, Client: n.Client, Source: n.Source.String(),
		}
		for _, sv := range n.Serves {
			nj.Serves = append(nj.Serves, sv.Label())
		}
		if n.ReplicasKnown {
			nj.Replicas = n.Replicas
		}
		if n.Health != nil {
			nj.Health = n.Health.Endpoints
		}
		j.Nodes = append(j.Nodes, nj)
	}
	for _, e := range g.Edges {
		mode, crit := e.Mode, e.Criticality
		if mode == "" {
			mode = ModeSync
		}
		if crit == "" {
			crit = Hard
		}
		var routes []string
		for _, c := range e.Calls {
			if c.Route != nil {
				r := c.Route.String()
				if !slices.Contains(routes, r) {
					routes = append(routes, r)
				}
			}
		}
		observed := ""
		if e.Observed != Unknown {
			observed = e.Observed.String()
		}
		j.Edges = append(j.Edges, EdgeJSON{
			Observed: observed,
			From:     e.From, To: e.To, Protocol: e.Protocol, Mode: mode, Criticality: crit,
			Timeout: dur(e.Timeout), Deadline: dur(e.Deadline), PropagatesDeadline: e.PropagatesDeadline,
			Attempts: e.Attempts(), Backoff: e.Retries.Backoff, Jitter: e.Retries.Jitter,
			Breaker: e.Breaker, Fallback: e.Fallback, Idempotent: e.Idempotent, Group: e.Group,
			Via: e.Via, Source: e.Source.String(), Calls: len(e.Calls), Routes: routes,
		})
	}
	for _, ep := range g.Entrypoints {
		j.Entrypoints = append(j.Entrypoints, EntrypointJSON{
			Name: ep.Name, Service: ep.Service, Timeout: dur(ep.Timeout), Tier: ep.Tier, Route: ep.Route,
			Inferred: ep.Inferred, Protocol: ep.Protocol, Why: ep.Why,
		})
	}
	return j
}
