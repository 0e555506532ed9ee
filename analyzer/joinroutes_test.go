package analyzer

import (
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

func httpSite(file string, line int, method, path string, hs ...rules.CallHint) rules.CallSite {
	s := site(file, line, "http", hs...)
	s.Method, s.Path = method, path
	return s
}

func route(method, path, file string, line int) rules.CallRoute {
	return rules.CallRoute{Method: method, Path: path, File: file, Line: line, Col: 2}
}

// An HTTP call whose address names no service is linked to the one
// service whose routes match its path, with the route as evidence; a
// name that is a node's still decides first; traps: a path two services
// serve (ambiguous, listed, not linked), a method no route answers, a
// third party's host, a path that only a catch-all would match.
func TestJoinByPath(t *testing.T) {
	s := newSystem()
	s.main("m/quotes").Routes = []rules.CallRoute{
		route("GET", "/api/quote/{sku}", "quotes/main.go", 30),
		route("", "/{rest...}", "quotes/main.go", 31), // a catch-all: no evidence
	}
	s.main("m/cart").Routes = []rules.CallRoute{route("", "/api/cart/{rest...}", "cart/main.go", 12)}
	s.main("m/basket").Routes = []rules.CallRoute{route("POST", "/api/cart/items", "basket/main.go", 9)}
	s.main("m/payment").Routes = []rules.CallRoute{route("POST", "/api/charge", "payment/main.go", 5)}
	s.main("m/frontend").Sites = []rules.CallSite{
		httpSite("frontend/main.go", 1, "GET", "/api/quote/{}", hints(rules.HintEnv, "PRICING_BASE_URL")...),
		httpSite("frontend/main.go", 2, "", "/api/cart/items", hints(rules.HintEnv, "SHOP_URL")...),        // cart and basket
		httpSite("frontend/main.go", 3, "GET", "/api/cart/items"),                                          // only cart answers GET
		httpSite("frontend/main.go", 4, "POST", "/api/charge", hints(rules.HintEnv, "BASKET_ADDR")...),     // the name wins
		httpSite("frontend/main.go", 5, "POST", "/api/charge", hints(rules.HintHost, "api.stripe.com")...), // a third party
		httpSite("frontend/main.go", 6, "GET", "/api/other"),
		httpSite("frontend/main.go", 7, "POST", "/api/cart/items"), // cart and basket, no name
	}
	jr := mustJoin(t, nil, s)
	check(t, edges(t, jr.graph), []string{
		"frontend -> basket (http, sync) frontend/main.go:4",
		"frontend -> cart (http, sync) frontend/main.go:3",
		"frontend -> quotes (http, sync) frontend/main.go:1",
		"frontend -> shop (http, sync) frontend/main.go:2",
	})
	e := jr.graph.Edge("frontend", "quotes")
	if e == nil || e.Calls[0].Route == nil || e.Calls[0].Route.Pos.Line != 30 || !strings.Contains(e.Calls[0].Target, "served by quotes (route GET /api/quote/{sku} at quotes/main.go:30)") {
		t.Errorf("frontend -> quotes: want the route as evidence, got %+v", e)
	}
	if len(jr.graph.Ambiguities) != 1 {
		t.Fatalf("ambiguities: %+v, want the call at line 7", jr.graph.Ambiguities)
	}
	a := jr.graph.Ambiguities[0]
	if a.Call.Pos.Line != 7 || strings.Join(a.Candidates, ",") != "basket,cart" || len(a.Routes) != 2 {
		t.Errorf("ambiguity: %+v", a)
	}
}

// With a topology, the path decides between declared edges the call
// matches equally well.
func TestJoinByPathDecides(t *testing.T) {
	s := newSystem()
	s.main("m/cart").Routes = []rules.CallRoute{route("GET", "/api/cart", "cart/main.go", 12)}
	s.main("m/orders").Routes = []rules.CallRoute{route("GET", "/api/orders", "orders/main.go", 9)}
	s.main("m/frontend").Sites = []rules.CallSite{
		httpSite("frontend/main.go", 1, "GET", "/api/cart", hints(rules.HintEnv, "BACKEND_URL")...),
	}
	g := &graph.Graph{
		Nodes: []*graph.Node{
			{Name: "frontend", Kind: graph.Service, Packages: []string{"m/frontend"}, Source: graph.FromTopology},
			{Name: "cart", Kind: graph.Service, Packages: []string{"m/cart"}, Source: graph.FromTopology},
			{Name: "orders", Kind: graph.Service, Packages: []string{"m/orders"}, Source: graph.FromTopology},
		},
		Edges: []*graph.Edge{
			{From: "frontend", To: "cart", Match: graph.Match{Env: []string{"BACKEND_URL"}}, Source: graph.FromTopology},
			{From: "frontend", To: "orders", Match: graph.Match{Env: []string{"BACKEND_URL"}}, Source: graph.FromTopology},
		},
	}
	jr := mustJoin(t, g, s)
	if len(jr.graph.Ambiguities) != 0 {
		t.Errorf("ambiguities: %+v", jr.graph.Ambiguities)
	}
	if e := jr.graph.Edge("frontend", "cart"); e == nil || len(e.Calls) != 1 || e.Calls[0].Route == nil {
		t.Errorf("frontend -> cart: %+v, want the call, linked by its path", e)
	}
}
