package ruletest

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
)

// An expectation is one pattern of a want comment: a diagnostic message
// (key "") or a fact on the object named key declared on the line ("package"
// for a fact on the package, expected on a package clause).
type expectation struct {
	key  string
	rx   *regexp.Regexp
	used bool
}

// A line is a position in the fixtures: file name and line number.
type line struct {
	file string
	line int
}

func (l line) String() string { return fmt.Sprintf("%s:%d", l.file, l.line) }

// expectations reads the want comments of files. Forms (the ones the
// repository's fixtures use):
//
//	x() // want `re` "re2"
//	func F() {} // want F:`re` "re2"
//	package p // want package:`re`
//	//faultline:ignore rule reason // want `re`
//	/* // want `re` */ //faultline:ignore
//	/* want `re` */
//
// A pattern is a Go string literal, raw or double-quoted; a key is an
// identifier followed by a colon. Anything else after want (a line
// offset such as +1, a word) is an error with its position.
func expectations(fset *token.FileSet, files []*ast.File) (map[line][]*expectation, error) {
	exps := map[line][]*expectation{}
	for _, f := range files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				text, ok := wantText(c.Text)
				if !ok {
					continue
				}
				pos := fset.Position(c.Pos())
				l := line{pos.Filename, pos.Line}
				es, err := parseWant(text)
				if err != nil {
					return nil, fmt.Errorf("%s: %v", pos, err)
				}
				exps[l] = append(exps[l], es...)
			}
		}
	}
	return exps, nil
}

// wantText returns what follows "want" in a comment that holds a want
// comment: one whose text (inside // or /* */) starts with "want", or the
// part of it after "// want" (a want comment after a directive, or inside
// a block comment put before a directive that must stay at the end of its
// line).
func wantText(comment string) (string, bool) {
	var text string
	if t, ok := strings.CutPrefix(comment, "/*"); ok {
		text = strings.TrimSuffix(t, "*/")
	} else {
		text = strings.TrimPrefix(comment, "//")
	}
	if i := strings.Index(text, "// want"); i >= 0 {
		text = text[i+len("//"):]
	}
	text = strings.TrimLeft(text, " \t")
	rest, ok := strings.CutPrefix(text, "want")
	if !ok || rest == "" {
		return "", false
	}
	switch r := rest[0]; {
	case r == ' ' || r == '\t' || r == '`' || r == '"':
		return rest, true
	}
	return "", false
}

// parseWant parses the expectations after "want".
func parseWant(text string) ([]*expectation, error) {
	var es []*expectation
	s := strings.TrimSpace(text)
	if s == "" {
		return nil, fmt.Errorf("want comment with no expectation")
	}
	for s != "" {
		key := ""
		if r := rune(s[0]); r == '_' || unicode.IsLetter(r) {
			i := strings.IndexFunc(s, func(r rune) bool { return r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if i < 0 || s[i] != ':' {
				return nil, fmt.Errorf("want comment: %q is neither a pattern nor name:pattern", s)
			}
			key, s = s[:i], s[i+1:]
		}
		lit, rest, err := stringLit(s)
		if err != nil {
			return nil, fmt.Errorf("want comment: %v", err)
		}
		rx, err := regexp.Compile(lit)
		if err != nil {
			return nil, fmt.Errorf("want comment: bad pattern %q: %v", lit, err)
		}
		es = append(es, &expectation{key: key, rx: rx})
		s = strings.TrimLeft(rest, " \t")
	}
	return es, nil
}

// stringLit splits a Go string literal (raw or double-quoted) off the
// front of s and returns its value and what follows.
func stringLit(s string) (value, rest string, err error) {
	switch {
	case strings.HasPrefix(s, "`"):
		end := strings.IndexByte(s[1:], '`')
		if end < 0 {
			return "", "", fmt.Errorf("unterminated raw string %s", s)
		}
		return s[1 : 1+end], s[2+end:], nil
	case strings.HasPrefix(s, `"`):
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case '"':
				v, err := strconv.Unquote(s[:i+1])
				if err != nil {
					return "", "", fmt.Errorf("bad string %s: %v", s[:i+1], err)
				}
				return v, s[i+1:], nil
			}
		}
		return "", "", fmt.Errorf("unterminated string %s", s)
	}
	return "", "", fmt.Errorf("%q is not a string literal (a line offset such as +1 is not supported)", s)
}

// consume marks as used the first unused expectation of l with key that
// matches text, and reports whether there was one.
func consume(exps map[line][]*expectation, l line, key, text string) bool {
	for _, e := range exps[l] {
		if !e.used && e.key == key && e.rx.MatchString(text) {
			e.used = true
			return true
		}
	}
	return false
}

// check compares the diagnostics and facts of the root action act with
// the want comments of its files and reports, sorted by position, every
// diagnostic or fact no expectation matches and every expectation nothing
// matched. File names are shown relative to dir/src (GOPATH trees) or dir.
func check(t testing.TB, dir string, act *checker.Action) {
	t.Helper()
	pkg := act.Package
	compare(t, dir, pkg.Fset, pkg.Syntax, pkg.Types, act.Diagnostics, act.AllObjectFacts(), act.AllPackageFacts())
}

// compare is check on the parts of an action: the files of package pkg,
// its diagnostics and the facts the analysis holds (those on objects of
// other packages are left out).
func compare(t testing.TB, dir string, fset *token.FileSet, files []*ast.File, pkg *types.Package, diags []analysis.Diagnostic, objFacts []analysis.ObjectFact, pkgFacts []analysis.PackageFact) {
	t.Helper()
	exps, err := expectations(fset, files)
	if err != nil {
		t.Errorf("%s", rel(dir, err.Error()))
		return
	}
	type problem struct {
		at   line
		col  int
		text string
	}
	var problems []problem
	report := func(p token.Position, format string, args ...any) {
		problems = append(problems, problem{line{p.Filename, p.Line}, p.Column, fmt.Sprintf(format, args...)})
	}

	for _, d := range diags {
		p := fset.Position(d.Pos)
		if !consume(exps, line{p.Filename, p.Line}, "", d.Message) {
			report(p, "unexpected diagnostic: %s", d.Message)
		}
	}

	for _, of := range objFacts {
		obj := of.Object
		if obj.Pkg() != pkg {
			continue
		}
		p := fset.Position(obj.Pos())
		if !consume(exps, line{p.Filename, p.Line}, obj.Name(), fmt.Sprint(of.Fact)) {
			report(p, "unexpected fact: %s: %s", obj.Name(), of.Fact)
		}
	}
	for _, pf := range pkgFacts {
		if pf.Package != pkg {
			continue
		}
		if !consumePackageFact(fset, files, exps, pf.Fact) {
			var p token.Position
			if len(files) > 0 {
				p = fset.Position(files[0].Name.Pos())
			}
			report(p, "unexpected package fact: %s", pf.Fact)
		}
	}

	for l, es := range exps {
		for _, e := range es {
			if e.used {
				continue
			}
			what := "diagnostic"
			if e.key != "" {
				what = "fact on " + e.key
			}
			problems = append(problems, problem{l, 0, fmt.Sprintf("no %s was reported matching `%s`", what, e.rx)})
		}
	}

	slices.SortStableFunc(problems, func(a, b problem) int {
		if c := strings.Compare(a.at.file, b.at.file); c != 0 {
			return c
		}
		if a.at.line != b.at.line {
			return a.at.line - b.at.line
		}
		if a.col != b.col {
			return a.col - b.col
		}
		return strings.Compare(a.text, b.text)
	})
	for _, p := range problems {
		at := p.at.String()
		if p.col > 0 {
			at += ":" + strconv.Itoa(p.col)
		}
		t.Errorf("%s: %s", rel(dir, at), p.text)
	}
}

// consumePackageFact matches a package fact with a package:"re"
// expectation on the package clause of one of files.
func consumePackageFact(fset *token.FileSet, files []*ast.File, exps map[line][]*expectation, fact analysis.Fact) bool {
	for _, f := range files {
		p := fset.Position(f.Name.Pos())
		if consume(exps, line{p.Filename, p.Line}, "package", fmt.Sprint(fact)) {
			return true
		}
	}
	return false
}

// rel shortens a message that starts with a file name below dir/src or
// dir to the part below it.
func rel(dir, msg string) string {
	for _, root := range []string{filepath.Join(dir, "src"), dir} {
		if r, ok := strings.CutPrefix(msg, root+string(filepath.Separator)); ok {
			return r
		}
	}
	return msg
}
