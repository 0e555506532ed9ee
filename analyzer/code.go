package analyzer

import (
	"errors"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// codeResult is what the analysis of the Go code produced.
type codeResult struct {
	findings []Finding
	load     loadProblems
	packages int
	analysed map[string]bool // Go files of the packages analysed in full, relative to the root
	whole    bool            // the patterns cover the whole module
	// The //faultline:ignore directives of the analysed files, by file
	// relative to the root, and the first file of each package, for
	// positions: what the engine needs of the packages once they are
	// released.
	directives map[string][]rules.Directive
	firstFile  map[string]string

	// For the system graph: the call-site facts of the module's packages,
	// their imports within the module, and the main packages.
	calls   map[string]*rules.Calls
	imports map[string][]string
	mains   []string
	files   map[string]string // package path -> directory, relative to the root

	// cached says that the result was built from the cache's entries
	// alone; missed lists the packages (IDs) whose entries were missing,
	// when a cache was used.
	cached bool
	missed []string
}

// analyzeCode loads the packages and runs the enabled code rules on them.
//
// Paths in the result are relative to root: the module root, or the
// directory of a run over several modules.
// With several modules (one of many), declarations of the topology are
// checked against the code only where they name a package this module
// loaded: another module may hold it.
//
// With a cache (Config.Cache), the packages are first listed without
// being type-checked and their keys computed: when every package the
// patterns name has an entry, the result is built from the entries and
// nothing is loaded or analysed; otherwise the packages that missed are
// analysed (all of them when none hit), and their entries are written for
// the next run.
func analyzeCode(dir, modRoot, root string, oneOfMany bool, cfg Config, enabled []*rules.Rule, g *graph.Graph, wantCalls bool) (*codeResult, error) {
	patterns := cfg.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	res := &codeResult{analysed: map[string]bool{}, directives: map[string][]rules.Directive{}, firstFile: map[string]string{}}
	res.whole = filepath.Clean(dir) == filepath.Clean(modRoot) && slices.Equal(patterns, []string{"./..."})
	checkWhole := res.whole && !oneOfMany

	byAnalyzer := map[*analysis.Analyzer]*rules.Rule{}
	var analyzers []*analysis.Analyzer
	var ruleNames []string
	for _, r := range enabled {
		if r.Analyzer != nil {
			byAnalyzer[r.Analyzer] = r
			analyzers = append(analyzers, r.Analyzer)
			ruleNames = append(ruleNames, r.Name)
		}
	}
	if wantCalls {
		analyzers = append(analyzers, rules.CallSites)
	}
	var conf *rules.Config
	if len(analyzers) > 0 {
		c, err := runConfig(cfg.settings)
		if err != nil {
			return nil, err
		}
		conf = c
		conf.NoNolint = cfg.NoNolint
	}

	var cache *cacheRun
	if cfg.Cache != nil && len(analyzers) > 0 {
		var err error
		cfg.progress(Progress{Phase: "loading"})
		cache, err = openCacheRun(cfg, dir, modRoot, root, patterns, checkWhole, wantCalls, ruleNames, conf)
		if err != nil {
			return nil, err
		}
		if cache != nil {
			res.missed = cache.missed()
			if len(res.missed) == 0 {
				res.cached = true
				res.load = cache.load
				res.describe(cache.pkgs, root)
				buildCode(res, cache.pkgs, cache.entries, ruleNames, g, root, wantCalls)
				return res, nil
			}
		}
	}
	// Some packages missed: only the root packages that missed are
	// analysed again (see cacheRun.partial), with their dependencies
	// loaded for facts; the entries of the others are the cache's.
	loadPatterns := patterns
	partial := cache != nil && cache.partial()
	if partial {
		loadPatterns = cache.missedRoots()
	}

	pcfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Tests: cfg.Tests, Env: goEnv(cfg.Safe)}
	if !cfg.Deps {
		pcfg.ParseFile = outlineDeps(modRoot)
	}
	cfg.progress(Progress{Phase: "loading"})
	pkgs, err := packages.Load(pcfg, loadPatterns...)
	if err != nil {
		return nil, inputErrorf("loading packages %s: %v", strings.Join(patterns, " "), err)
	}
	// With -tests, go/packages returns the test binary's synthesized main
	// package too; it holds no user code.
	pkgs = slices.DeleteFunc(pkgs, func(p *packages.Package) bool { return strings.HasSuffix(p.ID, ".test") })
	if len(pkgs) == 0 {
		return nil, inputErrorf("no packages match %s", strings.Join(patterns, " "))
	}
	res.load = packageErrors(pkgs, dir, root)
	entries := map[string]*pkgEntry{}
	known := pkgs // the packages checkDeclared may find a declaration's in
	if partial {
		maps.Copy(entries, cache.entries)
		res.describe(cache.pkgs, root)
		known = cache.pkgs
	} else {
		res.describe(pkgs, root)
	}
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			for _, d := range rules.ParseDirectives(p.Fset, f, cfg.NoNolint) {
				e := entryOf(entries, p)
				e.Directives = append(e.Directives, cachedDirective{
					File: relSlash(root, d.File), Offset: p.Fset.Position(d.Pos).Offset, Line: d.Line,
					Rules: d.Rules, Reason: d.Reason, Nolint: d.Nolint, EndLine: d.EndLine,
				})
			}
		}
	}

	if len(analyzers) == 0 {
		buildCode(res, pkgs, entries, ruleNames, g, root, wantCalls)
		return res, nil // (no cache without analyzers)
	}
	if cfg.Progress != nil {
		total := 0
		packages.Visit(pkgs, nil, func(*packages.Package) { total++ })
		var done atomic.Int64
		cfg.progress(Progress{Phase: "analysing", Total: total})
		conf.OnPackage = func() {
			cfg.progress(Progress{Phase: "analysing", Done: int(done.Add(1)), Total: total})
		}
	}
	if err := checkDeclared(cfg.settings, pkgs, known, checkWhole); err != nil {
		return nil, err
	}
	// The catalogue's analyzers, bound to this run's configuration: the
	// copies stand for the rules (and the call sites) in what follows.
	bound := rules.Bind(analyzers, conf)
	for i, a := range analyzers {
		if r := byAnalyzer[a]; r != nil {
			byAnalyzer[bound[i]] = r
		}
	}
	callSites := bound[len(bound)-1]
	if !wantCalls {
		callSites = nil
	}
	ag, err := checker.Analyze(bound, pkgs, nil)
	if err != nil {
		return nil, fmt.Errorf("analysis: %v", err)
	}
	broken := map[*packages.Package]bool{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 || p.IllTyped {
			broken[p] = true
		}
	}
	for _, act := range ag.Roots {
		rule := byAnalyzer[act.Analyzer]
		if rule == nil {
			continue
		}
		if act.Err != nil {
			if broken[act.Package] {
				continue // reported as a package error
			}
			return nil, fmt.Errorf("%s on %s: %v", rule.Name, act.Package.PkgPath, act.Err)
		}
		e := entryOf(entries, act.Package)
		if e.Findings == nil {
			e.Findings, e.Suppressed = map[string][]cachedFinding{}, map[string][]cachedFinding{}
		}
		conv := converter{pkg: act.Package, root: root, g: g}
		lr, _ := act.Result.(*rules.CodeResult)
		for _, d := range act.Diagnostics {
			f := conv.finding(rule, d)
			f.category = d.Category
			if lr != nil && lr.Evidence[d.Pos] != nil {
				ev := lr.Evidence[d.Pos]
				f.sites, f.via = conv.positions(ev.Sites), ev.Entry
			}
			e.Findings[rule.Name] = append(e.Findings[rule.Name], cacheFinding(f))
		}
		if lr != nil {
			for _, s := range lr.Suppressed {
				f := conv.finding(rule, s.Diagnostic)
				dp := act.Package.Fset.Position(s.Directive)
				f.Suppression = &Suppression{Kind: "inSource", Reason: s.Reason, File: relSlash(root, dp.Filename), Line: dp.Line}
				e.Suppressed[rule.Name] = append(e.Suppressed[rule.Name], cacheFinding(f))
			}
		}
	}
	if callSites != nil {
		for act := range ag.All() {
			if act.Analyzer != callSites || !inModule(act.Package) {
				continue
			}
			var c rules.Calls
			if act.PackageFact(act.Package.Types, &c) {
				entryOf(entries, act.Package).Calls = relCalls(c, root)
			}
		}
	}
	all := pkgs
	if partial {
		all = cache.pkgs // every root, in the order a full load gives them
	}
	buildCode(res, all, entries, ruleNames, g, root, wantCalls)
	if cache != nil && len(res.load.errors) == 0 && len(res.load.broken) == 0 {
		cache.store(entries)
	}
	return res, nil
}

// entryOf returns the entry of p in entries, adding it.
func entryOf(entries map[string]*pkgEntry, p *packages.Package) *pkgEntry {
	e := entries[p.ID]
	if e == nil {
		e = &pkgEntry{ID: p.ID}
		entries[p.ID] = e
	}
	return e
}

// describe records what res says of the root packages pkgs besides the
// analysis: their number, the files analysed and the first file of each.
func (res *codeResult) describe(pkgs []*packages.Package, root string) {
	for _, p := range pkgs {
		if len(p.CompiledGoFiles) == 0 {
			continue // a pattern that matched nothing, reported by packageErrors
		}
		res.packages++
		for _, f := range append(slices.Clip(p.GoFiles), p.CompiledGoFiles...) {
			if rel := relSlash(root, f); !res.load.brokenFiles[rel] {
				res.analysed[rel] = true
			}
		}
		if len(p.GoFiles) > 0 {
			if _, ok := res.firstFile[p.PkgPath]; !ok {
				res.firstFile[p.PkgPath] = relSlash(root, p.GoFiles[0])
			}
		}
	}
}

// relCalls returns c with its paths relative to root.
func relCalls(c rules.Calls, root string) *rules.Calls {
	cc := c
	cc.Sites = slices.Clone(cc.Sites)
	for i := range cc.Sites {
		cc.Sites[i].File = relSlash(root, cc.Sites[i].File)
	}
	cc.Bindings = slices.Clone(cc.Bindings)
	for i := range cc.Bindings {
		cc.Bindings[i].File = relSlash(root, cc.Bindings[i].File)
	}
	cc.Routes = slices.Clone(cc.Routes)
	for i := range cc.Routes {
		cc.Routes[i].File = relSlash(root, cc.Routes[i].File)
	}
	cc.Serves = slices.Clone(cc.Serves)
	for i := range cc.Serves {
		cc.Serves[i].File = relSlash(root, cc.Serves[i].File)
	}
	return &cc
}

// collectCalls gathers the call-site facts of the main module's packages
// (from their entries) and the import graph within the module.
func collectCalls(res *codeResult, roots []*packages.Package, entries map[string]*pkgEntry, root string) {
	res.calls = map[string]*rules.Calls{}
	res.imports = map[string][]string{}
	res.files = map[string]string{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if !inModule(p) {
			return
		}
		path := strings.TrimSuffix(p.PkgPath, "_test")
		if _, ok := res.imports[path]; !ok {
			res.imports[path] = nil
		}
		for imp, ip := range p.Imports {
			if inModule(ip) && !slices.Contains(res.imports[path], imp) {
				res.imports[path] = append(res.imports[path], imp)
			}
		}
		if p.Name == "main" && !slices.Contains(res.mains, path) {
			res.mains = append(res.mains, path)
		}
		if len(p.GoFiles) > 0 {
			res.files[path] = relSlash(root, filepath.Dir(p.GoFiles[0]))
		}
		e := entries[p.ID]
		if e == nil || e.Calls == nil {
			return
		}
		c := e.Calls
		if prev := res.calls[path]; prev != nil {
			// A test variant of the package: keep the larger view (the
			// first met, in packages.Visit's order, of equal ones).
			if len(prev.Sites)+len(prev.Bindings) >= len(c.Sites)+len(c.Bindings) {
				return
			}
		}
		res.calls[path] = c
	})
	for _, imps := range res.imports {
		slices.Sort(imps)
	}
	slices.Sort(res.mains)
}

// runConfig is the configuration of the code rules for a run: the
// wrappers and remote APIs the topology's settings declare.
func runConfig(s *graph.Settings) (*rules.Config, error) {
	c := &rules.Config{System: true}
	if s == nil {
		return c, nil
	}
	for i, w := range s.Wrappers {
		for _, kind := range w.Provides {
			wr := rules.Wrapper{Kind: kind, Func: w.Func}
			if err := wr.Check(); err != nil {
				return nil, inputErrorf("%s: settings.wrappers[%d]: %s: %v", w.Pos, i, wr, err)
			}
			c.Wrappers = append(c.Wrappers, wr)
		}
	}
	for i, r := range s.Remotes {
		rm := rules.Remote{Func: r.Func, Kind: r.Kind, Context: rules.AutoContext, Waits: r.Waits, Bounded: r.Bounded}
		if r.Context != nil {
			rm.Context = *r.Context
		}
		if err := rm.Check(); err != nil {
			return nil, inputErrorf("%s: settings.remotes[%d]: %v", r.Pos, i, err)
		}
		c.Remotes = append(c.Remotes, rm)
	}
	return c, nil
}

// merge adds the result of another module's analysis to c (paths of both
// relative to the same root).
func (c *codeResult) merge(o *codeResult) {
	c.findings = append(c.findings, o.findings...)
	c.load.errors = append(c.load.errors, o.load.errors...)
	c.load.broken = append(c.load.broken, o.load.broken...)
	c.packages += o.packages
	c.whole = c.whole && o.whole
	c.cached = c.cached && o.cached
	c.missed = append(c.missed, o.missed...)
	c.mains = append(c.mains, o.mains...)
	maps.Copy(c.analysed, o.analysed)
	maps.Copy(c.directives, o.directives)
	maps.Copy(c.firstFile, o.firstFile)
	if o.calls != nil {
		if c.calls == nil {
			c.calls, c.imports, c.files = map[string]*rules.Calls{}, map[string][]string{}, map[string]string{}
		}
		maps.Copy(c.calls, o.calls)
		maps.Copy(c.imports, o.imports)
		maps.Copy(c.files, o.files)
	}
	if o.load.brokenFiles != nil {
		if c.load.brokenFiles == nil {
			c.load.brokenFiles = map[string]bool{}
		}
		maps.Copy(c.load.brokenFiles, o.load.brokenFiles)
	}
	slices.Sort(c.load.errors)
	slices.Sort(c.load.broken)
	slices.Sort(c.mains)
}

// checkDeclared reports, as an input error, the functions the topology's
// settings declare (wrappers, remote APIs) that name nothing in the code
// loaded: a typo would otherwise silently declare nothing. When the whole
// module was loaded, a package the code does not import is reported too:
// the declaration cannot apply. pkgs are the packages loaded with types;
// known are the roots of every package of the run (pkgs, or, when only
// the packages the cache missed were loaded, all of them, listed).
func checkDeclared(s *graph.Settings, pkgs, known []*packages.Package, whole bool) error {
	if s == nil || len(s.Wrappers)+len(s.Remotes) == 0 {
		return nil
	}
	byPath := map[string]*packages.Package{}
	packages.Visit(pkgs, nil, func(p *packages.Package) { byPath[p.PkgPath] = p })
	all := map[string]bool{}
	packages.Visit(known, nil, func(p *packages.Package) { all[p.PkgPath] = true })
	paths := sortedKeys(all)
	var errs []string
	check := func(where string, pos graph.Pos, fn string) {
		path, typ, name, err := rules.FuncEntry(fn)
		if err != nil {
			return // reported by runConfig
		}
		p := byPath[path]
		switch {
		case !all[path] && whole:
			msg := fmt.Sprintf("%s: %s: %s: package %s is not part of the code analysed, so this declaration applies to nothing", pos, where, fn, path)
			if n := graph.Nearest(path, paths); n != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", n)
			}
			errs = append(errs, msg)
		case p != nil && p.Types != nil && !rules.FuncResolves(fn, p.Types):
			msg := fmt.Sprintf("%s: %s: %s names no function or method of package %s", pos, where, fn, path)
			if n := graph.Nearest(name, declaredNames(p.Types, typ)); n != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", n)
			}
			errs = append(errs, msg+": check the name, and the receiver ((*T).M for a pointer receiver)")
		}
	}
	for i, w := range s.Wrappers {
		check(fmt.Sprintf("settings.wrappers[%d]", i), w.Pos, w.Func)
	}
	for i, r := range s.Remotes {
		check(fmt.Sprintf("settings.remotes[%d]", i), r.Pos, r.Func)
	}
	if len(errs) > 0 {
		return &InputError{errors.New(strings.Join(errs, "\n"))}
	}
	return nil
}

// outlineDeps returns a parser that keeps only the declarations, not the
// function bodies, of files outside the user's code (the standard library,
// the module cache, vendor directories). Dependencies are still fully
// typed, but their bodies are neither type-checked nor held in memory, and
// the analyzers skip them: faultline models the standard library and the
// libraries it knows by tables. This is the difference between checking a
// large module in a few GB and in a few hundred MB. Config.Deps turns it
// off, for facts about wrappers that live in other modules.
func outlineDeps(modRoot string) func(*token.FileSet, string, []byte) (*ast.File, error) {
	goroot := filepath.Clean(build.Default.GOROOT) + string(filepath.Separator)
	modcache := ""
	if gp := build.Default.GOPATH; gp != "" {
		modcache = filepath.Join(filepath.SplitList(gp)[0], "pkg", "mod") + string(filepath.Separator)
	}
	if mc := os.Getenv("GOMODCACHE"); mc != "" {
		modcache = filepath.Clean(mc) + string(filepath.Separator)
	}
	vendor := filepath.Join(modRoot, "vendor") + string(filepath.Separator)
	return func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
		dep := strings.HasPrefix(filename, goroot) || (modcache != "" && strings.HasPrefix(filename, modcache)) || strings.HasPrefix(filename, vendor)
		if !dep {
			f, err := parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
			if f != nil {
				elideData(f)
			}
			return f, err
		}
		f, err := parser.ParseFile(fset, filename, src, parser.SkipObjectResolution)
		if f != nil {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					fd.Body = nil
				}
			}
			if strings.HasPrefix(filename, goroot) {
				elideInits(f)
			}
			elideData(f)
		}
		return f, err
	}
}

// elideData empties long slice literals made only of basic literals, such
// as the descriptors generated protobuf code embeds as []byte{…}: their
// values never matter to the analysis, and they are the bulk of the syntax
// and type information of generated packages. The literal's type is
// written out and does not depend on its length, so typing is unchanged.
// (Array literals are left alone: their length is their type.)
func elideData(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		cl, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		if at, ok := cl.Type.(*ast.ArrayType); ok && at.Len == nil && len(cl.Elts) > 64 {
			for _, e := range cl.Elts {
				if _, ok := e.(*ast.BasicLit); !ok {
					return true
				}
			}
			cl.Elts = nil
			return false
		}
		return true
	})
}

// elideInits empties the composite literals that initialise package-level
// variables of a file of the standard library (unicode's tables, html's
// entities, the MIME and status tables): package ir never analyses the
// standard library, which faultline models by tables, so the values are
// never read, and typing them is much of what loading costs. The type of
// each literal is written out and stays; an array whose length its
// elements give ([...]T) is left alone.
func elideInits(f *ast.File) {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			for _, v := range spec.(*ast.ValueSpec).Values {
				if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
					v = u.X
				}
				cl, ok := v.(*ast.CompositeLit)
				if !ok || cl.Type == nil {
					continue
				}
				if at, ok := cl.Type.(*ast.ArrayType); ok {
					if _, ok := at.Len.(*ast.Ellipsis); ok {
						continue
					}
				}
				cl.Elts = nil
			}
		}
	}
}

// loadProblems is what could not be loaded or type-checked: the errors to
// print, the user's packages that were not fully analysed, and their files.
type loadProblems struct {
	errors      []string        // "file:line:col: message" (or "pkg: message"), relative to root, sorted
	broken      []string        // import paths of the user's packages that failed, sorted
	brokenFiles map[string]bool // files of those packages, relative to root
}

// packageErrors lists the load and type errors of the user's packages and
// go's own errors about what could not be found (a pattern that matches
// nothing, a missing module or go.sum entry, a replacement directory that
// does not exist), relative to root, without duplicates. Other errors in
// dependencies are not listed: outlined dependencies report imports their
// missing bodies no longer use. A type error "could not import X" is left
// out when go already said why X is missing. dir is the directory go list
// ran in, which its relative positions are relative to.
func packageErrors(pkgs []*packages.Package, dir, root string) loadProblems {
	lp := loadProblems{brokenFiles: map[string]bool{}}
	seen := map[string]bool{}
	missing := map[string]bool{} // packages go could not provide
	add := func(p *packages.Package, e packages.Error) {
		msg := e.Msg
		switch {
		case e.Pos != "" && e.Pos != "-":
			msg = relPos(dir, root, e.Pos) + ": " + msg
		case !strings.Contains(msg, p.PkgPath):
			msg = p.PkgPath + ": " + msg
		}
		if !seen[msg] {
			seen[msg] = true
			lp.errors = append(lp.errors, msg)
		}
	}
	user := func(p *packages.Package) bool {
		if p.Module != nil {
			return p.Module.Main
		}
		return len(p.GoFiles) > 0 && within(p.GoFiles[0], root)
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if e.Kind == packages.ListError && len(p.GoFiles) == 0 && !user(p) {
				missing[p.PkgPath] = true
				add(p, e)
			}
		}
	})
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if !user(p) {
			return
		}
		// Only the package's own errors: IllTyped also says that some
		// dependency has errors, which every outlined dependency has.
		if len(p.Errors) > 0 {
			path := strings.TrimSuffix(p.PkgPath, "_test")
			if !slices.Contains(lp.broken, path) {
				lp.broken = append(lp.broken, path)
			}
			for _, f := range p.CompiledGoFiles {
				lp.brokenFiles[relSlash(root, f)] = true
			}
		}
		for _, e := range p.Errors {
			if imp, ok := couldNotImport(e.Msg); ok && missing[imp] {
				continue // go's own error about imp says why, and how to fix it
			}
			add(p, e)
		}
	})
	slices.Sort(lp.errors)
	slices.Sort(lp.broken)
	return lp
}

// couldNotImport returns X of a type checker's "could not import X (…)".
func couldNotImport(msg string) (string, bool) {
	rest, ok := strings.CutPrefix(msg, "could not import ")
	if !ok {
		return "", false
	}
	imp, _, _ := strings.Cut(rest, " ")
	return imp, true
}

// relPos makes the file of a "file:line:col" position relative to root;
// a relative file is relative to dir.
func relPos(dir, root, pos string) string {
	file, rest := pos, ""
	// Split off ":line" and ":col" from the right; file names may hold colons.
	for range 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 {
			break
		}
		if _, err := strconv.Atoi(file[i+1:]); err != nil {
			break
		}
		file, rest = file[:i], file[i:]+rest
	}
	if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	return relSlash(root, file) + rest
}

// serviceOf returns the topology service implemented by the package, if
// any: its `package` patterns name the package or a parent with "/...".
func serviceOf(g *graph.Graph, pkgPath string) string {
	if g == nil {
		return ""
	}
	pkgPath = strings.TrimSuffix(pkgPath, "_test")
	best, bestLen := "", -1
	for _, n := range g.Nodes {
		for _, pat := range n.Packages {
			if l := matchPattern(pat, pkgPath); l > bestLen {
				best, bestLen = n.Name, l
			}
		}
	}
	return best
}

// matchPattern reports how specifically pattern matches pkg: the length of
// the matched prefix, or -1.
func matchPattern(pattern, pkg string) int {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		if pkg == base || strings.HasPrefix(pkg, base+"/") {
			return len(base)
		}
		return -1
	}
	if pattern == pkg {
		return len(pattern) + 1 // an exact match beats any prefix
	}
	return -1
}

// declaredNames returns the names a function entry could have meant in
// pkg: the methods of type typ (pointer receivers included), or the
// package's functions.
func declaredNames(pkg *types.Package, typ string) []string {
	var out []string
	if typ == "" {
		for _, n := range pkg.Scope().Names() {
			if _, ok := pkg.Scope().Lookup(n).(*types.Func); ok {
				out = append(out, n)
			}
		}
		return out
	}
	tn, ok := pkg.Scope().Lookup(typ).(*types.TypeName)
	if !ok {
		return nil
	}
	ms := types.NewMethodSet(types.NewPointer(tn.Type()))
	for i := range ms.Len() {
		out = append(out, ms.At(i).Obj().Name())
	}
	return out
}
