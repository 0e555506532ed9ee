// Package report holds faultline's output formats. Each printer is a small
// type that writes a run's findings to an io.Writer; none of them decides
// what the findings mean for the build (the command line does).
package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// Unsuppressed returns the findings no suppression silenced.
func Unsuppressed(fs []analyzer.Finding) []analyzer.Finding {
	var out []analyzer.Finding
	for _, f := range fs {
		if f.Suppression == nil {
			out = append(out, f)
		}
	}
	return out
}

// Text writes findings in the Go convention, one per line:
//
//	path/file.go:12:5: message (rule)
//
// Suppressed findings are not written.
type Text struct{ W io.Writer }

// Print writes the findings. Text from the analysed code or topology
// (messages quote names, hosts and paths) is escaped with Clean, so a
// finding is always one line.
func (p Text) Print(fs []analyzer.Finding) error {
	bw := bufio.NewWriter(p.W)
	for _, f := range Unsuppressed(fs) {
		fmt.Fprintf(bw, "%s: %s (%s)\n", Clean(f.Pos()), Clean(f.Message), f.Rule)
	}
	return bw.Flush()
}

// Clean escapes control characters, invalid UTF-8 and bidirectional
// controls, so that text taken from analysed code prints as one line that
// says what it holds.
func Clean(s string) string { return rules.Clean(s) }

// JSON writes the findings and the graph as one JSON document:
//
//	{"version": 1, "findings": [...], "suppressed": [...], "graph": {...}}
type JSON struct{ W io.Writer }

// jsonDoc is the document JSON writes; version 1 is the format in DESIGN.md.
type jsonDoc struct {
	Version    int                `json:"version"`
	Findings   []analyzer.Finding `json:"findings"`
	Suppressed []analyzer.Finding `json:"suppressed,omitempty"`
	Graph      *graph.JSON        `json:"graph,omitempty"`
}

// Print writes the document for findings and g (which may be nil).
func (p JSON) Print(fs []analyzer.Finding, g *graph.Graph) error {
	doc := jsonDoc{Version: 1, Findings: []analyzer.Finding{}}
	for _, f := range fs {
		if f.Suppression == nil {
			doc.Findings = append(doc.Findings, f)
		} else {
			doc.Suppressed = append(doc.Suppressed, f)
		}
	}
	if g != nil {
		j := g.ToJSON()
		doc.Graph = &j
	}
	enc := json.NewEncoder(p.W)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
