package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/rules"
)

var systemDir = filepath.Join("..", "testdata", "system")

// TestIncomingAcrossServices checks, on testdata/system (five services of
// one module, no topology), that a gRPC method's incoming context is
// judged by its callers in the code: frontend's handler calls checkout's
// PlaceOrder with a request context that has no deadline, so checkout's
// call of payment with that context is reported, naming frontend's call,
// and so is payment's database call, naming checkout's (the missing
// deadline travels down the chain). Silent: ConfirmReservation (no caller
// in the system), recommendations (its callers, checkout and inventory,
// set deadlines), inventory (frontend calls it under http.TimeoutHandler,
// recommendations with its bounded incoming context) and quotes (an HTTP
// service frontend reaches through an address named after nothing, linked
// by the path it calls, with a deadline).
func TestIncomingAcrossServices(t *testing.T) {
	res, err := analyzer.Run(analyzer.Config{Dir: systemDir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.PackageErrors) > 0 {
		t.Fatalf("package errors: %v", res.PackageErrors)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule != "ctxdeadline" {
			continue
		}
		s := fmt.Sprintf("%s:%d", f.File, f.Line)
		for _, r := range f.Related {
			if strings.Contains(r.Message, " calls ") {
				s += fmt.Sprintf(" <- %s:%d %s", r.File, r.Line, r.Message)
			}
		}
		got = append(got, s)
	}
	want := []string{
		"services/checkout/main.go:29 <- services/frontend/main.go:51 frontend calls checkout here with a context that has no deadline",
		"services/frontend/main.go:51",
		"services/payment/main.go:23 <- services/checkout/main.go:45 checkout calls payment here with a context that has no deadline",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ctxdeadline findings:\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}

	// The three findings are one missing deadline: one group, at the top.
	if len(res.Groups) != 1 || res.Groups[0].Top != "services/frontend/main.go:51" || len(res.Groups[0].Findings) != 3 || res.Groups[0].Calls != 3 || res.Groups[0].Services != 3 ||
		!strings.HasPrefix(res.Groups[0].Message, "frontend's request context at services/frontend/main.go:51 reaches 3 calls in 3 services with no deadline: bound the handler once") {
		t.Errorf("groups: %+v, want frontend's order handler reaching 3 calls in 3 services", res.Groups)
	}

	// frontend reaches quotes through PRICING_BASE_URL, a name that is no
	// service's: the path it calls, which only quotes serves, links them,
	// and the call's deadline bounds quotes' handler (silent).
	e := res.Graph.Edge("frontend", "quotes")
	if e == nil || len(e.Calls) != 1 || e.Calls[0].Route == nil || e.Calls[0].Route.String() != "GET /api/quote/{sku}" || e.Calls[0].Route.Pos.File != "services/quotes/main.go" {
		t.Errorf("frontend -> quotes: %+v, want one call linked by quotes' route GET /api/quote/{sku}", e)
	}
	if n := res.Graph.Node("pricing"); n != nil {
		t.Errorf("node %q made from PRICING_BASE_URL, want the call linked to quotes", n.Name)
	}
}

// TestIncomingNotUnderVet checks that the same code under the go vet
// analyzers (no system to judge by) reports no incoming context: only
// the request contexts of frontend's and quotes' handlers (quotes' caller
// bounds it, but only the system shows that).
func TestIncomingNotUnderVet(t *testing.T) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: systemDir}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	ctxdeadline := rules.Lookup("ctxdeadline").Analyzer
	g, err := checker.Analyze([]*analysis.Analyzer{ctxdeadline}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, act := range g.Roots {
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			got = append(got, fmt.Sprintf("%s:%d", filepath.Base(filepath.Dir(p.Filename)), p.Line))
		}
	}
	if want := []string{"frontend:51", "quotes:21"}; !slices.Equal(got, want) {
		t.Errorf("ctxdeadline under vet: %v, want %v", got, want)
	}
}

// TestIncomingThroughHelperPackage checks the same system with checkout's
// call of payment moved into a helper of another package: the call site
// is there (internal/pay), reached through the helper's facts, and it is
// still what makes payment's incoming context unbounded.
func TestIncomingThroughHelperPackage(t *testing.T) {
	work := t.TempDir()
	for _, d := range []struct{ src, dst string }{{shopDir, "shop"}, {systemDir, "system"}} {
		if err := os.CopyFS(filepath.Join(work, d.dst), os.DirFS(d.src)); err != nil {
			t.Fatal(err)
		}
	}
	sys := filepath.Join(work, "system")
	helper := `package pay

import (
	"context"

	paymentv1 "example.com/shop/proto/payment/v1"
)

// Charge passes ctx on to payment.
func Charge(ctx context.Context, c paymentv1.PaymentServiceClient, token string) error {
	_, err := c.Charge(ctx, &paymentv1.ChargeRequest{PaymentToken: token})
	return err
}
`
	if err := os.MkdirAll(filepath.Join(sys, "internal", "pay"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sys, "internal", "pay", "pay.go"), []byte(helper), 0o644); err != nil {
		t.Fatal(err)
	}
	mainGo := filepath.Join(sys, "services", "checkout", "main.go")
	src, err := os.ReadFile(mainGo)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "\t_, err := s.payment.Charge(ctx, &paymentv1.ChargeRequest{PaymentToken: token})\n\treturn err", "\treturn pay.Charge(ctx, s.payment, token)", 1)
	edited = strings.Replace(edited, "\tcheckoutv1 \"example.com/shop/proto/checkout/v1\"", "\tcheckoutv1 \"example.com/shop/proto/checkout/v1\"\n\t\"example.com/system/internal/pay\"", 1)
	if edited == string(src) {
		t.Fatal("the checkout service changed: update the edit")
	}
	if err := os.WriteFile(mainGo, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := analyzer.Run(analyzer.Config{Dir: sys})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.PackageErrors) > 0 {
		t.Fatalf("package errors: %v", res.PackageErrors)
	}
	for _, f := range res.Findings {
		if f.Rule != "ctxdeadline" || f.File != "services/payment/main.go" {
			continue
		}
		for _, r := range f.Related {
			if r.File == "internal/pay/pay.go" && r.Line == 11 && strings.Contains(r.Message, "checkout calls payment here") {
				return
			}
		}
		t.Fatalf("payment's finding names %+v, want checkout's call in internal/pay/pay.go:11", f.Related)
	}
	t.Fatal("payment's incoming context is no longer judged when checkout calls it through a helper of another package")
}

// TestInferredEntrypoints checks which programs of testdata/system are
// services and where requests enter, from the code alone: frontend starts
// an HTTP server and no service calls it (loadgen does, but loadgen is a
// client), so it is the one entrypoint, frontend-http, inferred; the gRPC
// services are called by others; loadgen starts no server and nothing
// calls it, so it is a client, never an entrypoint. Every rule's findings
// stay as the README's table says: the cascade rule, which now runs, finds
// no hang, for frontend's calls are made with request contexts, whose bound
// ctxdeadline judges (row 1 is its finding); synccycle finds row 9, the
// cycle between inventory and recommendations.
func TestInferredEntrypoints(t *testing.T) {
	res, err := analyzer.Run(analyzer.Config{Dir: systemDir})
	if err != nil {
		t.Fatal(err)
	}
	g := res.Graph
	if g == nil {
		t.Fatal("no graph")
	}
	var eps []string
	for _, ep := range g.Entrypoints {
		eps = append(eps, fmt.Sprintf("%s->%s inferred=%v protocol=%s at %s", ep.Name, ep.Service, ep.Inferred, ep.Protocol, ep.Pos))
	}
	if want := []string{"frontend-http->frontend inferred=true protocol=http at services/frontend/main.go:44:30"}; !slices.Equal(eps, want) {
		t.Errorf("entrypoints:\n\t%s\nwant\n\t%s", strings.Join(eps, "\n\t"), strings.Join(want, "\n\t"))
	}
	var clients, serving []string
	for _, n := range g.Nodes {
		if n.Client {
			clients = append(clients, n.Name)
		}
		for _, s := range n.Serves {
			serving = append(serving, n.Name+":"+s.Label())
		}
	}
	if want := []string{"loadgen"}; !slices.Equal(clients, want) {
		t.Errorf("clients %v, want %v", clients, want)
	}
	if want := []string{"checkout:grpc", "frontend:http", "inventory:grpc", "payment:grpc", "quotes:http", "recommendations:grpc"}; !slices.Equal(serving, want) {
		t.Errorf("serving %v, want %v", serving, want)
	}
	if e := g.Edge("loadgen", "frontend"); e == nil {
		t.Error("loadgen's call of frontend is not drawn")
	}
	var cycles []string
	for _, f := range res.Findings {
		switch f.Rule {
		case "cascade", "retryamp", "timeoutbudget", "spof", "zonespof", "sharedfate":
			t.Errorf("graph finding on a code-only system: %s:%d %s (%s)", f.File, f.Line, f.Message, f.Rule)
		case "synccycle":
			cycles = append(cycles, fmt.Sprintf("%s:%d %s", f.File, f.Line, f.Message))
		}
	}
	// The README's row 9: inventory and recommendations call each other,
	// two edges learned from code, and synccycle needs no topology.
	if len(cycles) != 1 || cycles[0] != "services/recommendations/main.go:37 synchronous call cycle inventory -> recommendations -> inventory" {
		t.Errorf("synccycle: %v, want the cycle inventory -> recommendations -> inventory at services/recommendations/main.go:37", cycles)
	}
}

var streamsDir = filepath.Join("testdata", "streams")

// TestIncomingStreams checks streaming gRPC methods, whose incoming
// context is stream.Context(), on testdata/streams (feed serves five
// streaming methods, web calls four of them): List's is reported, naming
// web's list handler, which reads the listing within a request with no
// deadline; Watch's likewise, for web's follow handler, though web's
// watcher holds the same method open in a reconnect loop with no deadline
// on purpose; Upload's caller bounds it, Chat's holds a bidirectional
// session open on purpose, and nobody calls Report (all three silent).
// With the follow handler opening no stream, Watch's only caller is the
// long-lived one, and Watch is silent too. api's handler is silent: web,
// its only caller, calls it under a deadline whose duration is a flag's
// value, a bound all the same (before, the edge's timeout of unknown
// value left api's request contexts unbounded).
func TestIncomingStreams(t *testing.T) {
	findings := func(dir string) []string {
		res, err := analyzer.Run(analyzer.Config{Dir: dir})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.PackageErrors) > 0 {
			t.Fatalf("package errors: %v", res.PackageErrors)
		}
		var got []string
		for _, f := range res.Findings {
			if f.Rule != "ctxdeadline" {
				continue
			}
			s := fmt.Sprintf("%s:%d", f.File, f.Line)
			for _, r := range f.Related {
				if strings.Contains(r.Message, " calls ") {
					s += fmt.Sprintf(" <- %s:%d %s", r.File, r.Line, r.Message)
				}
			}
			got = append(got, s)
		}
		return got
	}
	want := []string{
		"services/feed/main.go:25 <- services/web/main.go:44 web calls feed here with a context that has no deadline",
		"services/feed/main.go:36 <- services/web/main.go:72 web calls feed here with a context that has no deadline",
		"services/web/main.go:44",
		"services/web/main.go:72",
	}
	if got := findings(streamsDir); !slices.Equal(got, want) {
		t.Errorf("ctxdeadline findings:\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}

	work := t.TempDir()
	if err := os.CopyFS(work, os.DirFS(streamsDir)); err != nil {
		t.Fatal(err)
	}
	mainGo := filepath.Join(work, "services", "web", "main.go")
	src, err := os.ReadFile(mainGo)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "s, err := w.feed.Watch(r.Context(), wrapperspb.String(\"news\"))", "var s feedv1.FeedService_ListClient\n\tvar err error", 1)
	if edited == string(src) {
		t.Fatal("web changed: update the edit")
	}
	if err := os.WriteFile(mainGo, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	want = []string{
		"services/feed/main.go:25 <- services/web/main.go:44 web calls feed here with a context that has no deadline",
		"services/web/main.go:44",
	}
	if got := findings(work); !slices.Equal(got, want) {
		t.Errorf("without web's follow handler, ctxdeadline findings:\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestOpsOnlyServer checks that a program whose one HTTP server serves only
// operators (health, metrics, profiling) is not an entrypoint by it, while
// a program with one user route beside the same endpoints is, and that
// both serve (neither is a client).
func TestOpsOnlyServer(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/ops\n\ngo 1.24\n",
		"cmd/worker/main.go": `package main

import (
	"expvar"
	"net/http"
	"net/http/pprof"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.Handle("/metrics", expvar.Handler())
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	srv := &http.Server{Addr: ":9090", Handler: mux, ReadHeaderTimeout: 5e9}
	srv.ListenAndServe()
}
`,
		"cmd/api/main.go": `package main

import "net/http"

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("POST /orders", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusCreated) })
	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 5e9}
	srv.ListenAndServe()
}
`,
	}
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := analyzer.Run(analyzer.Config{Dir: dir, Patterns: []string{"./..."}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.PackageErrors) > 0 {
		t.Fatalf("package errors: %v", res.PackageErrors)
	}
	var eps []string
	for _, ep := range res.Graph.Entrypoints {
		eps = append(eps, ep.Name)
	}
	if want := []string{"api-http"}; !slices.Equal(eps, want) {
		t.Errorf("entrypoints %v, want %v", eps, want)
	}
	for _, name := range []string{"api", "worker"} {
		n := res.Graph.Node(name)
		if n == nil || n.Client || n.Health == nil {
			t.Fatalf("node %s: %+v, want a serving service with its health read", name, n)
		}
		if n.Health.OpsOnly != (name == "worker") {
			t.Errorf("%s: OpsOnly %v", name, n.Health.OpsOnly)
		}
	}
}
