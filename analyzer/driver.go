package analyzer

import (
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"maps"
	"math/bits"
	"net/url"
	"os"
	"os/exec"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// This file is faultline's own analysis driver. It does for the code
// rules what go/packages (LoadAllSyntax) and the go/analysis checker did
// together, with the same inputs to every pass and the same facts, but
// it holds one package's syntax, type information, SSA and analyzer
// results only while that package is analysed:
//
//   - the packages come from a load without syntax or types (metadataMode);
//   - each is parsed and type-checked, in dependency order and in
//     parallel (GOMAXPROCS at a time), against the types of its imports
//     (its Imports map resolves vendoring and test variants);
//   - the analyzers it needs run on it at once, Requires first: every
//     analyzer on the root packages, and on a dependency the analyzers
//     the checker would run there (those with facts, and what they
//     require), found the way the checker builds its action graph;
//   - the caller converts what it needs of the package (visit), then
//     the package's syntax, types.Info and analyzer results are dropped.
//     Only its *types.Package (dependents' types point into it) and the
//     facts of its analyzers stay.
//
// Facts: the checker copies every fact a dependency's action holds into
// each importer's action, dropping at each step an object fact whose
// object is not "exported from" the dependency (see exportedFrom). Here
// each package keeps only the facts its own analysis exported, and a
// lookup applies the same rule to the path the fact would have travelled:
// a fact about a method, a field, a type name or a constant reaches
// every package that imports its package, directly or not; one about
// another function or variable reaches only the package itself and its
// direct importers (a function only if exported). What a pass sees
// (ImportObjectFact, ImportPackageFact, AllObjectFacts, AllPackageFacts)
// is what the checker's pass saw, without the per-action copies.

// metadataMode is what the driver needs go/packages to list.
const metadataMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

// driverAction is the outcome of one analyzer on a root package.
type driverAction struct {
	Analyzer    *analysis.Analyzer
	Result      any
	Err         error
	Diagnostics []analysis.Diagnostic
}

// driverPackage is what visit sees of a package once it is analysed,
// before its syntax, type information and results are released.
type driverPackage struct {
	Pkg *packages.Package
	// Root is the package's index among the roots, -1 for a dependency.
	Root int
	// Actions are the outcomes of the driver's analyzers, in their order,
	// on a root package; nil on a dependency.
	Actions []*driverAction
	node    *dnode
}

// PackageFact retrieves the package fact of analyzer a (one that ran on
// the package) about the package itself.
func (dp *driverPackage) PackageFact(a *analysis.Analyzer, ptr analysis.Fact) bool {
	fs := dp.node.facts[a]
	if fs == nil {
		return false
	}
	v, ok := fs.pkg[factType(ptr)]
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
	}
	return ok
}

// driver parses, type-checks and analyses packages.
type driver struct {
	analyzers []*analysis.Analyzer // run on every root
	// parse parses a file (go/packages' Config.ParseFile); nil for the
	// default.
	parse func(*token.FileSet, string, []byte) (*ast.File, error)
	// dir and env are those of the load, for the Go version of go list.
	dir string
	env []string
	// visit is called for each package once the analyzers have run on
	// it, from any goroutine.
	visit func(*driverPackage)

	fset    *token.FileSet
	nodes   []*dnode
	byTypes map[*types.Package]*dnode
	order   []*analysis.Analyzer // every analyzer that may run, Requires first
	words   int                  // of a node's deps bitset

	files sync.Mutex
	// parsed holds the syntax of files more than one package compiles
	// (a package and its test variant) until the last of them is parsed,
	// as go/packages shares them.
	parsed map[string]*parsedFile
	uses   map[string]int

	goVersion struct {
		once  sync.Once
		minor int // of go list's toolchain; 0 when unknown
	}
}

type parsedFile struct {
	ready chan struct{}
	f     *ast.File
	err   error
}

// dnode is a package of the run.
type dnode struct {
	pkg     *packages.Package
	index   int
	root    int
	imports []*dnode // direct, in the order of their import paths
	preds   []*dnode // direct importers
	pending atomic.Int32

	needs map[*analysis.Analyzer]bool
	deps  []uint64 // the transitive imports, by index

	facts map[*analysis.Analyzer]*factSet // of the analyzers with FactTypes that ran
	errs  map[*analysis.Analyzer]error    // the actions that failed
}

func (n *dnode) dependsOn(o *dnode) bool {
	return n.deps[o.index/64]&(1<<(o.index%64)) != 0
}

func (n *dnode) String() string { return n.pkg.ID }

type objectFactKey struct {
	obj types.Object
	typ reflect.Type
}

// factSet is the facts one analyzer exported on one package, in the order
// they were first exported.
type factSet struct {
	objs     map[objectFactKey]analysis.Fact
	objOrder []objectFactKey
	pkg      map[reflect.Type]analysis.Fact
	pkgOrder []reflect.Type
}

func newFactSet() *factSet {
	return &factSet{objs: map[objectFactKey]analysis.Fact{}, pkg: map[reflect.Type]analysis.Fact{}}
}

// run analyses the packages roots (from a load in metadataMode) and
// their dependencies.
func (d *driver) run(roots []*packages.Package) error {
	if err := analysis.Validate(d.analyzers); err != nil {
		return err
	}
	d.fset = token.NewFileSet()
	d.byTypes = map[*types.Package]*dnode{}
	d.parsed, d.uses = map[string]*parsedFile{}, map[string]int{}
	byPkg := map[*packages.Package]*dnode{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		n := &dnode{pkg: p, index: len(d.nodes), root: -1, needs: map[*analysis.Analyzer]bool{}}
		d.nodes = append(d.nodes, n)
		byPkg[p] = n
		// As go/packages does, every package gets its (empty) types.Package
		// before any is checked.
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
		} else {
			p.Types = types.NewPackage(p.PkgPath, p.Name)
		}
		p.Fset = d.fset
		d.byTypes[p.Types] = n
		for _, f := range p.CompiledGoFiles {
			d.uses[f]++
		}
	})
	d.words = (len(d.nodes) + 63) / 64
	for _, n := range d.nodes {
		paths := slices.Sorted(maps.Keys(n.pkg.Imports))
		for _, path := range paths {
			imp := byPkg[n.pkg.Imports[path]]
			n.imports = append(n.imports, imp)
			imp.preds = append(imp.preds, n)
		}
		n.pending.Store(int32(len(n.imports)))
	}
	for i, p := range roots {
		if n := byPkg[p]; n.root < 0 {
			n.root = i
		}
	}

	// The actions: each analyzer on each root, what it requires on the
	// same package, and, for an analyzer with facts, itself on every
	// import.
	var need func(a *analysis.Analyzer, n *dnode)
	need = func(a *analysis.Analyzer, n *dnode) {
		if n.needs[a] {
			return
		}
		n.needs[a] = true
		for _, req := range a.Requires {
			need(req, n)
		}
		if len(a.FactTypes) > 0 {
			for _, imp := range n.imports {
				need(a, imp)
			}
		}
	}
	for _, a := range d.analyzers {
		for _, p := range roots {
			need(a, byPkg[p])
		}
	}
	seen := map[*analysis.Analyzer]bool{}
	var visitA func(a *analysis.Analyzer)
	visitA = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, req := range a.Requires {
			visitA(req)
		}
		d.order = append(d.order, a)
	}
	for _, a := range d.analyzers {
		visitA(a)
	}

	// The packages whose imports are done are ready; GOMAXPROCS workers
	// take them in turn.
	ready := make(chan *dnode, len(d.nodes))
	for _, n := range d.nodes {
		if len(n.imports) == 0 {
			ready <- n
		}
	}
	var left atomic.Int64
	left.Store(int64(len(d.nodes)))
	if len(d.nodes) == 0 {
		close(ready)
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(d.nodes), 1)) {
		wg.Go(func() {
			for n := range ready {
				d.process(n)
				for _, pred := range n.preds {
					if pred.pending.Add(-1) == 0 {
						ready <- pred
					}
				}
				if left.Add(-1) == 0 {
					close(ready)
				}
			}
		})
	}
	wg.Wait()
	return nil
}

// process checks and analyses one package, hands it to visit and
// releases what its dependents do not need.
func (d *driver) process(n *dnode) {
	n.deps = make([]uint64, d.words)
	for _, imp := range n.imports {
		for i, w := range imp.deps {
			n.deps[i] |= w
		}
		n.deps[imp.index/64] |= 1 << (imp.index % 64)
	}
	d.check(n)
	dp := &driverPackage{Pkg: n.pkg, Root: n.root, node: n}
	results := d.analyse(n, dp)
	if d.visit != nil {
		d.visit(dp)
	}
	// Release: what the package's dependents need is its types.Package
	// and its facts.
	clear(results)
	n.pkg.Syntax, n.pkg.TypesInfo = nil, nil
	for a := range n.facts {
		if len(a.FactTypes) == 0 {
			delete(n.facts, a)
		}
	}
}

// check parses and type-checks the package, filling in its Syntax,
// TypesInfo, TypesSizes, Errors, TypeErrors and IllTyped as go/packages
// does.
func (d *driver) check(n *dnode) {
	p := n.pkg
	p.TypesInfo = &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	if p.PkgPath == "unsafe" {
		p.Syntax = []*ast.File{}
		return
	}
	appendError := func(err error) {
		switch err := err.(type) {
		case packages.Error:
			p.Errors = append(p.Errors, err)
		case *os.PathError:
			p.Errors = append(p.Errors, packages.Error{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError})
		case scanner.ErrorList:
			for _, e := range err {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case types.Error:
			p.TypeErrors = append(p.TypeErrors, err)
			p.Errors = append(p.Errors, packages.Error{Pos: err.Fset.Position(err.Pos).String(), Msg: err.Msg, Kind: packages.TypeError})
		default:
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}
	defer func() {
		// As go/packages does, say so when the go command is newer than
		// the go/types faultline was built with: the errors may come from
		// that.
		if len(p.Errors) == 0 {
			return
		}
		var rt int
		if _, err := fmt.Sscanf(runtime.Version(), "go1.%d", &rt); err == nil && rt < d.listVersion() {
			appendError(packages.Error{Pos: "-", Msg: fmt.Sprintf("faultline was built with go1.%d and the go command here is go1.%d: code that uses newer language features may not type-check; rebuild faultline with the newer Go (go install …@latest)", rt, d.listVersion()), Kind: packages.UnknownError})
		}
	}()

	files := make([]*ast.File, len(p.CompiledGoFiles))
	errs := make([]error, len(p.CompiledGoFiles))
	for i, name := range p.CompiledGoFiles {
		files[i], errs[i] = d.parseFile(name)
	}
	files = slices.DeleteFunc(files, func(f *ast.File) bool { return f == nil })
	for _, err := range errs {
		if err != nil {
			appendError(err)
		}
	}
	p.Syntax = files

	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			ip := p.Imports[path]
			if ip == nil {
				// go/packages knew why (a missing package, a cycle);
				// the metadata no longer says.
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			return ip.Types, nil
		}),
		Error: appendError,
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	typErr := types.NewChecker(tc, d.fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if typErr != nil && len(p.Errors) == 0 && len(p.Syntax) > 0 {
		if msg := typErr.Error(); strings.HasPrefix(msg, "package requires newer Go version") {
			appendError(types.Error{Fset: d.fset, Pos: p.Syntax[0].Package, Msg: msg})
		}
	}
	if typErr != nil && len(p.Errors) == 0 {
		appendError(typErr)
	}
	p.IllTyped = len(p.Errors) > 0 || slices.ContainsFunc(n.imports, func(i *dnode) bool { return i.pkg.IllTyped })
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// listVersion returns the minor version of the Go toolchain that listed
// the packages.
func (d *driver) listVersion() int {
	d.goVersion.once.Do(func() {
		cmd := exec.Command("go", "env", "GOVERSION")
		cmd.Dir, cmd.Env = d.dir, d.env
		out, err := cmd.Output()
		if err != nil {
			return
		}
		var minor int
		if _, err := fmt.Sscanf(strings.TrimSpace(string(out)), "go1.%d", &minor); err == nil {
			d.goVersion.minor = minor
		}
	})
	return d.goVersion.minor
}

// parseFile parses a file once, however many packages compile it.
func (d *driver) parseFile(name string) (*ast.File, error) {
	d.files.Lock()
	pf := d.parsed[name]
	d.uses[name]--
	last := d.uses[name] <= 0
	switch {
	case pf != nil && last:
		delete(d.parsed, name)
	case pf == nil:
		pf = &parsedFile{ready: make(chan struct{})}
		if !last {
			d.parsed[name] = pf
		}
		d.files.Unlock()
		src, err := os.ReadFile(name)
		if err != nil {
			pf.err = err
		} else if d.parse != nil {
			pf.f, pf.err = d.parse(d.fset, name, src)
		} else {
			pf.f, pf.err = parser.ParseFile(d.fset, name, src, parser.AllErrors|parser.ParseComments)
		}
		close(pf.ready)
		return pf.f, pf.err
	}
	d.files.Unlock()
	<-pf.ready
	return pf.f, pf.err
}

// analyse runs the analyzers the package needs, Requires first, and
// returns their results.
func (d *driver) analyse(n *dnode, dp *driverPackage) map[*analysis.Analyzer]any {
	p := n.pkg
	results := map[*analysis.Analyzer]any{}
	var module *analysis.Module
	if p.Module != nil {
		module = analysisModule(p.Module)
	} else {
		module = &analysis.Module{}
	}
	var acts map[*analysis.Analyzer]*driverAction
	if n.root >= 0 {
		acts = map[*analysis.Analyzer]*driverAction{}
		for _, a := range d.analyzers {
			act := &driverAction{Analyzer: a}
			acts[a] = act
			dp.Actions = append(dp.Actions, act)
		}
	}
	for _, a := range d.order {
		if !n.needs[a] {
			continue
		}
		act := acts[a]
		if act == nil {
			act = &driverAction{Analyzer: a}
		}
		d.runAction(n, a, act, module, results)
		if act.Err != nil {
			if n.errs == nil {
				n.errs = map[*analysis.Analyzer]error{}
			}
			n.errs[a] = act.Err
		}
		results[a] = act.Result
	}
	return results
}

// runAction runs analyzer a on package n, as the checker runs an action.
func (d *driver) runAction(n *dnode, a *analysis.Analyzer, act *driverAction, module *analysis.Module, results map[*analysis.Analyzer]any) {
	p := n.pkg
	// A failed prerequisite (an analyzer a requires, on this package, or
	// a itself on an import) fails the action.
	var failed []string
	for _, req := range a.Requires {
		if n.errs[req] != nil {
			failed = append(failed, req.Name+"@"+p.ID)
		}
	}
	if len(a.FactTypes) > 0 {
		for _, imp := range n.imports {
			if imp.errs[a] != nil {
				failed = append(failed, a.Name+"@"+imp.pkg.ID)
			}
		}
	}
	if failed != nil {
		slices.Sort(failed)
		act.Err = fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
		return
	}
	inputs := make(map[*analysis.Analyzer]any, len(a.Requires))
	for _, req := range a.Requires {
		inputs[req] = results[req]
	}
	own := n.facts[a]
	if own == nil {
		own = newFactSet()
		if n.facts == nil {
			n.facts = map[*analysis.Analyzer]*factSet{}
		}
		n.facts[a] = own
	}
	facts := &factView{d: d, n: n, a: a, own: own}
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         d.fset,
		Files:        p.Syntax,
		OtherFiles:   p.OtherFiles,
		IgnoredFiles: p.IgnoredFiles,
		Pkg:          p.Types,
		TypesInfo:    p.TypesInfo,
		TypesSizes:   p.TypesSizes,
		TypeErrors:   p.TypeErrors,
		Module:       module,
		ResultOf:     inputs,
		Report: func(diag analysis.Diagnostic) {
			if err := normalizeFixes(d.fset, a, diag.SuggestedFixes); err != nil {
				panic(err)
			}
			act.Diagnostics = append(act.Diagnostics, diag)
		},
		ImportObjectFact:  facts.objectFact,
		ImportPackageFact: facts.packageFact,
		AllObjectFacts:    facts.allObjectFacts,
		AllPackageFacts:   facts.allPackageFacts,
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if pass.ExportObjectFact == nil {
			panic(fmt.Sprintf("%s@%s: Pass.ExportObjectFact(%s, %T) called after Run", a.Name, p.ID, obj, fact))
		}
		if obj.Pkg() != p.Types {
			panic(fmt.Sprintf("internal error: in analysis %s of package %s: Fact.Set(%s, %T): can't set facts on objects belonging another package", a, p.ID, obj, fact))
		}
		own.setObj(objectFactKey{obj, factType(fact)}, fact)
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		if pass.ExportPackageFact == nil {
			panic(fmt.Sprintf("%s@%s: Pass.ExportPackageFact(%T) called after Run", a.Name, p.ID, fact))
		}
		own.setPkg(factType(fact), fact)
	}
	pass.ReadFile = func(filename string) ([]byte, error) {
		if !slices.Contains(pass.OtherFiles, filename) && !slices.Contains(pass.IgnoredFiles, filename) &&
			!slices.ContainsFunc(pass.Files, func(f *ast.File) bool { return pass.Fset.File(f.FileStart).Name() == filename }) {
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", filename)
		}
		return os.ReadFile(filename)
	}

	act.Result, act.Err = func() (any, error) {
		if p.IllTyped && !a.RunDespiteErrors {
			return nil, errors.New("analysis skipped due to errors in package")
		}
		result, err := a.Run(pass)
		if err != nil {
			return nil, err
		}
		if got, want := reflect.TypeOf(result), a.ResultType; got != want {
			return nil, fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v", pass.Pkg.Path(), a, got, want)
		}
		for i := range act.Diagnostics {
			u, err := diagnosticURL(a, act.Diagnostics[i])
			if err != nil {
				return nil, err
			}
			act.Diagnostics[i].URL = u
		}
		return result, nil
	}()
	pass.ExportObjectFact, pass.ExportPackageFact = nil, nil
}

func (fs *factSet) setObj(k objectFactKey, f analysis.Fact) {
	if _, ok := fs.objs[k]; !ok {
		fs.objOrder = append(fs.objOrder, k)
	}
	fs.objs[k] = f
}

func (fs *factSet) setPkg(t reflect.Type, f analysis.Fact) {
	if _, ok := fs.pkg[t]; !ok {
		fs.pkgOrder = append(fs.pkgOrder, t)
	}
	fs.pkg[t] = f
}

func factType(f analysis.Fact) reflect.Type {
	t := reflect.TypeOf(f)
	if t.Kind() != reflect.Pointer {
		panic(fmt.Sprintf("invalid Fact type: got %T, want pointer", f))
	}
	return t
}

// factView is what one action sees of the facts of its analyzer: its own
// package's, and those of the packages it imports that would have
// reached it in the checker.
type factView struct {
	d   *driver
	n   *dnode
	a   *analysis.Analyzer
	own *factSet
}

// from returns the facts of package pkg visible to the action, nil when
// none can be.
func (v *factView) from(pkg *types.Package) (*factSet, *dnode) {
	o := v.d.byTypes[pkg]
	switch {
	case o == nil:
		return nil, nil
	case o == v.n:
		return v.own, o
	case len(v.a.FactTypes) == 0 || !v.n.dependsOn(o):
		return nil, nil
	}
	return o.facts[v.a], o
}

// visible reports whether a fact about obj, exported by package o (one
// the action's package imports, directly or not), reached the action.
// The checker passes an importer the object facts of each import for
// objects exportedFrom the import; a fact about a method, a field, a type
// name or a constant passes every such step, one about another function
// or variable passes only the step out of its own package.
func (v *factView) visible(obj types.Object, o *dnode) bool {
	if o == v.n {
		return true
	}
	switch obj := obj.(type) {
	case *types.Func:
		if obj.Signature().Recv() != nil {
			return true
		}
		return obj.Exported() && v.imports(o)
	case *types.Var:
		return obj.IsField() || v.imports(o)
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}

func (v *factView) imports(o *dnode) bool { return slices.Contains(v.n.imports, o) }

func (v *factView) objectFact(obj types.Object, ptr analysis.Fact) bool {
	if obj == nil {
		panic("nil object")
	}
	fs, o := v.from(obj.Pkg())
	if fs == nil || !v.visible(obj, o) {
		return false
	}
	f, ok := fs.objs[objectFactKey{obj, factType(ptr)}]
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
	}
	return ok
}

func (v *factView) packageFact(pkg *types.Package, ptr analysis.Fact) bool {
	if pkg == nil {
		panic("nil package")
	}
	fs, _ := v.from(pkg)
	if fs == nil {
		return false
	}
	f, ok := fs.pkg[factType(ptr)]
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
	}
	return ok
}

// sources returns the packages whose facts the action may see: its own
// first, then its transitive imports in the order they were listed.
func (v *factView) sources() []*dnode {
	out := []*dnode{v.n}
	if len(v.a.FactTypes) == 0 {
		return out
	}
	for i, w := range v.n.deps {
		for w != 0 {
			b := bits.TrailingZeros64(w)
			w &^= 1 << b
			out = append(out, v.d.nodes[i*64+b])
		}
	}
	return out
}

// eachSource calls f with each package whose facts the pass may see and
// the facts of the pass's analyzer there.
func (v *factView) eachSource(f func(o *dnode, fs *factSet)) {
	for _, o := range v.sources() {
		fs := v.own
		if o != v.n {
			fs = o.facts[v.a]
		}
		if fs != nil {
			f(o, fs)
		}
	}
}

func (v *factView) allObjectFacts() []analysis.ObjectFact {
	var out []analysis.ObjectFact
	v.eachSource(func(o *dnode, fs *factSet) {
		for _, k := range fs.objOrder {
			if v.visible(k.obj, o) {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: fs.objs[k]})
			}
		}
	})
	return out
}

func (v *factView) allPackageFacts() []analysis.PackageFact {
	var out []analysis.PackageFact
	v.eachSource(func(o *dnode, fs *factSet) {
		for _, t := range fs.pkgOrder {
			out = append(out, analysis.PackageFact{Package: o.pkg.Types, Fact: fs.pkg[t]})
		}
	})
	return out
}

// analysisModule converts go/packages' description of a module to
// go/analysis'.
func analysisModule(m *packages.Module) *analysis.Module {
	if m == nil {
		return nil
	}
	am := &analysis.Module{
		Path: m.Path, Version: m.Version, Replace: analysisModule(m.Replace), Time: m.Time, Main: m.Main,
		Indirect: m.Indirect, Dir: m.Dir, GoMod: m.GoMod, GoVersion: m.GoVersion,
	}
	if m.Error != nil {
		am.Error = &analysis.ModuleError{Err: m.Error.Err}
	}
	return am
}

// diagnosticURL is the URL of a diagnostic as the checker resolves it:
// its own, or "#category", relative to the analyzer's URL.
func diagnosticURL(a *analysis.Analyzer, d analysis.Diagnostic) (string, error) {
	if d.URL == "" && d.Category == "" && a.URL == "" {
		return "", nil
	}
	ref := d.URL
	if ref == "" && d.Category != "" {
		ref = "#" + d.Category
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", fmt.Errorf("invalid Diagnostic.URL %q: %s", ref, err)
	}
	base, err := url.Parse(a.URL)
	if err != nil {
		return "", fmt.Errorf("invalid Analyzer.URL %q: %s", a.URL, err)
	}
	return base.ResolveReference(u).String(), nil
}

// normalizeFixes checks the suggested fixes of a diagnostic and puts
// them in the form the checker hands on: each fix's edits sorted by
// position (insertions before deletions at one point, in their order), an
// edit without an end ending where it starts, and an end computed just
// past the end of its file (as ast.StructType's may be) cut back to it.
func normalizeFixes(fset *token.FileSet, a *analysis.Analyzer, fixes []analysis.SuggestedFix) error {
	messages := map[string]bool{}
	for i := range fixes {
		fix := &fixes[i]
		if messages[fix.Message] {
			return fmt.Errorf("analyzer %q suggests two fixes with same Message (%s)", a.Name, fix.Message)
		}
		messages[fix.Message] = true
		slices.SortStableFunc(fix.TextEdits, func(x, y analysis.TextEdit) int {
			return cmp.Or(cmp.Compare(x.Pos, y.Pos), cmp.Compare(x.End, y.End))
		})
		var prev *analysis.TextEdit
		for j := range fix.TextEdits {
			e := &fix.TextEdits[j]
			file := fset.File(e.Pos)
			if file == nil {
				return fmt.Errorf("analyzer %q suggests invalid fix (%s): no token.File for TextEdit.Pos (%v)", a.Name, fix.Message, e.Pos)
			}
			eof := token.Pos(file.Base() + file.Size())
			if e.End.IsValid() {
				if e.End < e.Pos {
					return fmt.Errorf("analyzer %q suggests invalid fix (%s): TextEdit.Pos (%v) > TextEdit.End (%v)", a.Name, fix.Message, e.Pos, e.End)
				}
				endFile := fset.File(e.End)
				if endFile != file && e.End < eof+10 {
					e.End = eof
					continue
				}
				if endFile != file {
					return fmt.Errorf("analyzer %q suggests invalid fix (%s): edit #%d spans files", a.Name, fix.Message, j)
				}
			} else {
				e.End = e.Pos
			}
			if e.End > eof {
				return fmt.Errorf("analyzer %q suggests invalid fix (%s): end is beyond end of file", a.Name, fix.Message)
			}
			if prev != nil && e.Pos < prev.End {
				return fmt.Errorf("analyzer %q suggests invalid fix (%s): overlapping edits to %s", a.Name, fix.Message, fset.Position(e.Pos).Filename)
			}
			prev = e
		}
	}
	return nil
}
