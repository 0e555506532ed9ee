package analyzer

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// This file turns what the rules report, code diagnostics and graph
// findings, into the engine's Findings, and gives each its fingerprint.

// converter turns analysis diagnostics of one package into findings.
type converter struct {
	pkg  *packages.Package
	root string // paths are relative to it
	g    *graph.Graph
}

func (c converter) finding(rule *rules.Rule, d analysis.Diagnostic) Finding {
	pos := c.pkg.Fset.Position(d.Pos)
	f := Finding{
		Rule:     rule.Name,
		Severity: rule.SeverityOf(d.Category),
		Message:  d.Message,
		File:     relSlash(c.root, pos.Filename),
		Line:     pos.Line,
		Column:   pos.Column,
		Service:  serviceOf(c.g, c.pkg.PkgPath),
		category: d.Category,
		pkg:      strings.TrimSuffix(c.pkg.PkgPath, "_test"),
	}
	for _, r := range d.Related {
		rp := c.pkg.Fset.Position(r.Pos)
		f.Related = append(f.Related, Related{File: relSlash(c.root, rp.Filename), Line: rp.Line, Column: rp.Column, Message: r.Message})
	}
	if len(d.SuggestedFixes) > 0 {
		f.fix = c.fix(d.SuggestedFixes[0])
	}
	// The subject: where (file and enclosing function, not the line) and
	// what (the message). numberOccurrences tells identical ones apart.
	f.subject = f.File + "\x00" + enclosingFunc(c.pkg, d.Pos) + "\x00" + d.Message
	return f
}

// fix converts a suggested fix to byte offsets; nil when an edit lies
// outside a file (a generated position).
func (c converter) fix(sf analysis.SuggestedFix) *Fix {
	fx := &Fix{Message: sf.Message}
	for _, e := range sf.TextEdits {
		start, end := c.pkg.Fset.Position(e.Pos), c.pkg.Fset.Position(e.End)
		if !e.End.IsValid() {
			end = start
		}
		if start.Filename == "" || start.Filename != end.Filename || end.Offset < start.Offset {
			return nil
		}
		fx.Edits = append(fx.Edits, Edit{File: start.Filename, Start: start.Offset, End: end.Offset, New: string(e.NewText)})
	}
	if len(fx.Edits) == 0 {
		return nil
	}
	return fx
}

// positions converts positions to the graph's (relative to the module
// root).
func (c converter) positions(ps []token.Position) []graph.Pos {
	var out []graph.Pos
	for _, p := range ps {
		out = append(out, graph.Pos{File: relSlash(c.root, p.Filename), Line: p.Line, Col: p.Column})
	}
	return out
}

// graphFinding converts a finding of graph rule r.
func graphFinding(r *rules.Rule, lf rules.Finding) Finding {
	f := Finding{
		Rule:     r.Name,
		Severity: cmp.Or(lf.Severity, r.Severity),
		Message:  lf.Message,
		File:     lf.Pos.File,
		Line:     lf.Pos.Line,
		Column:   lf.Pos.Col,
		Service:  lf.Service,
		Target:   lf.Target,
		Path:     slices.Clone(lf.Path),
		entry:    lf.Entry,

		Entrypoints: slices.Clone(lf.Entrypoints),
	}
	for _, rel := range lf.Related {
		f.Related = append(f.Related, Related{File: rel.Pos.File, Line: rel.Pos.Line, Column: rel.Pos.Col, Message: rel.Message})
	}
	f.subject = lf.Subject
	if f.subject == "" {
		f.subject = "entry=" + lf.Entry + "|service=" + lf.Service + "|target=" + lf.Target + "|path=" + strings.Join(lf.Path, ">")
	}
	return f
}

// fingerprint derives a finding's stable identity from its rule and
// subject: 32 hexadecimal digits of a SHA-256.
func fingerprint(rule, subject string) string {
	h := sha256.Sum256([]byte(rule + "\x00" + subject))
	return hex.EncodeToString(h[:16])
}

// numberOccurrences appends to the subject of findings that would
// otherwise be identical (same rule, file, function and message) their
// rank in source order, so their fingerprints differ but do not depend on
// line numbers.
func numberOccurrences(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(strings.Compare(a.Rule, b.Rule), strings.Compare(a.subject, b.subject),
			cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	base := make([]string, len(fs))
	for i := range fs {
		base[i] = fs[i].subject
	}
	n := 0
	for i := range fs {
		if i > 0 && fs[i].Rule == fs[i-1].Rule && base[i] == base[i-1] {
			n++
		} else {
			n = 0
		}
		fs[i].subject = base[i] + "\x00#" + strconv.Itoa(n)
	}
}

// enclosingFunc names the function declaration containing pos:
// "pkg/path.Func" or "pkg/path.(Type).Method"; "" at package level.
func enclosingFunc(pkg *packages.Package, pos token.Pos) string {
	for _, file := range pkg.Syntax {
		if file.FileStart > pos || pos > file.FileEnd {
			continue
		}
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Pos() > pos || pos > fd.End() {
				continue
			}
			name := fd.Name.Name
			if fd.Recv != nil && len(fd.Recv.List) > 0 {
				name = "(" + recvTypeName(fd.Recv.List[0].Type) + ")." + name
			}
			return pkg.PkgPath + "." + name
		}
	}
	return ""
}

func recvTypeName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvTypeName(e.X)
	case *ast.IndexExpr:
		return recvTypeName(e.X)
	case *ast.IndexListExpr:
		return recvTypeName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return types.ExprString(e)
}

func sortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			strings.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			strings.Compare(a.Rule, b.Rule),
			strings.Compare(a.Full(), b.Full()),
			strings.Compare(a.Fingerprint, b.Fingerprint),
		)
	})
}
