package ruletest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// fixture parses src as the file p/p.go and returns what compare needs,
// with a diagnostic reporter at the start of a line's first occurrence of
// a marker.
func fixture(t *testing.T, src string) (*token.FileSet, []*ast.File, func(marker, msg string) analysis.Diagnostic) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "/d/p/p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	at := func(marker, msg string) analysis.Diagnostic {
		i := strings.Index(src, marker)
		if i < 0 {
			t.Fatalf("no %q in the fixture", marker)
		}
		return analysis.Diagnostic{Pos: fset.File(f.Pos()).Pos(i), Message: msg}
	}
	return fset, []*ast.File{f}, at
}

// errorsOf runs compare with a recorder and returns what it reported.
func errorsOf(t *testing.T, fset *token.FileSet, files []*ast.File, pkg *types.Package, diags []analysis.Diagnostic, objFacts []analysis.ObjectFact, pkgFacts []analysis.PackageFact) []string {
	rec := &recorder{TB: t}
	compare(rec, "/d", fset, files, pkg, diags, objFacts, pkgFacts)
	return rec.errors
}

func TestCompare(t *testing.T) {
	const src = "package p\n" +
		"\n" +
		"func a() {} // want `call of a`\n" +
		"func b() {} // want \"call of b\" `second \\(on b\\)`\n" +
		"func c() {}\n" +
		"func d() {} //faultline:ignore rule reason // want \"quoted \\\"d\\\"\"\n" +
		"// what we want is no want comment\n" +
		"func e() {} // wanted: nothing\n" +
		"func f() {} /* // want `in a block` */ //faultline:ignore\n" +
		"func g() {} /* want `block` */\n"
	fset, files, at := fixture(t, src)
	pkg := types.NewPackage("p", "p")
	tests := []struct {
		name  string
		diags []analysis.Diagnostic
		want  []string
	}{{
		name: "all met",
		diags: []analysis.Diagnostic{
			at("func a", "call of a"),
			at("func b", "call of b"),
			at("func b", "second (on b)"),
			at("func d", `quoted "d"`),
			at("func f", "in a block"),
			at("func g", "block"),
		},
	}, {
		name: "two diagnostics on one line, in either order",
		diags: []analysis.Diagnostic{
			at("func a", "call of a"),
			at("func b", "second (on b)"),
			at("func b", "call of b"),
			at("func d", `quoted "d"`),
			at("func f", "in a block"),
			at("func g", "block"),
		},
	}, {
		name: "missed expectations",
		diags: []analysis.Diagnostic{
			at("func b", "call of b"),
			at("func d", `quoted "d"`),
		},
		want: []string{
			"p/p.go:3: no diagnostic was reported matching `call of a`",
			"p/p.go:4: no diagnostic was reported matching `second \\(on b\\)`",
			"p/p.go:9: no diagnostic was reported matching `in a block`",
			"p/p.go:10: no diagnostic was reported matching `block`",
		},
	}, {
		name: "extra diagnostics",
		diags: []analysis.Diagnostic{
			at("func a", "call of a"),
			at("func a", "call of a"), // one expectation, consumed once
			at("func b", "call of b"),
			at("func b", "second (on b)"),
			at("func c", "call of c"),
			at("func d", `quoted "d"`),
			at("func e", "nothing"),
			at("func f", "in a block"),
			at("func g", "block"),
		},
		want: []string{
			"p/p.go:3:1: unexpected diagnostic: call of a",
			"p/p.go:5:1: unexpected diagnostic: call of c",
			"p/p.go:8:1: unexpected diagnostic: nothing",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := errorsOf(t, fset, files, pkg, tt.diags, nil, nil)
			if !slices.Equal(got, tt.want) {
				t.Errorf("errors\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

type fact struct{ s string }

func (*fact) AFact()           {}
func (f *fact) String() string { return f.s }

func TestCompareFacts(t *testing.T) {
	const src = "package p // want package:`pkg fact`\n" +
		"\n" +
		"func F() {} // want F:`F fact` `diag`\n" +
		"func G() {} // want G:`G fact`\n"
	fset, files, at := fixture(t, src)
	pkg := types.NewPackage("p", "p")
	obj := func(name string) types.Object {
		for _, d := range files[0].Decls {
			if fd := d.(*ast.FuncDecl); fd.Name.Name == name {
				return types.NewFunc(fd.Name.Pos(), pkg, name, types.NewSignatureType(nil, nil, nil, nil, nil, false))
			}
		}
		t.Fatalf("no %s", name)
		return nil
	}
	other := types.NewPackage("q", "q")
	got := errorsOf(t, fset, files, pkg,
		[]analysis.Diagnostic{at("func F", "diag")},
		[]analysis.ObjectFact{
			{Object: obj("F"), Fact: &fact{"F fact"}},
			{Object: obj("F"), Fact: &fact{"another"}},
			{Object: types.NewFunc(token.NoPos, other, "H", nil), Fact: &fact{"not ours"}},
		},
		[]analysis.PackageFact{{Package: pkg, Fact: &fact{"pkg fact"}}, {Package: other, Fact: &fact{"not ours"}}})
	want := []string{
		"p/p.go:3:6: unexpected fact: F: another",
		"p/p.go:4: no fact on G was reported matching `G fact`",
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors\n%q\nwant\n%q", got, want)
	}

	// A fact matches only the expectation with its object's name.
	got = errorsOf(t, fset, files, pkg,
		[]analysis.Diagnostic{at("func F", "diag")},
		[]analysis.ObjectFact{{Object: obj("F"), Fact: &fact{"G fact"}}, {Object: obj("G"), Fact: &fact{"G fact"}}},
		[]analysis.PackageFact{{Package: pkg, Fact: &fact{"pkg fact"}}})
	want = []string{
		"p/p.go:3:6: unexpected fact: F: G fact",
		"p/p.go:3: no fact on F was reported matching `F fact`",
	}
	slices.Sort(want)
	if slices.Sort(got); !slices.Equal(got, want) {
		t.Errorf("errors\n%q\nwant\n%q", got, want)
	}
}

// TestBadWant checks that a want comment the checker cannot read fails the
// test with its position, rather than expecting nothing.
func TestBadWant(t *testing.T) {
	for _, tt := range []struct{ comment, want string }{
		{"// want `(unclosed`", "p/p.go:3:13: want comment: bad pattern \"(unclosed\""},
		{"// want +1 `x`", "p/p.go:3:13: want comment: \"+1 `x`\" is not a string literal"},
		{"// want `x", "p/p.go:3:13: want comment: unterminated raw string"},
		{`// want "x`, "p/p.go:3:13: want comment: unterminated string"},
		{"// want F `x`", "p/p.go:3:13: want comment: \"F `x`\" is neither a pattern nor name:pattern"},
		{"// want ", "p/p.go:3:13: want comment with no expectation"},
		{"// want this to fail", "p/p.go:3:13: want comment: \"this to fail\" is neither"},
	} {
		fset, files, _ := fixture(t, "package p\n\nfunc a() {} "+tt.comment+"\n")
		got := errorsOf(t, fset, files, types.NewPackage("p", "p"), nil, nil, nil)
		if len(got) != 1 || !strings.HasPrefix(got[0], tt.want) {
			t.Errorf("%s: errors %q, want one that starts %q", tt.comment, got, tt.want)
		}
	}
}

func TestApplyEdits(t *testing.T) {
	src := []byte("0123456789")
	for _, tt := range []struct {
		edits []edit
		want  string // "" for an error
	}{
		{[]edit{{2, 4, "ab"}, {0, 1, "X"}}, "X1ab456789"},
		{[]edit{{3, 3, "a"}, {3, 3, "b"}}, "012ab3456789"},          // insertions at one offset keep their order
		{[]edit{{1, 2, "x"}, {1, 2, "x"}, {5, 6, ""}}, "0x2346789"}, // the same edit twice: once
		{[]edit{{1, 4, "x"}, {3, 5, "y"}}, ""},                      // overlap
		{[]edit{{8, 12, "x"}}, ""},                                  // out of the file
	} {
		got, err := applyEdits(src, tt.edits)
		switch {
		case tt.want == "" && err == nil:
			t.Errorf("%v: %q, want an error", tt.edits, got)
		case tt.want != "" && (err != nil || string(got) != tt.want):
			t.Errorf("%v: %q, %v; want %q", tt.edits, got, err, tt.want)
		}
	}
}
