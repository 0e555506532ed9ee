package report

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/dot"
	"github.com/faultline-dev/faultline/graph/svg"
	"github.com/faultline-dev/faultline/rules"
)

var (
	//go:embed assets/report.html.tmpl
	htmlTemplate string
	//go:embed assets/report.css
	htmlCSS string
	//go:embed assets/report.js
	htmlJS string

	pageTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
		"plural": func(n int, word string) string {
			if n == 1 {
				return word
			}
			return word + "s"
		},
	}).Parse(htmlTemplate))

	// The page allows its own style sheet and script, by hash, and nothing
	// else: no network fetch, and no script that a name in the input could
	// smuggle in.
	pageCSP = "default-src 'none'; style-src '" + sha256Source(htmlCSS) + "'; script-src '" +
		sha256Source(htmlJS) + "'; img-src data:; base-uri 'none'; form-action 'none'"
)

func sha256Source(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// HTML writes a self-contained HTML report: one file with no network
// fetches, holding the picture of the graph (inline SVG), a table of the
// findings that can be filtered by rule, severity, service and
// suppression, each linked to its node or edges in the picture and to its
// rule's documentation (embedded), counts by rule, and the blast radius of
// each entrypoint. Every name from the input is escaped; a Content Security
// Policy lets only the page's own style sheet and script run.
//
// When the picture cannot be drawn (the graph is too large, or the layout
// times out) the page is written without it and Print returns a
// *PictureError saying why, which callers may treat as a warning.
type HTML struct {
	Picture Picture
	// Title names the system, such as the module path; Version is
	// faultline's version.
	Title, Version string
	// Rules is the catalogue whose documentation the page embeds; nil
	// means rules.All().
	Rules []*rules.Rule
	// SVG, when not nil, is the picture already rendered by an SVG
	// printer with the same Picture, and NoSVG, when not nil, why that
	// failed: either saves laying the graph out a second time.
	SVG   []byte
	NoSVG error
}

// PictureError reports that a page was written without its picture.
type PictureError struct{ Err error }

func (e *PictureError) Error() string { return "the report has no picture: " + e.Err.Error() }
func (e *PictureError) Unwrap() error { return e.Err }

type htmlPage struct {
	CSP                     string
	CSS                     template.CSS
	JS                      template.JS
	Title, Version, Scope   string
	Focus                   string
	Errors, Warnings, Notes int
	Suppressed              int
	SVG                     template.HTML
	Views                   []htmlView // the other pictures, when the graph is drawn as several
	Data                    string     // JSON for the script: nodes, groups, views
	Grouped                 bool       // the graph is collapsed into groups
	PictureNote             string
	Unobserved              bool // the picture draws unobserved edges (grey, dashed)
	Findings                []htmlFinding
	Omitted                 int // findings not listed (beyond htmlMaxRows)
	RuleNames               []string
	Services                []htmlService
	ByRule                  []htmlRuleCount
	Entrypoints             []htmlEntry
	Critical                []htmlNode
	BlastNote               string
	Docs                    []htmlDoc
}

// htmlMaxRows is the most findings the table lists: a browser slows down
// on a table of tens of thousands of rows, and a page that large helps
// nobody. The rest are counted in the summary and listed in the other
// formats.
const htmlMaxRows = 5000

// htmlView is one of the pictures of a graph drawn as several.
type htmlView struct {
	Index int
	Name  string
	SVG   template.HTML
}

type htmlFinding struct {
	Rule, Severity, Message, Pos string
	View                         int    // the view that shows it best, when the graph is drawn as several: its service's group
	ViewElements                 string // ids of its elements there
	Detail                       string // the whole message, when Message is its headline
	Service, Path                string
	Suppressed                   bool
	Reason                       string
	Elements                     string // ids of the picture's elements, space-separated
	First                        string // the first of them
}

type htmlService struct{ Name, ID string }

type htmlRuleCount struct {
	Rule                           string
	Errors, Warnings, Notes, Total int
}

type htmlEntry struct {
	Name, ID, Service string
	Required, Single  int
	SingleNames       string
	Inferred          bool   // learned from code, with no topology
	Why               string // how it was inferred
}

type htmlNode struct {
	Name, ID, Kind, Redundant string
	Lost                      int
}

type htmlDoc struct {
	Name, Summary, Severity, URL string
	HTML                         template.HTML
}

// Print writes the report of res with the findings fs (fs may differ from
// res.Findings: a baseline may have removed some).
func (p HTML) Print(w io.Writer, res *analyzer.Result, fs []analyzer.Finding) error {
	page := htmlPage{
		CSP: pageCSP, CSS: template.CSS(htmlCSS), JS: template.JS(htmlJS),
		Title: p.Title, Version: cmp.Or(p.Version, "devel"), Scope: scope(res),
	}
	var pictureErr error
	g := res.Graph
	var (
		vs     []*view
		groups []nodeGroup
		of     []int
		index  map[string]int
	)
	drawn := map[string]bool{} // ids of the picture's elements
	if g != nil {
		sub, kept, opt, err := p.Picture.prepare(g, fs)
		if err != nil {
			return err
		}
		fs = kept
		if p.Picture.Focus != "" || p.Picture.Depth > 0 {
			page.Focus = focusText(p.Picture)
		}
		vs, groups, of = views(sub, fs, res.Module)
		if vs == nil {
			err = p.single(&page, sub, opt, drawn)
		} else {
			err = p.several(&page, vs, drawn)
		}
		if err != nil {
			pictureErr = &PictureError{err}
			page.PictureNote = "No picture: " + err.Error() + "."
			vs = nil
		} else {
			for _, e := range sub.Edges {
				page.Unobserved = page.Unobserved || sub.Unobserved(e)
			}
		}
		data, err := json.Marshal(graphData(sub, fs, vs, groups, of))
		if err != nil {
			return err
		}
		page.Data = string(data)
		g = sub
		page.Entrypoints, page.Critical, page.BlastNote = blastRadius(g)
	} else {
		page.PictureNote = "No picture: there is no topology and no service was found in the code."
		page.BlastNote = "No graph."
	}

	catalogue := p.Rules
	if catalogue == nil {
		catalogue = rules.All()
	}
	// The table lists open findings before suppressed ones, the most
	// severe first, each group in position order.
	fs = slices.Clone(fs)
	slices.SortStableFunc(fs, func(a, b analyzer.Finding) int {
		return cmp.Or(
			cmp.Compare(boolInt(a.Suppression != nil), boolInt(b.Suppression != nil)),
			cmp.Compare(b.Severity, a.Severity),
		)
	})
	var edges map[string]*graph.Edge
	if g != nil {
		edges = edgeIndex(g)
	}
	counts := map[string]*htmlRuleCount{}
	services := map[string]bool{}
	for i, f := range fs {
		if i >= htmlMaxRows {
			page.Omitted++
		}
		hf := htmlFinding{
			Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Detail: f.Detail, Service: f.Service,
			Path: strings.Join(f.Path, " → "), Suppressed: f.Suppression != nil,
		}
		if f.File != "" {
			hf.Pos = f.Pos()
		}
		if f.Suppression != nil {
			hf.Reason = f.Suppression.Reason
			page.Suppressed++
		} else {
			switch f.Severity {
			case rules.Error:
				page.Errors++
			case rules.Warning:
				page.Warnings++
			case rules.Note:
				page.Notes++
			}
			c := counts[f.Rule]
			if c == nil {
				c = &htmlRuleCount{Rule: f.Rule}
				counts[f.Rule] = c
			}
			switch f.Severity {
			case rules.Error:
				c.Errors++
			case rules.Warning:
				c.Warnings++
			case rules.Note:
				c.Notes++
			}
			c.Total++
		}
		if g != nil {
			var ids []string
			for _, el := range elementsOf(g, edges, f) {
				if drawn[el.id] {
					ids = append(ids, el.id)
				}
			}
			hf.Elements = strings.Join(ids, " ")
			if len(ids) > 0 {
				hf.First = ids[0]
			}
			if vs != nil {
				if index == nil {
					index = map[string]int{}
					for i, n := range g.Nodes {
						index[n.Name] = i
					}
				}
				// The view of its service's group (the overview for a
				// service in none), where its elements are drawn or
				// folded into a group or a bundle.
				if i, ok := index[f.Service]; ok && of[i] >= 0 {
					hf.View = of[i] + 1
				}
				var vids []string
				for _, el := range vs[hf.View].elementsOf(g, edges, index, f) {
					if !slices.Contains(vids, el.id) {
						vids = append(vids, el.id)
					}
				}
				hf.ViewElements = strings.Join(vids, " ")
				if hf.First == "" && len(vids) > 0 {
					hf.First = vids[0]
				}
			}
		}
		if i >= htmlMaxRows {
			continue // counted above, not listed
		}
		if f.Service != "" {
			services[f.Service] = true
		}
		page.Findings = append(page.Findings, hf)
	}
	for _, name := range slices.Sorted(maps.Keys(services)) {
		page.Services = append(page.Services, htmlService{Name: name, ID: dot.NodeID(name)})
	}
	for _, c := range counts {
		page.ByRule = append(page.ByRule, *c)
	}
	slices.SortFunc(page.ByRule, func(a, b htmlRuleCount) int {
		return cmp.Or(cmp.Compare(b.Errors, a.Errors), cmp.Compare(b.Total, a.Total), strings.Compare(a.Rule, b.Rule))
	})

	// The documentation of every rule that reported something.
	used := map[string]bool{}
	for _, f := range fs {
		used[f.Rule] = true
	}
	for _, r := range catalogue {
		if !used[r.Name] {
			continue
		}
		page.RuleNames = append(page.RuleNames, r.Name)
		page.Docs = append(page.Docs, htmlDoc{
			Name: r.Name, Summary: r.Summary, Severity: r.Severity.String(), URL: RuleURL(r.Name),
			HTML: template.HTML(markdown(r.Doc, 4)), // markdown escapes all text
		})
		delete(used, r.Name)
	}
	for _, name := range slices.Sorted(maps.Keys(used)) { // rules outside the catalogue
		page.RuleNames = append(page.RuleNames, name)
		page.Docs = append(page.Docs, htmlDoc{Name: name, Summary: "no documentation", URL: RuleURL(name)})
	}
	slices.Sort(page.RuleNames)

	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, page); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return err
	}
	return pictureErr
}

// single draws the graph as one picture.
func (p HTML) single(page *htmlPage, g *graph.Graph, opt dot.Options, drawn map[string]bool) error {
	data, err := p.SVG, p.NoSVG
	if data == nil && err == nil {
		data, err = p.Picture.render(g, opt)
	}
	if err != nil {
		return err
	}
	inline, err := svg.Inline(data)
	if err != nil {
		return err
	}
	page.SVG = template.HTML(inline) // checked by svg.Inline: no script, no handlers, no links out
	for _, n := range g.Nodes {
		drawn[dot.NodeID(n.Name)] = true
	}
	for _, e := range g.Edges {
		drawn[dot.EdgeID(e.From, e.To)] = true
	}
	for _, ep := range g.Entrypoints {
		drawn[dot.EntryID(ep.Name)] = true
	}
	return nil
}

// several draws the views of a graph collapsed into groups: the first is
// shown, the others wait in templates.
func (p HTML) several(page *htmlPage, vs []*view, drawn map[string]bool) error {
	page.Grouped = true
	// The layouts of a renderer program run in parallel, as many at a
	// time as there are CPUs, each a process of its own. An in-process
	// layout runs one at a time: the WebAssembly Graphviz has been seen
	// to write corrupt SVG (NUL bytes) when called from several
	// goroutines, its lock notwithstanding.
	out := make([][]byte, len(vs))
	errs := make([]error, len(vs))
	var wg sync.WaitGroup
	workers := 1
	if _, ok := p.Picture.Renderer.(svg.Program); ok {
		workers = max(1, runtime.NumCPU())
	}
	sem := make(chan struct{}, workers)
	for i, v := range vs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i], errs[i] = p.Picture.render(v.graph, v.opt)
		}()
	}
	wg.Wait()
	for i, v := range vs {
		data, err := out[i], errs[i]
		if err != nil {
			return fmt.Errorf("view %s: %w", v.name, err)
		}
		inline, err := svg.Inline(data)
		if err != nil {
			return err
		}
		if i == 0 {
			page.SVG = template.HTML(inline) // checked by svg.Inline
		} else {
			page.Views = append(page.Views, htmlView{Index: i, Name: v.name, SVG: template.HTML(inline)})
		}
		for id := range v.drawn {
			drawn[id] = true
		}
	}
	return nil
}

// scope says what was analysed, for the page's header.
func scope(res *analyzer.Result) string {
	var parts []string
	if res.Packages > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", res.Packages, plural(res.Packages, "package")))
	}
	if res.Topology != "" {
		parts = append(parts, res.Topology)
	}
	if g := res.Graph; g != nil {
		parts = append(parts, fmt.Sprintf("%d %s, %d %s, %d %s",
			len(g.Nodes), plural(len(g.Nodes), "node"), len(g.Edges), plural(len(g.Edges), "edge"),
			len(g.Entrypoints), plural(len(g.Entrypoints), "entrypoint")))
	}
	return strings.Join(parts, " · ")
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

func focusText(p Picture) string {
	var parts []string
	if p.Focus != "" {
		parts = append(parts, "focus "+p.Focus)
	}
	if p.Depth > 0 {
		parts = append(parts, fmt.Sprintf("depth %d", p.Depth))
	}
	return strings.Join(parts, ", ")
}

// blastRadius lists the entrypoints by the size of their required set and
// the nodes whose failure takes down the most entrypoints.
func blastRadius(g *graph.Graph) ([]htmlEntry, []htmlNode, string) {
	if len(g.Entrypoints) == 0 {
		if !slices.ContainsFunc(g.Nodes, func(n *graph.Node) bool { return n.Source&graph.FromTopology != 0 }) {
			return nil, nil, "No entrypoint was found in the code: no service starts a server that no other service calls, " +
				"and no consumer reads a queue fed from outside. Declare the entrypoints in a topology to see what each one cannot work without."
		}
		return nil, nil, "The topology declares no entrypoints: declare them to see what each one cannot work without."
	}
	req := g.Requirements()
	var entries []htmlEntry
	note := ""
	for i, ep := range g.Entrypoints {
		e := htmlEntry{Name: ep.Name, ID: dot.EntryID(ep.Name), Service: ep.Service, Inferred: ep.Inferred, Why: ep.Why}
		if ep.Inferred {
			note = "There is no topology: the entrypoints are inferred from the code (a service that starts a server and that no other service calls, " +
				"or a consumer of a queue no service writes to). Replicas are unknown, so no node is counted as a single instance; " +
				"declare the entrypoints and replicas in a topology (faultline init writes these ones) to keep, rename or delete them."
		}
		var single []string
		for _, v := range req.Required(i) {
			e.Required++
			if n := g.Nodes[v]; n.ReplicasKnown && !n.Redundant() {
				single = append(single, n.Name)
			}
		}
		e.Single = len(single)
		e.SingleNames = strings.Join(single, ", ")
		entries = append(entries, e)
	}
	slices.SortStableFunc(entries, func(a, b htmlEntry) int {
		return cmp.Or(cmp.Compare(b.Required, a.Required), cmp.Compare(b.Single, a.Single))
	})
	var nodes []htmlNode
	for i, n := range g.Nodes {
		lost := len(req.BlastRadius(i))
		if lost == 0 {
			continue
		}
		redundant := "yes"
		switch {
		case !n.ReplicasKnown:
			redundant = "unknown"
		case !n.Redundant():
			redundant = "no"
		}
		nodes = append(nodes, htmlNode{Name: n.Name, ID: dot.NodeID(n.Name), Kind: n.Kind.String(), Redundant: redundant, Lost: lost})
	}
	slices.SortStableFunc(nodes, func(a, b htmlNode) int {
		return cmp.Or(cmp.Compare(b.Lost, a.Lost), cmp.Compare(rank(a.Redundant), rank(b.Redundant)))
	})
	if len(nodes) > 10 {
		nodes = nodes[:10]
	}
	return entries, nodes, note
}

// rank orders single instances first.
func rank(redundant string) int {
	switch redundant {
	case "no":
		return 0
	case "unknown":
		return 1
	}
	return 2
}
