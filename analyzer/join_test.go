package analyzer

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

func TestNormalizeName(t *testing.T) {
	for _, tc := range []struct {
		kind, in, want string
	}{
		{rules.HintEnv, "PAYMENT_SERVICE_ADDR", "payment"},
		{rules.HintEnv, "DATABASE_URL", "database"},
		// Generic words only: no name (trap: -grpc-addr is not a service "grpc").
		{rules.HintEnv, "URL", ""},
		{rules.HintFlag, "grpc-addr", ""},
		{rules.HintEnv, "SERVER_ADDR", ""},
		{rules.HintFlag, "customer-service-hostname", "customer"},
		{rules.HintHost, "payment:8080", "payment"},
		{rules.HintHost, "payment-svc.prod.svc.cluster.local:443", "payment"},
		{rules.HintGRPC, "hipstershop.PaymentService", "payment"},
		{rules.HintGRPC, "jaeger.storage.v1.SpanReaderPlugin", "span-reader-plugin"},
		{rules.HintTopic, "shop.orders.placed.v1", "shop-orders-placed-v1"},
		{"", "orders-db", "orders-db"},
		{"", "ProductCatalogService", "product-catalog"},
		// Addresses that name no service: the loopback, any address, an IP.
		{rules.HintHost, "127.0.0.1", ""},
		{rules.HintHost, "127.0.0.1:4317", ""},
		{rules.HintHost, "0.0.0.0:8080", ""},
		{rules.HintHost, "[::1]:80", ""},
		{rules.HintHost, "localhost:6379", ""},
	} {
		if got := NormalizeName(tc.kind, tc.in); got != tc.want {
			t.Errorf("NormalizeName(%q, %q) = %q, want %q", tc.kind, tc.in, got, tc.want)
		}
	}
}

func hints(kv ...string) []rules.CallHint {
	var hs []rules.CallHint
	for i := 0; i+1 < len(kv); i += 2 {
		hs = append(hs, rules.CallHint{Kind: kv[i], Value: kv[i+1]})
	}
	return hs
}

func TestMatchScore(t *testing.T) {
	pg := &graph.Node{Name: "orders-db", Kind: graph.Datastore, Engine: "postgres"}
	cache := &graph.Node{Name: "cache", Kind: graph.Datastore, Engine: "redis"}
	payment := &graph.Node{Name: "payment", Kind: graph.Service}
	for _, tc := range []struct {
		name  string
		kind  rules.CallKind
		hints []rules.CallHint
		edge  graph.Edge
		to    *graph.Node
		want  int
	}{
		{"env hint", "grpc", hints(rules.HintEnv, "PAY_ADDR"), graph.Edge{To: "payment", Match: graph.Match{Env: []string{"PAY_ADDR"}}}, payment, 3},
		{"flag hint matches an env entry", "grpc", hints(rules.HintFlag, "pay-addr"), graph.Edge{To: "payment", Match: graph.Match{Env: []string{"pay-addr"}}}, payment, 3},
		{"host hint, port ignored", "http", hints(rules.HintHost, "api.pay.com:443"), graph.Edge{To: "stripe", Match: graph.Match{Host: []string{"api.pay.com"}}}, nil, 3},
		{"grpc hint", "grpc", hints(rules.HintGRPC, "shop.v1.Payment"), graph.Edge{To: "payment", Match: graph.Match{GRPC: []string{"shop.v1.Payment"}}}, payment, 3},
		{"normalised name", "grpc", hints(rules.HintEnv, "PAYMENT_SERVICE_ADDR"), graph.Edge{To: "payment"}, payment, 2},
		{"driver names the engine", "sql", hints(rules.HintDriver, "pgx"), graph.Edge{To: "orders-db", Protocol: "sql"}, pg, 1},
		{"protocol alone for an anonymous datastore", "redis", nil, graph.Edge{To: "cache", Protocol: "redis"}, cache, 1},
		// Traps.
		{"other env", "grpc", hints(rules.HintEnv, "INVENTORY_ADDR"), graph.Edge{To: "payment", Match: graph.Match{Env: []string{"PAY_ADDR"}}}, payment, 0},
		{"a service is never matched by protocol alone", "grpc", nil, graph.Edge{To: "payment", Protocol: "grpc"}, payment, 0},
		{"a named redis is not any redis", "redis", hints(rules.HintEnv, "SESSIONS_ADDR"), graph.Edge{To: "cache", Protocol: "redis"}, cache, 0},
		{"wrong engine", "sql", hints(rules.HintDriver, "mysql"), graph.Edge{To: "orders-db", Protocol: "sql"}, pg, 0},
	} {
		c := &codeCall{site: rules.CallSite{Kind: tc.kind}, hints: tc.hints}
		e := tc.edge
		if got := matchScore(c, &e, tc.to); got != tc.want {
			t.Errorf("%s: matchScore = %d, want %d", tc.name, got, tc.want)
		}
	}
}

// system builds a synthetic codeResult: packages with imports, call sites
// and bindings, and the main packages.
type system struct {
	code *codeResult
}

func newSystem() *system {
	return &system{code: &codeResult{
		calls:   map[string]*rules.Calls{},
		imports: map[string][]string{},
		files:   map[string]string{},
	}}
}

func (s *system) pkg(path string, imports ...string) *rules.Calls {
	s.code.imports[path] = append(s.code.imports[path], imports...)
	for _, imp := range imports {
		if _, ok := s.code.imports[imp]; !ok {
			s.code.imports[imp] = nil
		}
	}
	if s.code.calls[path] == nil {
		s.code.calls[path] = &rules.Calls{}
	}
	return s.code.calls[path]
}

func (s *system) main(path string, imports ...string) *rules.Calls {
	s.code.mains = append(s.code.mains, path)
	slices.Sort(s.code.mains)
	return s.pkg(path, imports...)
}

func site(file string, line int, kind rules.CallKind, hs ...rules.CallHint) rules.CallSite {
	return rules.CallSite{File: file, Line: line, Col: 1, Kind: kind, API: string(kind) + "-api", Func: "f", Hints: hs}
}

// edges lists the graph's edges as "from -> to (protocol, mode) calls".
func edges(t *testing.T, g *graph.Graph) []string {
	t.Helper()
	var out []string
	for _, e := range g.Edges {
		var calls []string
		for _, c := range e.Calls {
			calls = append(calls, fmt.Sprintf("%s:%d", c.Pos.File, c.Pos.Line))
		}
		mode := e.Mode
		if mode == "" {
			mode = graph.ModeSync
		}
		out = append(out, fmt.Sprintf("%s -> %s (%s, %s) %s", e.From, e.To, e.Protocol, mode, strings.Join(calls, " ")))
	}
	slices.Sort(out)
	return out
}

func mustJoin(t *testing.T, g *graph.Graph, s *system) *joinResult {
	t.Helper()
	jr, err := joinCode(g, s.code)
	if err != nil {
		t.Fatal(err)
	}
	return jr
}

func check(t *testing.T, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// A shared helper's call takes its target from each client that calls it:
// one edge per chain of bindings, each attributed to the services whose
// code holds the whole chain. A service that links the helper but binds
// nothing gets no edge (trap).
func TestJoinSharedHelper(t *testing.T) {
	s := newSystem()
	s.pkg("m/httpx").Sites = []rules.CallSite{site("httpx/get.go", 10, "http", hints(rules.HintParam, "m/httpx.Get#1")...)}
	s.pkg("m/customer", "m/httpx").Bindings = []rules.CallBinding{{Name: "m/httpx.Get#1", Hints: hints(rules.HintParam, "m/customer.New#0")}}
	s.pkg("m/route", "m/httpx").Bindings = []rules.CallBinding{{Name: "m/httpx.Get#1", Hints: hints(rules.HintParam, "m/route.New#0")}}
	s.main("m/frontend", "m/customer", "m/route").Bindings = []rules.CallBinding{
		{Name: "m/customer.New#0", Hints: hints(rules.HintField, "m/frontend.Config.CustomerAddr")},
		{Name: "m/route.New#0", Hints: hints(rules.HintEnv, "ROUTE_ADDR")},
		{Name: "m/frontend.Config.CustomerAddr", Hints: hints(rules.HintFlag, "customer-service-hostname")},
	}
	s.main("m/admin", "m/httpx")
	jr := mustJoin(t, nil, s)
	check(t, edges(t, jr.graph), []string{
		"frontend -> customer (http, sync) httpx/get.go:10",
		"frontend -> route (http, sync) httpx/get.go:10",
	})
}

// Bindings that refer to each other end (no infinite expansion), and a
// binding in a package the service does not link is not its evidence.
func TestJoinBindingCycleAndForeignBinding(t *testing.T) {
	s := newSystem()
	s.pkg("m/lib").Sites = []rules.CallSite{site("lib/c.go", 3, "grpc", hints(rules.HintGRPC, "x.v1.Pricing", rules.HintParam, "m/lib.New#0")...)}
	s.pkg("m/a", "m/lib").Bindings = []rules.CallBinding{{Name: "m/lib.New#0", Hints: hints(rules.HintParam, "m/b.Wire#0")}}
	s.pkg("m/b", "m/lib").Bindings = []rules.CallBinding{{Name: "m/b.Wire#0", Hints: hints(rules.HintParam, "m/lib.New#0")}}
	s.pkg("m/other", "m/lib").Bindings = []rules.CallBinding{{Name: "m/lib.New#0", Hints: hints(rules.HintEnv, "TAX_ADDR")}}
	s.main("m/cmd/checkout", "m/a", "m/b")
	jr := mustJoin(t, nil, s)
	// checkout links a and b, whose bindings only point at each other: the
	// gRPC service names the target; other's TAX_ADDR is not checkout's.
	check(t, edges(t, jr.graph), []string{"checkout -> pricing (grpc, sync) lib/c.go:3"})
}

// A binary whose subcommands run several services is split into the
// packages the topology claims; from the code alone, and when the
// topology claims the main package, it is one service (trap: a process
// with several listeners must not become several services by guess).
func TestJoinSplitBinary(t *testing.T) {
	s := newSystem()
	s.pkg("m/admin")
	s.pkg("m/svc/customer", "m/admin")
	s.pkg("m/svc/route", "m/admin")
	s.pkg("m/svc/frontend", "m/svc/customer", "m/svc/route", "m/admin").Sites = []rules.CallSite{
		site("svc/frontend/c.go", 5, "http", hints(rules.HintField, "m/svc/frontend.Options.CustomerURL")...),
		site("svc/frontend/c.go", 9, "http", hints(rules.HintField, "m/svc/frontend.Options.RouteURL")...),
	}
	s.pkg("m/cmd", "m/svc/frontend", "m/svc/customer", "m/svc/route").Bindings = []rules.CallBinding{
		{Name: "m/svc/frontend.Options.CustomerURL", Hints: hints(rules.HintFlag, "customer-url")},
		{Name: "m/svc/frontend.Options.RouteURL", Hints: hints(rules.HintEnv, "ROUTE_URL")},
	}
	s.main("m", "m/cmd")
	s.main("m/tools/migrate", "m/admin")
	services := func(jr *joinResult) []string {
		var names []string
		for _, svc := range jr.services {
			names = append(names, svc.name+"="+svc.main)
		}
		return names
	}

	jr := mustJoin(t, nil, s)
	check(t, services(jr), []string{"m=m", "migrate=m/tools/migrate"})
	check(t, edges(t, jr.graph), []string{
		"m -> customer (http, sync) svc/frontend/c.go:5",
		"m -> route (http, sync) svc/frontend/c.go:9",
	})

	svc := func(name string, pkgs ...string) *graph.Node {
		return &graph.Node{Name: name, Kind: graph.Service, Packages: pkgs, Source: graph.FromTopology}
	}
	g := &graph.Graph{Nodes: []*graph.Node{svc("frontend", "m/svc/frontend"), svc("customer", "m/svc/customer"), svc("route", "m/svc/route")}}
	jr = mustJoin(t, g, s)
	check(t, services(jr), []string{"customer=m/svc/customer", "frontend=m/svc/frontend", "route=m/svc/route", "migrate=m/tools/migrate"})
	check(t, edges(t, jr.graph), []string{
		"frontend -> customer (http, sync) svc/frontend/c.go:5",
		"frontend -> route (http, sync) svc/frontend/c.go:9",
	})

	g = &graph.Graph{Nodes: []*graph.Node{svc("hotrod", "m"), svc("customer", "m/svc/customer")}}
	check(t, services(mustJoin(t, g, s)), []string{"hotrod=m", "migrate=m/tools/migrate"})
}

// A gRPC call is tied to the service whose code registers the called gRPC
// service, whatever the gRPC service is called; several gRPC services of
// one server are one node.
func TestJoinRegisteredGRPC(t *testing.T) {
	s := newSystem()
	s.main("m/cmd/remote-storage").Registers = []string{"x.storage.v1.SpanReaderPlugin", "x.storage.v1.SpanWriterPlugin"}
	s.main("m/cmd/query").Sites = []rules.CallSite{
		site("cmd/query/r.go", 1, "grpc", hints(rules.HintGRPC, "x.storage.v1.SpanReaderPlugin")...),
		site("cmd/query/r.go", 2, "grpc", hints(rules.HintGRPC, "x.storage.v1.SpanWriterPlugin")...),
		site("cmd/query/r.go", 3, "grpc", hints(rules.HintGRPC, "x.search.v1.Index")...), // registered by nobody here
	}
	jr := mustJoin(t, nil, s)
	check(t, edges(t, jr.graph), []string{
		"query -> index (grpc, sync) cmd/query/r.go:3",
		"query -> remote-storage (grpc, sync) cmd/query/r.go:1 cmd/query/r.go:2",
	})

	if e := jr.graph.Edge("query", "remote-storage"); e == nil || !slices.Equal(e.Match.GRPC, []string{"x.storage.v1.SpanReaderPlugin", "x.storage.v1.SpanWriterPlugin"}) {
		t.Errorf("query -> remote-storage: want the match hints of both calls, got %+v", e)
	}

	// A second binary serves the same API: which one a deployment calls is
	// configuration, so the node is the API, named after what the gRPC
	// services share; a gRPC service with a different set of servers
	// keeps its own name.
	s.main("m/cmd/all").Registers = []string{"x.storage.v1.SpanReaderPlugin", "x.storage.v1.SpanWriterPlugin", "x.search.v1.Index"}
	jr = mustJoin(t, nil, s)
	check(t, edges(t, jr.graph), []string{
		"query -> all (grpc, sync) cmd/query/r.go:3",
		"query -> x-storage (grpc, sync) cmd/query/r.go:1 cmd/query/r.go:2",
	})
	if got := commonGRPCPrefix([]string{"a.v1.X", "b.v1.Y"}); got != "" {
		t.Errorf("commonGRPCPrefix of unrelated services = %q, want none", got)
	}
}

// A consumer's read is an asynchronous edge to its queue; loopback and IP
// addresses name no node (trap: 127.0.0.1 must not become node "127").
func TestJoinConsumerAndAddresses(t *testing.T) {
	s := newSystem()
	consume := site("notifier/main.go", 7, "kafka", hints(rules.HintEnv, "KAFKA_BROKERS", rules.HintTopic, "orders")...)
	consume.Consume = true
	s.main("m/notifier").Sites = []rules.CallSite{
		consume,
		site("notifier/main.go", 9, "http", hints(rules.HintHost, "127.0.0.1:4318")...),
		site("notifier/main.go", 11, "smtp", hints(rules.HintEnv, "SMTP_ADDR")...),
	}
	jr := mustJoin(t, nil, s)
	check(t, edges(t, jr.graph), []string{
		"notifier -> orders (kafka, async) notifier/main.go:7",
		"notifier -> smtp (smtp, sync) notifier/main.go:11",
	})
	if n := jr.graph.Node("orders"); n == nil || n.Kind != graph.Queue {
		t.Errorf("orders: got %+v, want a queue", n)
	}
}

// A cloud SDK call reaches the provider's managed service its SDK package
// names, an external node, whatever bucket or table it is given.
func TestJoinCloud(t *testing.T) {
	s := newSystem()
	put := site("backup/s3.go", 4, "cloud", hints(rules.HintEnv, "BACKUP_BUCKET")...)
	put.API, put.Service = "(*s3.Client).PutObject", "s3"
	up := site("backup/s3.go", 8, "cloud")
	up.API, up.Service = "(*manager.Uploader).Upload", "s3"
	gcs := site("backup/gcs.go", 3, "cloud")
	gcs.API, gcs.Service = "(*storage.ObjectHandle).NewWriter", "gcs"
	s.main("m/cmd/backup").Sites = []rules.CallSite{put, up, gcs}
	jr := mustJoin(t, nil, s)
	check(t, edges(t, jr.graph), []string{
		"backup -> gcs (cloud, sync) backup/gcs.go:3",
		"backup -> s3 (cloud, sync) backup/s3.go:4 backup/s3.go:8",
	})
	if n := jr.graph.Node("s3"); n == nil || n.Kind != graph.External {
		t.Errorf("s3: got %+v, want an external", n)
	}
}

// With a topology, declared edges get the matching calls, and a call that
// matches none becomes a code edge; the output does not depend on the
// order of packages.
func TestJoinWithTopology(t *testing.T) {
	build := func() *system {
		s := newSystem()
		s.main("m/cmd/gateway").Sites = []rules.CallSite{
			site("cmd/gateway/a.go", 1, "http", hints(rules.HintEnv, "CATALOG_URL")...),
			site("cmd/gateway/a.go", 2, "grpc", hints(rules.HintGRPC, "shop.v1.CheckoutService")...),
			site("cmd/gateway/a.go", 3, "http", hints(rules.HintEnv, "ANALYTICS_URL")...),
		}
		return s
	}
	topo := func() *graph.Graph {
		return &graph.Graph{
			Nodes: []*graph.Node{
				{Name: "gateway", Kind: graph.Service, Packages: []string{"m/cmd/gateway"}, Source: graph.FromTopology},
				{Name: "catalog", Kind: graph.Service, Source: graph.FromTopology},
				{Name: "checkout", Kind: graph.Service, Source: graph.FromTopology},
			},
			Edges: []*graph.Edge{
				{From: "gateway", To: "catalog", Source: graph.FromTopology, Match: graph.Match{Env: []string{"CATALOG_URL"}}},
				{From: "gateway", To: "checkout", Protocol: "grpc", Source: graph.FromTopology},
			},
		}
	}
	jr := mustJoin(t, topo(), build())
	var got []string
	for _, e := range jr.graph.Edges {
		got = append(got, fmt.Sprintf("%s -> %s %s %d", e.From, e.To, e.Source, len(e.Calls)))
	}
	slices.Sort(got)
	check(t, got, []string{"gateway -> analytics code 1", "gateway -> catalog both 1", "gateway -> checkout both 1"})
	again := edges(t, mustJoin(t, topo(), build()).graph)
	check(t, again, edges(t, jr.graph))
}

func TestDefaultNames(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"example.com/shop/services/catalog", "catalog"},
		{"example.com/shop/cmd/server", "shop"},
		{"github.com/x/jaeger/cmd/collector/app", "collector"},
		{"example.com/tool/main", "tool"},
	} {
		if got := defaultName(tc.in); got != tc.want {
			t.Errorf("defaultName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	ss := []*codeService{{name: "api", main: "m/billing/api"}, {name: "api", main: "m/search/api"}, {name: "api", claimed: true, main: "m/x/api"}}
	uniqueNames(ss)
	var got []string
	for _, s := range ss {
		got = append(got, s.name)
	}
	check(t, got, []string{"billing-api", "search-api", "api"})
}

func TestCodeEdgeProtection(t *testing.T) {
	tests := []struct {
		name     string
		calls    []graph.CallSite
		attempts int
		breaker  bool
	}{
		{"no calls", nil, 1, false},
		{"one guarded call, no retry", []graph.CallSite{{Breaker: graph.Yes}}, 1, true},
		{"one call not known to be guarded", []graph.CallSite{{Breaker: graph.Yes}, {Breaker: graph.Unknown}}, 1, false},
		{"the most attempts of any call", []graph.CallSite{{Attempts: 3, Breaker: graph.No}, {Attempts: 240}, {Attempts: 0}}, 240, false},
		{"attempts unknown everywhere", []graph.CallSite{{Attempts: 0, Breaker: graph.Yes}}, 1, true},
	}
	backoffs := []struct {
		name  string
		calls []graph.CallSite
		want  string
	}{
		{"retried calls agree", []graph.CallSite{{Attempts: 3, Backoff: "exponential"}, {Attempts: 2, Backoff: "exponential"}, {Attempts: 1}}, "exponential"},
		{"retried calls disagree", []graph.CallSite{{Attempts: 3, Backoff: "exponential"}, {Attempts: 2, Backoff: "none"}}, ""},
		{"one retried call's backoff unknown", []graph.CallSite{{Attempts: 3, Backoff: "constant"}, {Attempts: 5}}, ""},
		{"backoff of calls not known to retry", []graph.CallSite{{Attempts: 0, Backoff: "none"}}, ""},
	}
	for _, tt := range backoffs {
		t.Run(tt.name, func(t *testing.T) {
			e := &graph.Edge{From: "a", To: "b", Source: graph.FromCode, Retries: graph.Retries{Attempts: 1}, Calls: tt.calls}
			codeEdgeProtection(e)
			if e.Retries.Backoff != tt.want {
				t.Errorf("backoff %q, want %q", e.Retries.Backoff, tt.want)
			}
		})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &graph.Edge{From: "a", To: "b", Source: graph.FromCode, Retries: graph.Retries{Attempts: 1}, Calls: tt.calls}
			codeEdgeProtection(e)
			if e.Retries.Attempts != tt.attempts || e.Breaker != tt.breaker {
				t.Errorf("attempts %d, breaker %v; want %d, %v", e.Retries.Attempts, e.Breaker, tt.attempts, tt.breaker)
			}
		})
	}
}
