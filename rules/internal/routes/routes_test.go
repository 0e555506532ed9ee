package routes_test

import (
	"fmt"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/routes"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
)

// show reports every route registration of a package with its method and
// its full path, prefix included, or "unknown prefix".
var show = &analysis.Analyzer{
	Name:     "routes",
	Doc:      "show routes",
	Requires: []*analysis.Analyzer{buildssa.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		funcs := pass.ResultOf[buildssa.Analyzer].(*buildssa.SSA).SrcFuncs
		rd := routes.NewReader(funcs, routes.Str)
		for _, fn := range funcs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					call, ok := instr.(ssa.CallInstruction)
					if !ok {
						continue
					}
					reg, ok := routes.Of(call)
					if !ok {
						continue
					}
					p, ok := routes.Str(reg.PathV)
					if !ok {
						pass.Reportf(call.Pos(), "route with unknown path")
						continue
					}
					m := reg.MethodOf()
					if reg.Pattern {
						m, p, _ = routes.SplitPattern(p)
					}
					pre, ok := rd.Prefix(reg.Recv)
					if !ok {
						pass.Reportf(call.Pos(), "route %s with unknown prefix", p)
						continue
					}
					if !reg.MethodOK {
						m = "?"
					}
					pass.Reportf(call.Pos(), "%s", fmt.Sprintf("route %q %s", m, routes.Join(pre, p)))
				}
			}
		}
		return nil, nil
	},
}

func TestRoutes(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), show, "routed")
}

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		route, path string
		want        bool
	}{
		{"/api/cart", "/api/cart", true},
		{"/api/cart", "/api/cart/", true},
		{"/api/cart/{id}", "/api/cart/{}", true},
		{"/api/cart/{id}", "/api/cart/42", true},
		{"/api/cart/:id", "/api/cart/42", true},
		{"/api/cart/{id:[0-9]+}", "/api/cart/{}", true},
		{"/api/cart/checkout", "/api/cart/{}", false}, // an unknown segment is not this literal
		{"/api/{rest...}", "/api/cart/42", true},      // a net/http subtree "/api/"
		{"/api/*", "/api/cart/42", true},
		{"/api/{rest...}", "/api/cart/42", true},
		{"/api/cart", "/api/carts", false},
		{"/api/cart/{$}", "/api/cart/", true},
		{"/api/cart/{$}", "/api/cart/x", false},
		{"/{rest...}", "/api/cart", false}, // a catch-all says nothing
		{"/*", "/api/cart", false},         // nor does a wildcard root
		{"/api/cart", "/api", false},
	} {
		if got := routes.Match(c.route, c.path); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.route, c.path, got, c.want)
		}
	}
}
