package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/faultline-dev/faultline/analyzer"
)

// changes are the lines a working tree changed since a revision, by file
// relative to the repository's top level (git diff REV, and untracked files
// whole): what -new-from-rev keeps findings on.
type changes struct {
	top   string              // the repository's top level
	lines map[string][][2]int // file -> changed line ranges [from, to]
	whole map[string]bool     // untracked files: every line is new
}

// changedSince reads what changed in the repository holding dir since rev.
func changedSince(dir, rev string) (*changes, error) {
	git := func(args ...string) ([]byte, error) {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = err.Error()
			}
			return nil, fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
		}
		return out, nil
	}
	top, err := git("rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("-new-from-rev needs a git repository: %v", err)
	}
	if _, err := git("rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("-new-from-rev %s: no such commit in this repository (git rev-parse --verify fails)", rev)
	}
	diff, err := git("diff", "--no-color", "--no-ext-diff", "--no-renames", "-U0", rev, "--")
	if err != nil {
		return nil, err
	}
	untracked, err := git("ls-files", "--others", "--exclude-standard", "--full-name")
	if err != nil {
		return nil, err
	}
	c := parseDiff(diff)
	c.top = strings.TrimSpace(string(top))
	for _, f := range strings.Split(strings.TrimSpace(string(untracked)), "\n") {
		if f != "" {
			c.whole[f] = true
		}
	}
	return c, nil
}

// parseDiff reads the new side's changed lines from a unified diff with no
// context lines.
func parseDiff(diff []byte) *changes {
	c := &changes{lines: map[string][][2]int{}, whole: map[string]bool{}}
	file := ""
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			file = ""
			if name, ok := strings.CutPrefix(unquoteGit(line[4:]), "b/"); ok {
				file = name
			}
		case strings.HasPrefix(line, "@@ ") && file != "":
			// @@ -a[,b] +c[,d] @@: d lines from c on the new side (d = 1
			// when absent; 0 for a pure deletion, which adds no line).
			f := strings.Fields(line)
			if len(f) < 3 || !strings.HasPrefix(f[2], "+") {
				continue
			}
			start, count, _ := strings.Cut(f[2][1:], ",")
			from, err := strconv.Atoi(start)
			if err != nil {
				continue
			}
			n := 1
			if count != "" {
				if n, err = strconv.Atoi(count); err != nil {
					continue
				}
			}
			if n > 0 {
				c.lines[file] = append(c.lines[file], [2]int{from, from + n - 1})
			}
		}
	}
	return c
}

// unquoteGit undoes git's quoting of unusual file names ("a\tb").
func unquoteGit(name string) string {
	if strings.HasPrefix(name, `"`) {
		if s, err := strconv.Unquote(name); err == nil {
			return s
		}
	}
	return name
}

// changed reports whether line of file (relative to root) is new.
func (c *changes) changed(root, file string, line int) bool {
	rel := file
	if r, err := filepath.Rel(evalSymlinks(c.top), evalSymlinks(root)); err == nil && r != "." {
		rel = path.Join(filepath.ToSlash(r), file)
	}
	if c.whole[rel] {
		return true
	}
	for _, r := range c.lines[rel] {
		if line >= r[0] && line <= r[1] {
			return true
		}
	}
	return false
}

func evalSymlinks(p string) string {
	if q, err := filepath.EvalSymlinks(p); err == nil {
		return q
	}
	return p
}

// keepNew keeps the findings on lines changed since the revision; a
// finding with no line (the whole system's) is not the change's. It
// returns how many it dropped.
func keepNew(fs []analyzer.Finding, root string, c *changes) ([]analyzer.Finding, int) {
	var out []analyzer.Finding
	for _, f := range fs {
		if f.File != "" && f.Line > 0 && c.changed(root, f.File, f.Line) {
			out = append(out, f)
		}
	}
	return out, len(fs) - len(out)
}
