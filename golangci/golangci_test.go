package golangci_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	_ "github.com/faultline-dev/faultline/golangci"
	"github.com/faultline-dev/faultline/rules"
)

// load builds the plugin's analyzers the way golangci-lint does: the
// constructor registered under "faultline", given the settings as
// golangci-lint decodes them from .golangci.yml.
func load(t *testing.T, settings map[string]any) ([]*analysis.Analyzer, error) {
	t.Helper()
	newPlugin, err := register.GetPlugin("faultline")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(settings)
	if err != nil {
		return nil, err
	}
	if m := p.GetLoadMode(); m != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", m, register.LoadModeTypesInfo)
	}
	return p.BuildAnalyzers()
}

func names(as []*analysis.Analyzer) []string {
	var ns []string
	for _, a := range as {
		ns = append(ns, a.Name)
	}
	return ns
}

// TestWrapperSetting checks that the plugin reports an unguarded call
// (its message not annotated with the rule, which golangci-lint prints
// itself), and that a wrapper in its settings guards the same call.
func TestWrapperSetting(t *testing.T) {
	plain, err := load(t, map[string]any{"enable": []any{"nobreaker"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(plain); !slices.Equal(got, []string{"nobreaker"}) {
		t.Fatalf("enable [nobreaker]: analyzers %v", got)
	}
	analysistest.Run(t, analysistest.TestData(), plain[0], "unguarded")

	wrapped, err := load(t, map[string]any{
		"enable":   []any{"nobreaker"},
		"wrappers": []any{"breaker:example.com/platform/resilience.Do"},
	})
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), wrapped[0], "guarded")
}

// TestRuleSelection checks that with no settings every code rule runs,
// that disable removes a rule, and that the catalogue's analyzers are
// left as they were (the plugin binds copies).
func TestRuleSelection(t *testing.T) {
	all, err := load(t, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(all), names(rules.Analyzers()); !slices.Equal(got, want) {
		t.Errorf("no settings: analyzers %v, want every code rule %v", got, want)
	}
	some, err := load(t, map[string]any{"disable": []any{"nobreaker", "httptimeout"}})
	if err != nil {
		t.Fatal(err)
	}
	got := names(some)
	if slices.Contains(got, "nobreaker") || slices.Contains(got, "httptimeout") || len(got) != len(all)-2 {
		t.Errorf("disable [nobreaker httptimeout]: analyzers %v", got)
	}
	for i, a := range rules.Analyzers() {
		if a == all[i] && len(a.Requires) > 0 {
			t.Errorf("%s: the plugin returned the catalogue's own analyzer, not a bound copy", a.Name)
		}
	}
}

// TestBadSettings checks that mistakes in the settings are errors that
// say what is wrong.
func TestBadSettings(t *testing.T) {
	for _, c := range []struct {
		settings map[string]any
		want     string
	}{
		{map[string]any{"enable": []any{"nobraker"}}, `"nobraker" is not a code rule`},
		{map[string]any{"enable": []any{"nobraker"}}, "did you mean nobreaker?"},
		{map[string]any{"disable": []any{"spof"}}, `"spof" reads the system graph: run it with faultline check`},
		{map[string]any{"wrappers": []any{"shield:example.com/x.Do"}}, `wrapper "shield:example.com/x.Do": unknown kind "shield"`},
		{map[string]any{"remotes": []any{"example.com/x.Do"}}, `want KIND:FUNC[:CONTEXT]`},
		{map[string]any{"wrapers": []any{"breaker:example.com/x.Do"}}, `unknown field "wrapers"`},
	} {
		_, err := load(t, c.settings)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("settings %v: error %v, want one containing %q", c.settings, err, c.want)
		}
	}
}
