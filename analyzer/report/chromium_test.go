package report

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/faultline-dev/faultline/rules"
)

var screenshot = flag.String("screenshot", "", "with TestChromium, also save a screenshot of the fixture's report to this `file`")

// chromium returns the path of a Chromium (or Chrome) binary:
// $FAULTLINE_CHROMIUM, or the first of the usual names on PATH.
func chromium() string {
	if p := os.Getenv("FAULTLINE_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// runChromium loads a page in headless Chromium and returns what the
// command wrote to standard output and to standard error.
func runChromium(t *testing.T, bin string, args ...string) (stdout, stderr []byte) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
		"--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0",
	}
	cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
	cmd.WaitDelay = 5 * time.Second
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, errOut.Bytes())
	}
	return out.Bytes(), errOut.Bytes()
}

// consoleRE matches the lines Chromium logs for the page's console
// messages and uncaught errors (CSP violations included). The page logs
// nothing, so any such line is a failure.
var consoleRE = regexp.MustCompile(`(?m)^.*:CONSOLE[(:].*$`)

// selftest is what the page's #selftest writes into the DOM.
type selftest struct {
	SVG             bool           `json:"svg"`
	Nodes           int            `json:"nodes"`
	Edges           int            `json:"edges"`
	Rows            int            `json:"rows"`
	Rule            map[string]int `json:"rule"`
	Severity        map[string]int `json:"severity"`
	Service         map[string]int `json:"service"`
	Status          map[string]int `json:"status"`
	OpenErrors      int            `json:"openErrors"`
	MissingElements int            `json:"missingElements"`
	Highlighted     int            `json:"highlighted"`
	HighlightWanted int            `json:"highlightWanted"`
	AfterReset      int            `json:"afterReset"`
	Errors          []string       `json:"errors"`
}

// TestChromium opens the report of the fixture in headless Chromium with
// #selftest: the page runs every filter and writes the counts it saw,
// which are compared with counts computed here. The page must log no
// console message (no error, no CSP violation, no blocked fetch).
func TestChromium(t *testing.T) {
	bin := chromium()
	if bin == "" && os.Getenv("FAULTLINE_REQUIRE_CHROMIUM") != "" {
		t.Fatal("FAULTLINE_REQUIRE_CHROMIUM is set, but no Chromium was found (chromium, chromium-browser, google-chrome or $FAULTLINE_CHROMIUM)")
	}
	if bin == "" {
		t.Skip("no Chromium found (chromium, chromium-browser, google-chrome or $FAULTLINE_CHROMIUM): the HTML report is not tested in a browser; apt-get install chromium to run it")
	}
	res := fixtureResult(t)
	page, err := printHTML(t, HTML{Title: "example.com/shop", Version: "test"}, res, res.Findings)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.ToSlash(path)

	dom, logs := runChromium(t, bin, "--virtual-time-budget=5000", "--dump-dom", url+"#selftest")
	for _, line := range consoleRE.FindAll(logs, -1) {
		t.Errorf("console: %s", line)
	}
	m := regexp.MustCompile(`<pre id="selftest-result">(.*?)</pre>`).FindSubmatch(dom)
	if m == nil {
		t.Fatalf("the page wrote no self-test result; DOM:\n%s\nlog:\n%s", dom, logs)
	}
	var got selftest
	if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &got); err != nil {
		t.Fatalf("self-test result %s: %v", m[1], err)
	}

	// What the filters must show, from the findings themselves.
	want := selftest{
		SVG:   true,
		Nodes: len(res.Graph.Nodes) + len(res.Graph.Entrypoints),
		Edges: len(res.Graph.Edges) + len(res.Graph.Entrypoints),
		Rows:  len(res.Findings),
		Rule:  map[string]int{}, Severity: map[string]int{}, Service: map[string]int{}, Status: map[string]int{},
	}
	open := 0
	for _, f := range res.Findings {
		if f.Suppression != nil {
			want.Status["suppressed"]++
			continue
		}
		open++
		want.Rule[f.Rule]++
		want.Severity[f.Severity.String()]++
		if f.Service != "" {
			want.Service[f.Service]++
		}
		if f.Severity == rules.Error {
			want.OpenErrors++
		}
	}
	for _, k := range []string{"error", "warning", "note"} {
		want.Severity[k] += 0 // every severity is an option, even with no finding
	}
	for _, f := range res.Findings { // a rule or service whose findings are all suppressed still has an option
		if _, ok := want.Rule[f.Rule]; !ok {
			want.Rule[f.Rule] = 0
		}
		if _, ok := want.Service[f.Service]; !ok && f.Service != "" {
			want.Service[f.Service] = 0
		}
	}
	want.Rule["*"], want.Severity["*"], want.Service["*"] = open, open, open
	want.Status["open"], want.Status["*"] = open, len(res.Findings)
	want.AfterReset = open

	if got.SVG != want.SVG || got.Nodes != want.Nodes || got.Edges != want.Edges || got.Rows != want.Rows {
		t.Errorf("picture and table: got svg %v, %d nodes, %d edges, %d rows; want %v, %d, %d, %d",
			got.SVG, got.Nodes, got.Edges, got.Rows, want.SVG, want.Nodes, want.Edges, want.Rows)
	}
	for _, c := range []struct {
		name      string
		got, want map[string]int
	}{{"rule", got.Rule, want.Rule}, {"severity", got.Severity, want.Severity}, {"service", got.Service, want.Service}, {"status", got.Status, want.Status}} {
		if !equalCounts(c.got, c.want) {
			t.Errorf("filter by %s: got %v, want %v", c.name, c.got, c.want)
		}
	}
	if got.OpenErrors != want.OpenErrors {
		t.Errorf("open errors: got %d, want %d", got.OpenErrors, want.OpenErrors)
	}
	if got.MissingElements != 0 {
		t.Errorf("%d links from findings to the picture lead nowhere", got.MissingElements)
	}
	if got.HighlightWanted == 0 || got.Highlighted != got.HighlightWanted {
		t.Errorf("highlighted %d of %d elements", got.Highlighted, got.HighlightWanted)
	}
	if got.AfterReset != want.AfterReset {
		t.Errorf("after reset: %d rows, want %d", got.AfterReset, want.AfterReset)
	}
	if len(got.Errors) > 0 {
		t.Errorf("script errors: %q", got.Errors)
	}
	// The hostile names are text in the DOM, never elements.
	if bytes.Contains(dom, []byte("<script>alert(1)")) || !bytes.Contains(dom, []byte("&lt;script&gt;alert(1)&lt;/script&gt;")) {
		t.Error("a name from the input became markup in the browser")
	}

	if *screenshot != "" {
		abs, err := filepath.Abs(*screenshot)
		if err != nil {
			t.Fatal(err)
		}
		_, logs := runChromium(t, bin, "--screenshot="+abs, "--window-size=1400,1000", url)
		if !strings.Contains(string(logs), "written to file") {
			if _, err := os.Stat(abs); err != nil {
				t.Errorf("no screenshot: %v\n%s", err, logs)
			}
		}
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
