// Package edit builds the text edits of the suggested fixes of faultline's
// configuration rules: adding a field to a composite literal, replacing a
// call, importing a package. Every helper reports false rather than offer
// an edit it cannot make exactly; a diagnostic without a fix is better
// than a fix that does not compile.
//
// A rule makes one Index per run, with NewIndex, and asks it for the
// syntax that go/ssa positions point at and for the edits. The Index
// indexes each file once, when it is first asked about it, and reads each
// file's contents once, so that the work of a rule stays linear in the
// size of a function however many findings it has: a search of the file
// per finding visits every statement of the block that holds the finding,
// and reading the file per edit copies all of it, which made a function of
// 50,000 statements with a finding every few of them take minutes.
package edit

import (
	"cmp"
	"errors"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Index finds, in the files of a pass, the syntax that go/ssa positions
// point at (the call whose left parenthesis is at a position, the
// composite literal whose left brace is at one or that initialises the
// variable declared at one, the statement that assigns a call to a
// variable) and builds edits from the files' contents.
//
// An Index belongs to one run of one analyzer on one package: it is not
// safe for concurrent use, and it keeps what it has indexed and read until
// it is dropped.
type Index struct {
	pass  *analysis.Pass
	files []*ast.File // pass.Files by FileStart
	// syntax holds the indices of the files asked about so far.
	syntax  map[*ast.File]*fileSyntax
	content map[string]fileContent
}

type fileContent struct {
	data []byte
	err  error
}

type fileSyntax struct {
	calls map[token.Pos]*ast.CallExpr // by left parenthesis
	// lits are the composite literals by left brace and by the position
	// of the variable they initialise (`d := T{…}`, `var d = T{…}`).
	lits map[token.Pos]*ast.CompositeLit
	// assigns are the statements `x := call` and `x = call` with a single
	// identifier, not _, on the left, by call.
	assigns map[*ast.CallExpr]*ast.AssignStmt
}

// NewIndex returns an empty index of the files of pass; it indexes and
// reads them as it is asked about them.
func NewIndex(pass *analysis.Pass) *Index {
	files := slices.Clone(pass.Files)
	slices.SortStableFunc(files, func(a, b *ast.File) int { return cmp.Compare(a.FileStart, b.FileStart) })
	return &Index{
		pass:    pass,
		files:   files,
		syntax:  map[*ast.File]*fileSyntax{},
		content: map[string]fileContent{},
	}
}

// File returns the file of the pass that contains pos, or nil.
func (ix *Index) File(pos token.Pos) *ast.File {
	// The files of a pass occupy disjoint ranges of its file set: the
	// first that ends at or after pos is the only one that can hold it.
	i, _ := slices.BinarySearchFunc(ix.files, pos, func(f *ast.File, pos token.Pos) int {
		if f.FileEnd < pos {
			return -1
		}
		return 1
	})
	if i < len(ix.files) && ix.files[i].FileStart <= pos && pos <= ix.files[i].FileEnd {
		return ix.files[i]
	}
	return nil
}

// file returns the file that contains pos and its index.
func (ix *Index) file(pos token.Pos) (*ast.File, *fileSyntax) {
	f := ix.File(pos)
	if f == nil {
		return nil, nil
	}
	fs := ix.syntax[f]
	if fs == nil {
		fs = indexFile(f)
		ix.syntax[f] = fs
	}
	return f, fs
}

func indexFile(f *ast.File) *fileSyntax {
	fs := &fileSyntax{
		calls:   map[token.Pos]*ast.CallExpr{},
		lits:    map[token.Pos]*ast.CompositeLit{},
		assigns: map[*ast.CallExpr]*ast.AssignStmt{},
	}
	initialiser := func(lhs []ast.Expr, rhs []ast.Expr) {
		if len(lhs) != len(rhs) {
			return
		}
		for i, l := range lhs {
			if id, ok := l.(*ast.Ident); ok {
				if lit, ok := ast.Unparen(rhs[i]).(*ast.CompositeLit); ok {
					fs.lits[id.Pos()] = lit
				}
			}
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			fs.calls[n.Lparen] = n
		case *ast.CompositeLit:
			fs.lits[n.Lbrace] = n
		case *ast.AssignStmt:
			initialiser(n.Lhs, n.Rhs)
			if len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				if call, ok := n.Rhs[0].(*ast.CallExpr); ok {
					if id, ok := n.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
						fs.assigns[call] = n
					}
				}
			}
		case *ast.ValueSpec:
			names := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				names[i] = id
			}
			initialiser(names, n.Values)
		}
		return true
	})
	return fs
}

// CompositeLit returns the composite literal whose left brace is at pos
// (where go/ssa places the allocation of a literal) or that initialises
// the variable declared at pos (`d := T{…}`, `var d = T{…}`, where go/ssa
// allocates the variable and builds the literal in place), and its file.
func (ix *Index) CompositeLit(pos token.Pos) (*ast.File, *ast.CompositeLit) {
	f, fs := ix.file(pos)
	if f == nil || fs.lits[pos] == nil {
		return nil, nil
	}
	return f, fs.lits[pos]
}

// Call returns the call expression whose left parenthesis is at lparen
// (the position go/ssa gives a call), and its file.
func (ix *Index) Call(lparen token.Pos) (*ast.File, *ast.CallExpr) {
	f, fs := ix.file(lparen)
	if f == nil || fs.calls[lparen] == nil {
		return nil, nil
	}
	return f, fs.calls[lparen]
}

// CallRange returns the source range of the call expression whose left
// parenthesis is at lparen, for diagnostics that underline the whole call;
// (lparen, NoPos) when it cannot be found (a call go/ssa synthesised).
func (ix *Index) CallRange(lparen token.Pos) (token.Pos, token.Pos) {
	if _, call := ix.Call(lparen); call != nil {
		return call.Pos(), call.End()
	}
	return lparen, token.NoPos
}

// AssignedTo returns the statement `x := call` or `x = call` with a
// single identifier, not _, on the left, or nil.
func (ix *Index) AssignedTo(call *ast.CallExpr) *ast.AssignStmt {
	_, fs := ix.file(call.Lparen)
	if fs == nil {
		return nil
	}
	return fs.assigns[call]
}

// readFile returns the contents of the file of pos and that file, read
// once per index.
func (ix *Index) readFile(pos token.Pos) (*token.File, []byte, error) {
	tf := ix.pass.Fset.File(pos)
	if tf == nil {
		return nil, nil, errNoFile
	}
	c, ok := ix.content[tf.Name()]
	if !ok {
		c.data, c.err = ix.pass.ReadFile(tf.Name())
		ix.content[tf.Name()] = c
	}
	return tf, c.data, c.err
}

var errNoFile = errors.New("edit: position in no file of the file set")

// Text returns the source text of n.
func (ix *Index) Text(n ast.Node) string {
	if tf, content, err := ix.readFile(n.Pos()); err == nil {
		start, end := tf.Offset(n.Pos()), tf.Offset(n.End())
		if 0 <= start && start <= end && end <= len(content) {
			return string(content[start:end])
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
func (ix *Index) Import(f *ast.File, path string) (string, *analysis.TextEdit, bool) {
	pass := ix.pass
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
			NewText: []byte("import (\n\t" + ix.Text(gd.Specs[0]) + "\n\t" + strconv.Quote(path) + "\n)")}, true
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
func (ix *Index) SetField(lit *ast.CompositeLit, name, value string) (analysis.TextEdit, bool) {
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
	line := func(p token.Pos) int { return ix.pass.Fset.Position(p).Line }
	if line(last.End()) == line(lit.Rbrace) {
		return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + field)}, true
	}
	// One element per line, each ending with a comma: add a line with the
	// last element's indentation.
	indent := ix.Indentation(last.Pos())
	tf, content, err := ix.readFile(last.End())
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

// Indentation returns the white space that starts the line of pos.
func (ix *Index) Indentation(pos token.Pos) string {
	tf, content, err := ix.readFile(pos)
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
func (ix *Index) LineEnd(pos token.Pos) (token.Pos, bool) {
	tf, content, err := ix.readFile(pos)
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

// Fix returns a suggested fix made of edits, adding imp when not nil.
func Fix(message string, imp *analysis.TextEdit, edits ...analysis.TextEdit) analysis.SuggestedFix {
	if imp != nil {
		edits = append(edits, *imp)
	}
	return analysis.SuggestedFix{Message: message, TextEdits: edits}
}
