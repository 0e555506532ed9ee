package report

import (
	"bufio"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/rules"
)

// GitHub writes findings as GitHub Actions workflow commands, which the
// runner turns into annotations on the pull request's diff, one per line:
//
//	::error file=checkout/payment.go,line=42,col=9,title=httptimeout (faultline)::http.Get uses …
//
// Errors are `error`, warnings `warning` and notes `notice`. Messages and
// properties are escaped as the runner requires. Suppressed findings are
// not written. GitHub shows only the first few annotations of each kind
// per step; SARIF (code scanning) shows them all.
type GitHub struct {
	// SrcRoot is the repository's root, which annotation paths must be
	// relative to (see RepoRoot); empty when it is the result's Root, the
	// directory Finding.File paths are relative to.
	SrcRoot string
}

// Print writes the annotations.
func (p GitHub) Print(w io.Writer, res *analyzer.Result, fs []analyzer.Finding) error {
	root := ""
	if res != nil {
		root = res.Root
	}
	bw := bufio.NewWriter(w)
	for _, f := range Unsuppressed(fs) {
		cmd := "warning"
		switch f.Severity {
		case rules.Error:
			cmd = "error"
		case rules.Note:
			cmd = "notice"
		}
		var props []string
		if f.File != "" {
			props = append(props, "file="+escapeProperty(p.path(root, f.File)))
			if f.Line > 0 {
				props = append(props, "line="+strconv.Itoa(f.Line))
				if f.Column > 0 {
					props = append(props, "col="+strconv.Itoa(f.Column))
				}
			}
		}
		props = append(props, "title="+escapeProperty(f.Rule+" (faultline)"))
		bw.WriteString("::" + cmd + " " + strings.Join(props, ",") + "::" + escapeData(f.Full()) + "\n")
	}
	return bw.Flush()
}

// path makes a path relative to root relative to the repository root.
func (p GitHub) path(root, file string) string {
	if p.SrcRoot == "" || root == "" || p.SrcRoot == root {
		return file
	}
	rel, err := filepath.Rel(p.SrcRoot, filepath.Join(root, filepath.FromSlash(file)))
	if err != nil || strings.HasPrefix(rel, "..") {
		return file
	}
	return filepath.ToSlash(rel)
}

// escapeData escapes the message of a workflow command.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value of a workflow command.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
