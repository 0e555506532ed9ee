package analyzer

import (
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// probeFact marks an object or a package with its name.
type probeFact struct{ Name string }

func (*probeFact) AFact() {}

// factProbe exports a fact on every object of its package (package-level
// objects, methods, fields, parameters) and on the package, then reports
// every fact it can see: by ImportObjectFact over the objects of every
// package its package imports, directly or not, by AllObjectFacts and by
// AllPackageFacts. The driver must show it what the checker shows it.
var factProbe = &analysis.Analyzer{
	Name:       "factprobe",
	Doc:        "test",
	FactTypes:  []analysis.Fact{new(probeFact)},
	ResultType: reflect.TypeFor[[]string](),
	Run: func(pass *analysis.Pass) (any, error) {
		for _, obj := range probeObjects(pass.Pkg) {
			pass.ExportObjectFact(obj, &probeFact{obj.Pkg().Path() + "." + obj.Name()})
		}
		pass.ExportPackageFact(&probeFact{pass.Pkg.Path()})
		var seen []string
		var walk func(p *types.Package)
		done := map[*types.Package]bool{}
		walk = func(p *types.Package) {
			if done[p] {
				return
			}
			done[p] = true
			for _, obj := range probeObjects(p) {
				var f probeFact
				if pass.ImportObjectFact(obj, &f) {
					seen = append(seen, "import "+f.Name)
				}
			}
			var f probeFact
			if pass.ImportPackageFact(p, &f) {
				seen = append(seen, "package "+f.Name)
			}
			for _, imp := range p.Imports() {
				walk(imp)
			}
		}
		walk(pass.Pkg)
		for _, f := range pass.AllObjectFacts() {
			seen = append(seen, "all "+f.Fact.(*probeFact).Name)
		}
		for _, f := range pass.AllPackageFacts() {
			seen = append(seen, "allpkg "+f.Fact.(*probeFact).Name)
		}
		slices.Sort(seen)
		return seen, nil
	},
}

// probeObjects lists the objects of p the probe marks, in a fixed order.
func probeObjects(p *types.Package) []types.Object {
	var out []types.Object
	add := func(o types.Object) {
		if o != nil && o.Pkg() == p {
			out = append(out, o)
		}
	}
	for _, name := range p.Scope().Names() {
		o := p.Scope().Lookup(name)
		add(o)
		if fn, ok := o.(*types.Func); ok {
			for v := range fn.Signature().Params().Variables() {
				add(v)
			}
		}
		tn, ok := o.(*types.TypeName)
		if !ok {
			continue
		}
		if named, ok := tn.Type().(*types.Named); ok {
			for m := range named.Methods() {
				add(m)
			}
		}
		switch u := tn.Type().Underlying().(type) {
		case *types.Struct:
			for f := range u.Fields() {
				add(f)
			}
		case *types.Interface:
			for m := range u.ExplicitMethods() {
				add(m)
			}
		}
	}
	return out
}

// TestDriverFacts checks that the driver's passes see the facts the
// go/analysis checker's see, over a chain of packages with every kind of
// object, and that it reports what the checker reports.
func TestDriverFacts(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module example.com/m\n\ngo 1.24\n",
		"c/c.go": `package c

type T struct{ Field, field int }

func (T) Method()     {}
func (*T) method()    {}
func Exported(p int)  {}
func unexported()     {}

type I interface{ M() }

var V, v int

const K, k = 1, 2
`,
		"b/b.go": `package b

import "example.com/m/c"

type B struct{ c.T }

func F() c.T { return c.T{} }

var Shared = c.K
`,
		"a/a.go": `package a

import (
	"example.com/m/b"
	"fmt"
)

func G() { fmt.Println(b.F()) }
`,
		"d/d.go": `package d

import (
	"example.com/m/a"
	"example.com/m/c"
)

func H() { a.G(); c.Exported(1) }
`,
	}
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")

	full, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Env: env}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	g, err := checker.Analyze([]*analysis.Analyzer{factProbe}, full, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Fatalf("checker: %s: %v", act, act.Err)
		}
		want[act.Package.ID] = act.Result.([]string)
	}

	meta, err := packages.Load(&packages.Config{Mode: metadataMode, Dir: dir, Env: env}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	deps := 0
	var mu sync.Mutex
	d := &driver{analyzers: []*analysis.Analyzer{factProbe}, dir: dir, env: env, visit: func(dp *driverPackage) {
		mu.Lock()
		defer mu.Unlock()
		if dp.Root < 0 {
			deps++
			return
		}
		act := dp.Actions[0]
		if act.Err != nil {
			t.Errorf("driver: %s: %v", dp.Pkg.ID, act.Err)
			return
		}
		got[dp.Pkg.ID] = act.Result.([]string)
		var pf probeFact
		if !dp.PackageFact(factProbe, &pf) || pf.Name != dp.Pkg.PkgPath {
			t.Errorf("%s: PackageFact = %v", dp.Pkg.ID, pf)
		}
	}}
	if err := d.run(meta); err != nil {
		t.Fatal(err)
	}
	if len(want) != 4 {
		t.Fatalf("checker analysed %d roots, want 4", len(want))
	}
	for id, w := range want {
		if g := got[id]; !slices.Equal(g, w) {
			t.Errorf("%s: the driver's pass saw\n\t%s\nthe checker's\n\t%s", id, strings.Join(g, "\n\t"), strings.Join(w, "\n\t"))
		}
	}
	// The probe must have seen enough for the comparison to mean something:
	// c's method facts two steps away, and c's unexported function only in c.
	if !slices.Contains(got["example.com/m/a"], "import example.com/m/c.Method") {
		t.Errorf("a does not see c.Method's fact: %v", got["example.com/m/a"])
	}
	if slices.Contains(got["example.com/m/a"], "import example.com/m/c.Exported") {
		t.Errorf("a sees c.Exported's fact, which the checker drops at b")
	}
	if !slices.Contains(got["example.com/m/d"], "import example.com/m/c.Exported") {
		t.Errorf("d, which imports c, does not see c.Exported's fact")
	}
	t.Log(fmt.Sprint(deps, " dependencies analysed for facts"))
}
