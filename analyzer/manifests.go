package analyzer

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/manifest"
)

// loadManifests reads the manifests of cfg.Manifests (relative to dir),
// with positions relative to root. A manifest that cannot be read is an
// input error.
func loadManifests(dir, root string, paths []string) (*manifest.Set, error) {
	if len(paths) == 0 {
		return nil, nil
	}
	var abs []string
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		abs = append(abs, filepath.Clean(p))
	}
	set, err := manifest.Load(abs, func(p string) string { return relSlash(root, p) })
	if err != nil {
		var me *manifest.Error
		if errors.As(err, &me) {
			return nil, &InputError{fmt.Errorf("-manifests: %w", err)}
		}
		return nil, err
	}
	return set, nil
}

// manifestKeys returns the forms of a name that workloads and nodes are
// matched by: the name normalised as match hints are (PAYMENT_SERVICE,
// payment-svc: "payment"), and that form with its hyphens dropped and a
// generic word glued to its end removed ("productcatalogservice" and
// "product-catalog" both give "productcatalog").
func manifestKeys(name string) (norm, squashed string) {
	norm = NormalizeName("", name)
	if norm == "" {
		return "", ""
	}
	squashed = strings.ReplaceAll(norm, "-", "")
	for _, suf := range nameSuffixes {
		if t, ok := strings.CutSuffix(squashed, suf); ok && t != "" && len(t) >= 2 {
			squashed = t
			break
		}
	}
	return norm, squashed
}

// workloadRank says how well workload w matches node n: 3 when the
// topology's match.manifest names it, 2 when one of its names (workload,
// container, Service, image) normalises to the node's name, 1 when they
// agree with hyphens and a glued generic word dropped, 0 for none.
func workloadRank(w *manifest.Workload, n *graph.Node) int {
	if len(n.Manifest) > 0 {
		for _, m := range n.Manifest {
			if m == w.Name || m == strings.ReplaceAll(w.Kind, " ", "-")+"/"+w.Name || m == w.Kind+"/"+w.Name {
				return 3
			}
		}
		return 0 // an explicit match overrides matching by name
	}
	nn, ns := manifestKeys(n.Name)
	if nn == "" {
		return 0
	}
	best := 0
	for _, name := range w.Names() {
		wn, ws := manifestKeys(name)
		switch {
		case wn == "":
		case wn == nn:
			return 2
		case ws == ns:
			best = 1
		}
	}
	return best
}

// explicitly reports whether some node's match.manifest names w.
func explicitly(g *graph.Graph, w *manifest.Workload) bool {
	for _, n := range g.Nodes {
		if len(n.Manifest) > 0 && workloadRank(w, n) == 3 {
			return true
		}
	}
	return false
}

// manifestOutcome is what applying manifests tells the user outside
// findings.
type manifestOutcome struct {
	warnings []string
}

// applyManifests ties the workloads of set to the nodes of g and records
// what they say: replicas and zones with the manifest's positions (where
// the topology does not write them; where it does, the drift rule compares
// them), and the public routes as entrypoints (when the topology declares
// none; otherwise as exposures the drift rule compares with the declared
// entrypoints). Workloads no node matches are recorded for a note each.
// Entrypoints inferred from code that no public route reaches are dropped:
// the manifests say they are internal.
func applyManifests(g *graph.Graph, set *manifest.Set) manifestOutcome {
	var out manifestOutcome
	if g == nil || set == nil {
		return out
	}
	// Each workload goes to the node it matches best; a node keeps the
	// best-matching workload (the first in file order on a tie).
	owner := map[*manifest.Workload]*graph.Node{}
	chosen := map[*graph.Node]*manifest.Workload{}
	rankOf := map[*graph.Node]int{}
	for _, w := range set.Workloads {
		var best []*graph.Node
		bestRank := 0
		explicit := explicitly(g, w)
		for _, n := range g.Nodes {
			if n.Kind == graph.External && len(n.Manifest) == 0 {
				continue // a third party is not deployed by the system
			}
			if explicit && len(n.Manifest) == 0 {
				continue
			}
			switch r := workloadRank(w, n); {
			case r > bestRank:
				best, bestRank = []*graph.Node{n}, r
			case r == bestRank && r > 0:
				best = append(best, n)
			}
		}
		switch {
		case len(best) == 0:
			g.UnmatchedWorkloads = append(g.UnmatchedWorkloads, graph.UnmatchedWorkload{
				Workload: w.String(), Pos: w.Pos,
				Why: "matches no node of the graph by workload, container, Service or image name: its replicas and zones are not used; add match: manifest: \"" + w.Name + "\" to the node it runs",
			})
			continue
		case len(best) > 1:
			var names []string
			for _, n := range best {
				names = append(names, n.Name)
			}
			g.UnmatchedWorkloads = append(g.UnmatchedWorkloads, graph.UnmatchedWorkload{
				Workload: w.String(), Pos: w.Pos,
				Why: "matches " + strings.Join(names, " and ") + " equally well: its replicas and zones are not used; add match: manifest: \"" + w.Name + "\" to the node it runs",
			})
			continue
		}
		n := best[0]
		if prev := chosen[n]; prev != nil && rankOf[n] >= bestRank {
			g.UnmatchedWorkloads = append(g.UnmatchedWorkloads, graph.UnmatchedWorkload{
				Workload: w.String(), Pos: w.Pos,
				Why: "matches " + n.Name + ", which " + prev.String() + " at " + prev.Pos.String() + " already describes: only that one is used",
			})
			continue
		} else if prev != nil {
			delete(owner, prev)
			g.UnmatchedWorkloads = append(g.UnmatchedWorkloads, graph.UnmatchedWorkload{
				Workload: prev.String(), Pos: prev.Pos,
				Why: "matches " + n.Name + ", which " + w.String() + " at " + w.Pos.String() + " matches better: only that one is used",
			})
		}
		owner[w], chosen[n], rankOf[n] = n, w, bestRank
	}
	for _, n := range g.Nodes {
		if w := chosen[n]; w != nil {
			deploy(n, w)
		}
	}
	entrypoints(g, set, owner, &out)
	slices.SortStableFunc(g.UnmatchedWorkloads, func(a, b graph.UnmatchedWorkload) int { return comparePos(a.Pos, b.Pos) })
	g.Index()
	return out
}

func comparePos(a, b graph.Pos) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

// deploy records on n what workload w says, and applies what the topology
// does not write.
func deploy(n *graph.Node, w *manifest.Workload) {
	d := &graph.Deployment{Workload: w.String(), Name: w.Name, Pos: w.Pos, Zones: w.Zones, ZonesPos: w.ZonesPos}
	if r, pos, ok := w.Running(); ok {
		d.Replicas, d.ReplicasKnown, d.ReplicasPos = r, true, pos
		switch {
		case w.Autoscaler != nil:
			d.ReplicasFrom = "HorizontalPodAutoscaler " + w.Autoscaler.Name + " minReplicas"
		case w.ReplicasWritten:
			d.ReplicasFrom = "replicas"
		default:
			d.ReplicasFrom = "the default of 1"
		}
	}
	n.Deployed = d
	if n.Fields == nil {
		n.Fields = map[string]graph.Pos{}
	}
	_, wroteReplicas := n.Fields["replicas"]
	if d.ReplicasKnown && (n.Source&graph.FromTopology == 0 || !wroteReplicas) {
		n.Replicas, n.ReplicasKnown = d.Replicas, true
		n.Fields["replicas"] = d.ReplicasPos
	}
	_, wroteZones := n.Fields["zones"]
	if len(d.Zones) > 0 && (n.Source&graph.FromTopology == 0 || !wroteZones) {
		n.Zones = slices.Clone(d.Zones)
		n.Fields["zones"] = d.ZonesPos
	}
}

// entrypoints turns the manifests' public routes into entrypoints of g,
// or into exposures when the topology declares entrypoints.
func entrypoints(g *graph.Graph, set *manifest.Set, owner map[*manifest.Workload]*graph.Node, out *manifestOutcome) {
	declared := slices.ContainsFunc(g.Entrypoints, func(ep *graph.Entrypoint) bool { return !ep.Inferred })
	type route struct {
		e   *manifest.Entry
		svc string
	}
	var routes []route
	for _, e := range set.Entries {
		var svcs []string
		for _, w := range e.Workloads {
			if n := owner[w]; n != nil && n.Kind == graph.Service && !slices.Contains(svcs, n.Name) {
				svcs = append(svcs, n.Name)
			}
		}
		for _, s := range svcs {
			routes = append(routes, route{e, s})
		}
	}
	if declared {
		entered := map[string]bool{}
		for _, ep := range g.Entrypoints {
			entered[ep.Service] = true
		}
		for _, r := range routes {
			if !entered[r.svc] {
				entered[r.svc] = true // one exposure per service
				g.Exposures = append(g.Exposures, graph.Exposure{Service: r.svc, Evidence: r.e.String(), Pos: r.e.Pos})
			}
		}
		return
	}
	if len(routes) == 0 {
		return
	}
	// Names: the route object's, with the service's when it routes to
	// several; one entrypoint per (object, service).
	perObject := map[string]int{}
	for _, r := range routes {
		perObject[r.e.Kind+"/"+r.e.Name+"/"+r.svc] = 0
	}
	services := map[string]int{}
	for k := range perObject {
		parts := strings.SplitN(k, "/", 3)
		services[parts[0]+"/"+parts[1]]++
	}
	var inferred []*graph.Entrypoint
	for _, ep := range g.Entrypoints {
		if ep.Inferred {
			inferred = append(inferred, ep)
		}
	}
	g.Entrypoints = nil
	seen := map[string]bool{}
	reached := map[string]bool{}
	for _, r := range routes {
		key := r.e.Kind + "/" + r.e.Name + "/" + r.svc
		if seen[key] {
			continue // further rules of one Ingress to one service
		}
		seen[key] = true
		reached[r.svc] = true
		name := r.e.Name
		if services[r.e.Kind+"/"+r.e.Name] > 1 {
			name += "-" + r.svc
		}
		for slices.ContainsFunc(g.Entrypoints, func(ep *graph.Entrypoint) bool { return ep.Name == name }) {
			name += "-" + strings.ToLower(r.e.Kind)
		}
		route := r.e.Route
		if route == "*" {
			route = ""
		}
		g.Entrypoints = append(g.Entrypoints, &graph.Entrypoint{
			Name: name, Service: r.svc, Tier: graph.TierStandard, Route: route, Pos: r.e.Pos,
			Why: r.e.String() + " routes to " + workloadOf(r.svc, owner) + " (" + r.e.Pos.String() + ")",
		})
	}
	var internal []string
	for _, ep := range inferred {
		if !reached[ep.Service] {
			internal = append(internal, ep.Name)
		}
	}
	if len(internal) > 0 {
		out.warnings = append(out.warnings, fmt.Sprintf("%d %s inferred from code %s internal: no LoadBalancer or NodePort Service, Ingress or Gateway route of the manifests reaches %s",
			len(internal), pluralWord(len(internal), "entrypoint"), pluralWord(len(internal), "is", "are"), strings.Join(internal, ", ")))
	}
}

// workloadOf names the workload matched to service svc.
func workloadOf(svc string, owner map[*manifest.Workload]*graph.Node) string {
	var ws []string
	for w, n := range owner {
		if n.Name == svc {
			ws = append(ws, w.String())
		}
	}
	slices.Sort(ws)
	return strings.Join(ws, ", ")
}

func pluralWord(n int, one string, many ...string) string {
	if n == 1 {
		return one
	}
	if len(many) > 0 {
		return many[0]
	}
	return one + "s"
}
