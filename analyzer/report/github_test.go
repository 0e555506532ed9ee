package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/rules"
)

func TestGitHubEscaping(t *testing.T) {
	for _, tt := range []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"},
		{"a,b:c::d", "a,b:c::d", "a%2Cb%3Ac%3A%3Ad"},
		{"%0A", "%250A", "%250A"}, // an escape in the input stays text
	} {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
}

func TestGitHub(t *testing.T) {
	fs := []analyzer.Finding{
		{Rule: "spof", Severity: rules.Error, Message: "m1", File: "topology.cue", Line: 3, Column: 2},
		{Rule: "notimeout", Severity: rules.Warning, Message: "m2\nmore", File: "dir,x/a:b.go", Line: 4},
		{Rule: "sharedfate", Severity: rules.Note, Message: "m3", File: "t.cue"},
		{Rule: "spof", Severity: rules.Error, Message: "hidden", File: "t.cue", Line: 1, Suppression: &analyzer.Suppression{Kind: "inSource", Reason: "r"}},
		{Rule: "x", Severity: rules.Warning, Message: "nowhere"},
	}
	var buf bytes.Buffer
	if err := (GitHub{SrcRoot: "/repo"}).Print(&buf, &analyzer.Result{Root: "/repo/svc/shop"}, fs); err != nil {
		t.Fatal(err)
	}
	want := `::error file=svc/shop/topology.cue,line=3,col=2,title=spof (faultline)::m1
::warning file=svc/shop/dir%2Cx/a%3Ab.go,line=4,title=notimeout (faultline)::m2%0Amore
::notice file=svc/shop/t.cue,title=sharedfate (faultline)::m3
::warning title=x (faultline)::nowhere
`
	if got := buf.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		if strings.Count(line, "\n") > 0 || !strings.HasPrefix(line, "::") {
			t.Errorf("not one workflow command: %q", line)
		}
	}
}
