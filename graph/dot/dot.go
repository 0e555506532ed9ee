// Package dot writes a system graph as Graphviz DOT: services, datastores,
// queues and externals in distinct shapes, entrypoints as small nodes
// pointing at their service, edges styled by mode and protection and
// labelled compactly, and the nodes and edges that have findings coloured by
// their worst severity.
//
// The DOT is built as an abstract syntax tree with
// github.com/awalterschulze/gographviz (this is the only package that
// imports it) and written statement by statement, so output is linear in
// the size of the graph. Every name from the user's topology or code is
// written as a quoted, escaped DOT string and never as markup, and the SVG
// element ids (NodeID, EdgeID, EntryID) are built from an encoding that
// keeps only letters, digits, '-' and '.', so any name is safe in DOT, SVG
// and HTML.
//
// Output is deterministic: nodes, edges and clusters come out in sorted
// order.
package dot

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/awalterschulze/gographviz"
	"github.com/awalterschulze/gographviz/ast"

	"github.com/faultline-dev/faultline/graph"
)

// Level is the severity of the worst finding on a node or an edge.
type Level int8

// The levels, lowest first. They order like the severities of findings.
const (
	None Level = iota
	Note
	Warning
	Error
)

func (l Level) String() string {
	switch l {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "none"
}

// Mark is what the findings say about one node or edge.
type Mark struct {
	Level    Level // the worst severity
	Findings int   // how many findings
	// Folded is how many of those findings are about calls the picture
	// does not draw (a focused view cut them off) and are shown on this
	// node instead: its colour includes them, and its label says so.
	Folded int
}

// Add folds a finding of severity l into m.
func (m *Mark) Add(l Level) {
	m.Level = max(m.Level, l)
	m.Findings++
}

// clamp returns l within None..Error, so that a bad level picks a colour
// instead of panicking.
func (l Level) clamp() Level { return min(max(l, None), Error) }

// Clustering says how nodes are grouped into boxes.
type Clustering uint8

// The clusterings.
const (
	// ClusterAuto groups by team when any node has one, and otherwise
	// groups the nodes confined to a single zone (or, without zones, a
	// single region) by that zone: the nodes a zone outage takes down.
	// Only groups of two or more nodes get a box.
	ClusterAuto Clustering = iota
	ClusterNone
	ClusterTeam
	ClusterZone
)

// Options says what to draw beside the graph itself.
type Options struct {
	// Nodes and Edges mark the elements that have findings, by node name
	// and by Edge.Key.
	Nodes map[string]Mark
	Edges map[string]Mark
	// Clustering groups nodes into boxes.
	Clustering Clustering
	// NoEdgeLabels leaves edge labels out (their text stays in tooltips):
	// labels make large layouts much slower.
	NoEdgeLabels bool
	// Title is written at the top of the picture; empty for none.
	Title string
	// Groups marks the nodes that stand for a collapsed group of nodes,
	// by node name: they are drawn as stacks labelled with the group's
	// name and size, their mark being that of the findings on the
	// members and the calls between them.
	Groups map[string]Group
	// Boxes, when not nil, says which box (cluster) each node is drawn
	// in, by node name: the box's label; it replaces Clustering.
	Boxes map[string]string
	// TopDown lays the graph out from top to bottom instead of from left
	// to right: a group of tens of nodes side by side, whose ranks would
	// be columns far taller than a screen, becomes rows.
	TopDown bool
	// Stagger, when above 1, spreads the nodes of a rank over that many
	// ranks: the calls into the k-th node (groups' nodes excepted) get a
	// minimum length of 1 + k mod Stagger, as Graphviz's unflatten does
	// with leaves. A rank of sixty services becomes three of about twenty.
	Stagger int
	// Bundles marks the edges that stand for several calls (the calls
	// between a collapsed group and another node), by Edge.Key: how many.
	Bundles map[string]int
}

// Group describes a node that stands for a collapsed group.
type Group struct {
	Name    string // "team payments"
	Members int    // how many nodes it holds
}

// graphName is the DOT name of the whole graph.
const graphName = "faultline"

// Write writes g as DOT.
func Write(w io.Writer, g *graph.Graph, opt Options) error {
	tree, err := syntaxTree(g, opt)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	writeGraph(bw, tree)
	return bw.Flush()
}

// syntaxTree returns the DOT syntax tree of g.
func syntaxTree(g *graph.Graph, opt Options) (*ast.Graph, error) {
	b := &builder{g: gographviz.NewGraph(), src: g, opt: opt, ids: map[string]bool{}}
	if err := b.add(); err != nil {
		return nil, err
	}
	tree, err := b.g.WriteAst()
	if err != nil {
		return nil, fmt.Errorf("dot: %w", err)
	}
	// Defaults for every node and edge: gographviz's graph model has no
	// place for them, so they go into the tree, first.
	defaults := ast.StmtList{
		ast.NodeAttrs(ast.PutMap(map[string]string{
			"fontname": quote(fontName), "fontsize": "11", "shape": "box",
			"style": quote("rounded,filled"), "fillcolor": quote(fill[None]), "color": quote(line[None]),
			"margin": quote("0.12,0.06"),
		})),
		ast.EdgeAttrs(ast.PutMap(map[string]string{
			"fontname": quote(fontName), "fontsize": "10", "color": quote(line[None]),
			"fontcolor": quote("#34495e"), "arrowsize": quote("0.7"),
		})),
	}
	i := 0
	for i < len(tree.StmtList) {
		if _, ok := tree.StmtList[i].(*ast.Attr); !ok {
			break
		}
		i++
	}
	tree.StmtList = slices.Insert(tree.StmtList, i, defaults...)
	return tree, nil
}

// fontName is a font Graphviz has metrics for without a font library (the
// built-in renderer has none); its SVG output asks for "Helvetica,sans-Serif".
const fontName = "Helvetica"

// Colours by level: fill and line of nodes, line of edges.
var (
	fill = [...]string{None: "#ffffff", Note: "#e3eefc", Warning: "#fff1d6", Error: "#fde2e1"}
	line = [...]string{None: "#5d6d7e", Note: "#2e6db4", Warning: "#d68910", Error: "#c0392b"}
)

type builder struct {
	g     *gographviz.Graph
	src   *graph.Graph
	opt   Options
	ids   map[string]bool // DOT ids in use, to keep entrypoints apart from nodes
	mixed bool            // the graph joins topology and code: edge sources are worth showing
	blind bool            // some edge is unobserved: the legend says how they are drawn
}

// add adds the graph's attributes, clusters, nodes and edges to b.g.
func (b *builder) add() error {
	for _, e := range b.src.Edges {
		if e.Source&graph.FromCode != 0 {
			b.mixed = true
		}
		if b.src.Unobserved(e) {
			b.blind = true
		}
	}
	if err := b.g.SetName(graphName); err != nil {
		return err
	}
	if err := b.g.SetDir(true); err != nil {
		return err
	}
	attrs := map[string]string{
		"rankdir": rankdir(b.opt.TopDown), "fontname": quote(fontName), "fontsize": "12",
		"nodesep": quote("0.25"), "ranksep": quote("0.7"), "pad": quote("0.3"),
		"labelloc": "b", "labeljust": "l", "fontcolor": quote("#566573"),
		"label": quote(b.legend()),
	}
	if b.opt.Title != "" {
		attrs["label"] = quote(b.opt.Title + "\n" + b.legend())
	}
	for _, k := range slices.Sorted(maps.Keys(attrs)) {
		if err := b.g.AddAttr(graphName, k, attrs[k]); err != nil {
			return fmt.Errorf("dot: graph attribute %s: %w", k, err)
		}
	}

	for _, n := range b.src.Nodes {
		b.ids[quote(n.Name)] = true
	}
	parents, err := b.clusters()
	if err != nil {
		return err
	}
	for _, n := range b.src.Nodes {
		if err := b.g.AddNode(parents[n.Name], quote(n.Name), b.nodeAttrs(n)); err != nil {
			return fmt.Errorf("dot: node %s: %w", n.Name, err)
		}
	}
	for _, ep := range b.src.Entrypoints {
		if b.src.Node(ep.Service) == nil {
			continue // an input error the loader reports
		}
		id := b.entryDOTID(ep.Name)
		if err := b.g.AddNode(graphName, id, b.entryAttrs(ep)); err != nil {
			return fmt.Errorf("dot: entrypoint %s: %w", ep.Name, err)
		}
		attrs := map[string]string{
			"id": quote(EntryEdgeID(ep.Name)), "color": quote("#2874a6"), "penwidth": quote("1.2"),
			"arrowhead": "vee",
		}
		if err := b.g.AddEdge(id, quote(ep.Service), true, attrs); err != nil {
			return fmt.Errorf("dot: entrypoint %s: %w", ep.Name, err)
		}
	}
	edgeIDs := map[string]int{}
	minlen := b.staggered()
	for _, e := range b.src.Edges {
		if b.src.Node(e.From) == nil || b.src.Node(e.To) == nil {
			continue
		}
		id := EdgeID(e.From, e.To)
		if n := edgeIDs[id]; n > 0 { // a second edge between the same nodes
			edgeIDs[id]++
			id += "-" + strconv.Itoa(n+1)
		} else {
			edgeIDs[id] = 1
		}
		attrs := b.edgeAttrs(e, id)
		if n := minlen[e.To]; n > 1 {
			attrs["minlen"] = strconv.Itoa(n)
		}
		if err := b.g.AddEdge(quote(e.From), quote(e.To), true, attrs); err != nil {
			return fmt.Errorf("dot: edge %s: %w", e.Key(), err)
		}
	}
	return nil
}

// staggered returns the minimum length of the calls into each node, with
// Options.Stagger.
func (b *builder) staggered() map[string]int {
	if b.opt.Stagger < 2 {
		return nil
	}
	m := map[string]int{}
	for k, n := range b.src.Nodes {
		if _, ok := b.opt.Groups[n.Name]; !ok {
			m[n.Name] = 1 + k%b.opt.Stagger
		}
	}
	return m
}

func rankdir(topDown bool) string {
	if topDown {
		return "TB"
	}
	return "LR"
}

// unobservedColor is the colour of an edge no telemetry records.
const unobservedColor = "#a6acaf"

// legend explains the colours and the notation, in two lines.
func (b *builder) legend() string {
	s := "colour of a node or edge: its worst finding, red error · orange warning · blue note · grey none;" +
		" double border critical · dashed border known from code only"
	if len(b.opt.Groups) > 0 {
		s += " · stack: a collapsed group, coloured by the worst finding inside it"
	}
	s += "\nedges: dashed async · dotted soft · bold no timeout · ×N attempts · ⚡ breaker · ↩ fallback"
	if b.mixed {
		s += " · [code] only in code · [topology] not found in code"
	}
	if len(b.opt.Bundles) > 0 {
		s += " · N calls: the calls a collapsed group makes or takes"
	}
	if b.blind {
		s += " · grey dashed unobserved (no telemetry)"
	}
	return s
}

// clusters adds the cluster subgraphs and returns the parent graph of each
// node.
func (b *builder) clusters() (map[string]string, error) {
	mode := b.opt.Clustering
	if mode == ClusterAuto {
		mode = ClusterZone
		for _, n := range b.src.Nodes {
			if n.Team != "" {
				mode = ClusterTeam
				break
			}
		}
	}
	keyOf := func(n *graph.Node) string {
		switch mode {
		case ClusterTeam:
			if n.Team != "" {
				return "team " + n.Team
			}
		case ClusterZone:
			if len(n.Zones) == 1 {
				return "zone " + n.Zones[0]
			}
			if len(n.Zones) == 0 && len(n.Regions) == 1 {
				return "region " + n.Regions[0]
			}
		}
		return ""
	}
	if b.opt.Boxes != nil {
		keyOf = func(n *graph.Node) string { return b.opt.Boxes[n.Name] }
	}
	members := map[string][]string{}
	for _, n := range b.src.Nodes {
		if k := keyOf(n); k != "" {
			members[k] = append(members[k], n.Name)
		}
	}
	parents := map[string]string{}
	for _, n := range b.src.Nodes {
		parents[n.Name] = graphName
	}
	for k, m := range members {
		if len(m) < 2 { // a box around one node says nothing its label does not
			delete(members, k)
		}
	}
	for i, k := range slices.Sorted(maps.Keys(members)) {
		name := "cluster_" + strconv.Itoa(i+1)
		attrs := map[string]string{
			"id": quote(BoxID(k)), "label": quote(k), "style": quote("rounded,dashed"), "color": quote("#aab7b8"),
			"fontcolor": quote("#566573"), "fontsize": "10", "labeljust": "l", "labelloc": "t",
		}
		if err := b.g.AddSubGraph(graphName, name, attrs); err != nil {
			return nil, fmt.Errorf("dot: cluster %s: %w", k, err)
		}
		for _, m := range members[k] {
			parents[m] = name
		}
	}
	return parents, nil
}

// entryDOTID returns the DOT id of an entrypoint's node: its name behind a
// prefix, lengthened until no node has it.
func (b *builder) entryDOTID(name string) string {
	id := "entry:" + name
	for b.ids[quote(id)] {
		id = "entry:" + id
	}
	b.ids[quote(id)] = true
	return quote(id)
}

func (b *builder) nodeAttrs(n *graph.Node) map[string]string {
	m := b.opt.Nodes[n.Name]
	m.Level = m.Level.clamp()
	if grp, ok := b.opt.Groups[n.Name]; ok {
		return groupAttrs(n, grp, m)
	}
	label := n.Name + "\n" + nodeDetail(n)
	if m.Folded > 0 {
		label += "\n" + foldedText(m.Folded)
	}
	a := map[string]string{
		"id":        quote(NodeID(n.Name)),
		"label":     quote(label),
		"fillcolor": quote(fill[m.Level]),
		"color":     quote(line[m.Level]),
		"tooltip":   quote(nodeTooltip(n, m)),
	}
	style := "filled"
	switch n.Kind {
	case graph.Service:
		style = "rounded,filled"
	case graph.Datastore:
		a["shape"] = "cylinder"
	case graph.Queue:
		a["shape"] = "cds"
	case graph.External:
		a["shape"] = "hexagon"
	}
	if n.Client {
		a["shape"] = "box" // a program that only calls out: square corners
		style = "filled"
	}
	if n.Source == graph.FromCode {
		style += ",dashed" // known from code only
	}
	a["style"] = quote(style)
	if m.Level > None {
		a["penwidth"] = quote("2")
	}
	if n.Tier == graph.TierCritical {
		a["peripheries"] = "2"
	}
	return a
}

// groupAttrs draws a node that stands for a collapsed group.
func groupAttrs(n *graph.Node, grp Group, m Mark) map[string]string {
	detail := plural(grp.Members, "node")
	switch m.Findings {
	case 0:
		detail += " · no findings"
	case 1:
		detail += " · 1 " + m.Level.String()
	default:
		detail += " · " + plural(m.Findings, "finding") + ", worst " + m.Level.String()
	}
	tooltip := grp.Name + ": " + plural(grp.Members, "node") + " collapsed into one"
	if m.Findings > 0 {
		tooltip += fmt.Sprintf("; %s on them and the calls between them, worst %s", plural(m.Findings, "finding"), m.Level)
	}
	a := map[string]string{
		"id":        quote(NodeID(n.Name)),
		"label":     quote(grp.Name + "\n" + detail),
		"shape":     "box3d",
		"style":     quote("filled"),
		"fillcolor": quote(fill[m.Level]),
		"color":     quote(line[m.Level]),
		"tooltip":   quote(tooltip + "; click to expand"),
		"fontsize":  "16",
		"margin":    quote("0.25,0.12"),
	}
	if m.Level > None {
		a["penwidth"] = quote("2")
	}
	return a
}

// foldedText says that a node's mark includes findings about calls that
// are not drawn.
func foldedText(n int) string {
	if n == 1 {
		return "incl. 1 finding on calls not drawn"
	}
	return "incl. " + strconv.Itoa(n) + " findings on calls not drawn"
}

// nodeDetail is the second line of a node's label.
func nodeDetail(n *graph.Node) string {
	var parts []string
	replicas := func() {
		switch {
		case !n.ReplicasKnown:
			parts = append(parts, "replicas ?")
		case n.Replicas == 1:
			parts = append(parts, "1 replica")
		default:
			parts = append(parts, strconv.Itoa(n.Replicas)+" replicas")
		}
	}
	switch n.Kind {
	case graph.Service:
		if n.Client {
			parts = append(parts, "client")
			break
		}
		replicas()
	case graph.Datastore:
		parts = append(parts, cmp.Or(n.Engine, "datastore"), cmp.Or(n.HA, graph.HASingle))
	case graph.Queue:
		parts = append(parts, cmp.Or(n.Engine, "queue"))
		if n.DeadLetter != "" {
			parts = append(parts, "DLQ")
		}
	case graph.External:
		parts = append(parts, cmp.Or(n.Vendor, "external"))
	}
	if n.Kind != graph.Service && n.Replicas > 1 {
		replicas()
	}
	switch {
	case len(n.Zones) == 1:
		parts = append(parts, n.Zones[0])
	case len(n.Zones) > 1:
		parts = append(parts, strconv.Itoa(len(n.Zones))+" zones")
	case len(n.Regions) == 1:
		parts = append(parts, n.Regions[0])
	case len(n.Regions) > 1:
		parts = append(parts, strconv.Itoa(len(n.Regions))+" regions")
	}
	return strings.Join(parts, " · ")
}

func nodeTooltip(n *graph.Node, m Mark) string {
	s := n.Kind.String() + " " + n.Name + " (" + n.Source.String() + ")"
	if n.Client {
		s = "client " + n.Name + " (" + n.Source.String() + "): serves nothing, only calls out"
	}
	if n.Tier != "" {
		s += ", tier " + n.Tier
	}
	return s + findings(m)
}

func findings(m Mark) string {
	var s string
	switch m.Findings {
	case 0:
		return ""
	case 1:
		s = "; 1 finding (" + m.Level.String() + ")"
	default:
		s = fmt.Sprintf("; %d findings, worst %s", m.Findings, m.Level)
	}
	if m.Folded > 0 {
		s += fmt.Sprintf(", %d of them on calls this picture does not draw", m.Folded)
	}
	return s
}

func (b *builder) entryAttrs(ep *graph.Entrypoint) map[string]string {
	label := ep.Name
	var detail []string
	if ep.Route != "" {
		detail = append(detail, ep.Route)
	}
	if ep.Timeout > 0 {
		detail = append(detail, shortDuration(ep.Timeout))
	}
	if ep.Inferred {
		detail = append(detail, "inferred")
	}
	if len(detail) > 0 {
		label += "\n" + strings.Join(detail, " · ")
	}
	tooltip := "entrypoint " + ep.Name + " -> " + b.shownName(ep.Service)
	if ep.Tier != "" {
		tooltip += ", tier " + ep.Tier
	}
	style := "filled"
	if ep.Inferred {
		tooltip += ", inferred from code: " + ep.Why
		style = quote(style + ",dashed")
	}
	return map[string]string{
		"id": quote(EntryID(ep.Name)), "label": quote(label), "shape": "cds",
		"style": style, "fillcolor": quote("#d6eaf8"), "color": quote("#2874a6"),
		"fontsize": "10", "tooltip": quote(tooltip),
	}
}

func (b *builder) edgeAttrs(e *graph.Edge, id string) map[string]string {
	m := b.opt.Edges[e.Key()]
	m.Level = m.Level.clamp()
	label := EdgeLabel(e)
	if b.mixed && e.Source != graph.FromBoth {
		label += " [" + e.Source.String() + "]"
	}
	tooltip := edgeTooltip(e, m)
	bundle := b.opt.Bundles[e.Key()]
	if bundle > 0 {
		label = plural(bundle, "call")
		tooltip = b.shownName(e.From) + " -> " + b.shownName(e.To) + ": " + plural(bundle, "call") + findings(m)
	}
	a := map[string]string{
		"id":      quote(id),
		"color":   quote(line[m.Level]),
		"tooltip": quote(tooltip),
	}

	if !b.opt.NoEdgeLabels && label != "" {
		a["label"] = quote(label)
	}
	var style []string
	switch {
	case !e.Sync():
		style = append(style, "dashed")
	case e.Criticality == graph.Soft:
		style = append(style, "dotted")
	}
	if e.Sync() && !e.Bounded() {
		style = append(style, "bold")
	}
	if b.src.Unobserved(e) {
		// No telemetry records its calls: drawn dashed and grey, unless
		// a finding colours it.
		if !slices.Contains(style, "dashed") {
			style = append(style, "dashed")
		}
		if m.Level == None {
			a["color"] = quote(unobservedColor)
		}
	}
	if len(style) > 0 {
		a["style"] = quote(strings.Join(style, ","))
	}
	if m.Level > None {
		a["penwidth"] = quote("2")
		a["fontcolor"] = quote(line[m.Level])
	}
	if bundle > 1 { // thicker with more calls
		w := min(1+float64(bundle)/8, 4)
		if m.Level > None {
			w = max(w, 2)
		}
		a["penwidth"] = quote(strconv.FormatFloat(w, 'f', 2, 64))
	}
	return a
}

// shownName is how a node is named to the reader: a group's name for a
// collapsed group's node.
func (b *builder) shownName(name string) string {
	if grp, ok := b.opt.Groups[name]; ok {
		return grp.Name
	}
	return name
}

// EdgeLabel is the compact description of an edge's protocol and
// protection, as in "grpc 2s ×3 ⚡": the protocol, the per-attempt timeout
// (∞ for a synchronous call with none), the number of attempts when it
// retries, ⚡ for a circuit breaker and ↩ for a fallback.
func EdgeLabel(e *graph.Edge) string {
	var parts []string
	if e.Protocol != "" {
		parts = append(parts, e.Protocol)
	}
	if e.Sync() {
		switch d, ok := e.AttemptTimeout(); {
		case ok:
			parts = append(parts, shortDuration(d))
		case e.Bounded():
			parts = append(parts, "bounded")
		default:
			parts = append(parts, "∞")
		}
	} else {
		parts = append(parts, "async")
	}
	if n := e.Attempts(); n > 1 {
		parts = append(parts, "×"+strconv.Itoa(n))
	}
	if hasBreaker(e) {
		parts = append(parts, "⚡")
	}
	if e.Fallback != "" {
		parts = append(parts, "↩")
	}
	return strings.Join(parts, " ")
}

// hasBreaker reports whether a circuit breaker is known to guard the edge:
// the topology says so, or every call site in code is guarded. (Rules read
// call sites whose guard is unknown as guarded, to stay silent; a picture
// must not claim a protection nobody has seen.)
func hasBreaker(e *graph.Edge) bool {
	if e.Breaker {
		return true
	}
	for _, c := range e.Calls {
		if c.Breaker != graph.Yes {
			return false
		}
	}
	return len(e.Calls) > 0
}

func edgeTooltip(e *graph.Edge, m Mark) string {
	var parts []string
	parts = append(parts, e.From+" -> "+e.To)
	mode := cmp.Or(e.Mode, graph.ModeSync)
	crit := cmp.Or(e.Criticality, graph.Hard)
	parts = append(parts, mode+", "+crit)
	if e.Timeout > 0 {
		parts = append(parts, "timeout "+e.Timeout.String())
	}
	if e.Deadline > 0 {
		parts = append(parts, "deadline "+e.Deadline.String())
	}
	if e.Attempts() > 1 {
		r := strconv.Itoa(e.Attempts()) + " attempts"
		if e.Retries.Backoff != "" {
			r += ", backoff " + e.Retries.Backoff
		}
		if e.Retries.Jitter {
			r += " with jitter"
		}
		parts = append(parts, r)
	}
	if hasBreaker(e) {
		parts = append(parts, "circuit breaker")
	}
	if e.Fallback != "" {
		parts = append(parts, "fallback "+e.Fallback)
	}
	if e.Via == graph.ViaMesh {
		parts = append(parts, "via mesh")
	}
	if len(e.Calls) > 0 {
		parts = append(parts, plural(len(e.Calls), "call site"))
	}
	parts = append(parts, "source "+e.Source.String())
	return strings.Join(parts, "; ") + findings(m)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// shortDuration writes d without zero units: 2s, 1m30s, 250ms, 1h.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
