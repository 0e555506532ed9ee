package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/rules"
)

var sarifSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // uri and uri-reference values are checked too
	const url = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	return c.Compile(url)
})

// validateSARIF checks data against the SARIF 2.1.0 schema and returns the
// log decoded.
func validateSARIF(t *testing.T, data []byte) sarifLog {
	t.Helper()
	sch, err := sarifSchema()
	if err != nil {
		t.Fatalf("schema: %v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("output does not validate against the SARIF 2.1.0 schema: %v", err)
	}
	var log sarifLog
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&log); err != nil {
		t.Fatal(err)
	}
	return log
}

func printSARIF(t *testing.T, p SARIF, res *analyzer.Result, fs []analyzer.Finding) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := p.Print(&buf, res, fs); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSARIFSchema validates the log of the fixture (with the real
// catalogue, and with the goldens' one), of no findings, and the golden.
func TestSARIFSchema(t *testing.T) {
	res := fixtureResult(t)
	validateSARIF(t, printSARIF(t, SARIF{Version: "v0.1.0"}, res, res.Findings))
	validateSARIF(t, printSARIF(t, SARIF{Rules: fixtureRules()}, res, res.Findings))
	golden, err := os.ReadFile(filepath.Join("testdata", "golden.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, golden)

	empty := printSARIF(t, SARIF{}, &analyzer.Result{Root: fixtureRoot}, nil)
	log := validateSARIF(t, empty)
	if !bytes.Contains(empty, []byte(`"results": []`)) || len(log.Runs[0].Results) != 0 {
		t.Errorf("no findings: want \"results\": [], got\n%s", empty)
	}

	// A schema that cannot fail proves nothing: a log without a driver
	// name, and one with a column of 0, must not validate.
	sch, _ := sarifSchema()
	for _, bad := range []string{
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": []}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"artifactLocation": {"uri": "a.go"}, "region": {"startLine": 1, "startColumn": 0}}}]}]}]}`,
		`{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "suppressions": [{"kind": "inline"}]}]}]}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(inst) == nil {
			t.Errorf("the schema accepts an invalid log: %s", bad)
		}
	}
}

// TestSARIFContent checks what code scanning relies on.
func TestSARIFContent(t *testing.T) {
	res := fixtureResult(t)
	log := validateSARIF(t, printSARIF(t, SARIF{Version: "v0.1.0"}, res, res.Findings))
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	d := run.Tool.Driver
	if d.Name != "faultline" || d.Version != "v0.1.0" || d.InformationURI == "" {
		t.Errorf("driver = %+v", d)
	}
	// Every rule of the catalogue, once, complete; then the unknown one.
	var ids []string
	for _, r := range d.Rules {
		ids = append(ids, r.ID)
	}
	want := rules.Names()
	want = append(want, "experimental")
	if !slices.Equal(ids, want) {
		t.Errorf("rules = %v, want %v", ids, want)
	}
	for _, r := range d.Rules[:len(d.Rules)-1] {
		cat := rules.Lookup(r.ID)
		if r.Name == "" || r.ShortDescription.Text != cat.Summary || r.FullDescription.Text == "" ||
			r.Help == nil || r.Help.Text == "" || r.Help.Markdown != cat.Doc ||
			r.HelpURI != "https://github.com/faultline-dev/faultline/blob/main/rules/"+r.ID+"/doc.md" ||
			r.DefaultConfiguration.Level != cat.Severity.String() || len(r.Properties.Tags) == 0 || len(r.Properties.Tags) > SARIFMaxTags {
			t.Errorf("rule %s is incomplete: %+v", r.ID, r)
		}
		if strings.HasPrefix(r.FullDescription.Text, "#") {
			t.Errorf("rule %s: fullDescription is the title: %q", r.ID, r.FullDescription.Text)
		}
	}
	if base := run.OriginalURIBaseIDs[srcRoot].URI; base != "file:///src/shop/" {
		t.Errorf("%%SRCROOT%% = %q", base)
	}

	if len(run.Results) != len(res.Findings) {
		t.Fatalf("%d results for %d findings", len(run.Results), len(res.Findings))
	}
	byFP := map[string]sarifResult{}
	for i, r := range run.Results {
		f := res.Findings[i]
		byFP[f.Fingerprint] = r
		if r.RuleID != f.Rule || d.Rules[r.RuleIndex].ID != f.Rule {
			t.Errorf("result %d: ruleId %s, ruleIndex %d (%s), want %s", i, r.RuleID, r.RuleIndex, d.Rules[r.RuleIndex].ID, f.Rule)
		}
		if r.Level != f.Severity.String() || r.Message.Text != f.Message {
			t.Errorf("result %d: level %s message %q", i, r.Level, r.Message.Text)
		}
		if r.PartialFingerprints[SARIFFingerprintKey] != f.Fingerprint {
			t.Errorf("result %d: partialFingerprints %v", i, r.PartialFingerprints)
		}
		for _, loc := range append(slices.Clone(r.Locations), r.RelatedLocations...) {
			al := loc.PhysicalLocation.ArtifactLocation
			if al.URIBaseID != srcRoot || strings.HasPrefix(al.URI, "/") || strings.Contains(al.URI, "://") || strings.Contains(al.URI, `\`) {
				t.Errorf("result %d: location %+v is not relative to %%SRCROOT%%", i, al)
			}
			if rg := loc.PhysicalLocation.Region; rg != nil && (rg.StartLine < 1 || rg.StartColumn < 0) {
				t.Errorf("result %d: region %+v", i, rg)
			}
		}
		if (f.File == "") != (len(r.Locations) == 0) {
			t.Errorf("result %d: %d locations for file %q", i, len(r.Locations), f.File)
		}
		if (f.Suppression != nil) != (len(r.Suppressions) == 1) {
			t.Errorf("result %d: suppressions %+v for %+v", i, r.Suppressions, f.Suppression)
		}
	}

	// The cascade: its path's nodes and its related position, and a code
	// flow along its edges.
	c := byFP["11111111111111111111111111111111"]
	var related []string
	for _, l := range c.RelatedLocations {
		related = append(related, fmt.Sprintf("%d:%s:%d", *l.ID, l.Message.Text, l.PhysicalLocation.Region.StartLine))
	}
	wantRelated := []string{
		"1:service gateway, step 1 of the path:8", "2:service checkout, step 2 of the path:18",
		"3:service payment, step 3 of the path:24", "4:checkout -> payment has no timeout:20",
	}
	if !slices.Equal(related, wantRelated) {
		t.Errorf("cascade related = %q, want %q", related, wantRelated)
	}
	if len(c.CodeFlows) != 1 || len(c.CodeFlows[0].ThreadFlows[0].Locations) != 2 ||
		c.CodeFlows[0].ThreadFlows[0].Locations[1].Location.PhysicalLocation.Region.StartLine != 20 {
		t.Errorf("cascade code flow = %+v", c.CodeFlows)
	}
	// The code finding's file has a space: escaped in the URI.
	if u := byFP["33333333333333333333333333333333"].Locations[0].PhysicalLocation.ArtifactLocation.URI; u != "services/check%20out/client.go" {
		t.Errorf("uri = %q", u)
	}
	// Suppressions keep their kind and reason.
	if s := byFP["88888888888888888888888888888888"].Suppressions[0]; s.Kind != "inSource" || s.Justification != "a single gateway is fine in staging" || s.Location == nil {
		t.Errorf("inSource suppression = %+v", s)
	}
	if s := byFP["99999999999999999999999999999999"].Suppressions[0]; s.Kind != "external" || s.Location != nil {
		t.Errorf("external suppression = %+v", s)
	}
	if run.Invocations != nil {
		t.Errorf("notifications without a reason: %+v", run.Invocations)
	}
}

// TestSARIFSrcRoot puts the module in a subdirectory of the repository:
// URIs must be relative to the repository.
func TestSARIFSrcRoot(t *testing.T) {
	res := fixtureResult(t)
	log := validateSARIF(t, printSARIF(t, SARIF{SrcRoot: "/src"}, res, res.Findings))
	run := log.Runs[0]
	if u := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; u != "shop/topology.cue" {
		t.Errorf("uri = %q, want shop/topology.cue", u)
	}
	if base := run.OriginalURIBaseIDs[srcRoot].URI; base != "file:///src/" {
		t.Errorf("%%SRCROOT%% = %q", base)
	}

	repo := t.TempDir()
	mod := filepath.Join(repo, "services", "shop")
	if err := os.MkdirAll(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(mod, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := RepoRoot(mod); got != repo {
		t.Errorf("RepoRoot(%s) = %s, want %s", mod, got, repo)
	}
	alone := t.TempDir()
	if got := RepoRoot(alone); got != alone && !strings.HasPrefix(alone, got) {
		t.Errorf("RepoRoot(%s) = %s", alone, got)
	}
}

// TestSARIFLimits checks that a log above GitHub's limits is cut
// deterministically, keeps the most severe results and says so.
func TestSARIFLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("large")
	}
	var fs []analyzer.Finding
	for i := range SARIFMaxResults + 10 {
		sev := rules.Note
		if i%1000 == 999 {
			sev = rules.Error
		}
		fs = append(fs, analyzer.Finding{
			Rule: "spof", Severity: sev, Message: fmt.Sprintf("finding %d", i),
			File: "topology.cue", Line: i + 1, Fingerprint: fmt.Sprintf("%032x", i),
		})
	}
	// One finding with more related positions than a result may carry.
	for i := range SARIFMaxLocations + 5 {
		fs[0].Related = append(fs[0].Related, analyzer.Related{File: "a.go", Line: i + 1, Message: "r"})
	}
	res := &analyzer.Result{Root: fixtureRoot, Findings: fs}
	p := SARIF{Rules: fixtureRules()}
	out := printSARIF(t, p, res, fs)
	if again := printSARIF(t, p, res, fs); !bytes.Equal(out, again) {
		t.Error("two runs gave different output")
	}
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != SARIFMaxResults {
		t.Fatalf("%d results, want %d", len(run.Results), SARIFMaxResults)
	}
	errorsKept := 0
	for i, r := range run.Results {
		if r.Level == "error" {
			errorsKept++
		}
		if i > 0 && r.Locations[0].PhysicalLocation.Region.StartLine <= run.Results[i-1].Locations[0].PhysicalLocation.Region.StartLine {
			t.Fatalf("results out of order at %d", i)
		}
	}
	if errorsKept != (SARIFMaxResults+10)/1000 {
		t.Errorf("%d errors kept, want all %d", errorsKept, (SARIFMaxResults+10)/1000)
	}
	if n := len(run.Results[0].RelatedLocations); n != SARIFMaxLocations {
		t.Errorf("%d related locations, want %d", n, SARIFMaxLocations)
	}
	if len(run.Invocations) != 1 || len(run.Invocations[0].ToolExecutionNotifications) != 2 {
		t.Fatalf("invocations = %+v", run.Invocations)
	}
	for _, n := range run.Invocations[0].ToolExecutionNotifications {
		if n.Level != "warning" || !strings.Contains(n.Message.Text, "in this log") {
			t.Errorf("notification = %+v", n)
		}
	}
}

func TestSARIFPackageErrors(t *testing.T) {
	res := &analyzer.Result{Root: fixtureRoot, PackageErrors: []string{"a/a.go:1:1: syntax error"}}
	log := validateSARIF(t, printSARIF(t, SARIF{}, res, nil))
	inv := log.Runs[0].Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful || inv[0].ToolExecutionNotifications[0].Level != "error" {
		t.Errorf("invocations = %+v", inv)
	}
}

func TestFirstParagraph(t *testing.T) {
	for _, tt := range []struct{ doc, want string }{
		{"# x: s\n\nOne\ntwo.\n\nThree.", "One two."},
		{"# x: s\n\n## Why it matters\n\nA.", ""},
		{"", ""},
	} {
		if got := firstParagraph(tt.doc); got != tt.want {
			t.Errorf("firstParagraph(%q) = %q, want %q", tt.doc, got, tt.want)
		}
	}
}
