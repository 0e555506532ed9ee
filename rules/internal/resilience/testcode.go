package resilience

import (
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/faultline-dev/faultline/rules/internal/ir"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/remote"
)

// testDirs are the directory names that hold test programs and test
// libraries by convention.
var testDirs = []string{"test", "tests", "e2e"}

// TestCode tells which functions of a package are test code outside
// _test.go files: integration-test helpers, test fixtures and test
// harness programs. The rules that share this package leave it alone: it
// runs under `go test` or in a CI job, never in the service, and
// `faultline check` reads test code only when asked (-tests, and then
// only _test.go files are reported, never their helpers here).
//
// A function is test code when
//
//  1. it, or a function enclosing it, takes a *testing.T, *testing.B,
//     *testing.F or testing.TB (remote.TestHelper);
//  2. it, or a function enclosing it, takes a test fixture: a value
//     (receiver included) of a struct type that holds one of those,
//     directly, embedded or in a field of such a struct type (three
//     levels deep), e.g. `func (am *Alertmanager) Start()` where
//     Alertmanager holds the *AcceptanceTest that embeds *testing.T;
//  3. only test code reaches it: it is an unexported function of this
//     package whose every call is visible here (not called through an
//     interface), or a literal in one, and some test code of this package
//     refers to it and no other code does, transitively. A helper called
//     by an integration test's setup is test code; a helper that the
//     service calls too is not;
//  4. its package is a test program or a test library by the Go layout
//     convention for /test: a main package in a directory named test,
//     tests or e2e below the module root (a harness run by CI, such as a
//     mock client), or a package in such a directory whose non-test files
//     import "testing" (the directory alone is not enough for a library).
//
// Directory names alone decide nothing else: "integration" names
// integration tests in one module (jaeger's cmd/jaeger/internal/integration)
// and the service's integrations with other services in another
// (miniflux's internal/integration), so such packages are judged by their
// code (rules 1 to 3).
type TestCode struct {
	*pkgIndex

	tests map[*ssa.Function]bool // complete for funcs
}

// newTestCode computes the table of the test code of a package.
func newTestCode(ix *pkgIndex) *TestCode {
	tc := &TestCode{pkgIndex: ix, tests: map[*ssa.Function]bool{}}
	tc.findTestCode()
	return tc
}

// Contains reports whether fn is test code (see TestCode): the rules
// report nothing in it.
func (tc *TestCode) Contains(fn *ssa.Function) bool {
	if tc == nil || fn == nil {
		return false
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	if tc.inPkg[fn] {
		return tc.tests[fn]
	}
	return testBase(fn)
}

// BuiltIn reports whether every value v may come from that is made in
// this package is made in test code, and there is at least one: a client
// that only test code builds, whose calls are test calls wherever they
// are made. A value that may come from outside the package (a parameter
// of an exported function, a field never stored here) is not.
func (tc *TestCode) BuiltIn(v ssa.Value) bool {
	if tc == nil || v == nil {
		return false
	}
	n, all := 0, true
	tc.origins(v, func(o ssa.Value) {
		instr, ok := o.(ssa.Instruction)
		if !ok || instr.Parent() == nil {
			all = false
			return
		}
		if _, isParam := o.(*ssa.Parameter); isParam {
			all = false
			return
		}
		n++
		if !tc.Contains(instr.Parent()) {
			all = false
		}
	})
	return all && n > 0
}

// findTestCode fills the table of test code.
func (tc *TestCode) findTestCode() {
	if tc.testPackage() {
		for _, fn := range tc.funcs {
			tc.tests[fn] = true
		}
		return
	}
	// Rules 1 and 2, and the roots of rule 3: test code and functions of
	// _test.go files reach test-only helpers; the rest of the package's
	// entries (exported functions, methods called through interfaces,
	// init, main) reach production code.
	base := map[*ssa.Function]bool{}
	var testRoots, prodRoots []*ssa.Function
	for _, fn := range tc.funcs {
		switch {
		case testBase(fn):
			base[fn] = true
			testRoots = append(testRoots, fn)
		case inTestFile(fn):
			testRoots = append(testRoots, fn)
		case fn.Parent() == nil && (!tc.privateFunc(fn) || fn.Object() == nil || fn.Object().Exported()):
			// Exported functions and methods are entries even in package
			// main, where net/http calls a ServeHTTP no code here names.
			prodRoots = append(prodRoots, fn)
		case fn.Parent() == nil && (fn.Name() == "main" || fn.Name() == "init" || strings.HasPrefix(fn.Name(), "init#")):
			prodRoots = append(prodRoots, fn)
		}
	}
	stop := func(fn *ssa.Function) bool { return base[fn] || inTestFile(fn) }
	testReach := tc.reach(testRoots, nil)
	prodReach := tc.reach(prodRoots, stop)
	for _, fn := range tc.funcs {
		if base[fn] || (testReach[fn] && !prodReach[fn] && !inTestFile(fn)) {
			tc.tests[fn] = true
		}
	}
}

// reach returns roots and the functions of this package they refer to,
// transitively: calls, function values, literals. It does not enter
// functions for which stop is true.
func (tc *TestCode) reach(roots []*ssa.Function, stop func(*ssa.Function) bool) map[*ssa.Function]bool {
	reached := map[*ssa.Function]bool{}
	search(roots, tc.refs, func(fn *ssa.Function) step {
		if stop != nil && stop(fn) {
			return prune
		}
		reached[fn] = true
		return descend
	})
	return reached
}

// refs returns the functions of this package that fn refers to.
func (tc *TestCode) refs(fn *ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	var ops []*ssa.Value
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			ops = instr.Operands(ops[:0])
			for _, op := range ops {
				if op == nil {
					continue
				}
				if g, ok := (*op).(*ssa.Function); ok && tc.inPkg[ir.Origin(g)] {
					out = append(out, ir.Origin(g))
				}
			}
		}
	}
	for _, anon := range fn.AnonFuncs {
		if tc.inPkg[anon] {
			out = append(out, anon)
		}
	}
	return out
}

// testBase reports rules 1 and 2 for fn.
func testBase(fn *ssa.Function) bool {
	if remote.TestHelper(fn) {
		return true
	}
	for f := fn; f != nil; f = f.Parent() {
		if inTestFile(f) {
			return false
		}
		for _, p := range f.Params {
			if holdsTesting(p.Type(), 0, nil) {
				return true
			}
		}
	}
	return false
}

// holdsTesting reports whether a value of type t is, or holds, a
// *testing.T, *testing.B, *testing.F or testing.TB: directly, through
// pointers, or in the fields of a struct (embedded or not), three levels
// deep.
func holdsTesting(t types.Type, depth int, seen map[types.Type]bool) bool {
	if depth > 3 {
		return false
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if isTesting(t) {
		return true
	}
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	if seen == nil {
		seen = map[types.Type]bool{}
	}
	if seen[n] {
		return false
	}
	seen[n] = true
	for i := range st.NumFields() {
		if holdsTesting(st.Field(i).Type(), depth+1, seen) {
			return true
		}
	}
	return false
}

// isTesting reports whether t is testing.T, testing.B, testing.F or
// testing.TB.
func isTesting(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "testing" {
		return false
	}
	switch n.Obj().Name() {
	case "T", "B", "F", "TB":
		return true
	}
	return false
}

// inTestFile reports whether fn, or the function enclosing it, is declared
// in a _test.go file.
func inTestFile(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if fn.Prog == nil || !fn.Pos().IsValid() {
		return false
	}
	f := fn.Prog.Fset.File(fn.Pos())
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// testPackage reports rule 4: a main package in a test directory, or a
// package there whose non-test files import "testing".
func (tc *TestCode) testPackage() bool {
	rel := tc.pass.Pkg.Path()
	if m := tc.pass.Module; m != nil && m.Path != "" {
		if rel != m.Path && !strings.HasPrefix(rel, m.Path+"/") {
			return false
		}
		rel = strings.TrimPrefix(strings.TrimPrefix(rel, m.Path), "/")
	}
	inTestDir := false
	for _, elem := range strings.Split(rel, "/") {
		if slices.Contains(testDirs, elem) {
			inTestDir = true
		}
	}
	if !inTestDir {
		return false
	}
	if tc.pass.Pkg.Name() == "main" {
		return true
	}
	for _, f := range tc.pass.Files {
		name := tc.pass.Fset.File(f.Pos()).Name()
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		for _, imp := range f.Imports {
			if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == "testing" {
				return true
			}
		}
	}
	return false
}
