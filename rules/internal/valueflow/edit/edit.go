// Package edit builds the text edits of the suggested fixes of faultline's
// configuration rules: adding a field to a composite literal, replacing a
// call, importing a package. Every helper reports false rather than offer
// an edit it cannot make exactly; a diagnostic without a fix is better
// than a fix that does not compile.
package edit

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// File returns the file of pass that contains pos, or nil.
func File(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// CompositeLit returns the composite literal whose left brace is at pos
// (where go/ssa places the allocation of a literal) or that initialises
// the variable declared at pos (`d := T{…}`, `var d = T{…}`, where go/ssa
// allocates the variable and builds the literal in place), and its file.
func CompositeLit(pass *analysis.Pass, pos token.Pos) (*ast.File, *ast.CompositeLit) {
	f := File(pass, pos)
	if f == nil {
		return nil, nil
	}
	var found *ast.CompositeLit
	initialiser := func(lhs []ast.Expr, rhs []ast.Expr) {
		if len(lhs) != len(rhs) {
			return
		}
		for i, l := range lhs {
			if id, ok := l.(*ast.Ident); ok && id.Pos() == pos {
				if lit, ok := ast.Unparen(rhs[i]).(*ast.CompositeLit); ok {
					found = lit
				}
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.CompositeLit:
			if n.Lbrace == pos {
				found = n
			}
		case *ast.AssignStmt:
			initialiser(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			names := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				names[i] = id
			}
			initialiser(names, n.Values)
		}
		return n == nil || (n.Pos() <= pos && pos < n.End())
	})
	if found == nil {
		return nil, nil
	}
	return f, found
}

// Call returns the call expression whose left parenthesis is at lparen
// (the position go/ssa gives a call), and its file.
func Call(pass *analysis.Pass, lparen token.Pos) (*ast.File, *ast.CallExpr) {
	f := File(pass, lparen)
	if f == nil {
		return nil, nil
	}
	var found *ast.CallExpr
	ast.Inspect(f, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		if c, ok := n.(*ast.CallExpr); ok && c.Lparen == lparen {
			found = c
		}
		return n == nil || (n.Pos() <= lparen && lparen < n.End())
	})
	if found == nil {
		return nil, nil
	}
	return f, found
}

// CallRange returns the source range of the call expression whose left
// parenthesis is at lparen, for diagnostics that underline the whole call;
// (lparen, NoPos) when it cannot be found (a call go/ssa synthesised).
func CallRange(pass *analysis.Pass, lparen token.Pos) (token.Pos, token.Pos) {
	if _, call := Call(pass, lparen); call != nil {
		return call.Pos(), call.End()
	}
	return lparen, token.NoPos
}

// Text returns the source text of n.
func Text(pass *analysis.Pass, n ast.Node) string {
	tf := pass.Fset.File(n.Pos())
	if tf != nil {
		if content, err := pass.ReadFile(tf.Name()); err == nil {
			start, end := tf.Offset(n.Pos()), tf.Offset(n.End())
			if 0 <= start && start <= end && end <= len(content) {
				return string(content[start:end])
			}
		}
	}
	if x, ok := n.(ast.Expr); ok {
		return types.ExprString(x)
	}
	return ""
}

// Import returns the name under which file f refers to the package path,
// and an edit that adds the import when f lacks it. It reports false when
// the package is imported only as _ or ., or when the name it would add is
// taken by another declaration visible in the file.
func Import(pass *analysis.Pass, f *ast.File, path string) (string, *analysis.TextEdit, bool) {
	for _, spec := range f.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p == path {
			if spec.Name == nil {
				if pkg := importedPackage(pass, path); pkg != nil {
					return pkg.Name(), nil, true
				}
				return path[strings.LastIndex(path, "/")+1:], nil, true
			}
			if spec.Name.Name != "_" && spec.Name.Name != "." {
				return spec.Name.Name, nil, true
			}
		}
	}
	name := path[strings.LastIndex(path, "/")+1:]
	if pass.Pkg.Scope().Lookup(name) != nil {
		return "", nil, false
	}
	for _, spec := range f.Imports {
		if spec.Name != nil && spec.Name.Name == name {
			return "", nil, false
		}
		if p, _ := strconv.Unquote(spec.Path.Value); spec.Name == nil && p[strings.LastIndex(p, "/")+1:] == name {
			return "", nil, false
		}
	}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return name, &analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + strconv.Quote(path))}, true
		}
		// A single unparenthesised import becomes a group of two.
		return name, &analysis.TextEdit{Pos: gd.Pos(), End: gd.End(),
			NewText: []byte("import (\n\t" + Text(pass, gd.Specs[0]) + "\n\t" + strconv.Quote(path) + "\n)")}, true
	}
	// No import declaration at all: add one after the package clause.
	return name, &analysis.TextEdit{Pos: f.Name.End(), End: f.Name.End(), NewText: []byte("\n\nimport " + strconv.Quote(path))}, true
}

func importedPackage(pass *analysis.Pass, path string) *types.Package {
	for _, p := range pass.Pkg.Imports() {
		if p.Path() == path {
			return p
		}
	}
	return nil
}

// KeyedField returns the element of the keyed composite literal lit that
// sets field name, or nil.
func KeyedField(lit *ast.CompositeLit, name string) *ast.KeyValueExpr {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
				return kv
			}
		}
	}
	return nil
}

// SetField returns an edit that makes the composite literal lit set field
// name to value: the existing element's value is replaced, or a new
// element is added after the last one, on its own line when the literal
// spans lines. It reports false for a literal with positional elements.
func SetField(pass *analysis.Pass, lit *ast.CompositeLit, name, value string) (analysis.TextEdit, bool) {
	for _, elt := range lit.Elts {
		if _, ok := elt.(*ast.KeyValueExpr); !ok {
			return analysis.TextEdit{}, false
		}
	}
	if kv := KeyedField(lit, name); kv != nil {
		return analysis.TextEdit{Pos: kv.Value.Pos(), End: kv.Value.End(), NewText: []byte(value)}, true
	}
	field := name + ": " + value
	if len(lit.Elts) == 0 {
		return analysis.TextEdit{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(field)}, true
	}
	last := lit.Elts[len(lit.Elts)-1]
	line := func(p token.Pos) int { return pass.Fset.Position(p).Line }
	if line(last.End()) == line(lit.Rbrace) {
		return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + field)}, true
	}
	// One element per line, each ending with a comma: add a line with the
	// last element's indentation.
	indent := indentation(pass, last.Pos())
	tf := pass.Fset.File(last.End())
	content, err := pass.ReadFile(tf.Name())
	if err != nil {
		return analysis.TextEdit{}, false
	}
	end := tf.Offset(last.End())
	if end >= len(content) || content[end] != ',' {
		return analysis.TextEdit{}, false
	}
	at := last.End() + 1
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\n" + indent + field + ",")}, true
}

// indentation returns the white space that starts the line of pos.
func indentation(pass *analysis.Pass, pos token.Pos) string {
	tf := pass.Fset.File(pos)
	content, err := pass.ReadFile(tf.Name())
	if err != nil {
		return "\t"
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := start
	for end < len(content) && (content[end] == ' ' || content[end] == '\t') {
		end++
	}
	return string(content[start:end])
}

// LineEnd returns the position of the end of the line of pos (its
// newline), after any trailing comment. It reports false when code other
// than a line comment follows pos on its line.
func LineEnd(pass *analysis.Pass, pos token.Pos) (token.Pos, bool) {
	tf := pass.Fset.File(pos)
	content, err := pass.ReadFile(tf.Name())
	if err != nil {
		return pos, false
	}
	start := tf.Offset(pos)
	off := start
	for off < len(content) && content[off] != '\n' {
		off++
	}
	rest := strings.TrimSpace(string(content[start:off]))
	if rest != "" && !strings.HasPrefix(rest, "//") {
		return pos, false
	}
	return tf.Pos(off), true
}

// Indentation returns the white space that starts the line of pos.
func Indentation(pass *analysis.Pass, pos token.Pos) string { return indentation(pass, pos) }

// Fix returns a suggested fix made of edits, adding imp when not nil.
func Fix(message string, imp *analysis.TextEdit, edits ...analysis.TextEdit) analysis.SuggestedFix {
	if imp != nil {
		edits = append(edits, *imp)
	}
	return analysis.SuggestedFix{Message: message, TextEdits: edits}
}
