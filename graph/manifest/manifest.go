// Package manifest reads deployment manifests — Kubernetes YAML (as
// written, or as `helm template` and `kustomize build` print it) and
// docker-compose files — for what they say about a system's resilience:
// how many replicas each workload runs, the zones its pods may run in, and
// which workloads the outside world reaches (LoadBalancer and NodePort
// Services, Ingress rules, Gateway API routes). Every fact keeps the
// position of the YAML that states it, so findings can point there.
//
// The package owns YAML (go.yaml.in/yaml/v3, whose nodes carry lines and
// columns) and knows nothing of Go code or of faultline's topology: tying
// workloads to the services of the graph is the analyzer's job.
//
// What is read, and what is decided:
//
//   - Deployment, StatefulSet, ReplicaSet: spec.replicas (Kubernetes'
//     default of 1 when absent, positioned at the workload's kind line).
//   - DaemonSet: one pod per matching node; the number of nodes is not in
//     the manifests, so its replicas stay unknown (PerNode) and no rule
//     that needs replicas judges it.
//   - HorizontalPodAutoscaler: minReplicas (default 1) of its
//     scaleTargetRef replaces the target's replicas: the autoscaler never
//     runs fewer.
//   - PodDisruptionBudget is not redundancy evidence: it limits voluntary
//     evictions, not crashes, and is ignored.
//   - Zones: a nodeSelector, or a required node affinity, on
//     topology.kubernetes.io/zone (or failure-domain.beta.kubernetes.io/zone)
//     restricts pods to the zones named; a required topologySpreadConstraint
//     (whenUnsatisfiable: DoNotSchedule) or required pod anti-affinity on
//     that key spreads them. Zones are known when the pods are restricted to
//     one zone, or restricted to several and spread over them; otherwise the
//     zones stay unknown.
//   - Service type LoadBalancer or NodePort, Ingress rules and HTTPRoute /
//     GRPCRoute backendRefs are entries: the public ways in. A ClusterIP
//     Service is not, but its name is a name of the workloads it selects.
//   - docker-compose: services, deploy.replicas (or scale), depends_on.
//     Published ports are not entries: compose files publish ports of
//     databases and debugging endpoints as readily as of the front door.
//   - `kind: List` documents are read item by item; unknown kinds are
//     ignored. A Helm chart (a directory with Chart.yaml) and templates
//     left unrendered ({{ }}) are errors that say to run helm template.
package manifest

import (
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/faultline-dev/faultline/graph"
)

// Zone label keys, current and deprecated.
var zoneKeys = []string{"topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"}

// Set is what a group of manifests says.
type Set struct {
	Workloads []*Workload // sorted by file, then line
	Entries   []*Entry    // sorted by file, then line
	files     []string    // the files read, as given to Load's rel
}

// Workload is something that runs pods (or compose containers).
type Workload struct {
	Kind      string // Deployment, StatefulSet, DaemonSet, ReplicaSet, or "compose service"
	Name      string
	Namespace string    // "" for the default namespace and for compose
	Pos       graph.Pos // the kind: line (compose: the service's key)

	// Replicas is spec.replicas, or 1 when the field is absent;
	// ReplicasPos is the replicas: line, or Pos when it is absent.
	Replicas        int
	ReplicasWritten bool
	ReplicasPos     graph.Pos
	// PerNode is set for a DaemonSet: one pod per node, how many unknown.
	PerNode bool
	// Autoscaler is the HorizontalPodAutoscaler scaling it, if any.
	Autoscaler *Autoscaler

	// Zones are the zones its pods run in when the manifests say
	// (see the package documentation); nil when unknown.
	Zones    []string
	ZonesPos graph.Pos
	// Spread is set when a required constraint spreads its pods over zones.
	Spread bool

	Containers []Container
	Labels     map[string]string // the pod template's labels
	Services   []string          // the Services that select it, sorted
	DependsOn  []string          // compose depends_on
}

// Container is a container of a workload's pods.
type Container struct {
	Name  string
	Image string
}

// Autoscaler is a HorizontalPodAutoscaler.
type Autoscaler struct {
	Name        string
	Pos         graph.Pos // its kind: line
	MinReplicas int       // 1 when absent
	MinPos      graph.Pos // the minReplicas: line, or Pos
}

// Entry is a public way into the system: a LoadBalancer or NodePort
// Service, an Ingress rule, or a Gateway API route.
type Entry struct {
	Kind      string // "Service", "Ingress", "HTTPRoute", "GRPCRoute"
	Name      string
	Namespace string
	Type      string // a Service's type
	Route     string // host and path of an Ingress rule or route, when written
	Pos       graph.Pos
	Workloads []*Workload // what it routes to, sorted by name
}

// String names the entry as people say it: "Service frontend-external
// (LoadBalancer)", "Ingress shop".
func (e *Entry) String() string {
	if e.Type != "" {
		return e.Kind + " " + e.Name + " (" + e.Type + ")"
	}
	return e.Kind + " " + e.Name
}

// String names the workload: "Deployment checkout".
func (w *Workload) String() string { return w.Kind + " " + w.Name }

// Running returns the number of pods the workload runs at least, where
// that is written (the autoscaler's minReplicas, else replicas, else the
// workload), and false for a DaemonSet.
func (w *Workload) Running() (n int, pos graph.Pos, ok bool) {
	if w.PerNode {
		return 0, graph.Pos{}, false
	}
	if a := w.Autoscaler; a != nil {
		return a.MinReplicas, a.MinPos, true
	}
	return w.Replicas, w.ReplicasPos, true
}

// Names returns the names the workload is known by: its own, its
// containers', the Services that select it, and its images' (the last path
// element, without tag or digest).
func (w *Workload) Names() []string {
	out := []string{w.Name}
	for _, c := range w.Containers {
		out = append(out, c.Name)
	}
	out = append(out, w.Services...)
	for _, c := range w.Containers {
		if img := ImageName(c.Image); img != "" {
			out = append(out, img)
		}
	}
	var uniq []string
	for _, s := range out {
		if s != "" && !slices.Contains(uniq, s) {
			uniq = append(uniq, s)
		}
	}
	return uniq
}

// ImageName returns the name of an image reference without registry,
// repository path, tag or digest: "gcr.io/x/frontend:v1@sha256:…" gives
// "frontend".
func ImageName(ref string) string {
	ref, _, _ = strings.Cut(ref, "@")
	if i := strings.LastIndexByte(ref, '/'); i >= 0 {
		ref = ref[i+1:]
	}
	ref, _, _ = strings.Cut(ref, ":")
	return ref
}

// Error is a manifest that cannot be read: malformed YAML, an unrendered
// template, a Helm chart.
type Error struct {
	Pos graph.Pos
	Msg string
}

func (e *Error) Error() string {
	if e.Pos.IsValid() {
		return e.Pos.String() + ": " + e.Msg
	}
	return e.Pos.File + ": " + e.Msg
}

// Load reads the manifests in paths (files, or directories searched
// recursively for .yaml and .yml files). rel turns a file's path into the
// form positions carry (relative to the run's root, slashed).
func Load(paths []string, rel func(string) string) (*Set, error) {
	var files []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, &Error{Pos: graph.Pos{File: rel(p)}, Msg: "cannot read manifests: " + strings.TrimPrefix(err.Error(), "stat "+p+": ")}
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				if _, err := os.Stat(filepath.Join(path, "Chart.yaml")); err == nil {
					return &Error{Pos: graph.Pos{File: rel(filepath.Join(path, "Chart.yaml"))},
						Msg: "a Helm chart, not manifests: run `helm template` on it and give the output file to -manifests"}
				}
				return nil
			}
			if ext := filepath.Ext(name); ext == ".yaml" || ext == ".yml" {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			if _, ok := err.(*Error); ok {
				return nil, err
			}
			return nil, &Error{Pos: graph.Pos{File: rel(p)}, Msg: "cannot read manifests: " + err.Error()}
		}
	}
	slices.Sort(files)
	files = slices.Compact(files)
	r := &reader{set: &Set{}}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, &Error{Pos: graph.Pos{File: rel(f)}, Msg: "cannot read: " + err.Error()}
		}
		if err := r.file(rel(f), data); err != nil {
			return nil, err
		}
		r.set.files = append(r.set.files, rel(f))
	}
	r.link()
	return r.set, nil
}

// Parse reads the manifests of one file's contents, named file in
// positions.
func Parse(file string, data []byte) (*Set, error) {
	r := &reader{set: &Set{files: []string{file}}}
	if err := r.file(file, data); err != nil {
		return nil, err
	}
	r.link()
	return r.set, nil
}

type reader struct {
	set      *Set
	services []*k8sService
	hpas     []*hpa
	routes   []*route
}

type k8sService struct {
	name, namespace, typ string
	selector             map[string]string
	pos                  graph.Pos
}

type hpa struct {
	a                  Autoscaler
	namespace          string
	targetKind, target string
	hasTarget          bool
}

// route is an Ingress or a Gateway route: the Services it sends to.
type route struct {
	entry    *Entry
	backends []string
}

// The kinds the reader reads; other kinds are ignored, so their contents
// (a ConfigMap holding alerting rules with {{ }} in them) are not checked.
var readKinds = []string{"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "HorizontalPodAutoscaler",
	"Service", "Ingress", "HTTPRoute", "GRPCRoute", "List"}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// file reads the YAML documents of one file. Documents are split at
// their "---" markers and parsed one by one, so that a template
// expression can be told apart in the document that holds it.
func (r *reader) file(file string, data []byte) error {
	lines := strings.SplitAfter(string(data), "\n")
	start := 0
	flush := func(end int) error {
		if end <= start {
			return nil
		}
		err := r.document(file, start, lines[start:end])
		start = end + 1
		return err
	}
	for i, l := range lines {
		if isDocMarker(l) {
			if err := flush(i); err != nil {
				return err
			}
			start = i + 1
		}
	}
	return flush(len(lines))
}

func isDocMarker(l string) bool {
	l = strings.TrimRight(l, "\r\n")
	return (strings.HasPrefix(l, "---") || strings.HasPrefix(l, "...")) && (len(l) == 3 || l[3] == ' ' || l[3] == '\t')
}

// document parses one document whose first line is line offset+1 of file.
func (r *reader) document(file string, offset int, lines []string) error {
	text := strings.Join(lines, "")
	if strings.TrimSpace(text) == "" {
		return nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		pos := graph.Pos{File: file, Line: offset + 1, Col: 1}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			pos.Line = offset + n
			if n >= 1 && n <= len(lines) {
				pos.Col = indent(lines[n-1]) + 1
			}
			msg = m[2]
		}
		if tp, ok := template(file, offset, lines); ok {
			return &Error{Pos: tp, Msg: "an unrendered template ({{ }}): run `helm template` (or `kustomize build`) and give its output to -manifests"}
		}
		return &Error{Pos: pos, Msg: "malformed YAML: " + msg}
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := deref(doc.Content[0])
	if root == nil || root.Kind != yaml.MappingNode {
		return nil
	}
	kind := scalar(get(root, "kind"))
	if kind == "" {
		if get(root, "apiVersion") == nil && get(root, "services") != nil {
			if tp, ok := template(file, offset, lines); ok {
				return &Error{Pos: tp, Msg: "an unrendered template ({{ }}): render it first and give the output to -manifests"}
			}
			r.compose(file, offset, root)
		}
		return nil
	}
	if !slices.Contains(readKinds, kind) {
		return nil
	}
	return r.object(file, offset, lines, root, 0)
}

// span returns the first and last lines (1-based, in the document) of
// node n's subtree.
func span(n *yaml.Node) (first, last int) {
	first, last = n.Line, n.Line
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if n == nil || depth > 64 {
			return
		}
		last = max(last, n.Line)
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return first, last
}

// template returns the position of the first "{{" outside a comment.
func template(file string, offset int, lines []string) (graph.Pos, bool) {
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "#") {
			continue
		}
		if c := strings.Index(l, "{{"); c >= 0 {
			if h := strings.Index(l, " #"); h >= 0 && h < c {
				continue
			}
			return graph.Pos{File: file, Line: offset + i + 1, Col: c + 1}, true
		}
	}
	return graph.Pos{}, false
}

func indent(l string) int { return len(l) - len(strings.TrimLeft(l, " \t")) }

// maxListDepth bounds nested `kind: List` documents.
const maxListDepth = 8

// object reads one Kubernetes object; lines are its document's. An
// object of a kind read that holds a template expression is an error.
func (r *reader) object(file string, offset int, lines []string, o *yaml.Node, depth int) error {
	p := func(n *yaml.Node) graph.Pos { return pos(file, offset, n) }
	kind := scalar(get(o, "kind"))
	if !slices.Contains(readKinds, kind) {
		return nil
	}
	if kind != "List" {
		first, last := span(o)
		if first >= 1 && first <= last && last <= len(lines) {
			if tp, ok := template(file, offset+first-1, lines[first-1:last]); ok {
				return &Error{Pos: tp, Msg: "an unrendered template ({{ }}): run `helm template` (or `kustomize build`) and give its output to -manifests"}
			}
		}
	}
	meta := get(o, "metadata")
	name, ns := scalar(get(meta, "name")), scalar(get(meta, "namespace"))
	spec := get(o, "spec")
	at := p(keyOf(o, "kind"))
	switch kind {
	case "List":
		if depth >= maxListDepth {
			return nil
		}
		for _, it := range items(get(o, "items")) {
			if it.Kind == yaml.MappingNode {
				if err := r.object(file, offset, lines, it, depth+1); err != nil {
					return err
				}
			}
		}
	case "Deployment", "StatefulSet", "ReplicaSet", "DaemonSet":
		if name == "" {
			return nil
		}
		w := &Workload{Kind: kind, Name: name, Namespace: ns, Pos: at, Replicas: 1, ReplicasPos: at}
		if kind == "DaemonSet" {
			w.PerNode = true
		} else if rn := get(spec, "replicas"); rn != nil {
			if v, err := strconv.Atoi(scalar(rn)); err == nil && v >= 0 {
				w.Replicas, w.ReplicasWritten, w.ReplicasPos = v, true, p(keyOf(spec, "replicas"))
			}
		}
		tmpl := get(spec, "template")
		w.Labels = stringMap(get(get(tmpl, "metadata"), "labels"))
		pod := get(tmpl, "spec")
		for _, c := range items(get(pod, "containers")) {
			w.Containers = append(w.Containers, Container{Name: scalar(get(c, "name")), Image: scalar(get(c, "image"))})
		}
		r.zones(w, file, offset, pod)
		r.set.Workloads = append(r.set.Workloads, w)
	case "HorizontalPodAutoscaler":
		h := &hpa{a: Autoscaler{Name: name, Pos: at, MinReplicas: 1, MinPos: at}, namespace: ns}
		ref := get(spec, "scaleTargetRef")
		h.targetKind, h.target = scalar(get(ref, "kind")), scalar(get(ref, "name"))
		h.hasTarget = h.target != ""
		if mn := get(spec, "minReplicas"); mn != nil {
			if v, err := strconv.Atoi(scalar(mn)); err == nil && v >= 0 {
				h.a.MinReplicas, h.a.MinPos = v, p(keyOf(spec, "minReplicas"))
			}
		}
		r.hpas = append(r.hpas, h)
	case "Service":
		if name == "" {
			return nil
		}
		typ := cmp.Or(scalar(get(spec, "type")), "ClusterIP")
		s := &k8sService{name: name, namespace: ns, typ: typ, selector: stringMap(get(spec, "selector")), pos: at}
		r.services = append(r.services, s)
		if typ == "LoadBalancer" || typ == "NodePort" {
			tp := at
			if k := keyOf(spec, "type"); k != nil {
				tp = p(k)
			}
			r.routes = append(r.routes, &route{entry: &Entry{Kind: kind, Name: name, Namespace: ns, Type: typ, Pos: tp}, backends: []string{name}})
		}
	case "Ingress":
		if name == "" {
			return nil
		}
		for _, n := range []*yaml.Node{get(spec, "defaultBackend"), get(spec, "backend")} {
			if b := ingressBackend(n); b != "" {
				r.routes = append(r.routes, &route{entry: &Entry{Kind: kind, Name: name, Namespace: ns, Route: "*", Pos: p(n)}, backends: []string{b}})
			}
		}
		for _, rule := range items(get(spec, "rules")) {
			host := scalar(get(rule, "host"))
			for _, path := range items(get(get(rule, "http"), "paths")) {
				b := ingressBackend(get(path, "backend"))
				if b == "" {
					continue
				}
				r.routes = append(r.routes, &route{
					entry:    &Entry{Kind: kind, Name: name, Namespace: ns, Route: host + scalar(get(path, "path")), Pos: p(path)},
					backends: []string{b},
				})
			}
		}
	case "HTTPRoute", "GRPCRoute":
		if name == "" {
			return nil
		}
		var hosts []string
		for _, h := range items(get(spec, "hostnames")) {
			hosts = append(hosts, scalar(h))
		}
		for _, rule := range items(get(spec, "rules")) {
			var backends []string
			for _, b := range items(get(rule, "backendRefs")) {
				if k := scalar(get(b, "kind")); k != "" && k != "Service" {
					continue
				}
				if n := scalar(get(b, "name")); n != "" {
					backends = append(backends, n)
				}
			}
			if len(backends) == 0 {
				continue
			}
			routeText := strings.Join(hosts, ",")
			for _, m := range items(get(rule, "matches")) {
				if v := scalar(get(get(m, "path"), "value")); v != "" {
					routeText += v
					break
				}
				if s := scalar(get(get(m, "method"), "service")); s != "" {
					routeText += "/" + s
					break
				}
			}
			r.routes = append(r.routes, &route{entry: &Entry{Kind: kind, Name: name, Namespace: ns, Route: routeText, Pos: p(rule)}, backends: backends})
		}
	}
	return nil
}

// ingressBackend returns the Service an Ingress backend names (networking
// v1, or the older serviceName).
func ingressBackend(b *yaml.Node) string {
	if n := scalar(get(get(b, "service"), "name")); n != "" {
		return n
	}
	return scalar(get(b, "serviceName"))
}

// zones reads where a workload's pods may run and whether they are spread.
func (r *reader) zones(w *Workload, file string, offset int, pod *yaml.Node) {
	p := func(n *yaml.Node) graph.Pos { return pos(file, offset, n) }
	var allowed []string
	var at graph.Pos
	restrict := func(zs []string, where graph.Pos) {
		if allowed == nil {
			allowed, at = zs, where
			return
		}
		// Both apply: the pods run where both allow.
		allowed = slices.DeleteFunc(allowed, func(z string) bool { return !slices.Contains(zs, z) })
		at = where
	}
	ns := get(pod, "nodeSelector")
	for _, k := range zoneKeys {
		if v := scalar(get(ns, k)); v != "" {
			restrict([]string{v}, p(keyOf(ns, k)))
		}
	}
	aff := get(pod, "affinity")
	terms := items(get(get(get(aff, "nodeAffinity"), "requiredDuringSchedulingIgnoredDuringExecution"), "nodeSelectorTerms"))
	// Terms are alternatives: the zones are known only when every term
	// restricts them.
	var union []string
	var unionAt graph.Pos
	every := len(terms) > 0
	for _, t := range terms {
		found := false
		for _, e := range items(get(t, "matchExpressions")) {
			if !slices.Contains(zoneKeys, scalar(get(e, "key"))) || scalar(get(e, "operator")) != "In" {
				continue
			}
			found = true
			for _, v := range items(get(e, "values")) {
				if s := scalar(v); s != "" && !slices.Contains(union, s) {
					union = append(union, s)
				}
			}
			if !unionAt.IsValid() {
				unionAt = p(keyOf(e, "values"))
			}
		}
		every = every && found
	}
	if every && len(union) > 0 {
		restrict(union, unionAt)
	}
	for _, c := range items(get(pod, "topologySpreadConstraints")) {
		if slices.Contains(zoneKeys, scalar(get(c, "topologyKey"))) && scalar(get(c, "whenUnsatisfiable")) != "ScheduleAnyway" {
			w.Spread = true
		}
	}
	for _, t := range items(get(get(aff, "podAntiAffinity"), "requiredDuringSchedulingIgnoredDuringExecution")) {
		if slices.Contains(zoneKeys, scalar(get(t, "topologyKey"))) {
			w.Spread = true
		}
	}
	switch {
	case allowed == nil:
	case len(allowed) == 1, len(allowed) > 1 && w.Spread:
		slices.Sort(allowed)
		w.Zones, w.ZonesPos = allowed, at
	}
}

// compose reads a docker-compose file's services.
func (r *reader) compose(file string, offset int, root *yaml.Node) {
	svcs := get(root, "services")
	if svcs == nil || svcs.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(svcs.Content); i += 2 {
		k, v := svcs.Content[i], deref(svcs.Content[i+1])
		if k.Value == "" || v == nil || v.Kind != yaml.MappingNode {
			continue
		}
		at := pos(file, offset, k)
		w := &Workload{Kind: "compose service", Name: k.Value, Pos: at, Replicas: 1, ReplicasPos: at}
		for _, field := range []struct {
			parent *yaml.Node
			key    string
		}{{get(v, "deploy"), "replicas"}, {v, "scale"}} {
			if n := get(field.parent, field.key); n != nil {
				if x, err := strconv.Atoi(scalar(n)); err == nil && x >= 0 {
					w.Replicas, w.ReplicasWritten, w.ReplicasPos = x, true, pos(file, offset, keyOf(field.parent, field.key))
					break
				}
			}
		}
		w.Containers = append(w.Containers, Container{Name: scalar(get(v, "container_name")), Image: scalar(get(v, "image"))})
		switch d := get(v, "depends_on"); {
		case d == nil:
		case d.Kind == yaml.SequenceNode:
			for _, it := range d.Content {
				w.DependsOn = append(w.DependsOn, scalar(it))
			}
		case d.Kind == yaml.MappingNode:
			for j := 0; j < len(d.Content); j += 2 {
				w.DependsOn = append(w.DependsOn, d.Content[j].Value)
			}
		}
		slices.Sort(w.DependsOn)
		r.set.Workloads = append(r.set.Workloads, w)
	}
}

// link ties Services to the workloads they select, autoscalers to their
// targets and routes to workloads, and sorts the set.
func (r *reader) link() {
	ws := r.set.Workloads
	selects := func(s *k8sService, w *Workload) bool {
		if len(s.selector) == 0 || w.Namespace != s.namespace || w.Kind == "compose service" {
			return false
		}
		for k, v := range s.selector {
			if w.Labels[k] != v {
				return false
			}
		}
		return true
	}
	byService := map[string][]*Workload{}
	for _, s := range r.services {
		for _, w := range ws {
			if selects(s, w) {
				w.Services = append(w.Services, s.name)
				byService[s.namespace+"/"+s.name] = append(byService[s.namespace+"/"+s.name], w)
			}
		}
	}
	for _, w := range ws {
		slices.Sort(w.Services)
		w.Services = slices.Compact(w.Services)
	}
	for _, h := range r.hpas {
		if !h.hasTarget {
			continue
		}
		for _, w := range ws {
			if w.Name == h.target && w.Namespace == h.namespace && (h.targetKind == "" || h.targetKind == w.Kind) && !w.PerNode {
				a := h.a
				w.Autoscaler = &a
			}
		}
	}
	for _, rt := range r.routes {
		for _, b := range rt.backends {
			for _, w := range byService[rt.entry.Namespace+"/"+b] {
				if !slices.Contains(rt.entry.Workloads, w) {
					rt.entry.Workloads = append(rt.entry.Workloads, w)
				}
			}
		}
		slices.SortFunc(rt.entry.Workloads, func(a, b *Workload) int { return strings.Compare(a.Name, b.Name) })
		r.set.Entries = append(r.set.Entries, rt.entry)
	}
	byPos := func(a, b graph.Pos) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	}
	slices.SortStableFunc(r.set.Workloads, func(a, b *Workload) int { return byPos(a.Pos, b.Pos) })
	slices.SortStableFunc(r.set.Entries, func(a, b *Entry) int { return byPos(a.Pos, b.Pos) })
}

// YAML helpers. Aliases are followed one step; merge keys are not
// expanded.

func deref(n *yaml.Node) *yaml.Node {
	if n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
		if n != nil && n.Kind == yaml.AliasNode {
			return nil
		}
	}
	return n
}

// keyOf returns the key node of field key of mapping m, or nil.
func keyOf(m *yaml.Node, key string) *yaml.Node {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

// get returns the value of field key of mapping m, or nil.
func get(m *yaml.Node, key string) *yaml.Node {
	m = deref(m)
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return deref(m.Content[i+1])
		}
	}
	return nil
}

func scalar(n *yaml.Node) string {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

func items(n *yaml.Node) []*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []*yaml.Node
	for _, it := range n.Content {
		if it = deref(it); it != nil {
			out = append(out, it)
		}
	}
	return out
}

func stringMap(n *yaml.Node) map[string]string {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	out := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		out[n.Content[i].Value] = scalar(n.Content[i+1])
	}
	return out
}

func pos(file string, offset int, n *yaml.Node) graph.Pos {
	if n == nil {
		return graph.Pos{File: file}
	}
	return graph.Pos{File: file, Line: offset + n.Line, Col: n.Column}
}

// Files returns the files read; none for a nil set.
func (s *Set) Files() []string {
	if s == nil {
		return nil
	}
	return s.files
}

// String describes the set for messages: "3 workloads in 2 files".
func (s *Set) String() string {
	return fmt.Sprintf("%d workloads in %d files", len(s.Workloads), len(s.files))
}
