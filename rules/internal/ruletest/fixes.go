package ruletest

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/txtar"
)

// RunWithSuggestedFixes is analysistest.RunWithSuggestedFixes on Run's
// load: it runs a as Run does, then applies the suggested fixes of each
// root package's diagnostics and compares each file they edit with its
// .golden file (the file as a whole, or a txtar archive with one section
// per fix message), as analysistest does. The fixed file and the golden
// one are compared gofmt-formatted; unlike analysistest, imports the fixes
// leave unused are not removed first (no fix of faultline's removes a
// use), so a fix that did would fail here, not pass.
func RunWithSuggestedFixes(t testing.TB, dir string, a *analysis.Analyzer, patterns ...string) []*analysistest.Result {
	t.Helper()
	results := Run(t, dir, a, patterns...)
	generated := make(map[*token.File]bool)
	for _, result := range results {
		act := result.Action
		for _, file := range act.Package.Syntax {
			tokFile := act.Package.Fset.File(file.Pos())
			if _, seen := generated[tokFile]; !seen {
				generated[tokFile] = ast.IsGenerated(file)
			}
		}
		// message -> fixes -> filename -> edits
		fixEdits := make(map[string][]map[string][]edit)
		allFilenames := make(map[string]bool)
		for _, diag := range act.Diagnostics {
		fixloop:
			for _, fix := range diag.SuggestedFixes {
				for _, e := range fix.TextEdits {
					if generated[act.Package.Fset.File(e.Pos)] {
						continue fixloop
					}
				}
				edits := make(map[string][]edit)
				for _, e := range fix.TextEdits {
					file := act.Package.Fset.File(e.Pos)
					allFilenames[file.Name()] = true
					edits[file.Name()] = append(edits[file.Name()], edit{
						Start: file.Offset(e.Pos),
						End:   file.Offset(e.End),
						New:   string(e.NewText),
					})
				}
				fixEdits[fix.Message] = append(fixEdits[fix.Message], edits)
			}
		}
		merge := func(file, message string, x, y []edit) []edit {
			z, ok := mergeEdits(x, y)
			if !ok {
				t.Errorf("in file %s, conflict applying fix %q", file, message)
				return x
			}
			return z
		}
		for _, filename := range slices.Sorted(maps.Keys(allFilenames)) {
			content, err := os.ReadFile(filename)
			if err != nil {
				t.Errorf("error reading %s: %v", filename, err)
				continue
			}
			check := func(prefix string, accumulated []edit, want []byte) {
				if err := applyAndCompare(filename, content, want, accumulated); err != nil {
					t.Errorf("%s: %s", prefix, err)
				}
			}
			ar, err := txtar.ParseFile(filename + ".golden")
			if err != nil {
				t.Errorf("error reading %s.golden: %v", filename, err)
				continue
			}
			if len(ar.Files) > 0 {
				if len(ar.Comment) > 0 {
					t.Errorf("%s.golden has leading comment; we don't know what to do with it", filename)
					continue
				}
				for _, section := range ar.Files {
					message, want := section.Name, section.Data
					var accumulated []edit
					for _, fix := range fixEdits[message] {
						accumulated = merge(filename, message, accumulated, fix[filename])
					}
					check(fmt.Sprintf("all fixes of message %q", message), accumulated, want)
				}
			} else {
				want := ar.Comment
				var accumulated []edit
				for _, message := range slices.Sorted(maps.Keys(fixEdits)) {
					for _, fix := range fixEdits[message] {
						accumulated = merge(filename, message, accumulated, fix[filename])
					}
				}
				check("all fixes", accumulated, want)
			}
		}
	}
	return results
}

// applyAndCompare applies edits to original and compares the result with
// want, both gofmt-formatted.
func applyAndCompare(filename string, original, want []byte, edits []edit) error {
	if cwd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(cwd, filename); err == nil {
			filename = rel
		}
	}
	if len(edits) == 0 {
		return fmt.Errorf("%s: no edits", filename)
	}
	fixedBytes, err := apply(original, edits)
	if err != nil {
		return fmt.Errorf("%s: error applying fixes: %v", filename, err)
	}
	fixed, err := format.Source(fixedBytes)
	if err != nil {
		return fmt.Errorf("%s: error formatting resulting source: %v\n%s", filename, err, fixedBytes)
	}
	want, err = format.Source(want)
	if err != nil {
		return fmt.Errorf("%s.golden: error formatting golden file: %v\n%s", filename, err, fixed)
	}
	if !bytes.Equal(bytes.TrimSpace(fixed), bytes.TrimSpace(want)) {
		return fmt.Errorf("unexpected %s content:\n-- original --\n%s\n-- fixed --\n%s\n-- want --\n%s", filename, original, fixed, want)
	}
	return nil
}

// An edit replaces src[Start:End] with New (x/tools' internal diff.Edit).
type edit struct {
	Start, End int
	New        string
}

// apply applies edits to src: sorted by (start, end), stably, and refused
// when out of bounds or overlapping (x/tools' diff.ApplyBytes).
func apply(src []byte, edits []edit) ([]byte, error) {
	edits = slices.Clone(edits)
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].Start != edits[j].Start {
			return edits[i].Start < edits[j].Start
		}
		return edits[i].End < edits[j].End
	})
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if !(0 <= e.Start && e.Start <= e.End && e.End <= len(src)) {
			return nil, fmt.Errorf("diff has out-of-bounds edits")
		}
		if e.Start < last {
			return nil, fmt.Errorf("diff has overlapping edits")
		}
		out.Write(src[last:e.Start])
		out.WriteString(e.New)
		last = e.End
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// mergeEdits merges two ordered lists of edits, coalescing identical
// ones; it reports false on a conflict (x/tools' internal diff.Merge).
//
// Copyright 2025 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.
func mergeEdits(x, y []edit) ([]edit, bool) {
	x = slices.Clone(x)
	y = slices.Clone(y)
	var merged []edit
	add := func(e edit) { merged = append(merged, e) }
	var xi, yi int
	for xi < len(x) && yi < len(y) {
		px := &x[xi]
		py := &y[yi]
		switch {
		case *px == *py:
			add(*px)
			xi++
			yi++
		case px.End <= py.Start:
			add(*px)
			xi++
		case py.End <= px.Start:
			add(*py)
			yi++
		case px.Start < py.Start:
			add(edit{px.Start, py.Start, ""})
			px.Start = py.Start
		case py.Start < px.Start:
			add(edit{py.Start, px.Start, ""})
			py.Start = px.Start
		default:
			return nil, false
		}
	}
	for ; xi < len(x); xi++ {
		add(x[xi])
	}
	for ; yi < len(y); yi++ {
		add(y[yi])
	}
	return merged, true
}
