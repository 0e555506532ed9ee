// Package report holds faultline's output formats. Each printer is a small
// type, holding its own options, that implements Printer: it writes a
// run's findings to an io.Writer. None of them decides what the findings
// mean for the build (the command line does).
package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// A Printer writes the findings fs of the run res to w in one format.
//
// fs may differ from res.Findings: a baseline may have removed some. res,
// which must not be nil, gives what some formats show besides the
// findings: the graph, the root directory that Finding.File paths are
// relative to, what was analysed and what could not be loaded. Options
// of one format (a picture's focus, SARIF's version) are fields of its
// printer.
type Printer interface {
	Print(w io.Writer, res *analyzer.Result, fs []analyzer.Finding) error
}

// The printers of this package.
var (
	_ Printer = Text{}
	_ Printer = JSON{}
	_ Printer = SARIF{}
	_ Printer = GitHub{}
	_ Printer = DOT{}
	_ Printer = SVG{}
	_ Printer = HTML{}
)

// Unsuppressed returns the findings no suppression silenced.
func Unsuppressed(fs []analyzer.Finding) []analyzer.Finding {
	// Findings are large and a system can have tens of thousands: one
	// allocation of the right size, none when nothing is suppressed.
	n := 0
	for i := range fs {
		if fs[i].Suppression == nil {
			n++
		}
	}
	if n == len(fs) {
		return slices.Clip(fs)
	}
	out := make([]analyzer.Finding, 0, n)
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
type Text struct {
	// Verbose writes each finding's whole message (the why and the fix)
	// instead of its headline.
	Verbose bool
	// Color colours the position by severity and dims the rule name, with
	// ANSI escapes (for a terminal).
	Color bool
	// Source, when set, returns the text of a line of a file (relative to
	// the result's root) to print under each finding, with a caret under
	// its column; "" prints nothing.
	Source func(file string, line int) string
	// Dir, when set, is the directory file paths are written relative to:
	// the one faultline was started in, whatever -C says, so that a path
	// opens from the shell (go vet and golangci-lint write theirs so).
	// Empty: relative to the result's root, as Finding.File is. SARIF and
	// GitHub annotations write paths relative to the repository's root,
	// the same paths when faultline runs there.
	Dir string
}

// ANSI colours of the severities, and of the rule's name.
var severityColor = map[rules.Severity]string{rules.Error: "\x1b[1;31m", rules.Warning: "\x1b[1;33m", rules.Note: "\x1b[1;36m"}

const (
	ansiDim   = "\x1b[2m"
	ansiReset = "\x1b[0m"
)

// Print writes the findings, one line each: position, headline (or, with
// Verbose, the whole message) and rule. Text from the analysed code or
// topology (messages quote names, hosts and paths) is escaped with Clean,
// so a finding is always one line (two with Source).
func (t Text) Print(w io.Writer, res *analyzer.Result, fs []analyzer.Finding) error {
	bw := bufio.NewWriter(w)
	rel := t.relative(res)
	for _, f := range Unsuppressed(fs) {
		msg := f.Message
		if t.Verbose {
			msg = f.Full()
		}
		pos := f
		pos.File = rel(f.File)
		if t.Color {
			fmt.Fprintf(bw, "%s%s%s: %s %s(%s)%s\n", severityColor[f.Severity], Clean(pos.Pos()), ansiReset, Clean(msg), ansiDim, f.Rule, ansiReset)
		} else {
			fmt.Fprintf(bw, "%s: %s (%s)\n", Clean(pos.Pos()), Clean(msg), f.Rule)
		}
		if t.Source != nil && f.File != "" && f.Line > 0 {
			if src := t.Source(f.File, f.Line); src != "" {
				line := Clean(strings.ReplaceAll(src, "\t", "    "))
				fmt.Fprintf(bw, "    %s\n", line)
				if col := caretColumn(src, f.Column); col >= 0 {
					fmt.Fprintf(bw, "    %s^\n", strings.Repeat(" ", col))
				}
			}
		}
	}
	return bw.Flush()
}

// relative returns the function that writes a path relative to the
// result's root relative to t.Dir instead.
func (t Text) relative(res *analyzer.Result) func(string) string {
	same := func(file string) string { return file }
	if t.Dir == "" || res == nil || res.Root == "" {
		return same
	}
	root, err1 := filepath.Abs(res.Root)
	dir, err2 := filepath.Abs(t.Dir)
	if err1 != nil || err2 != nil || root == dir {
		return same
	}
	return func(file string) string {
		if file == "" || filepath.IsAbs(filepath.FromSlash(file)) {
			return file
		}
		r, err := filepath.Rel(dir, filepath.Join(root, filepath.FromSlash(file)))
		if err != nil {
			return file
		}
		return filepath.ToSlash(r)
	}
}

// caretColumn returns where, in src printed with tabs as four spaces, the
// 1-based byte column col falls; -1 when it is not in the line.
func caretColumn(src string, col int) int {
	if col < 1 || col > len(src)+1 {
		return -1
	}
	n := 0
	for _, r := range src[:col-1] {
		if r == '\t' {
			n += 4
		} else {
			n++
		}
	}
	return n
}

// Clean escapes control characters, invalid UTF-8 and bidirectional
// controls, so that text taken from analysed code prints as one line that
// says what it holds.
func Clean(s string) string { return rules.Clean(s) }

// JSON writes the findings and the graph as one JSON document:
//
//	{"version": 1, "findings": [...], "suppressed": [...], "groups": [...], "graph": {...}}
type JSON struct {
	// Picture's Focus and Depth, when set, cut the graph down as they do
	// a picture, and keep only the findings about what remains.
	Picture Picture
}

// jsonDoc is the document JSON writes; version 1 is the document of
// `check -format json` and `-report` (README.md, "Reports and pictures").
type jsonDoc struct {
	Version    int                `json:"version"`
	Findings   []analyzer.Finding `json:"findings"`
	Suppressed []analyzer.Finding `json:"suppressed,omitempty"`
	// Groups are the findings one missing deadline upstream causes
	// across services (analyzer.Group).
	Groups []analyzer.Group `json:"groups,omitempty"`
	Graph  *graph.JSON      `json:"graph,omitempty"`
}

// Print writes the document for the findings fs and the graph of res, if
// there is one.
func (p JSON) Print(w io.Writer, res *analyzer.Result, fs []analyzer.Finding) error {
	var g *graph.Graph
	if res != nil {
		g = res.Graph
	}
	if g != nil && (p.Picture.Focus != "" || p.Picture.Depth > 0) {
		var err error
		if g, fs, err = p.Picture.Apply(g, fs); err != nil {
			return err
		}
	}
	// The document is written part by part, each finding on its own, so
	// that memory does not grow with the size of the output (a system of
	// 100,000 services has some 660,000 findings); the bytes are those of
	// encoding jsonDoc whole (TestJSONStreamed).
	bw := bufio.NewWriter(w)
	jw := &jsonWriter{w: bw}
	jw.raw("{\n  \"version\": 1,\n  \"findings\": ")
	jw.array(fs, func(f *analyzer.Finding) bool { return f.Suppression == nil }, true)
	if slices.ContainsFunc(fs, func(f analyzer.Finding) bool { return f.Suppression != nil }) {
		jw.raw(",\n  \"suppressed\": ")
		jw.array(fs, func(f *analyzer.Finding) bool { return f.Suppression != nil }, false)
	}
	if res != nil && p.Picture.Focus == "" && p.Picture.Depth == 0 && len(res.Groups) > 0 {
		jw.raw(",\n  \"groups\": ")
		jw.value(res.Groups, "  ")
	}
	if g != nil {
		jw.raw(",\n  \"graph\": ")
		jw.value(g.ToJSON(), "  ")
	}
	jw.raw("\n}\n")
	if jw.err != nil {
		return jw.err
	}
	return bw.Flush()
}

// jsonWriter writes a JSON document in parts, indented by two spaces as
// one json.Encoder with SetIndent("", "  ") writes it whole, HTML
// characters not escaped; the first error stops it.
type jsonWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	err error
}

func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.w.WriteString(s)
	}
}

// value writes v as it stands at the depth prefix gives.
func (jw *jsonWriter) value(v any, prefix string) {
	if jw.err != nil {
		return
	}
	jw.buf.Reset()
	enc := json.NewEncoder(&jw.buf)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	if jw.err = enc.Encode(v); jw.err != nil {
		return
	}
	_, jw.err = jw.w.Write(bytes.TrimSuffix(jw.buf.Bytes(), []byte("\n")))
}

// array writes the findings of fs that keep selects as a member of the
// document's object; with empty, none writes [] (as a non-nil empty slice
// encodes).
func (jw *jsonWriter) array(fs []analyzer.Finding, keep func(*analyzer.Finding) bool, empty bool) {
	n := 0
	for i := range fs {
		if !keep(&fs[i]) {
			continue
		}
		if n == 0 {
			jw.raw("[\n    ")
		} else {
			jw.raw(",\n    ")
		}
		jw.value(&fs[i], "    ")
		n++
	}
	switch {
	case n > 0:
		jw.raw("\n  ]")
	case empty:
		jw.raw("[]")
	}
}
