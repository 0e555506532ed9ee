package manifest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/graph"
)

const k8s = `# a comment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: checkout
spec:
  replicas: 1
  selector: {matchLabels: {app: checkout}}
  template:
    metadata:
      labels: {app: checkout, tier: backend}
    spec:
      containers:
      - name: server
        image: gcr.io/shop/checkout:v1.2@sha256:abc
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend}
spec:
  template:
    metadata: {labels: {app: frontend}}
    spec:
      containers: [{name: web, image: frontend}]
      nodeSelector:
        topology.kubernetes.io/zone: eu-west-1a
---
apiVersion: v1
kind: Service
metadata: {name: frontend-external}
spec:
  type: LoadBalancer
  selector: {app: frontend}
---
apiVersion: v1
kind: Service
metadata: {name: checkout-svc}
spec:
  selector: {app: checkout}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: checkout}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: checkout}
  minReplicas: 3
  maxReplicas: 10
---
apiVersion: v1
kind: ConfigMap
metadata: {name: rules}
data:
  alert: "{{ $labels.instance }} is down"
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  template:
    spec:
      containers: [{name: agent, image: agent}]
`

func TestParseKubernetes(t *testing.T) {
	s, err := Parse("k.yaml", []byte(k8s))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Workloads) != 3 {
		t.Fatalf("workloads = %d, want 3", len(s.Workloads))
	}
	co, fe, ag := s.Workloads[0], s.Workloads[1], s.Workloads[2]
	if co.String() != "Deployment checkout" || co.Replicas != 1 || !co.ReplicasWritten || co.ReplicasPos != (graph.Pos{File: "k.yaml", Line: 7, Col: 3}) {
		t.Errorf("checkout = %+v", co)
	}
	if n, p, ok := co.Running(); n != 3 || !ok || p != (graph.Pos{File: "k.yaml", Line: 46, Col: 3}) {
		t.Errorf("checkout running = %d %v %v, want 3 at the HPA's minReplicas", n, p, ok)
	}
	if got := strings.Join(co.Names(), ","); got != "checkout,server,checkout-svc" {
		t.Errorf("checkout names = %s", got)
	}
	if fe.ReplicasWritten || fe.ReplicasPos != (graph.Pos{File: "k.yaml", Line: 18, Col: 1}) || fe.Replicas != 1 {
		t.Errorf("frontend replicas = %d at %v, want the default 1 at its kind line", fe.Replicas, fe.ReplicasPos)
	}
	if len(fe.Zones) != 1 || fe.Zones[0] != "eu-west-1a" || fe.ZonesPos != (graph.Pos{File: "k.yaml", Line: 26, Col: 9}) {
		t.Errorf("frontend zones = %v at %v", fe.Zones, fe.ZonesPos)
	}
	if _, _, ok := ag.Running(); ok || !ag.PerNode {
		t.Errorf("a DaemonSet's replicas must be unknown")
	}
	if len(s.Entries) != 1 {
		t.Fatalf("entries = %d, want 1", len(s.Entries))
	}
	e := s.Entries[0]
	if e.String() != "Service frontend-external (LoadBalancer)" || e.Pos != (graph.Pos{File: "k.yaml", Line: 32, Col: 3}) || len(e.Workloads) != 1 || e.Workloads[0] != fe {
		t.Errorf("entry = %v at %v to %v", e, e.Pos, e.Workloads)
	}
}

func TestZones(t *testing.T) {
	for _, tc := range []struct {
		name, pod string
		want      string
	}{
		{"none", `containers: []`, ""},
		{"spread, names unknown", `
      topologySpreadConstraints:
      - {topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, maxSkew: 1}`, ""},
		{"affinity on two, not spread", `
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - {key: topology.kubernetes.io/zone, operator: In, values: [b, a]}`, ""},
		{"affinity on two, spread", `
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - {key: failure-domain.beta.kubernetes.io/zone, operator: In, values: [b, a]}
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
          - topologyKey: topology.kubernetes.io/zone`, "a,b"},
		{"affinity on one", `
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - {key: topology.kubernetes.io/zone, operator: In, values: [a]}`, "a"},
		{"a term without the zone", `
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - {key: topology.kubernetes.io/zone, operator: In, values: [a]}
            - matchExpressions:
              - {key: disk, operator: In, values: [ssd]}`, ""},
		{"preferred spread only", `
      nodeSelector: {topology.kubernetes.io/zone: a}
      topologySpreadConstraints:
      - {topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}`, "a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := "kind: StatefulSet\nmetadata: {name: db}\nspec:\n  replicas: 3\n  template:\n    spec:\n      " + strings.TrimSpace(tc.pod) + "\n"
			s, err := Parse("z.yaml", []byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(s.Workloads[0].Zones, ","); got != tc.want {
				t.Errorf("zones = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRoutes(t *testing.T) {
	src := `kind: List
items:
- kind: Deployment
  metadata: {name: api}
  spec: {replicas: 2, template: {metadata: {labels: {app: api}}, spec: {containers: [{name: api}]}}}
- kind: Service
  metadata: {name: api}
  spec: {selector: {app: api}}
- kind: Ingress
  metadata: {name: web}
  spec:
    rules:
    - host: shop.example.com
      http:
        paths:
        - path: /api
          backend: {service: {name: api, port: {number: 80}}}
        - path: /old
          backend: {serviceName: missing}
- kind: GRPCRoute
  metadata: {name: grpc}
  spec:
    rules:
    - matches: [{method: {service: shop.Api}}]
      backendRefs: [{name: api, port: 80}]
- kind: HTTPRoute
  metadata: {name: other-ns, namespace: x}
  spec:
    rules:
    - backendRefs: [{name: api}]
`
	s, err := Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range s.Entries {
		var ws []string
		for _, w := range e.Workloads {
			ws = append(ws, w.Name)
		}
		got = append(got, e.String()+" "+e.Route+" -> "+strings.Join(ws, ","))
	}
	want := []string{
		"Ingress web shop.example.com/api -> api",
		"Ingress web shop.example.com/old -> ",
		"GRPCRoute grpc /shop.Api -> api",
		"HTTPRoute other-ns  -> ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCompose(t *testing.T) {
	src := `services:
  web:
    image: shop/web:1
    ports: ["8080:8080"]
    depends_on: [api, db]
  api:
    image: shop/api
    deploy:
      replicas: 3
  db:
    image: postgres:16
    depends_on:
      x: {condition: service_healthy}
`
	s, err := Parse("docker-compose.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Workloads) != 3 || len(s.Entries) != 0 {
		t.Fatalf("workloads %d, entries %d", len(s.Workloads), len(s.Entries))
	}
	web, api, db := s.Workloads[0], s.Workloads[1], s.Workloads[2]
	if web.Replicas != 1 || web.ReplicasPos.Line != 2 || strings.Join(web.DependsOn, ",") != "api,db" {
		t.Errorf("web = %+v", web)
	}
	if api.Replicas != 3 || api.ReplicasPos.Line != 9 || strings.Join(api.Names(), ",") != "api" {
		t.Errorf("api = %+v, names %v", api, api.Names())
	}
	if strings.Join(db.Names(), ",") != "db,postgres" || strings.Join(db.DependsOn, ",") != "x" {
		t.Errorf("db names %v", db.Names())
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"malformed", "kind: Deployment\nmetadata:\n  name: x\n   bad: [\n", "m.yaml:4:4: malformed YAML: "},
		{"malformed second document", "kind: Service\n---\nkind: Deployment\nmetadata:\n  name: x\n   bad: 1\n", "m.yaml:6:4: malformed YAML: mapping values are not allowed"},
		{"unrendered, not YAML", "kind: Deployment\nspec:\n  replicas: {{ .Values.replicas }}\n  {{- if .Values.x }}\n", "m.yaml:3:13: an unrendered template ({{ }}): run `helm template`"},
		{"unrendered, valid YAML", "kind: Deployment\nmetadata:\n  name: \"{{ .Release.Name }}\"\n", "m.yaml:3:10: an unrendered template"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("m.yaml", []byte(tc.src))
			var me *Error
			if !errors.As(err, &me) || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("err = %v, want prefix %q", err, tc.want)
			}
		})
	}
}

// TestTemplateInOtherKinds checks that {{ }} in a kind faultline does not
// read (a ConfigMap of alerting rules in helm template's output, a List
// item) is no error, and is one in a workload of the same List.
func TestTemplateInOtherKinds(t *testing.T) {
	ok := "kind: List\nitems:\n- kind: ConfigMap\n  data: {a: \"{{ $labels.x }}\"}\n- kind: Deployment\n  metadata: {name: w}\n"
	if s, err := Parse("l.yaml", []byte(ok)); err != nil || len(s.Workloads) != 1 {
		t.Errorf("err = %v", err)
	}
	bad := ok + "  spec: {replicas: \"{{ .Values.n }}\"}\n"
	if _, err := Parse("l.yaml", []byte(bad)); err == nil || !strings.HasPrefix(err.Error(), "l.yaml:7:21: an unrendered template") {
		t.Errorf("err = %v", err)
	}
}

func TestLoadDirectory(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a/web.yaml", "kind: Deployment\nmetadata: {name: web}\n")
	write("b.yml", "kind: Deployment\nmetadata: {name: api}\nspec: {replicas: 2}\n")
	write("notes.txt", "kind: Deployment\n")
	write(".hidden/x.yaml", "kind: Deployment\nmetadata: {name: hidden}\n")
	rel := func(p string) string { r, _ := filepath.Rel(dir, p); return filepath.ToSlash(r) }
	s, err := Load([]string{dir}, rel)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Workloads) != 2 || s.Workloads[0].Pos.File != "a/web.yaml" || s.Workloads[1].Name != "api" {
		t.Errorf("workloads = %v", s.Workloads)
	}
	write("chart/Chart.yaml", "name: x\n")
	write("chart/templates/d.yaml", "kind: Deployment\nmetadata: {name: {{ .Release.Name }}}\n")
	if _, err := Load([]string{dir}, rel); err == nil || !strings.Contains(err.Error(), "chart/Chart.yaml: a Helm chart") {
		t.Errorf("a chart: err = %v", err)
	}
	if _, err := Load([]string{filepath.Join(dir, "nope")}, rel); err == nil {
		t.Error("a missing directory is no error")
	}
}

// FuzzManifest checks that no input makes the reader panic or hang, and
// that every error carries a position.
func FuzzManifest(f *testing.F) {
	f.Add([]byte(k8s))
	f.Add([]byte("services:\n  a: {deploy: {replicas: 2}, depends_on: [b]}\n  b: *x\n"))
	f.Add([]byte("kind: List\nitems: &a [*a]\n"))
	f.Add([]byte("kind: Deployment\nspec: &s {replicas: 2, template: *s}\n"))
	f.Add([]byte("kind: Service\nspec: {type: NodePort}\n---\n---\n...\nkind: Ingress\n"))
	f.Add([]byte("kind: Deployment\nspec:\n  replicas: {{ .Values.replicas }}\n"))
	entries, _ := os.ReadDir("testdata")
	for _, e := range entries {
		if data, err := os.ReadFile(filepath.Join("testdata", e.Name())); err == nil && !e.IsDir() {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse("f.yaml", data)
		if err != nil {
			var me *Error
			if !errors.As(err, &me) || !me.Pos.IsValid() {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		for _, w := range s.Workloads {
			if !w.Pos.IsValid() || !w.ReplicasPos.IsValid() {
				t.Fatalf("workload %v without a position", w)
			}
		}
	})
}
