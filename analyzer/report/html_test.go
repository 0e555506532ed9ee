package report

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/dot"
	"github.com/faultline-dev/faultline/rules"
)

func printHTML(t *testing.T, p HTML, res *analyzer.Result, fs []analyzer.Finding) (string, error) {
	t.Helper()
	var buf bytes.Buffer
	if p.Rules == nil {
		p.Rules = fixtureRules()
	}
	if p.Picture.Renderer == nil {
		p.Picture.Renderer = inProcess
	}
	err := p.Print(&buf, res, fs)
	return buf.String(), err
}

var (
	scriptRE = regexp.MustCompile(`(?is)<script\b[^>]*>(.*?)</script>`)
	styleRE  = regexp.MustCompile(`(?is)<style\b[^>]*>(.*?)</style>`)
	idRE     = regexp.MustCompile(`\sid="([^"]*)"`)
	elemRE   = regexp.MustCompile(`data-elements="([^"]*)"`)
)

// TestHTMLSafe renders the fixture, whose names include markup, and
// checks that nothing from the input became markup and that the page
// fetches nothing.
func TestHTMLSafe(t *testing.T) {
	res := fixtureResult(t)
	page, err := printHTML(t, HTML{Title: `<b>shop</b>`, Version: "v1"}, res, res.Findings)
	if err != nil {
		t.Fatal(err)
	}
	lower := strings.ToLower(page)
	if n := strings.Count(lower, "<script"); n != 1 {
		t.Errorf("%d <script> tags, want only the page's own", n)
	}
	for _, raw := range []string{`<script>alert(1)</script>`, `<b>shop</b>`, `<img`, `a"b`, `<x>`, `<bad>`} {
		if strings.Contains(page, raw) {
			t.Errorf("the page contains %q unescaped", raw)
		}
	}
	for _, escaped := range []string{`&lt;script&gt;alert(1)&lt;/script&gt;`, `&lt;b&gt;shop&lt;/b&gt;`, `a&#34;b`} {
		if !strings.Contains(page, escaped) {
			t.Errorf("the page does not show %q as text", escaped)
		}
	}
	// Self-contained: nothing is loaded from anywhere.
	for _, fetch := range []string{"<link", "<img", "<iframe", " src=", "@import", "url(", "<object", "<embed"} {
		if strings.Contains(lower, fetch) {
			t.Errorf("the page has %q", fetch)
		}
	}
	// The CSP allows exactly the page's own style sheet and script.
	m := scriptRE.FindStringSubmatch(page)
	s := styleRE.FindStringSubmatch(page)
	if m == nil || s == nil {
		t.Fatal("no script or style")
	}
	csp := "default-src 'none'; style-src '" + sha256Source(s[1]) + "'; script-src '" + sha256Source(m[1]) + "'"
	if !strings.Contains(html.UnescapeString(page), `<meta http-equiv="Content-Security-Policy" content="`+csp) {
		t.Errorf("the CSP does not match the page's script and style (want %s)", csp)
	}

	// Every link from a finding to the picture has a target there, and
	// ids are unique.
	ids := map[string]int{}
	for _, m := range idRE.FindAllStringSubmatch(page, -1) {
		ids[html.UnescapeString(m[1])]++ // Graphviz writes - as &#45;
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q appears %d times", id, n)
		}
	}
	linked := 0
	for _, m := range elemRE.FindAllStringSubmatch(page, -1) {
		for _, id := range strings.Fields(m[1]) {
			linked++
			if ids[id] == 0 {
				t.Errorf("a finding links to %q, which the page does not have", id)
			}
		}
	}
	if linked == 0 {
		t.Error("no finding links to the picture")
	}
	for _, id := range []string{dot.NodeID(`<script>alert(1)</script>`), dot.NodeID(`a"b`), dot.EdgeID("checkout", "payment"), "rule-spof", "rule-cascade"} {
		if ids[id] == 0 {
			t.Errorf("no element with id %q", id)
		}
	}
	// Docs of the rules that reported something, and only those.
	if ids["rule-zonespof"] != 0 {
		t.Error("the page documents a rule with no finding")
	}
	if !strings.Contains(page, `<h4>Why it matters</h4>`) || !strings.Contains(page, `<code>spof</code>`) ||
		!strings.Contains(page, `&lt;x&gt;`) || !strings.Contains(page, `<a href="https://sre.google/sre-book/" rel="noopener noreferrer">the book</a>`) {
		t.Error("rule documentation is not rendered")
	}
	// The blast radius: web needs gateway, checkout, payment, orders,
	// stripe and <script>…, and three of them are single instances.
	if want := `>web</a></td><td>gateway</td><td class="num">6</td><td class="num">3</td><td>gateway, orders, payment</td>`; !strings.Contains(page, want) {
		t.Errorf("blast radius of web is missing:\n%s", section(page, "blast-radius"))
	}
}

func section(page, id string) string {
	i := strings.Index(page, `<section id="`+id+`"`)
	if i < 0 {
		return ""
	}
	j := strings.Index(page[i:], "</section>")
	return page[i : i+j]
}

// TestHTMLFocus draws the admin entrypoint's part only: the findings about
// the rest are left out.
func TestHTMLFocus(t *testing.T) {
	res := fixtureResult(t)
	page, err := printHTML(t, HTML{Picture: Picture{Focus: "admin"}}, res, res.Findings)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(page, `<g id="node&#45;gateway"`) || !strings.Contains(page, `<g id="node&#45;checkout"`) {
		t.Error("gateway is drawn, but admin does not reach it")
	}
	if !strings.Contains(page, "focus admin") {
		t.Error("the page does not say it is focused")
	}
	for _, f := range res.Findings {
		shown := strings.Contains(page, htmlEscape(f.Message))
		if want := touches(mustFocus(t, res.Graph, "admin"), f); shown != want {
			t.Errorf("finding %q shown %v, want %v", f.Message, shown, want)
		}
	}
	if _, err := printHTML(t, HTML{Picture: Picture{Focus: "nope"}}, res, res.Findings); err == nil {
		t.Error("an unknown focus gave no error")
	}
}

func mustFocus(t *testing.T, g *graph.Graph, focus string) *graph.Graph {
	sub, err := g.Focus(focus, 0)
	if err != nil {
		t.Fatal(err)
	}
	return sub
}

func htmlEscape(s string) string {
	var buf bytes.Buffer
	for _, r := range s {
		switch r {
		case '<':
			buf.WriteString("&lt;")
		case '>':
			buf.WriteString("&gt;")
		case '&':
			buf.WriteString("&amp;")
		case '"':
			buf.WriteString("&#34;")
		case '\'':
			buf.WriteString("&#39;")
		default:
			buf.WriteRune(r)
		}
	}
	return buf.String()
}

// TestHTMLTooLarge: a graph above the limits gives a page without a
// picture, quickly, and a PictureError.
func TestHTMLTooLarge(t *testing.T) {
	g := &graph.Graph{}
	for i := range 1500 {
		g.Nodes = append(g.Nodes, &graph.Node{Name: fmt.Sprintf("s%d", i), Kind: graph.Service})
	}
	g.Index()
	res := &analyzer.Result{Root: fixtureRoot, Graph: g}
	page, err := printHTML(t, HTML{}, res, nil)
	var pe *PictureError
	if !errors.As(err, &pe) || !IsTooLarge(err) {
		t.Fatalf("err = %v, want a PictureError for a graph too large", err)
	}
	if !strings.Contains(page, "No picture: the graph has 1500 nodes") || !strings.Contains(page, "-focus") {
		t.Errorf("the page does not say why it has no picture:\n%s", section(page, "graph"))
	}
	if strings.Contains(page, "<svg") {
		t.Error("the page has a picture")
	}
}

func TestHTMLNoGraph(t *testing.T) {
	res := &analyzer.Result{Root: fixtureRoot, Findings: fixtureFindings(t)}
	page, err := printHTML(t, HTML{}, res, res.Findings)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page, "No picture") || strings.Contains(page, "data-elements=\"node") {
		t.Error("a page without a graph links to the picture")
	}
}

func TestMarkdown(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"# title: x\n\npara *em* **b** `<c>`", "<p>para <em>em</em> <strong>b</strong> <code>&lt;c&gt;</code></p>\n"},
		{"text\n\n## Head <x>\n", "<p>text</p>\n<h4>Head &lt;x&gt;</h4>\n"},
		{"- a\n- b\n  c\n\nafter", "<ul>\n<li>a</li>\n<li>b c</li>\n</ul>\n<p>after</p>\n"},
		{"```go\nif a < b {}\n```", "<pre><code class=\"language-go\">if a &lt; b {}</code></pre>\n"},
		{"```\"><script>\nx\n```", "<pre><code>x</code></pre>\n"},
		{"[x](javascript:alert(1)) [y](https://e.com/?a=1&b=2)", "<p>[x](javascript:alert(1)) <a href=\"https://e.com/?a=1&amp;b=2\" rel=\"noopener noreferrer\">y</a></p>\n"},
		{"| h1 | h2 |\n|---|---|\n| <a> | b |", "<table>\n<tr><th>h1</th><th>h2</th></tr>\n<tr><td>&lt;a&gt;</td><td>b</td></tr>\n</table>\n"},
		{"<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
		{"a `unclosed", "<p>a `unclosed</p>\n"},
		{"2 * 3 * 4", "<p>2 * 3 * 4</p>\n"},
	} {
		if got := markdown(tt.in, 4); got != tt.want {
			t.Errorf("markdown(%q) =\n%q\nwant\n%q", tt.in, got, tt.want)
		}
	}
}

// TestHTMLManyFindings: the table lists the most severe htmlMaxRows
// findings and says how many more there are; the counts cover them all.
func TestHTMLManyFindings(t *testing.T) {
	var fs []analyzer.Finding
	for i := range htmlMaxRows + 7 {
		sev := rules.Note
		if i == htmlMaxRows+3 {
			sev = rules.Error // last in position, first in the table
		}
		fs = append(fs, analyzer.Finding{Rule: "spof", Severity: sev, Message: fmt.Sprintf("finding number %d", i), File: "t.cue", Line: i + 1})
	}
	res := &analyzer.Result{Root: fixtureRoot, Findings: fs}
	page, err := printHTML(t, HTML{}, res, fs)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(page, "<tr data-rule="); n != htmlMaxRows {
		t.Errorf("%d rows, want %d", n, htmlMaxRows)
	}
	if !strings.Contains(page, fmt.Sprintf("finding number %d<", htmlMaxRows+3)) {
		t.Error("the error beyond the limit is not listed")
	}
	if !strings.Contains(page, "7 less severe findings are not listed here") {
		t.Error("the page does not say how many findings it leaves out")
	}
	if !strings.Contains(page, fmt.Sprintf(">%d notes<", htmlMaxRows+6)) {
		t.Error("the counts do not cover every finding")
	}
}
