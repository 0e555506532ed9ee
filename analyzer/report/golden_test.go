package report

import (
	"bytes"
	"testing"
)

// TestGoldens writes the fixture in every text format and compares the
// output with testdata/golden.*; go test -update rewrites them.
func TestGoldens(t *testing.T) {
	res := fixtureResult(t)
	fs := res.Findings
	for _, tt := range []struct {
		name  string
		print func(*bytes.Buffer) error
	}{
		{"golden.txt", func(b *bytes.Buffer) error { return Text{W: b}.Print(fs) }},
		{"golden.json", func(b *bytes.Buffer) error { return JSON{W: b}.Print(fs, res.Graph) }},
		{"golden.sarif", func(b *bytes.Buffer) error {
			return SARIF{W: b, Version: "v1.2.3", Rules: fixtureRules()}.Print(res, fs)
		}},
		{"golden.github", func(b *bytes.Buffer) error { return GitHub{W: b}.Print(fs) }},
		{"golden.dot", func(b *bytes.Buffer) error { return DOT{W: b}.Print(fs, res.Graph) }},
		{"golden-focus.dot", func(b *bytes.Buffer) error {
			return DOT{W: b, Picture: Picture{Focus: "admin"}}.Print(fs, res.Graph)
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.print(&buf); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, buf.Bytes())
			// The same input gives the same bytes.
			var again bytes.Buffer
			if err := tt.print(&again); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Error("two runs gave different output")
			}
		})
	}
}
