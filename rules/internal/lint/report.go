package lint

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// DirectivePrefix starts a suppression comment in Go source:
//
//	//faultline:ignore RULE[,RULE…] reason
//
// Spaces or tabs between the slashes and "faultline:ignore" are accepted
// too ("// faultline:ignore …"), as people write both.
const DirectivePrefix = "//faultline:ignore"

// NolintPrefix starts golangci-lint's suppression comment, which faultline
// honours when it names faultline or the rule (Nolint):
//
//	//nolint:faultline,errcheck // why
const NolintPrefix = "//nolint:"

// Directive is one `//faultline:ignore` comment, or one `//nolint:`
// comment (Nolint).
type Directive struct {
	Pos    token.Pos // the comment
	File   string    // its file name, as the FileSet knows it
	Line   int
	Rules  []string // the rules it names; empty when malformed
	Reason string   // empty when malformed
	// Nolint marks golangci-lint's convention: Rules are the linters it
	// names (faultline's rules, "faultline" for all of them, and those of
	// other linters, which are not faultline's business), the reason is
	// optional, and it covers the lines Line to EndLine: its own line
	// when it follows code, else the whole declaration or statement that
	// starts on the next line, as golangci-lint reads it.
	Nolint  bool
	EndLine int
}

// Applies reports whether d suppresses a finding of rule at line of file: d
// names the rule and is written on that line or on the line above (a
// //nolint comment: names the rule or "faultline", and covers the line).
func (d *Directive) Applies(rule, file string, line int) bool {
	if d.File != file {
		return false
	}
	if d.Nolint {
		return line >= d.Line && line <= d.EndLine && (slices.Contains(d.Rules, rule) || slices.Contains(d.Rules, "faultline"))
	}
	if (d.Line != line && d.Line != line-1) || d.Reason == "" {
		return false
	}
	return slices.Contains(d.Rules, rule)
}

// ParseDirectives returns the `//faultline:ignore` comments of f in source
// order, and, unless noNolint, its `//nolint:` comments that name faultline
// or could name one of its rules.
func ParseDirectives(fset *token.FileSet, f *ast.File, noNolint bool) []Directive {
	var ds []Directive
	var nolints []int // indexes into ds
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			d, ok := ParseDirective(c.Text)
			if !ok {
				if noNolint {
					continue
				}
				if d, ok = ParseNolint(c.Text); !ok {
					continue
				}
				nolints = append(nolints, len(ds))
			}
			p := fset.Position(c.Slash)
			d.Pos, d.File, d.Line, d.EndLine = c.Slash, p.Filename, p.Line, p.Line
			ds = append(ds, d)
		}
	}
	if len(nolints) > 0 {
		nolintRanges(fset, f, ds, nolints)
	}
	return ds
}

// nolintRanges sets the lines each //nolint comment of ds (at the indexes
// nolints) covers: its own line when code comes before it on that line,
// else every line of the outermost declaration, statement or spec that
// starts on the line below.
func nolintRanges(fset *token.FileSet, f *ast.File, ds []Directive, nolints []int) {
	line := func(p token.Pos) int { return fset.Position(p).Line }
	trailing := map[int]bool{} // index -> code before it on its line
	below := map[int]int{}     // line below a nolint -> index
	for _, i := range nolints {
		below[ds[i].Line+1] = i
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, ok := n.(*ast.File); ok {
			return true
		}
		start, end := line(n.Pos()), line(n.End())
		for _, i := range nolints {
			d := &ds[i]
			if (start == d.Line && n.Pos() < d.Pos) || (end == d.Line && n.End() <= d.Pos) {
				trailing[i] = true
			}
		}
		if i, ok := below[start]; ok {
			switch n.(type) {
			case ast.Decl, ast.Stmt, ast.Spec:
				if end > ds[i].EndLine {
					ds[i].EndLine = end
				}
			}
		}
		return true
	})
	for i := range trailing {
		ds[i].EndLine = ds[i].Line
	}
}

// ParseNolint parses the text of a golangci-lint `//nolint:a,b // why`
// comment. A bare `//nolint`, which silences every linter, is not read:
// a faultline finding is silenced only by a comment that names faultline
// or the rule, so that a nolint meant for another linter hides nothing.
func ParseNolint(text string) (Directive, bool) {
	rest, ok := strings.CutPrefix(text, NolintPrefix)
	if !ok {
		return Directive{}, false
	}
	names, why, _ := strings.Cut(rest, "//")
	names, _, _ = strings.Cut(strings.TrimSpace(names), " ")
	d := Directive{Nolint: true, Reason: strings.TrimSpace(why)}
	for _, r := range strings.Split(names, ",") {
		if r = strings.TrimSpace(r); r != "" {
			d.Rules = append(d.Rules, r)
		}
	}
	if d.Reason == "" {
		d.Reason = strings.TrimSpace(text)
	}
	return d, len(d.Rules) > 0
}

// ParseDirective parses the text of one comment. It reports false when the
// comment is not a faultline directive at all; a directive with no rule or
// no reason is returned with those fields empty.
func ParseDirective(text string) (Directive, bool) {
	rest, ok := strings.CutPrefix(text, "//")
	if !ok {
		return Directive{}, false
	}
	rest, ok = strings.CutPrefix(strings.TrimLeft(rest, " \t"), DirectivePrefix[2:])
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

// nolinter is the configuration of a run that may turn off golangci-lint's
// //nolint convention (faultline -nolint=false).
type nolinter interface{ IgnoreNolint() bool }

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
	noNolint := false
	for _, res := range pass.ResultOf {
		if a, ok := res.(annotator); ok {
			r.annotate = a.AnnotateMessages()
		}
		if n, ok := res.(nolinter); ok {
			noNolint = n.IgnoreNolint()
		}
	}
	for _, f := range pass.Files {
		for _, d := range ParseDirectives(pass.Fset, f, noNolint) {
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
