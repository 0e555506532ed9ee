package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/rules"
)

// TestPathsAgree checks that, run from a repository's root with -C on a
// module below it, the text output and SARIF name a file by the same path:
// the text's relative to the directory faultline was started in, SARIF's
// relative to %SRCROOT%, the repository's root.
func TestPathsAgree(t *testing.T) {
	repo := t.TempDir()
	res := &analyzer.Result{
		Root: filepath.Join(repo, "services", "shop"),
		Findings: []analyzer.Finding{{Rule: "ctxdeadline", Severity: rules.Error, Message: "m",
			File: "cmd/main.go", Line: 3, Column: 7}},
	}
	var text bytes.Buffer
	if err := (Text{Dir: repo}).Print(&text, res, res.Findings); err != nil {
		t.Fatal(err)
	}
	if want := "services/shop/cmd/main.go:3:7: m (ctxdeadline)\n"; text.String() != want {
		t.Errorf("text from the repository's root: %q, want %q", text.String(), want)
	}
	var sarif bytes.Buffer
	if err := (SARIF{Version: "v", SrcRoot: repo, Rules: fixtureRules()}).Print(&sarif, res, res.Findings); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(sarif.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	loc := doc.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	if loc.URI != "services/shop/cmd/main.go" || loc.URIBaseID != "%SRCROOT%" {
		t.Errorf("SARIF: %+v, want services/shop/cmd/main.go relative to %%SRCROOT%%", loc)
	}
	if !strings.HasPrefix(text.String(), loc.URI+":") {
		t.Errorf("text %q and SARIF %q disagree", text.String(), loc.URI)
	}

	// From the module's own directory, or without a directory, paths are
	// relative to it; from below it, they climb.
	for dir, want := range map[string]string{
		res.Root:                            "cmd/main.go:3:7",
		"":                                  "cmd/main.go:3:7",
		filepath.Join(res.Root, "internal"): "../cmd/main.go:3:7",
	} {
		var b bytes.Buffer
		if err := (Text{Dir: dir}).Print(&b, res, res.Findings); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(b.String(), want+":") {
			t.Errorf("from %s: %q, want %s", dir, b.String(), want)
		}
	}
}
