package edit_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/rules/internal/valueflow/edit"
)

const srcA = `package p

import "fmt"

func f() {
	d := &T{}
	var v = T{A: 1}
	w, x := T{}, U{
		A: 1,
		B: 2,
	}
	y := g(1) // trailing
	_ = g(2)
	z, _ := h()
	z = g(3); fmt.Println(d, v, w, x, y, z)
}
`

const srcB = `package p

func g(int) int { return 0 }
`

// newIndex parses srcA and srcB (in that order of the pass, in the
// opposite order of the file set) and returns an index of them, the files
// and the number of times the pass read each file.
func newIndex(t *testing.T) (*edit.Index, *token.FileSet, []*ast.File, map[string]int) {
	t.Helper()
	fset := token.NewFileSet()
	srcs := map[string]string{"b.go": srcB, "a.go": srcA}
	b, err := parser.ParseFile(fset, "b.go", srcB, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	a, err := parser.ParseFile(fset, "a.go", srcA, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	reads := map[string]int{}
	pass := &analysis.Pass{
		Fset:  fset,
		Files: []*ast.File{a, b},
		Pkg:   types.NewPackage("p", "p"),
		ReadFile: func(name string) ([]byte, error) {
			reads[name]++
			if s, ok := srcs[name]; ok {
				return []byte(s), nil
			}
			return nil, os.ErrNotExist
		},
	}
	return edit.NewIndex(pass), fset, []*ast.File{a, b}, reads
}

// at returns the position of the n-th occurrence (from 0) of s in the
// file f of source src.
func at(fset *token.FileSet, f *ast.File, src, s string, n int) token.Pos {
	off := -1
	for range n + 1 {
		i := strings.Index(src[off+1:], s)
		if i < 0 {
			panic("no " + s)
		}
		off += 1 + i
	}
	return fset.File(f.Pos()).Pos(off)
}

func TestFile(t *testing.T) {
	ix, _, files, _ := newIndex(t)
	for _, f := range files {
		for _, pos := range []token.Pos{f.FileStart, f.Pos(), f.End(), f.FileEnd} {
			if got := ix.File(pos); got != f {
				t.Errorf("File(%d) = %v, want %s", pos, got, f.Name.Name)
			}
		}
	}
	if ix.File(token.NoPos) != nil || ix.File(max(files[0].FileEnd, files[1].FileEnd)+1) != nil {
		t.Error("File answers for a position in no file")
	}
}

func TestSyntax(t *testing.T) {
	ix, fset, files, reads := newIndex(t)
	a := files[0]
	// Composite literals by left brace and by the variable they initialise.
	for _, c := range []struct {
		pos  token.Pos
		want string
	}{
		{at(fset, a, srcA, "{}", 0), "T{}"},
		{at(fset, a, srcA, "v =", 0), "T{A: 1}"},
		{at(fset, a, srcA, "w,", 0), "T{}"},
		{at(fset, a, srcA, "x :=", 0), "U{\n\t\tA: 1,\n\t\tB: 2,\n\t}"},
	} {
		f, lit := ix.CompositeLit(c.pos)
		if f != a || lit == nil || ix.Text(lit) != c.want {
			t.Errorf("CompositeLit(%s) = %v, want %q", fset.Position(c.pos), lit, c.want)
		}
	}
	// go/ssa allocates &T{} at its brace, not at d.
	for _, v := range []string{"d :=", "y :="} {
		if _, lit := ix.CompositeLit(at(fset, a, srcA, v, 0)); lit != nil {
			t.Errorf("CompositeLit(%s) = %s, want none", v, ix.Text(lit))
		}
	}
	// Calls and the statements that assign them.
	for i, c := range []struct {
		call, assigned string
	}{
		{"g(1)", "y := g(1)"},
		{"g(2)", ""}, // _ on the left
		{"h()", ""},  // two on the left
		{"g(3)", "z = g(3)"},
	} {
		lparen := at(fset, a, srcA, c.call, 0) + token.Pos(strings.Index(c.call, "("))
		f, call := ix.Call(lparen)
		if f != a || call == nil || ix.Text(call) != c.call {
			t.Fatalf("%d: Call = %v, want %s", i, call, c.call)
		}
		if pos, end := ix.CallRange(lparen); pos != call.Pos() || end != call.End() {
			t.Errorf("%d: CallRange = %d, %d", i, pos, end)
		}
		stmt := ix.AssignedTo(call)
		if got := ""; stmt != nil {
			got = ix.Text(stmt)
			if got != c.assigned {
				t.Errorf("%d: AssignedTo = %q, want %q", i, got, c.assigned)
			}
		} else if c.assigned != "" {
			t.Errorf("%d: AssignedTo = nil, want %q", i, c.assigned)
		}
	}
	if pos, end := ix.CallRange(at(fset, a, srcA, "g(1)", 0)); end != token.NoPos || pos != at(fset, a, srcA, "g(1)", 0) {
		t.Error("CallRange of a position that is no call's left parenthesis")
	}
	// Lines.
	y := at(fset, a, srcA, "y :=", 0)
	if got := ix.Indentation(y); got != "\t" {
		t.Errorf("Indentation = %q", got)
	}
	if end, ok := ix.LineEnd(at(fset, a, srcA, " // trailing", 0)); !ok || end != at(fset, a, srcA, "\n\t_ = g(2)", 0) {
		t.Errorf("LineEnd after a trailing comment = %d, %v", end, ok)
	}
	if _, ok := ix.LineEnd(at(fset, a, srcA, "; fmt", 0)); ok {
		t.Error("LineEnd before code on the same line")
	}
	// Fields.
	for _, c := range []struct {
		lit  string
		want string
	}{
		{"T{}", "T{Timeout: 9}"},
		{"T{A: 1}", "T{A: 1, Timeout: 9}"},
		{"U{", "U{\n\t\tA: 1,\n\t\tB: 2,\n\t\tTimeout: 9,\n\t}"},
	} {
		_, lit := ix.CompositeLit(at(fset, a, srcA, c.lit, 0) + token.Pos(len(c.lit[:1])))
		e, ok := ix.SetField(lit, "Timeout", "9")
		if !ok {
			t.Errorf("SetField(%s) failed", c.lit)
			continue
		}
		text := ix.Text(lit)
		start := fset.Position(lit.Pos()).Offset
		got := text[:fset.Position(e.Pos).Offset-start] + string(e.NewText) + text[fset.Position(e.End).Offset-start:]
		if got != c.want {
			t.Errorf("SetField(%s) gives %q, want %q", c.lit, got, c.want)
		}
	}
	if reads["a.go"] != 1 || reads["b.go"] != 0 {
		t.Errorf("files read %v times, want a.go once", reads)
	}
}

func TestImport(t *testing.T) {
	ix, _, files, _ := newIndex(t)
	a, b := files[0], files[1]
	if name, e, ok := ix.Import(a, "fmt"); !ok || e != nil || name != "fmt" {
		t.Errorf("Import of an imported package = %q, %v, %v", name, e, ok)
	}
	name, e, ok := ix.Import(a, "net/http")
	if !ok || name != "http" || e == nil || string(e.NewText) != "import (\n\t\"fmt\"\n\t\"net/http\"\n)" {
		t.Errorf("Import beside a single import = %q, %+v, %v", name, e, ok)
	}
	name, e, ok = ix.Import(b, "time")
	if !ok || name != "time" || e == nil || string(e.NewText) != "\n\nimport \"time\"" || e.Pos != b.Name.End() {
		t.Errorf("Import into a file with no imports = %q, %+v, %v", name, e, ok)
	}
}
