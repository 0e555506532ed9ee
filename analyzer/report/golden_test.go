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
		name    string
		printer Printer
	}{
		{"golden.txt", Text{}},
		{"golden.json", JSON{}},
		{"golden.sarif", SARIF{Version: "v1.2.3", Rules: fixtureRules()}},
		{"golden.github", GitHub{}},
		{"golden.dot", DOT{}},
		{"golden-focus.dot", DOT{Picture: Picture{Focus: "admin"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.printer.Print(&buf, res, fs); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name, buf.Bytes())
			// The same input gives the same bytes.
			var again bytes.Buffer
			if err := tt.printer.Print(&again, res, fs); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Error("two runs gave different output")
			}
		})
	}
}
