package cli

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/faultline-dev/faultline/analyzer"
)

// fixResult says what check -fix did.
type fixResult struct {
	fixed    map[int]bool // indexes of the findings whose fix was applied
	files    []string     // the files rewritten, relative to the root
	skipped  int          // fixes not applied: they overlap an applied one, or the result does not parse
	problems []string     // files that could not be rewritten, and why
}

// applyFixes applies the suggested fixes of findings (those not suppressed)
// to the files under root. Fixes are taken in the findings' order; one whose
// edits overlap those of a fix already taken is skipped (identical edits,
// such as two fixes adding the same import, are one). A file is written only
// if the edited source still parses, formatted with gofmt, through a
// temporary file renamed over it.
func applyFixes(findings []analyzer.Finding, root string) fixResult {
	res := fixResult{fixed: map[int]bool{}}
	type fileEdits struct {
		edits []analyzer.Edit
		fixes []int
	}
	byFile := map[string]*fileEdits{}
	absRoot := evalSymlinks(root)
	for i, f := range findings {
		fx := f.Fix()
		if f.Suppression != nil || fx == nil {
			continue
		}
		ok := true
		for _, e := range fx.Edits {
			if rel, err := filepath.Rel(absRoot, evalSymlinks(e.File)); err != nil || strings.HasPrefix(rel, "..") {
				ok = false // not the user's file
				break
			}
			if fe := byFile[e.File]; fe != nil && slices.ContainsFunc(fe.edits, func(x analyzer.Edit) bool { return overlaps(x, e) }) {
				ok = false
				break
			}
		}
		if !ok {
			res.skipped++
			continue
		}
		for _, e := range fx.Edits {
			fe := byFile[e.File]
			if fe == nil {
				fe = &fileEdits{}
				byFile[e.File] = fe
			}
			if !slices.Contains(fe.edits, e) {
				fe.edits = append(fe.edits, e)
			}
			if !slices.Contains(fe.fixes, i) {
				fe.fixes = append(fe.fixes, i)
			}
		}
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	slices.Sort(files)
	failed := map[int]bool{}
	for _, file := range files {
		fe := byFile[file]
		rel := relTo(root, file)
		if err := rewrite(file, fe.edits); err != nil {
			res.problems = append(res.problems, fmt.Sprintf("%s: %v", rel, err))
			for _, i := range fe.fixes {
				failed[i] = true
			}
			continue
		}
		res.files = append(res.files, rel)
		for _, i := range fe.fixes {
			res.fixed[i] = true
		}
	}
	// A fix that edits several files counts as applied only if every file
	// was written.
	for i := range failed {
		if res.fixed[i] {
			delete(res.fixed, i)
		}
		res.skipped++
	}
	return res
}

// overlaps reports whether two different edits cannot both be applied:
// their ranges intersect (an insertion inside the other's range included),
// or they start at one offset and one of them is an insertion, so that
// which goes first is unknown.
func overlaps(a, b analyzer.Edit) bool {
	if a == b {
		return false
	}
	return a.Start < b.End && b.Start < a.End || a.Start == b.Start && (a.Start == a.End || b.Start == b.End)
}

// rewrite applies edits (non-overlapping) to file and writes it back.
func rewrite(file string, edits []analyzer.Edit) error {
	fi, err := os.Lstat(file)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("not a regular file")
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	edits = slices.Clone(edits)
	slices.SortFunc(edits, func(a, b analyzer.Edit) int { return b.Start - a.Start }) // from the end
	out := src
	for _, e := range edits {
		if e.End > len(out) || e.Start > e.End {
			return fmt.Errorf("the file changed since it was analysed")
		}
		out = slices.Concat(out[:e.Start:e.Start], []byte(e.New), out[e.End:])
	}
	formatted, err := format.Source(out)
	if err != nil {
		return fmt.Errorf("the fixed source does not parse (%v): left unchanged", err)
	}
	if bytes.Equal(formatted, src) {
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*.tmp")
	if err != nil {
		return err
	}
	_, err = tmp.Write(formatted)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), fi.Mode().Perm())
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// relTo returns file relative to root, with forward slashes, or file.
func relTo(root, file string) string {
	if rel, err := filepath.Rel(evalSymlinks(root), evalSymlinks(file)); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return file
}
