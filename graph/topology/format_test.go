package topology

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/faultline-dev/faultline/graph"
)

// stripPositions returns a copy of the graph's exported data without
// positions, which Format cannot keep.
func stripPositions(g *graph.Graph) string {
	c := &graph.Graph{Settings: g.Settings}
	c.Settings.Pos, c.Settings.Fields = graph.Pos{}, nil
	c.Settings.Ignore = append([]graph.SettingsIgnore(nil), g.Settings.Ignore...)
	for i := range c.Settings.Ignore {
		c.Settings.Ignore[i].Pos = graph.Pos{}
	}
	c.Settings.Wrappers = append([]graph.Wrapper(nil), g.Settings.Wrappers...)
	for i := range c.Settings.Wrappers {
		c.Settings.Wrappers[i].Pos = graph.Pos{}
	}
	noPos := func(igs []graph.Ignore) []graph.Ignore {
		out := append([]graph.Ignore(nil), igs...)
		for i := range out {
			out[i].Pos = graph.Pos{}
		}
		return out
	}
	for _, n := range g.Nodes {
		m := *n
		m.Pos, m.Fields, m.Ignore = graph.Pos{}, nil, noPos(n.Ignore)
		c.Nodes = append(c.Nodes, &m)
	}
	for _, e := range g.Edges {
		m := *e
		m.Pos, m.Fields, m.Ignore = graph.Pos{}, nil, noPos(e.Ignore)
		c.Edges = append(c.Edges, &m)
	}
	for _, ep := range g.Entrypoints {
		m := *ep
		m.Pos, m.Fields, m.Ignore = graph.Pos{}, nil, noPos(ep.Ignore)
		c.Entrypoints = append(c.Entrypoints, &m)
	}
	return dump(c)
}

// roundTrip formats g, loads the text and checks that formatting it again
// gives the same text and, when g was loaded from a topology (defaults
// applied), that the graph is the same.
func roundTrip(t *testing.T, g *graph.Graph, loaded bool) []byte {
	t.Helper()
	text, err := Format(g)
	if err != nil {
		t.Fatalf("Format: %v", err)
	}
	g2, err := LoadFS(mapFS(string(text)), ".", Options{})
	if err != nil {
		t.Fatalf("loading the formatted text: %v\n%s", err, text)
	}
	if a, b := stripPositions(g), stripPositions(g2); loaded && a != b {
		t.Fatalf("round trip changed the graph:\nbefore:\n%s\nafter:\n%s\ntext:\n%s", a, b, text)
	}
	text2, err := Format(g2)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(text, text2) {
		t.Errorf("Format is not stable:\n%s\n---\n%s", text, text2)
	}
	return text
}

func TestFormatRoundTrip(t *testing.T) {
	for _, fx := range readFixtures(t, "testdata/good/*.txtar") {
		t.Run(strings.TrimSuffix(filepath.Base(fx.file), ".txtar"), func(t *testing.T) {
			g, err := fx.load()
			if err != nil {
				t.Fatal(err)
			}
			roundTrip(t, g, true)
		})
	}
	t.Run("generated", func(t *testing.T) {
		g, err := LoadFS(mapFS(string(Generate(300, 4, 7))), ".", Options{})
		if err != nil {
			t.Fatal(err)
		}
		roundTrip(t, g, true)
	})
}

func TestFormatOutput(t *testing.T) {
	g := &graph.Graph{
		Nodes: []*graph.Node{
			{Name: "web", Kind: graph.Service, Replicas: 2, ReplicasKnown: true, Tier: graph.TierStandard,
				Ignore: []graph.Ignore{{Rule: "spof", Reason: `say "why"`}}},
			{Name: "for", Kind: graph.Service, Packages: []string{"example.com/for"}}, // learned from code
			{Name: "db-1", Kind: graph.Datastore, Replicas: 1, ReplicasKnown: true, HA: graph.HAManaged},
		},
		Edges: []*graph.Edge{
			{From: "web", To: "db-1", Protocol: "sql", Mode: graph.ModeSync, Criticality: graph.Hard,
				Timeout: 1500 * time.Millisecond, Retries: graph.Retries{Attempts: 1}, Idempotent: true, Via: graph.ViaCode},
			{From: "web", To: "for", Idempotent: true, Retries: graph.Retries{Attempts: 2, Budget: 0.1},
				Match: graph.Match{Host: []string{"for.internal"}}, Ignore: []graph.Ignore{{Rule: "retryamp"}}},
		},
		Entrypoints: []*graph.Entrypoint{{Name: "public", Service: "web", Timeout: 10 * time.Second}},
		Settings: graph.Settings{Disable: []string{"drift"}, MaxAmplification: 4, Enable: []string{"drift", "spof"},
			Severity: map[string]string{"spof": "error", "cascade": "note"}, Exclude: []string{"test/**"}},
	}
	text := roundTrip(t, g, false)
	want := `entrypoints: public: {service: "web", timeout: "10s"}

services: "for": {
	package: "example.com/for"
}

services: web: {
	@faultline(ignore="spof", reason="say \"why\"")
	replicas: 2
	dependsOn: {
		"db-1": {protocol: "sql", timeout: "1.5s"}
		"for": {
			@faultline(ignore="retryamp")
			retries: {attempts: 2, budget: 0.1}
			match: {host: ["for.internal"]}
		}
	}
}

datastores: "db-1": {ha: "managed"}

settings: {
	enable: ["drift", "spof"]
	disable: ["drift"]
	severity: {cascade: "note", spof: "error"}
	exclude: ["test/**"]
	thresholds: {maxAmplification: 4}
}
`
	if string(text) != want {
		t.Errorf("got:\n%s\nwant:\n%s", text, want)
	}
}

func TestFormatRejects(t *testing.T) {
	svc := func(name string) *graph.Node { return &graph.Node{Name: name, Kind: graph.Service} }
	for _, tc := range []struct {
		name string
		g    *graph.Graph
		want string
	}{
		{"nil", nil, "nil graph"},
		{"duplicate", &graph.Graph{Nodes: []*graph.Node{svc("a"), {Name: "a", Kind: graph.Queue}}}, `"a" is both`},
		{"no kind", &graph.Graph{Nodes: []*graph.Node{{Name: "a"}}}, "has no kind"},
		{"edge from datastore", &graph.Graph{Nodes: []*graph.Node{svc("a"), {Name: "d", Kind: graph.Datastore}},
			Edges: []*graph.Edge{{From: "d", To: "a"}}}, "not a service"},
		{"dangling edge", &graph.Graph{Nodes: []*graph.Node{svc("a")}, Edges: []*graph.Edge{{From: "a", To: "b"}}}, "not a node"},
		{"entrypoint", &graph.Graph{Entrypoints: []*graph.Entrypoint{{Name: "e", Service: "x"}}}, "not a service"},
		{"dead letter", &graph.Graph{Nodes: []*graph.Node{{Name: "q", Kind: graph.Queue, DeadLetter: "q"}}}, "not another queue"},
		{"node name", &graph.Graph{Nodes: []*graph.Node{svc("env PAYMENT_ADDR")}}, "contains a space"},
		{"entrypoint name", &graph.Graph{Nodes: []*graph.Node{svc("a")},
			Entrypoints: []*graph.Entrypoint{{Name: "a->b", Service: "a"}}}, `contains "->"`},
	} {
		_, err := Format(tc.g)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
	if b, err := Format(&graph.Graph{}); err != nil || len(b) != 0 {
		t.Errorf("empty graph: %q, %v", b, err)
	}
}

func TestSchema(t *testing.T) {
	if !bytes.Equal(Schema(), schemaCUE) {
		t.Fatal("Schema differs from schema.cue")
	}
	Schema()[0] = 'x' // a copy: the embedded schema is not changed
	if schemaCUE[0] == 'x' {
		t.Fatal("Schema returns the embedded bytes")
	}
	// Every field of the schema can be described in an error message, and
	// the definitions are closed structs with the fields docs/topology.md
	// lists (its "Fields" section).
	top := schemaShape()
	var walk func(s *shape, p string)
	walk = func(s *shape, p string) {
		if s.desc == "" {
			t.Errorf("%s: no description", p)
		}
		for name, f := range s.fields {
			walk(f, p+"."+name)
		}
		if s.elem != nil {
			walk(s.elem, p+"[]")
		}
	}
	walk(top, "#Topology")
	want := map[string]string{
		"services[]":             "dependsOn match package regions replicas server team tier zones",
		"services[].dependsOn[]": "breaker criticality deadline fallback group idempotent match mode observed propagatesDeadline protocol retries timeout via",
		"datastores[]":           "engine ha match regions replicas team zones",
		"queues[]":               "deadLetter engine match maxAge maxLength regions replicas team zones",
		"externals[]":            "match regions replicas team vendor zones",
		"entrypoints[]":          "route service tier timeout",
		"settings":               "disable enable exclude ignore mesh remotes severity thresholds wrappers",
	}
	for p, fields := range want {
		var sh *shape = top
		for _, e := range strings.Split(p, ".") {
			name, isElem := strings.CutSuffix(e, "[]")
			sh = sh.fields[name]
			if isElem && sh != nil {
				sh = sh.elem
			}
		}
		if sh == nil || strings.Join(sh.names, " ") != fields {
			got := []string(nil)
			if sh != nil {
				got = sh.names
			}
			t.Errorf("%s: fields %v, want %s", p, got, fields)
		}
	}
	if d := top.at(fieldPath{"services", "x", "dependsOn", "y", "mode"}); d == nil || !reflect.DeepEqual(d.enum, []string{"sync", "async"}) {
		t.Errorf("mode enum: %+v", d)
	}
}

// TestFormatManifests checks what init writes of what the deployment
// manifests said: replicas (1 too) and zones under a comment naming the
// workload and the lines, match.manifest tying the node to the workload,
// and an entrypoint from a route under a comment; match.manifest loads back.
func TestFormatManifests(t *testing.T) {
	m := func(line int) graph.Pos { return graph.Pos{File: "deploy/web.yaml", Line: line, Col: 3} }
	g := &graph.Graph{
		Nodes: []*graph.Node{
			{Name: "web", Kind: graph.Service, Replicas: 1, ReplicasKnown: true, Zones: []string{"a"},
				Fields:   map[string]graph.Pos{"replicas": m(8), "zones": m(20)},
				Deployed: &graph.Deployment{Workload: "Deployment web-v2", Name: "web-v2", Pos: m(2), Replicas: 1, ReplicasKnown: true, ReplicasPos: m(8), ReplicasFrom: "replicas", Zones: []string{"a"}, ZonesPos: m(20)}},
			{Name: "db", Kind: graph.Datastore, Manifest: []string{"StatefulSet/pg", "pg-replica"}},
		},
		Entrypoints: []*graph.Entrypoint{{Name: "web-lb", Service: "web", Pos: m(30), Why: "Service web-lb (LoadBalancer) routes to Deployment web-v2 (deploy/web.yaml:30:3)"}},
	}
	text, err := Format(g)
	if err != nil {
		t.Fatal(err)
	}
	want := `// From the deployment manifests: Service web-lb (LoadBalancer) routes to
// Deployment web-v2 (deploy/web.yaml:30:3). Keep, rename or delete it; set the
// users' timeout.
entrypoints: "web-lb": {service: "web"}

// Runs as Deployment web-v2 (deploy/web.yaml:2:3): replicas from
// deploy/web.yaml:8:3, zones from deploy/web.yaml:20:3.
services: web: {
	replicas: 1
	zones: ["a"]
	match: {manifest: "web-v2"}
}

datastores: db: {match: {manifest: ["StatefulSet/pg", "pg-replica"]}}
`
	if string(text) != want {
		t.Errorf("got:\n%s\nwant:\n%s", text, want)
	}
	g2, err := LoadFS(mapFS(string(text)), ".", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := g2.Node("web").Manifest; len(got) != 1 || got[0] != "web-v2" {
		t.Errorf("web match.manifest = %v", got)
	}
	if got := g2.Node("db").Manifest; len(got) != 2 {
		t.Errorf("db match.manifest = %v", got)
	}
}
