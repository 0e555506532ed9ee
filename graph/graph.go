// Package graph is faultline's model of a distributed system: the services,
// datastores, queues and third parties it is made of, the dependency edges
// between them with the protection each edge has (timeouts, retries, circuit
// breakers, fallbacks), and the entrypoints where users' requests arrive.
//
// A Graph is built from a CUE topology (package graph/topology), from call
// sites found in Go code, or from both joined. The package holds the model
// and the graph algorithms the rules share; it uses the standard library
// only and knows nothing of rules, Go analysis or CUE.
//
// Names are the identity of nodes and entrypoints. Every slice in a Graph is
// kept sorted (nodes and entrypoints by name, edges by From then To) so that
// everything derived from it is deterministic.
package graph

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Pos is a position in a source file: a CUE topology file or a Go file.
// File is relative to the directory findings are reported against (the
// module root or the topology's directory) and uses forward slashes.
// Line and Col are 1-based; the zero Pos is "no position".
type Pos struct {
	File string
	Line int
	Col  int
}

// IsValid reports whether p names a place in a file.
func (p Pos) IsValid() bool { return p.File != "" && p.Line > 0 }

// String formats p as file:line:col, the Go convention.
func (p Pos) String() string {
	if !p.IsValid() {
		return "-"
	}
	if p.Col > 0 {
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Kind is what a node is.
type Kind uint8

// The kinds of node.
const (
	Service Kind = iota + 1
	Datastore
	Queue
	External
)

var kindNames = [...]string{Service: "service", Datastore: "datastore", Queue: "queue", External: "external"}

func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", k)
}

// Source says where a node or an edge was learned from.
type Source uint8

// The sources of a node or edge. Both means the topology declares it and
// call sites in code were tied to it.
const (
	FromTopology Source = 1 << iota
	FromCode
	FromBoth = FromTopology | FromCode
)

func (s Source) String() string {
	switch s {
	case FromTopology:
		return "topology"
	case FromCode:
		return "code"
	case FromBoth:
		return "both"
	}
	return "unknown"
}

// Datastore high-availability modes (the `ha` field).
const (
	HASingle     = "single"
	HAReplicated = "replicated"
	HAQuorum     = "quorum"
	HAManaged    = "managed"
)

// Service tiers (the `tier` field).
const (
	TierCritical   = "critical"
	TierStandard   = "standard"
	TierBestEffort = "best-effort"
)

// Edge modes and criticalities.
const (
	ModeSync  = "sync"
	ModeAsync = "async"
	Hard      = "hard"
	Soft      = "soft"
	ViaCode   = "code"
	ViaMesh   = "mesh"
)

// Retry backoff kinds (the `retries.backoff` field).
const (
	BackoffNone        = "none"
	BackoffConstant    = "constant"
	BackoffExponential = "exponential"
)

// Ignore is a suppression attached to a node, an edge or an entrypoint by a
// `@faultline(ignore="RULE", reason="…")` attribute, or listed in
// `settings.ignore`.
type Ignore struct {
	Rule   string
	Reason string
	Pos    Pos // where the attribute or list entry is written
}

// Server describes a service's own request server.
type Server struct {
	RequestTimeout time.Duration // 0: none declared
	MaxConcurrency int           // 0: unbounded
	LoadShedding   bool
}

// Node is a service, datastore, queue or external dependency.
type Node struct {
	Name string
	Kind Kind

	// Replicas is the number of running instances; the topology's default
	// of 1 is already applied. ReplicasKnown is false for nodes learned from
	// code alone, where the number is not known and rules that depend on it
	// must stay silent rather than guess.
	Replicas      int
	ReplicasKnown bool

	Zones   []string // failure domains its replicas are spread over
	Regions []string
	Team    string // owning team, used for clustering in pictures

	// Service fields.
	Packages []string // Go import path patterns that implement the service
	Tier     string   // TierCritical, TierStandard (default) or TierBestEffort
	Server   *Server  // nil when not declared

	// Serves lists how a service learned from code takes work, as its code
	// shows: the HTTP and gRPC servers it starts and the queues it consumes
	// from, one entry per protocol. Empty for nodes of a topology.
	Serves []Serving
	// Client marks a program learned from code that serves nothing (no
	// server, no consumer in its code) and that no service of the system
	// calls: a command-line tool, a load generator, a migration. It only
	// calls out, so it is never an entrypoint's service nor a single point
	// of failure; its edges are drawn and judged like any other.
	Client bool
	// Health is what the code shows of the service's health endpoints;
	// nil when no code of the node starts an HTTP or gRPC server.
	Health *Health

	// Datastore fields.
	Engine string
	HA     string // datastores: HASingle (default), HAReplicated, HAQuorum, HAManaged

	// Queue fields.
	DeadLetter string
	MaxLength  int
	MaxAge     time.Duration

	// External fields.
	Vendor string

	// Manifest lists the workloads of the deployment manifests that run
	// the node, by name ("checkout" or "Deployment/checkout"), as the
	// topology's match.manifest writes them: they override matching by
	// name. Deployed is what the matched workload says; nil without
	// manifests or when none matched.
	Manifest []string
	Deployed *Deployment

	Source Source
	Pos    Pos            // where the node is declared (or first seen in code)
	Fields map[string]Pos // where each field the user set is written, by CUE field name; a manifest's position for replicas and zones learned from it
	Ignore []Ignore
}

// Deployment is what deployment manifests (faultline -manifests) say of a
// node: the workload that runs it, how many pods it runs at least and the
// zones they run in, each with the position of the YAML that says so.
type Deployment struct {
	Workload string // "Deployment checkout", "compose service api"
	Name     string // the workload's name, "checkout"
	Pos      Pos    // the workload in its manifest

	// Replicas is the number of pods it runs at least: spec.replicas, the
	// default 1 when that is absent, or a HorizontalPodAutoscaler's
	// minReplicas. ReplicasKnown is false for a DaemonSet (one pod per
	// node, how many nodes is not in the manifests). ReplicasPos is the
	// line that says so (the workload's when the default applies) and
	// ReplicasFrom says what it is: "replicas", "the default of 1",
	// "HorizontalPodAutoscaler checkout minReplicas".
	Replicas      int
	ReplicasKnown bool
	ReplicasPos   Pos
	ReplicasFrom  string

	Zones    []string // the zones its pods run in; nil when the manifests do not say
	ZonesPos Pos
}

// FieldPos returns the position of the named field when the user wrote it,
// and the node's own position otherwise: the place to add the field.
func (n *Node) FieldPos(field string) Pos {
	if p, ok := n.Fields[field]; ok && p.IsValid() {
		return p
	}
	return n.Pos
}

// Redundant reports whether the node survives the loss of one instance:
// two or more replicas, or a datastore whose ha mode is replicated, quorum or
// managed.
func (n *Node) Redundant() bool {
	if n.Replicas >= 2 {
		return true
	}
	if n.Kind == Datastore {
		switch n.HA {
		case HAReplicated, HAQuorum, HAManaged:
			return true
		}
	}
	return false
}

// Serving is one way a service learned from code takes work: a server it
// starts or a queue it consumes from.
type Serving struct {
	Protocol string // "http", "grpc", or a queue's protocol ("kafka", "amqp", "nats", …) for a consumer
	Consumer bool   // a queue consumer's loop, not a server
	API      string // what starts it, e.g. "(*net/http.Server).ListenAndServe"
	Pos      Pos    // the call, relative to the root
}

// Health is what a service's code shows of the endpoints an orchestrator,
// a load balancer or a monitor can ask whether an instance works.
type Health struct {
	// Server is the first HTTP or gRPC server the service's code starts
	// (or registers gRPC services on).
	Server Serving
	// Endpoints lists the health routes and gRPC health services the code
	// registers: "GET /healthz", "grpc grpc.health.v1.Health".
	Endpoints []string
	// Unknown says why the code cannot tell whether the service has one,
	// when it cannot: routes whose paths the analysis cannot read, or an
	// imported health-check library.
	Unknown string
}

// Retries is an edge's retry policy.
type Retries struct {
	Attempts int     // total attempts, including the first; 1 when not retried
	Backoff  string  // BackoffNone, BackoffConstant or BackoffExponential; "" when not declared
	Jitter   bool    // randomness in the delay between attempts
	Budget   float64 // retry budget as a ratio of extra load (0.2 = 20%); 0: none
}

// Match holds hints that tie an edge to call sites in Go code.
type Match struct {
	Env  []string // environment variables, flags or config keys that hold the address
	Host []string // host names or host:port in URLs and dial targets
	GRPC []string // fully qualified gRPC service names
}

// Tri is what the code shows of a protection: present, absent, or not
// determinable. Unknown must never be read as absent.
type Tri int8

// The states of a Tri.
const (
	Unknown Tri = iota
	No
	Yes
)

func (t Tri) String() string {
	switch t {
	case No:
		return "no"
	case Yes:
		return "yes"
	}
	return "unknown"
}

// CallSite is an outbound call found in Go code and tied to an edge.
type CallSite struct {
	Pos    Pos    // the call, relative to the module root
	Func   string // the enclosing function, package-qualified
	API    string // the remote API called, e.g. "(*net/http.Client).Do"
	Kind   string // "http", "grpc", "sql", "redis", "kafka", "amqp", "tcp", …
	Target string // the target as the code shows it: "env PAYMENT_ADDR, gRPC service shop.v1.Payment"
	// Consume marks a queue consumer's read: the caller takes messages
	// from the queue rather than sending them.
	Consume bool
	// Request marks a call whose only context is an HTTP handler's
	// request context: the calling code sets no bound (Bound is No), and
	// whether the request is bounded is the server's business
	// (http.TimeoutHandler, the entrypoint's timeout), which ctxdeadline
	// judges. An edge learned from code does not count such calls as
	// unbounded: its timeout is unknown.
	Request bool

	Bound    Tri           // a timeout or deadline bounds the call
	Timeout  time.Duration // the bound, when it is a constant
	Breaker  Tri           // a circuit breaker guards the call
	Observed Tri           // telemetry (metrics, traces) records the call
	Attempts int           // attempts per call when known (1: no retry); 0 unknown
	Backoff  string        // the retry delay: none, constant or exponential; "" unknown

	// Route is the route of the called service that the call's path
	// matches, when that, not a name, linked the call to it.
	Route *Route
}

// Route is an HTTP route a service serves, as evidence of a call's target.
type Route struct {
	Method string // "" for any
	Path   string
	Pos    Pos
}

func (r Route) String() string {
	if r.Method == "" {
		return r.Path
	}
	return r.Method + " " + r.Path
}

// Edge is a dependency of one node on another.
type Edge struct {
	From, To string

	Protocol           string        // "http" (default), "grpc", "sql", …
	Mode               string        // ModeSync (default) or ModeAsync
	Criticality        string        // Hard (default) or Soft
	Timeout            time.Duration // per attempt; 0: none
	Deadline           time.Duration // overall bound including retries; 0: none
	PropagatesDeadline bool
	Retries            Retries
	Breaker            bool
	Fallback           string // what the caller does instead; "" when none
	Idempotent         bool   // default true
	Group              string // edges of one caller with the same group are alternatives
	Via                string // ViaCode (default) or ViaMesh
	Match              Match

	// Observed says whether telemetry records the edge's calls: Yes when
	// the topology declares it (ObservedReason then says why: a mesh's
	// sidecar, an agent) or every call in code passes through
	// instrumentation faultline reads, No when one provably does not,
	// Unknown otherwise. See also Graph.ObservedByDeclaration.
	Observed       Tri
	ObservedReason string

	// TimeoutUnknown marks edges learned from code where faultline could
	// not tell whether a timeout bounds the calls (a context from a
	// caller, a client from a parameter). Such edges count as bounded:
	// rules must not report what they cannot show.
	TimeoutUnknown bool

	Source Source
	Pos    Pos            // where the edge is declared (or the first call site)
	Fields map[string]Pos // where each field the user set is written, by CUE field name
	Ignore []Ignore
	Calls  []CallSite // call sites in code tied to this edge, sorted by position
}

// FieldPos returns the position of the named field when the user wrote it,
// and the edge's own position otherwise.
func (e *Edge) FieldPos(field string) Pos {
	if p, ok := e.Fields[field]; ok && p.IsValid() {
		return p
	}
	return e.Pos
}

// Sync reports whether the caller waits for the call.
func (e *Edge) Sync() bool { return e.Mode != ModeAsync }

// IsHard reports whether the caller fails when the call fails: a synchronous,
// hard edge with no fallback. Required sets follow hard edges only.
func (e *Edge) IsHard() bool {
	return e.Sync() && e.Criticality != Soft && e.Fallback == ""
}

// HasTimeout reports whether a timeout or a deadline bounds the edge (or,
// for edges from code, whether one may).
func (e *Edge) HasTimeout() bool { return e.Timeout > 0 || e.Deadline > 0 || e.TimeoutUnknown }

// Attempts is the number of attempts per call: retries.attempts, at least 1.
func (e *Edge) Attempts() int { return max(e.Retries.Attempts, 1) }

// Key is the edge's identity, "from->to".
func (e *Edge) Key() string { return e.From + "->" + e.To }

// Entrypoint is where users' requests enter the system.
type Entrypoint struct {
	Name    string
	Service string
	Timeout time.Duration // the users' deadline; 0: none declared
	Tier    string
	Route   string

	// Inferred marks an entrypoint learned from code, with no topology: a
	// serving service that no other service of the system calls, or a
	// consumer of a queue no service of the system feeds. Protocol is what
	// it is served over ("http", "grpc", or the queue's protocol) and Why
	// says how it was inferred, for init's comment and the reports. A
	// topology's declared entrypoints replace the inferred ones entirely.
	Inferred bool
	Protocol string
	Why      string

	Pos    Pos
	Fields map[string]Pos
	Ignore []Ignore
}

// FieldPos returns the position of the named field when the user wrote it,
// and the entrypoint's own position otherwise.
func (ep *Entrypoint) FieldPos(field string) Pos {
	if p, ok := ep.Fields[field]; ok && p.IsValid() {
		return p
	}
	return ep.Pos
}

// Wrapper declares a function of the user's own code that provides
// protection to the calls made inside the function value it is given.
type Wrapper struct {
	Func     string   // "example.com/platform/resilience.Do" or "(*example.com/x.Breaker).Run"
	Provides []string // "breaker", "retry", "timeout"
	Pos      Pos
}

// Remote declares a function or method of the user's own code (an
// in-house client) that performs a remote operation, for the code rules to
// treat like the client libraries faultline knows.
type Remote struct {
	Func    string // "(*example.com/platform/cache.Client).Get", or ".*" for every method that takes a context
	Kind    string // http, grpc, sql, redis, …
	Context *int   // the index of its context.Context parameter, -1 for none; nil: the first one
	Waits   bool   // it waits for work by design
	Bounded bool   // something other than its context bounds it
	Pos     Pos
}

// Settings is the analyzer configuration from the topology's `settings`.
type Settings struct {
	Enable   []string          // only these rules run, when not empty
	Disable  []string          // rules switched off
	Severity map[string]string // rule -> the severity of its findings
	Exclude  []string          // path globs: no findings on Go files there
	Ignore   []SettingsIgnore
	Wrappers []Wrapper
	Remotes  []Remote

	// Mesh names the service mesh the system runs in ("istio",
	// "linkerd", …), "" for none: its sidecars record the calls of every
	// network edge (HTTP and gRPC), which are observed whatever the code
	// shows.
	Mesh string

	// Thresholds; zero values mean the documented defaults.
	MaxAmplification float64 // retryamp: product of attempts above which a path is reported (10)
	SharedFateMin    int     // sharedfate: dependents that make a node shared (3)

	Pos    Pos
	Fields map[string]Pos
}

// SettingsIgnore is one entry of `settings.ignore`: a rule suppressed for a
// subject (a node name, an edge "from->to", an entrypoint name, or "*").
type SettingsIgnore struct {
	Rule    string
	Subject string
	Reason  string
	Pos     Pos
}

// Ambiguity is a call of a service that matches several edges of the
// topology equally well: the join cannot tell which dependency it reaches.
type Ambiguity struct {
	Caller     string
	Call       CallSite
	Candidates []string // the edges' targets, in the caller's edge order
	// Routes is set when the candidates are the services that serve a
	// route matching the call's path: their routes, in Candidates' order.
	Routes []Route
}

// UnmatchedPattern is a package pattern of a service of the topology that
// matches no package of the code analysed (which was the whole module).
type UnmatchedPattern struct {
	Node    string
	Pattern string
	Pos     Pos // the package field
}

// UnmatchedWorkload is a workload of the deployment manifests that no
// node of the graph matched (or that matched a node another workload
// already describes).
type UnmatchedWorkload struct {
	Workload string // "Deployment redis-cart"
	Pos      Pos
	Why      string // what the note says after the workload's name
}

// Exposure is a public route of the deployment manifests (a LoadBalancer
// or NodePort Service, an Ingress rule, a Gateway route) to a service at
// which no entrypoint of the topology enters.
type Exposure struct {
	Service  string
	Evidence string // "Service frontend-external (LoadBalancer)"
	Pos      Pos
}

// Graph is a whole system.
type Graph struct {
	Nodes       []*Node
	Edges       []*Edge
	Entrypoints []*Entrypoint
	Settings    Settings

	// What joining the code to the topology could not decide, for the
	// rules to report; empty without code or without a topology.
	Ambiguities       []Ambiguity
	UnmatchedPatterns []UnmatchedPattern

	// What the deployment manifests say that the graph cannot hold: the
	// workloads no node matched, and the public routes to services that
	// no entrypoint of the topology enters at.
	UnmatchedWorkloads []UnmatchedWorkload
	Exposures          []Exposure

	nodeIndex map[string]int
	out, in   [][]int // edge indices by node index
}

// Index sorts the graph and builds its lookup tables. Call it after the
// graph is built or changed; the other methods rely on it.
func (g *Graph) Index() {
	slices.SortFunc(g.Nodes, func(a, b *Node) int { return strings.Compare(a.Name, b.Name) })
	slices.SortFunc(g.Edges, func(a, b *Edge) int {
		if c := strings.Compare(a.From, b.From); c != 0 {
			return c
		}
		return strings.Compare(a.To, b.To)
	})
	slices.SortFunc(g.Entrypoints, func(a, b *Entrypoint) int { return strings.Compare(a.Name, b.Name) })
	g.nodeIndex = make(map[string]int, len(g.Nodes))
	for i, n := range g.Nodes {
		g.nodeIndex[n.Name] = i
	}
	g.out = make([][]int, len(g.Nodes))
	g.in = make([][]int, len(g.Nodes))
	for i, e := range g.Edges {
		f, okf := g.nodeIndex[e.From]
		t, okt := g.nodeIndex[e.To]
		if !okf || !okt {
			continue // dangling edges are input errors, reported by the loader
		}
		g.out[f] = append(g.out[f], i)
		g.in[t] = append(g.in[t], i)
	}
}

// Node returns the node with the given name, or nil.
func (g *Graph) Node(name string) *Node {
	if i, ok := g.nodeIndex[name]; ok {
		return g.Nodes[i]
	}
	return nil
}

// NodeIndex returns the index of the named node in g.Nodes, or -1.
func (g *Graph) NodeIndex(name string) int {
	if i, ok := g.nodeIndex[name]; ok {
		return i
	}
	return -1
}

// Out returns the edges leaving the named node, sorted by target.
func (g *Graph) Out(name string) []*Edge {
	i, ok := g.nodeIndex[name]
	if !ok {
		return nil
	}
	return g.edges(g.out[i])
}

// In returns the edges entering the named node, sorted by source.
func (g *Graph) In(name string) []*Edge {
	i, ok := g.nodeIndex[name]
	if !ok {
		return nil
	}
	return g.edges(g.in[i])
}

func (g *Graph) edges(idx []int) []*Edge {
	es := make([]*Edge, len(idx))
	for k, i := range idx {
		es[k] = g.Edges[i]
	}
	return es
}

// OutIndex returns the indices (into g.Edges) of the edges leaving node i.
// It is the allocation-free form of Out for algorithms.
func (g *Graph) OutIndex(i int) []int { return g.out[i] }

// InIndex returns the indices (into g.Edges) of the edges entering node i.
func (g *Graph) InIndex(i int) []int { return g.in[i] }

// Edge returns the edge from -> to, or nil.
func (g *Graph) Edge(from, to string) *Edge {
	for _, e := range g.Out(from) {
		if e.To == to {
			return e
		}
	}
	return nil
}

// Entrypoint returns the named entrypoint, or nil.
func (g *Graph) Entrypoint(name string) *Entrypoint {
	i, ok := slices.BinarySearchFunc(g.Entrypoints, name, func(ep *Entrypoint, n string) int {
		return strings.Compare(ep.Name, n)
	})
	if !ok {
		return nil
	}
	return g.Entrypoints[i]
}

// Label names the way of serving in a word or two: "http", "grpc", "kafka
// consumer".
func (s Serving) Label() string {
	if s.Consumer {
		return s.Protocol + " consumer"
	}
	return s.Protocol
}

// ObservedByDeclaration reports whether the topology makes the edge
// observed, whatever the code shows: it declares `observed: true`, or a
// service mesh (settings.mesh) records the calls of a network edge, or
// the edge goes through the mesh (via: mesh).
func (g *Graph) ObservedByDeclaration(e *Edge) bool {
	if _, declared := e.Fields["observed"]; declared && e.Observed == Yes {
		return true
	}
	if e.Via == ViaMesh {
		return true
	}
	if g.Settings.Mesh == "" {
		return false
	}
	switch e.Protocol {
	case "", "http", "grpc", "https", "http2":
		return true
	}
	return false
}

// Unobserved reports whether the edge is known to have no telemetry:
// nothing in the topology makes it observed, and code shows a call with
// none.
func (g *Graph) Unobserved(e *Edge) bool {
	return e.Observed == No && !g.ObservedByDeclaration(e)
}
