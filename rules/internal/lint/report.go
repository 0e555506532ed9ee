package lint

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// DirectivePrefix starts a suppression comment in Go source:
//
//	//faultline:ignore RULE[,RULE…] reason
const DirectivePrefix = "//faultline:ignore"

// Directive is one `//faultline:ignore` comment.
type Directive struct {
	Pos    token.Pos // the comment
	File   string    // its file name, as the FileSet knows it
	Line   int
	Rules  []string // the rules it names; empty when malformed
	Reason string   // empty when malformed
}

// Applies reports whether d suppresses a finding of rule at line of file: d
// names the rule and is written on that line or on the line above.
func (d *Directive) Applies(rule, file string, line int) bool {
	if d.File != file || (d.Line != line && d.Line != line-1) || d.Reason == "" {
		return false
	}
	for _, r := range d.Rules {
		if r == rule {
			return true
		}
	}
	return false
}

// ParseDirectives returns the `//faultline:ignore` comments of f in source
// order.
func ParseDirectives(fset *token.FileSet, f *ast.File) []Directive {
	var ds []Directive
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			d, ok := ParseDirective(c.Text)
			if !ok {
				continue
			}
			p := fset.Position(c.Slash)
			d.Pos, d.File, d.Line = c.Slash, p.Filename, p.Line
			ds = append(ds, d)
		}
	}
	return ds
}

// Spaced reports whether the text of a comment is a directive written
// with a space after the slashes ("// faultline:ignore …"): Go reads it as
// an ordinary comment, as it does "// go:generate", so it suppresses
// nothing.
func Spaced(text string) bool {
	rest, ok := strings.CutPrefix(text, "//")
	if !ok || rest == "" || (rest[0] != ' ' && rest[0] != '\t') {
		return false
	}
	d := strings.TrimLeft(rest, " \t")
	tail, ok := strings.CutPrefix(d, DirectivePrefix[2:])
	return ok && (tail == "" || tail[0] == ' ' || tail[0] == '\t')
}

// ParseDirective parses the text of one comment. It reports false when the
// comment is not a faultline directive at all; a directive with no rule or
// no reason is returned with those fields empty.
func ParseDirective(text string) (Directive, bool) {
	rest, ok := strings.CutPrefix(text, DirectivePrefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return Directive{}, false
	}
	fields := strings.Fields(rest)
	var d Directive
	if len(fields) == 0 {
		return d, true
	}
	for _, r := range strings.Split(fields[0], ",") {
		if r = strings.TrimSpace(r); r != "" {
			d.Rules = append(d.Rules, r)
		}
	}
	reason := strings.TrimSpace(strings.TrimSpace(rest)[len(fields[0]):])
	reason = strings.TrimSpace(strings.TrimPrefix(reason, "--"))
	d.Reason = reason
	return d, true
}

// Suppressed is a diagnostic a directive silenced, kept so that SARIF can
// show it as suppressed.
type Suppressed struct {
	Diagnostic analysis.Diagnostic
	Reason     string
	Directive  token.Pos
}

// Result is the result of every code rule's analyzer: the diagnostics its
// directives silenced and the directives that silenced something. The
// directive rule reads it to report unused directives.
type Result struct {
	Suppressed []Suppressed
	Used       []token.Pos
	// Evidence maps the position of a reported diagnostic to what the
	// rule's Refine hook needs to judge it (ReportEvidence).
	Evidence map[token.Pos]*Evidence
}

// ResultType is the ResultType of every code rule's analyzer.
var ResultType = reflect.TypeFor[*Result]()

// annotator is the configuration of a run (package config): whether to
// append " (rule)" to messages, for drivers such as `go vet` that print a
// diagnostic's message but not the analyzer that produced it.
type annotator interface{ AnnotateMessages() bool }

// Reporter reports the diagnostics of one rule on one package, dropping (and
// recording) those that a `//faultline:ignore` directive suppresses.
type Reporter struct {
	pass   *analysis.Pass
	rule   string
	dirs   map[string][]Directive // by file name
	result Result
	seen   map[token.Pos]bool // used directives
	calls  map[token.Pos]*ast.CallExpr

	annotate bool
}

// NewReporter returns the reporter of pass for the named rule.
func NewReporter(pass *analysis.Pass, rule string) *Reporter {
	r := &Reporter{pass: pass, rule: rule, dirs: make(map[string][]Directive), seen: make(map[token.Pos]bool)}
	for _, res := range pass.ResultOf {
		if a, ok := res.(annotator); ok {
			r.annotate = a.AnnotateMessages()
		}
	}
	for _, f := range pass.Files {
		for _, d := range ParseDirectives(pass.Fset, f) {
			r.dirs[d.File] = append(r.dirs[d.File], d)
		}
	}
	return r
}

// Report reports d unless a directive suppresses it.
func (r *Reporter) Report(d analysis.Diagnostic) { r.report(d) }

// Evidence is what a Refine hook is told of a finding beyond its
// diagnostic (see CodeFinding).
type Evidence struct {
	// Sites are every call the finding concerns, in this package or
	// another: Related lists only the first few.
	Sites []token.Position
	// Entry is the remote method through which the finding's context
	// enters, as call sites name it ("/pkg.Service/Method"), or "".
	Entry string
}

// ReportEvidence reports d, recording ev for the rule's Refine hook
// (Result.Evidence) when no directive suppresses it.
func (r *Reporter) ReportEvidence(d analysis.Diagnostic, ev *Evidence) {
	if r.report(d) && ev != nil {
		if r.result.Evidence == nil {
			r.result.Evidence = map[token.Pos]*Evidence{}
		}
		r.result.Evidence[d.Pos] = ev
	}
}

// report reports d unless a directive suppresses it, and says whether it
// did.
func (r *Reporter) report(d analysis.Diagnostic) bool {
	p := r.pass.Fset.Position(d.Pos)
	for _, dir := range r.dirs[p.Filename] {
		if dir.Applies(r.rule, p.Filename, p.Line) {
			r.result.Suppressed = append(r.result.Suppressed, Suppressed{Diagnostic: d, Reason: dir.Reason, Directive: dir.Pos})
			if !r.seen[dir.Pos] {
				r.seen[dir.Pos] = true
				r.result.Used = append(r.result.Used, dir.Pos)
			}
			return false
		}
	}
	d.Message = Clean(d.Message)
	for i := range d.Related {
		d.Related[i].Message = Clean(d.Related[i].Message)
	}
	if r.annotate {
		d.Message += " (" + r.rule + ")"
	}
	r.pass.Report(d)
	return true
}

// Reportf reports a diagnostic with a formatted message at the range of n.
func (r *Reporter) Reportf(n analysis.Range, category, format string, args ...any) {
	r.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Category: category, Message: fmt.Sprintf(format, args...)})
}

// CallExpr returns the call expression whose opening parenthesis is at
// lparen: SSA positions a call at its parenthesis, while a finding reads
// better at the start of the call. It returns nil when there is none.
func (r *Reporter) CallExpr(lparen token.Pos) *ast.CallExpr {
	if r.calls == nil {
		r.calls = map[token.Pos]*ast.CallExpr{}
		for _, f := range r.pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					r.calls[c.Lparen] = c
				}
				return true
			})
		}
	}
	return r.calls[lparen]
}

// AtCall returns the range of the call expression whose parenthesis is at
// lparen (an SSA call's Pos), or lparen itself when there is no such call.
func (r *Reporter) AtCall(lparen token.Pos) analysis.Range {
	if c := r.CallExpr(lparen); c != nil {
		return c
	}
	return posRange(lparen)
}

type posRange token.Pos

func (p posRange) Pos() token.Pos { return token.Pos(p) }
func (p posRange) End() token.Pos { return token.Pos(p) }

// Result returns what the analyzer must return from Run.
func (r *Reporter) Result() *Result { return &r.result }
