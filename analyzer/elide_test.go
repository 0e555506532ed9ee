package analyzer

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

// TestElideInits checks that emptying the initialisers of a standard
// library file's package-level variables keeps every variable's type, and
// the length of a [...]T array, while the values are gone.
func TestElideInits(t *testing.T) {
	const src = `package p

type Range struct{ Lo, Hi uint16 }
type Table struct {
	R      []Range
	Offset int
}

var (
	Upper   = &Table{R: []Range{{0x41, 0x5a}, {0xc0, 0xd6}}, Offset: 2}
	Names   = map[string]int{"a": 1, "b": 2}
	Fixed   = [4]string{"w", "x", "y", "z"}
	Counted = [...]string{"x", "y", "z"}
	List    = []Range{{1, 2}}
	Plain   = Range{1, 2}
	Call    = len("abc")
)
`
	typesOf := func(elide bool) (map[string]string, *ast.File) {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if elide {
			elideInits(f)
		}
		pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, name := range pkg.Scope().Names() {
			out[name] = pkg.Scope().Lookup(name).Type().String()
		}
		return out, f
	}
	want, _ := typesOf(false)
	got, f := typesOf(true)
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: type %s after eliding, want %s", name, got[name], w)
		}
	}
	elts := map[string]int{}
	for _, spec := range f.Decls[2].(*ast.GenDecl).Specs {
		vs := spec.(*ast.ValueSpec)
		v := vs.Values[0]
		if u, ok := v.(*ast.UnaryExpr); ok {
			v = u.X
		}
		if cl, ok := v.(*ast.CompositeLit); ok {
			elts[vs.Names[0].Name] = len(cl.Elts)
		}
	}
	for name, n := range map[string]int{"Upper": 0, "Names": 0, "Fixed": 0, "Counted": 3, "List": 0, "Plain": 0} {
		if elts[name] != n {
			t.Errorf("%s: %d elements left, want %d", name, elts[name], n)
		}
	}
}
