package report

import (
	"maps"
	"math"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/dot"
	"github.com/faultline-dev/faultline/rules"
)

// A large graph is drawn as several pictures ("views") that the HTML page
// switches between: an overview where the nodes are collapsed into groups,
// one picture per group with that group expanded and the others collapsed,
// and, while it stays small enough, the whole graph. A click on a group
// shows its picture; the page knows which view shows which node.
//
// Groups are, in this order of preference:
//
//   - the owning teams (a topology's `team`), when any node declares one;
//     the nodes without a team are grouped by kind (datastores, queues,
//     externals, services without a team);
//   - otherwise the directory of each node's code, one level below the
//     directory all of them share: the directory of the file the node was
//     found in, or of its topology `package` within the main module, when
//     the code shows any node; else (a topology alone) the Go package path
//     of its `package`; nodes with none are grouped by kind.
//
// A group of one node is not collapsed. When that leaves fewer than two
// groups, or more than maxGroups, the graph is drawn whole: collapsing
// would hide nothing or show a hairball of groups.
const (
	// collapseAbove is the number of nodes above which a picture opens
	// collapsed.
	collapseAbove = 40
	// fullViewMax is the largest graph (nodes) also drawn whole beside
	// its collapsed views: a layout of several hundred nodes takes
	// seconds and shows little.
	fullViewMax = 250
	maxGroups   = 40
)

// nodeGroup is a group of nodes of the graph.
type nodeGroup struct {
	name    string // "team payments"
	node    string // the name of the node that stands for it when collapsed
	members []int  // indices into the graph's nodes
}

// grouping returns the groups of g's nodes and the group of each node (-1:
// none, or a group of one).
func grouping(g *graph.Graph, module string) ([]nodeGroup, []int) {
	keys := make([]string, len(g.Nodes))
	teams := slices.ContainsFunc(g.Nodes, func(n *graph.Node) bool { return n.Team != "" })
	if teams {
		for i, n := range g.Nodes {
			if n.Team != "" {
				keys[i] = "team " + n.Team
			} else {
				keys[i] = kindGroup(n)
			}
		}
	} else {
		// Import paths and file paths do not mix: files when the code
		// shows any node, import paths in a topology alone.
		files := slices.ContainsFunc(g.Nodes, func(n *graph.Node) bool { return fileDir(n) != "" })
		dirs := make([]string, len(g.Nodes))
		var prefix []string
		first := true
		for i, n := range g.Nodes {
			if files {
				dirs[i] = fileDir(n)
				// A node of the topology: its package's directory in
				// the module, when the package is the module's.
				if dirs[i] == "" && module != "" && len(n.Packages) > 0 {
					if rest, ok := strings.CutPrefix(n.Packages[0], module+"/"); ok {
						dirs[i] = strings.TrimSuffix(strings.TrimSuffix(rest, "/..."), "/")
					}
				}
			} else if len(n.Packages) > 0 {
				dirs[i] = strings.TrimSuffix(strings.TrimSuffix(n.Packages[0], "/..."), "/")
			}
			if dirs[i] == "" {
				continue
			}
			parts := strings.Split(dirs[i], "/")
			if first {
				prefix, first = parts, false
				continue
			}
			k := 0
			for k < len(prefix) && k < len(parts) && prefix[k] == parts[k] {
				k++
			}
			prefix = prefix[:k]
		}
		for i, n := range g.Nodes {
			parts := strings.Split(dirs[i], "/")
			if dirs[i] == "" || len(parts) <= len(prefix) {
				keys[i] = kindGroup(n)
				continue
			}
			keys[i] = strings.Join(parts[:len(prefix)+1], "/") + "/"
		}
	}
	byKey := map[string][]int{}
	for i, k := range keys {
		byKey[k] = append(byKey[k], i)
	}
	var groups []nodeGroup
	of := make([]int, len(g.Nodes))
	for i := range of {
		of[i] = -1
	}
	for _, k := range slices.Sorted(maps.Keys(byKey)) {
		if len(byKey[k]) < 2 {
			continue
		}
		groups = append(groups, nodeGroup{name: k, members: byKey[k]})
	}
	if len(groups) < 2 || len(groups) > maxGroups {
		return nil, of
	}
	// The name of a group's node: one no node of the graph has.
	for gi := range groups {
		name := "group " + groups[gi].name
		for g.Node(name) != nil {
			name = "group " + name
		}
		groups[gi].node = name
		for _, m := range groups[gi].members {
			of[m] = gi
		}
	}
	return groups, of
}

// kindGroup is the group of a node by its kind.
func kindGroup(n *graph.Node) string {
	switch n.Kind {
	case graph.Datastore:
		return "datastores"
	case graph.Queue:
		return "queues"
	case graph.External:
		return "externals"
	}
	if n.Team == "" && n.Source&graph.FromTopology != 0 {
		return "services without a team"
	}
	return "other services"
}

// fileDir is the directory of the file a node was first seen in in the
// code; empty for a node of the topology alone.
func fileDir(n *graph.Node) string {
	if n.Source&graph.FromCode != 0 && strings.HasSuffix(n.Pos.File, ".go") && !path.IsAbs(n.Pos.File) {
		return path.Dir(n.Pos.File)
	}
	return ""
}

// view is one picture of the page: the graph with some groups collapsed.
type view struct {
	name     string
	expanded []int // the groups drawn expanded
	graph    *graph.Graph
	opt      dot.Options
	// rep maps each node of the full graph to the node that shows it:
	// itself, or its collapsed group's node.
	rep []string
	// ids of the full graph's elements this view draws as themselves.
	drawn map[string]bool
}

// views returns the pictures of g: nil when g is drawn whole, as one
// picture. fs are the findings on g.
func views(g *graph.Graph, fs []analyzer.Finding, module string) ([]*view, []nodeGroup, []int) {
	if len(g.Nodes) <= collapseAbove {
		return nil, nil, nil
	}
	groups, of := grouping(g, module)
	if groups == nil {
		return nil, nil, nil
	}
	var vs []*view
	vs = append(vs, buildView(g, fs, groups, of, "overview", nil))
	for gi, grp := range groups {
		vs = append(vs, buildView(g, fs, groups, of, grp.name, []int{gi}))
	}
	if len(g.Nodes) <= fullViewMax {
		all := make([]int, len(groups))
		for i := range all {
			all[i] = i
		}
		vs = append(vs, buildView(g, fs, groups, of, "everything", all))
	}
	return vs, groups, of
}

// buildView builds the graph of one view: the groups not in expanded
// collapsed into one node each, the edges between a collapsed group and
// another node bundled into one, and the findings marked on what shows
// them.
func buildView(g *graph.Graph, fs []analyzer.Finding, groups []nodeGroup, of []int, name string, expanded []int) *view {
	v := &view{name: name, expanded: expanded, rep: make([]string, len(g.Nodes)), drawn: map[string]bool{}}
	open := make([]bool, len(groups))
	for _, gi := range expanded {
		open[gi] = true
	}
	sub := &graph.Graph{Settings: g.Settings}
	opt := dot.Options{Nodes: map[string]dot.Mark{}, Edges: map[string]dot.Mark{}, Groups: map[string]dot.Group{},
		Bundles: map[string]int{}, Boxes: map[string]string{}}
	for i, n := range g.Nodes {
		gi := of[i]
		if gi < 0 || open[gi] {
			v.rep[i] = n.Name
			sub.Nodes = append(sub.Nodes, n)
			v.drawn[dot.NodeID(n.Name)] = true
			if gi >= 0 && len(expanded) > 0 {
				opt.Boxes[n.Name] = groups[gi].name
			}
			continue
		}
		grp := groups[gi]
		v.rep[i] = grp.node
		if _, ok := opt.Groups[grp.node]; !ok {
			opt.Groups[grp.node] = dot.Group{Name: grp.name, Members: len(grp.members)}
			sub.Nodes = append(sub.Nodes, &graph.Node{Name: grp.node, Kind: graph.Service, Replicas: 2, ReplicasKnown: true, Source: graph.FromTopology})
		}
	}
	index := map[string]int{}
	for i, n := range g.Nodes {
		index[n.Name] = i
	}
	bundles := map[string]*graph.Edge{}
	for _, e := range g.Edges {
		fi, okf := index[e.From]
		ti, okt := index[e.To]
		if !okf || !okt {
			continue
		}
		from, to := v.rep[fi], v.rep[ti]
		if from == e.From && to == e.To {
			sub.Edges = append(sub.Edges, e)
			continue
		}
		if from == to {
			continue // inside a collapsed group
		}
		if len(expanded) == 1 && !(of[fi] >= 0 && open[of[fi]]) && !(of[ti] >= 0 && open[of[ti]]) {
			// A group's picture draws the calls of its own nodes: the
			// calls between the others are the overview's.
			continue
		}
		key := from + "->" + to
		b := bundles[key]
		if b == nil {
			b = &graph.Edge{From: from, To: to, Mode: graph.ModeAsync, Criticality: graph.Soft, Timeout: time.Nanosecond, Source: graph.FromTopology}
			bundles[key] = b
			sub.Edges = append(sub.Edges, b)
		}
		opt.Bundles[key]++
		if e.Sync() {
			b.Mode = graph.ModeSync
			if !e.Bounded() {
				b.Timeout = 0
			}
		}
		if e.Criticality != graph.Soft {
			b.Criticality = graph.Hard
		}
	}
	for _, ep := range g.Entrypoints {
		i, ok := index[ep.Service]
		if !ok {
			continue
		}
		if v.rep[i] == ep.Service {
			sub.Entrypoints = append(sub.Entrypoints, ep)
		} else {
			c := *ep
			c.Service = v.rep[i]
			sub.Entrypoints = append(sub.Entrypoints, &c)
		}
		v.drawn[dot.EntryID(ep.Name)] = true
	}
	sub.Index()
	if len(expanded) == 1 {
		// An expanded group puts tens of nodes side by side: top down,
		// its ranks are rows, each spread over a few.
		opt.TopDown = true
		opt.Stagger = min(int(math.Ceil(math.Sqrt(float64(len(groups[expanded[0]].members))/6))), 5)
	}
	for _, e := range sub.Edges {
		if opt.Bundles[e.Key()] == 0 {
			v.drawn[dot.EdgeID(e.From, e.To)] = true
		}
	}

	v.opt = opt // elementsOf reads the bundles
	// The marks: each finding once on each element of this view that
	// shows it.
	edges := edgeIndex(g)
	for _, f := range fs {
		if f.Suppression != nil {
			continue
		}
		seen := map[element]bool{}
		for _, el := range v.elementsOf(g, edges, index, f) {
			if seen[el] {
				continue
			}
			seen[el] = true
			marks := opt.Nodes
			if el.edge {
				marks = opt.Edges
			}
			m := marks[el.key]
			m.Add(level(f.Severity))
			marks[el.key] = m
		}
	}
	if len(expanded) == 0 {
		opt.Boxes = nil
	}
	v.graph, v.opt = sub, opt
	return v
}

// elementsOf returns what shows a finding in the view: the elements of
// the full graph it is drawn on, each mapped to itself, to the bundle that
// carries it, or to the collapsed group that holds it.
func (v *view) elementsOf(g *graph.Graph, edges map[string]*graph.Edge, index map[string]int, f analyzer.Finding) []element {
	var out []element
	for _, el := range elementsOf(g, edges, f) {
		if !el.edge {
			i := index[el.key]
			out = append(out, element{key: v.rep[i], id: dot.NodeID(v.rep[i])})
			continue
		}
		e := edges[el.key]
		from, to := v.rep[index[e.From]], v.rep[index[e.To]]
		switch {
		case from == e.From && to == e.To:
			out = append(out, el)
		case from == to:
			out = append(out, element{key: from, id: dot.NodeID(from)})
		default:
			if key := from + "->" + to; v.opt.Bundles[key] > 0 {
				out = append(out, element{key: key, edge: true, id: dot.EdgeID(from, to)})
			}
		}
	}
	return out
}

// nonNil returns s, or an empty slice for nil, which JSON writes as [].
func nonNil(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}

// The data the page's script reads, as JSON.

type viewData struct {
	Name     string `json:"name"`
	Expanded []int  `json:"expanded"`
}

type groupData struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Members  []int  `json:"members"`
	View     int    `json:"view"`
	Findings int    `json:"findings"`
	Worst    string `json:"worst,omitempty"`
}

type nodeData struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Kind      string   `json:"kind"`
	Group     int      `json:"group"`
	In        []int    `json:"in"`
	Out       []int    `json:"out"`
	FailsWith []int    `json:"failsWith"`
	Lost      []string `json:"lost"`
	Findings  int      `json:"findings"`
	Worst     string   `json:"worst,omitempty"`
}

type pageData struct {
	Views   []viewData  `json:"views"`
	Groups  []groupData `json:"groups"`
	Nodes   []nodeData  `json:"nodes"`
	Entries []entryData `json:"entries"`
}

// entryData is an entrypoint: a click on it focuses on its service.
type entryData struct {
	ID   string `json:"id"`
	Node int    `json:"node"`
}

// graphData is what the page's script needs to know about g beyond its
// pictures: the nodes with their neighbours and what fails with them, the
// groups, and the views.
func graphData(g *graph.Graph, fs []analyzer.Finding, vs []*view, groups []nodeGroup, of []int) pageData {
	var d pageData
	for _, v := range vs {
		d.Views = append(d.Views, viewData{Name: v.name, Expanded: nonNil(v.expanded)})
	}
	type count struct {
		n     int
		worst rules.Severity
	}
	counts := map[string]*count{}
	for _, f := range fs {
		if f.Suppression != nil || f.Service == "" {
			continue
		}
		c := counts[f.Service]
		if c == nil {
			c = &count{worst: f.Severity}
			counts[f.Service] = c
		}
		c.n++
		c.worst = max(c.worst, f.Severity)
	}
	index := map[string]int{}
	for i, n := range g.Nodes {
		index[n.Name] = i
	}
	fails := g.FailsWith()
	req := g.Requirements()
	for i, n := range g.Nodes {
		nd := nodeData{ID: dot.NodeID(n.Name), Name: n.Name, Kind: n.Kind.String(), Group: -1,
			In: []int{}, Out: []int{}, FailsWith: nonNil(fails[i]), Lost: []string{}}
		if of != nil {
			nd.Group = of[i]
		}
		if c := counts[n.Name]; c != nil {
			nd.Findings, nd.Worst = c.n, c.worst.String()
		}
		for _, e := range req.BlastRadius(i) {
			nd.Lost = append(nd.Lost, g.Entrypoints[e].Name)
		}
		d.Nodes = append(d.Nodes, nd)
	}
	for _, e := range g.Edges {
		f, okf := index[e.From]
		t, okt := index[e.To]
		if !okf || !okt || f == t {
			continue
		}
		if !slices.Contains(d.Nodes[f].Out, t) {
			d.Nodes[f].Out = append(d.Nodes[f].Out, t)
		}
		if !slices.Contains(d.Nodes[t].In, f) {
			d.Nodes[t].In = append(d.Nodes[t].In, f)
		}
	}
	for gi, grp := range groups {
		gd := groupData{ID: dot.NodeID(grp.node), Name: grp.name, Members: grp.members, View: gi + 1}
		var worst rules.Severity = -1
		for _, m := range grp.members {
			if c := counts[g.Nodes[m].Name]; c != nil {
				gd.Findings += c.n
				worst = max(worst, c.worst)
			}
		}
		if worst >= 0 {
			gd.Worst = worst.String()
		}
		d.Groups = append(d.Groups, gd)
	}
	d.Entries = []entryData{}
	for _, ep := range g.Entrypoints {
		if i, ok := index[ep.Service]; ok {
			d.Entries = append(d.Entries, entryData{ID: dot.EntryID(ep.Name), Node: i})
		}
	}
	if d.Views == nil {
		d.Views = []viewData{{Name: "everything", Expanded: []int{}}}
	}
	if d.Groups == nil {
		d.Groups = []groupData{}
	}
	return d
}
