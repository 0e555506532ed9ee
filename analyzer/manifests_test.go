package analyzer

import (
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/manifest"
)

const manifestsYAML = `kind: Deployment
metadata: {name: productcatalogservice}
spec:
  template:
    metadata: {labels: {app: catalog}}
    spec: {containers: [{name: server, image: gcr.io/x/productcatalogservice:v1}]}
---
kind: Service
metadata: {name: web-public}
spec: {type: LoadBalancer, selector: {app: web}}
---
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web}]
      nodeSelector: {topology.kubernetes.io/zone: z1}
---
kind: Deployment
metadata: {name: batch-runner}
spec: {replicas: 2}
---
kind: Deployment
metadata: {name: legacy}
spec: {replicas: 4}
---
kind: StatefulSet
metadata: {name: pg}
spec: {replicas: 1}
`

func manifestGraph(topology bool) *graph.Graph {
	src := graph.FromCode
	if topology {
		src = graph.FromTopology
	}
	g := &graph.Graph{Nodes: []*graph.Node{
		{Name: "web", Kind: graph.Service, Source: src, Replicas: 1, ReplicasKnown: topology},
		{Name: "product-catalog", Kind: graph.Service, Source: graph.FromCode, Replicas: 1},
		{Name: "orders", Kind: graph.Datastore, Source: src, Manifest: []string{"StatefulSet/pg"}, Replicas: 1, ReplicasKnown: topology},
		{Name: "batch", Kind: graph.Service, Source: graph.FromCode, Replicas: 1},
	}}
	if topology {
		g.Nodes[0].Fields = map[string]graph.Pos{"replicas": {File: "topology.cue", Line: 3, Col: 2}, "zones": {File: "topology.cue", Line: 4, Col: 2}}
		g.Nodes[0].Replicas, g.Nodes[0].Zones = 2, []string{"z1", "z2"}
	}
	g.Index()
	return g
}

func TestApplyManifestsCodeOnly(t *testing.T) {
	set, err := manifest.Parse("k8s.yaml", []byte(manifestsYAML))
	if err != nil {
		t.Fatal(err)
	}
	g := manifestGraph(false)
	g.Entrypoints = []*graph.Entrypoint{
		{Name: "web-http", Service: "web", Inferred: true},
		{Name: "batch-http", Service: "batch", Inferred: true},
	}
	out := applyManifests(g, set)

	web := g.Node("web")
	if !web.ReplicasKnown || web.Replicas != 3 || web.FieldPos("replicas") != (graph.Pos{File: "k8s.yaml", Line: 15, Col: 3}) {
		t.Errorf("web: %d replicas at %v", web.Replicas, web.FieldPos("replicas"))
	}
	if strings.Join(web.Zones, ",") != "z1" || web.FieldPos("zones").Line != 20 {
		t.Errorf("web zones %v at %v", web.Zones, web.FieldPos("zones"))
	}
	pc := g.Node("product-catalog")
	if pc.Deployed == nil || pc.Replicas != 1 || !pc.ReplicasKnown || pc.FieldPos("replicas") != (graph.Pos{File: "k8s.yaml", Line: 1, Col: 1}) || pc.Deployed.ReplicasFrom != "the default of 1" {
		t.Errorf("productcatalogservice must match product-catalog with the default 1 at its kind line: %+v", pc.Deployed)
	}
	if o := g.Node("orders"); o.Deployed == nil || o.Deployed.Workload != "StatefulSet pg" || !o.ReplicasKnown {
		t.Errorf("match.manifest must tie pg to orders: %+v", o.Deployed)
	}
	// batch-runner normalises to batch-runner, not batch: no guess.
	if b := g.Node("batch"); b.Deployed != nil || b.ReplicasKnown {
		t.Errorf("batch matched %v", b.Deployed)
	}
	var notes []string
	for _, u := range g.UnmatchedWorkloads {
		notes = append(notes, u.Workload)
	}
	if strings.Join(notes, ",") != "Deployment batch-runner,Deployment legacy" {
		t.Errorf("unmatched = %v", notes)
	}
	if len(g.Entrypoints) != 1 || g.Entrypoints[0].Name != "web-public" || g.Entrypoints[0].Service != "web" || g.Entrypoints[0].Inferred ||
		g.Entrypoints[0].Pos != (graph.Pos{File: "k8s.yaml", Line: 10, Col: 8}) || !strings.Contains(g.Entrypoints[0].Why, "Service web-public (LoadBalancer) routes to Deployment web") {
		t.Errorf("entrypoints = %+v", g.Entrypoints[0])
	}
	if len(out.warnings) != 1 || !strings.Contains(out.warnings[0], "1 entrypoint inferred from code is internal") || !strings.Contains(out.warnings[0], "batch-http") {
		t.Errorf("warnings = %q", out.warnings)
	}
}

func TestApplyManifestsTopologyWins(t *testing.T) {
	set, err := manifest.Parse("k8s.yaml", []byte(manifestsYAML))
	if err != nil {
		t.Fatal(err)
	}
	g := manifestGraph(true)
	g.Entrypoints = []*graph.Entrypoint{{Name: "api", Service: "product-catalog"}}
	applyManifests(g, set)
	web := g.Node("web")
	if web.Replicas != 2 || web.FieldPos("replicas").File != "topology.cue" || strings.Join(web.Zones, ",") != "z1,z2" {
		t.Errorf("the topology's replicas and zones must win: %d %v", web.Replicas, web.Zones)
	}
	if web.Deployed == nil || web.Deployed.Replicas != 3 {
		t.Errorf("the manifest's replicas must be recorded for drift")
	}
	if o := g.Node("orders"); o.Replicas != 1 || o.FieldPos("replicas").File != "k8s.yaml" {
		t.Errorf("replicas the topology does not write come from the manifest: %v", o.FieldPos("replicas"))
	}
	if len(g.Entrypoints) != 1 || len(g.Exposures) != 1 || g.Exposures[0].Service != "web" {
		t.Errorf("declared entrypoints stay; the route to web is an exposure: %v %v", g.Entrypoints, g.Exposures)
	}
}

func TestManifestKeys(t *testing.T) {
	for _, tc := range [][2]string{
		{"productcatalogservice", "productcatalog"},
		{"product-catalog", "productcatalog"},
		{"PRODUCT_CATALOG_SERVICE", "productcatalog"},
		{"cartservice", "cart"},
		{"inventory-server", "inventory"},
		{"server", ""},
	} {
		if _, got := manifestKeys(tc[0]); got != tc[1] {
			t.Errorf("manifestKeys(%q) = %q, want %q", tc[0], got, tc[1])
		}
	}
}
