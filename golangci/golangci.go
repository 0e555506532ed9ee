// Package golangci is faultline's golangci-lint module plugin: it registers
// the code rules under the name "faultline", configured from the linter's
// settings in .golangci.yml.
//
// A custom golangci-lint that links it is built with `golangci-lint
// custom` from a .custom-gcl.yml naming this module and the import path
// github.com/faultline-dev/faultline/golangci (docs/ci.md).
//
// Only the code rules run here, package by package, as under go vet. The
// rules that need the whole system (the graph rules: spof, cascade,
// retryamp, …, and what the code rules' Refine hooks decide with the graph,
// such as ctxdeadline's judgement of incoming gRPC contexts) stay in
// `faultline check`.
package golangci

import (
	"fmt"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/rules"
)

func init() { register.Plugin("faultline", New) }

// Settings are the plugin's settings, under
// linters.settings.custom.faultline.settings in .golangci.yml.
type Settings struct {
	// Enable lists the code rules to run; empty means all of them.
	Enable []string `json:"enable"`
	// Disable lists code rules not to run.
	Disable []string `json:"disable"`
	// Wrappers are the team's own protecting functions, KIND:FUNC items
	// as -faultline.wrappers takes them (KIND: breaker, retry or timeout).
	Wrappers []string `json:"wrappers"`
	// Remotes are the team's own client APIs, KIND:FUNC[:CONTEXT] items as
	// -faultline.remotes takes them.
	Remotes []string `json:"remotes"`
	// NoNolint turns off faultline's own reading of //nolint:faultline and
	// //nolint:RULE comments (golangci-lint reads //nolint:faultline
	// itself).
	NoNolint bool `json:"no-nolint"`
}

// Plugin is the faultline linter, configured.
type Plugin struct {
	analyzers []*analysis.Analyzer
}

// New decodes the settings and returns the plugin. An unknown rule, a
// malformed wrapper or remote is an error naming it.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("faultline: %v", err)
	}
	return build(s)
}

func build(s Settings) (*Plugin, error) {
	// No Annotate: golangci-lint itself starts each message with the
	// name of the analyzer that reported it ("nobreaker: …").
	conf := &rules.Config{NoNolint: s.NoNolint}
	ws, err := rules.ParseWrappers(strings.Join(s.Wrappers, ","))
	if err != nil {
		return nil, fmt.Errorf("faultline: wrappers: %v", err)
	}
	conf.Wrappers = ws
	rs, err := rules.ParseRemotes(strings.Join(s.Remotes, ","))
	if err != nil {
		return nil, fmt.Errorf("faultline: remotes: %v", err)
	}
	conf.Remotes = rs

	all := rules.Analyzers()
	var names []string
	for _, a := range all {
		names = append(names, a.Name)
	}
	check := func(list string, ns []string) error {
		for _, n := range ns {
			if slices.Contains(names, n) {
				continue
			}
			msg := fmt.Sprintf("faultline: %s: %q is not a code rule (code rules: %s)", list, n, strings.Join(names, ", "))
			if r := rules.Lookup(n); r != nil {
				msg = fmt.Sprintf("faultline: %s: %q reads the system graph: run it with faultline check", list, n)
			} else if near := rules.Nearest(n); near != "" {
				msg += fmt.Sprintf("; did you mean %s?", near)
			}
			return fmt.Errorf("%s", msg)
		}
		return nil
	}
	if err := check("enable", s.Enable); err != nil {
		return nil, err
	}
	if err := check("disable", s.Disable); err != nil {
		return nil, err
	}
	var keep []*analysis.Analyzer
	for _, a := range all {
		if (len(s.Enable) == 0 || slices.Contains(s.Enable, a.Name)) && !slices.Contains(s.Disable, a.Name) {
			keep = append(keep, a)
		}
	}
	return &Plugin{analyzers: rules.Bind(keep, conf)}, nil
}

// BuildAnalyzers returns the code rules' analyzers bound to the settings.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) { return p.analyzers, nil }

// GetLoadMode says that the rules need type information.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
