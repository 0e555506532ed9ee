package analyzer

import (
	"slices"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

func TestMergeSettings(t *testing.T) {
	at := func(f string, l int) graph.Pos { return graph.Pos{File: f, Line: l, Col: 1} }
	topo := &graph.Settings{
		Disable:          []string{"spof"},
		Exclude:          []string{"test/**"},
		Severity:         map[string]string{"nobreaker": "note"},
		MaxAmplification: 8,
		Wrappers:         []graph.Wrapper{{Func: "example.com/r.Do"}},
		Fields:           map[string]graph.Pos{"thresholds.maxAmplification": at("topology.cue", 3), "severity.nobreaker": at("topology.cue", 4)},
	}
	conf := &graph.Settings{
		Disable:  []string{"spof", "cascade"},
		Exclude:  []string{"samples/**"},
		Severity: map[string]string{"httptimeout": "error"},
		Wrappers: []graph.Wrapper{{Func: "example.com/r.Breaker"}},
		Enable:   []string{"spof", "httptimeout"},
		Fields:   map[string]graph.Pos{"enable": at("faultline.cue", 2)},
	}
	m, err := mergeSettings(topo, conf)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Disable, []string{"spof", "cascade"}) || !slices.Equal(m.Exclude, []string{"test/**", "samples/**"}) ||
		len(m.Wrappers) != 2 || m.Severity["nobreaker"] != "note" || m.Severity["httptimeout"] != "error" ||
		m.MaxAmplification != 8 || !slices.Equal(m.Enable, conf.Enable) || m.Fields["enable"] != at("faultline.cue", 2) {
		t.Errorf("merged = %+v", m)
	}
	if topo.Severity["httptimeout"] != "" || len(topo.Disable) != 1 {
		t.Error("mergeSettings changed the topology's settings")
	}

	// The same threshold and severity with other values: both places named.
	conf2 := &graph.Settings{MaxAmplification: 20, Severity: map[string]string{"nobreaker": "error"},
		Fields: map[string]graph.Pos{"thresholds.maxAmplification": at("faultline.cue", 7), "severity.nobreaker": at("faultline.cue", 8)}}
	_, err = mergeSettings(topo, conf2)
	if err == nil {
		t.Fatal("conflicting settings merged")
	}
	for _, want := range []string{
		"faultline.cue:7:1: settings.thresholds.maxAmplification is 20 here and 8 at topology.cue:3:1",
		`faultline.cue:8:1: settings.severity.nobreaker is "error" here and "note" at topology.cue:4:1`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	// The same value in both files is no conflict.
	if _, err := mergeSettings(topo, &graph.Settings{MaxAmplification: 8}); err != nil {
		t.Errorf("equal thresholds: %v", err)
	}
}

func TestApplyFindingSettings(t *testing.T) {
	s := &graph.Settings{Exclude: []string{"test/**", "**/samples"}, Severity: map[string]string{"nobreaker": "error"}}
	fs := []Finding{
		{Rule: "nobreaker", File: "web/main.go", Severity: rules.Warning},
		{Rule: "httptimeout", File: "test/e2e/x.go", Severity: rules.Warning},
		{Rule: "httptimeout", File: "a/samples/echo/main.go", Severity: rules.Warning},
		{Rule: "spof", File: "test/topology.cue", Severity: rules.Warning}, // not Go: kept
	}
	got, n := applyFindingSettings(fs, s)
	if n != 2 || len(got) != 2 || got[0].Severity != rules.Error || got[1].Rule != "spof" {
		t.Errorf("got %d excluded, %+v", n, got)
	}
}
