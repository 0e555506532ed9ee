package ruletest

import (
	"bytes"
	"fmt"
	"go/format"
	"go/token"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// RunWithSuggestedFixes runs a as Run does (and checks the want comments
// the same way), then applies, per root package, the suggested fixes of
// all its diagnostics together and compares each file they edit with the
// file of the same name plus ".golden" beside it. Both are gofmt-formatted
// before the comparison. Overlapping edits are an error; an edit repeated
// (the same text over the same range, as two diagnostics' fixes that add
// the same import make) is applied once. The golden file is the whole
// fixed file (no fixture uses one archive section per fix message), and
// imports a fix leaves unused are not removed (no fix of faultline's
// removes a use), so a fix that did would fail here.
func RunWithSuggestedFixes(t testing.TB, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	t.Helper()
	results := Run(t, dir, a, patterns...)
	for _, r := range results {
		for _, err := range checkFixes(r.Pass.Fset, r.Diagnostics) {
			t.Errorf("%s", rel(dir, err.Error()))
		}
	}
	return results
}

// An edit replaces src[start:end] of a file with text.
type edit struct {
	start, end int
	text       string
}

// checkFixes applies the fixes of diags and compares each edited file
// with its golden file; it returns the differences and errors, by file.
func checkFixes(fset *token.FileSet, diags []analysis.Diagnostic) []error {
	edits := map[string][]edit{}
	for _, d := range diags {
		for _, fix := range d.SuggestedFixes {
			for _, te := range fix.TextEdits {
				f := fset.File(te.Pos)
				if f == nil {
					return []error{fmt.Errorf("fix %q of %q: edit at a position in no file", fix.Message, d.Message)}
				}
				end := te.End
				if !end.IsValid() {
					end = te.Pos
				}
				if end < te.Pos || fset.File(end) != f {
					return []error{fmt.Errorf("%s: fix %q: edit ends before it starts or in another file", fset.Position(te.Pos), fix.Message)}
				}
				edits[f.Name()] = append(edits[f.Name()], edit{f.Offset(te.Pos), f.Offset(end), string(te.NewText)})
			}
		}
	}
	var errs []error
	files := make([]string, 0, len(edits))
	for name := range edits {
		files = append(files, name)
	}
	slices.Sort(files)
	for _, name := range files {
		if err := compareFixed(name, edits[name]); err != nil {
			errs = append(errs, err)
		}
	}
	return errs
}

// compareFixed applies edits to the file name and compares the result
// with name.golden.
func compareFixed(name string, edits []edit) error {
	src, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	golden, err := os.ReadFile(name + ".golden")
	if err != nil {
		return fmt.Errorf("%s: the fixes edit this file and it has no golden file: %v", name, err)
	}
	fixed, err := applyEdits(src, edits)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	got, err := format.Source(fixed)
	if err != nil {
		return fmt.Errorf("%s: all fixes: the fixed file does not parse: %v\n%s", name, err, fixed)
	}
	want, err := format.Source(golden)
	if err != nil {
		return fmt.Errorf("%s.golden: does not parse: %v", name, err)
	}
	if !bytes.Equal(got, want) {
		return fmt.Errorf("%s: all fixes: unexpected fixed file (- golden, + fixed):\n%s", name, lineDiff(string(want), string(got)))
	}
	return nil
}

// applyEdits applies edits to src: in order of position (stably, so that
// insertions at one offset keep the order they were reported in),
// identical edits once, overlapping ones refused.
func applyEdits(src []byte, edits []edit) ([]byte, error) {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b edit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return a.end - b.end
	})
	edits = slices.Compact(edits)
	var out bytes.Buffer
	last := 0
	for i, e := range edits {
		if e.start < 0 || e.end > len(src) || e.start > e.end {
			return nil, fmt.Errorf("edit [%d,%d) out of the file's %d bytes", e.start, e.end, len(src))
		}
		if e.start < last {
			p := edits[i-1]
			return nil, fmt.Errorf("overlapping edits: [%d,%d) %q and [%d,%d) %q", p.start, p.end, p.text, e.start, e.end, e.text)
		}
		out.Write(src[last:e.start])
		out.WriteString(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// lineDiff shows the lines that differ between a and b, marked - and +,
// with the line number in a (a longest common subsequence of lines).
func lineDiff(a, b string) string {
	x, y := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	// lcs[i][j]: length of the longest common subsequence of x[i:], y[j:].
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var sb strings.Builder
	line := func(mark string, n int, s string) {
		fmt.Fprintf(&sb, "%s%4d %s", mark, n, s)
		if !strings.HasSuffix(s, "\n") {
			sb.WriteString("\n")
		}
	}
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			i, j = i+1, j+1
		case j < len(y) && (i == len(x) || lcs[i][j+1] >= lcs[i+1][j]):
			line("+", i+1, y[j])
			j++
		default:
			line("-", i+1, x[i])
			i++
		}
	}
	return sb.String()
}
