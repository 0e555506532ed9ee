package analyzer

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"go/build"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/faultline-dev/faultline/rules"
)

// This file computes the keys of the result cache, without type-checking
// anything: `go list` (packages.Load without syntax or types) says which
// files make up each package and what it imports, and a package's key
// hashes
//
//   - the run's key (cacheRunKey): the identity of the faultline program
//     (the SHA-256 of its executable), the Go version faultline was built
//     with and that of the toolchain listing the packages, the build
//     environment (GOOS, GOARCH, GOFLAGS with its build tags,
//     CGO_ENABLED, GOEXPERIMENT, GOROOT, GOMODCACHE, …), -tests, -deps,
//     -safe, the rules that run and everything of the configuration that
//     reaches them (wrappers, remote APIs, //nolint handling), and the
//     directories the paths in results are relative to;
//   - the package: its ID, path, name and module (path, version, Go
//     version, main or not), the names and contents of its files (Go,
//     compiled Go, other and embedded files);
//   - the keys of the packages it imports, so that a change in any
//     dependency, however deep, changes the key.
//
// Files in the module cache are immutable (their path names the module's
// version, which go.sum pins) and files of a released Go's GOROOT belong
// to its version: their paths stand for their contents, which are not
// read. Every other file is read and hashed.

// cacheRunKey is what of a run reaches the analysis of every package.
type cacheRunKey struct {
	Format  string
	Exe     string            // SHA-256 of the faultline executable
	Runtime string            // runtime.Version()
	GoEnv   map[string]string // go env of the toolchain that lists the packages
	Env     map[string]string // what the process itself reads (outlineDeps, go/packages)

	Dir, ModRoot, Root string // absolute: positions and fixes name files
	Tests, Deps, Safe  bool
	CheckWhole         bool // checkDeclared's whole-module check
	WantCalls          bool // the call sites for the system graph
	Rules              []string
	Config             struct {
		Wrappers []rules.Wrapper
		Remotes  []rules.Remote
		NoNolint bool
		System   bool
		Annotate bool
	}
}

// goEnvVars are the go env variables a run's key includes.
var goEnvVars = []string{"GOVERSION", "GOROOT", "GOMODCACHE", "GOOS", "GOARCH", "GOFLAGS", "CGO_ENABLED", "GOEXPERIMENT", "GOAMD64", "GOARM", "GOARM64", "GO386", "GOWORK", "GOTOOLCHAIN"}

// readGoEnv runs go env for the variables of a key.
func readGoEnv(dir string, env []string) (map[string]string, error) {
	cmd := exec.Command("go", append([]string{"env", "-json"}, goEnvVars...)...)
	cmd.Dir, cmd.Env = dir, env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go env: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	m := map[string]string{}
	if err := json.Unmarshal(out, &m); err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	return m, nil
}

// hash returns the run's key.
func (k *cacheRunKey) hash() [32]byte {
	b, err := json.Marshal(k)
	if err != nil {
		panic(err) // plain data
	}
	return sha256.Sum256(b)
}

// cacheKeys computes the keys of the packages of a cheap load.
type cacheKeys struct {
	run      [32]byte
	modcache string // with a trailing separator; "" when unknown
	goroot   string // likewise, "" when GOROOT's files must be read (a development Go)
	pkgs     map[*packages.Package][32]byte
	fileHash map[string][32]byte
}

func newCacheKeys(run *cacheRunKey) *cacheKeys {
	k := &cacheKeys{run: run.hash(), pkgs: map[*packages.Package][32]byte{}, fileHash: map[string][32]byte{}}
	if mc := run.GoEnv["GOMODCACHE"]; mc != "" {
		k.modcache = filepath.Clean(mc) + string(filepath.Separator)
	}
	if gr := run.GoEnv["GOROOT"]; gr != "" && !strings.HasPrefix(run.GoEnv["GOVERSION"], "devel") {
		k.goroot = filepath.Clean(gr) + string(filepath.Separator)
	}
	return k
}

// files returns every file of p that its key covers.
func keyFiles(p *packages.Package) [][]string {
	return [][]string{p.GoFiles, p.CompiledGoFiles, p.OtherFiles, p.EmbedFiles}
}

// immutable reports whether the file's path stands for its contents.
func (k *cacheKeys) immutable(file string) bool {
	return k.modcache != "" && strings.HasPrefix(file, k.modcache) || k.goroot != "" && strings.HasPrefix(file, k.goroot)
}

// compute hashes the files of every package reachable from roots (in
// parallel), then the packages, dependencies first.
func (k *cacheKeys) compute(roots []*packages.Package) error {
	var todo []string
	seen := map[string]bool{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		for _, list := range keyFiles(p) {
			for _, f := range list {
				if !seen[f] && !k.immutable(f) {
					seen[f] = true
					todo = append(todo, f)
				}
			}
		}
	})
	sums := make([][32]byte, len(todo))
	errs := make([]error, len(todo))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				sums[i], errs[i] = hashFile(todo[i])
			}
		})
	}
	for i := range todo {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, f := range todo {
		if errs[i] != nil {
			return errs[i]
		}
		k.fileHash[f] = sums[i]
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		k.pkgs[p] = k.pkg(p)
	})
	return nil
}

func hashFile(name string) ([32]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return [32]byte{}, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return [32]byte{}, err
	}
	var s [32]byte
	h.Sum(s[:0])
	return s, nil
}

// pkg is the key of p; its dependencies' keys are known.
func (k *cacheKeys) pkg(p *packages.Package) [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "id %q\npath %q\nname %q\n", p.ID, p.PkgPath, p.Name)
	if m := p.Module; m != nil {
		fmt.Fprintf(h, "module %q %q %q main=%v dir=%q\n", m.Path, m.Version, m.GoVersion, m.Main, m.Dir)
		if r := m.Replace; r != nil {
			fmt.Fprintf(h, "replace %q %q %q dir=%q\n", r.Path, r.Version, r.GoVersion, r.Dir)
		}
	}
	for i, list := range keyFiles(p) {
		fmt.Fprintf(h, "files %d %d\n", i, len(list))
		for _, f := range list {
			if s, ok := k.fileHash[f]; ok {
				fmt.Fprintf(h, "%q %x\n", f, s)
			} else {
				fmt.Fprintf(h, "%q\n", f) // immutable
			}
		}
	}
	imps := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		imps = append(imps, path)
	}
	slices.Sort(imps)
	for _, path := range imps {
		dep := k.pkgs[p.Imports[path]]
		fmt.Fprintf(h, "import %q %x\n", path, dep)
	}
	var s [32]byte
	h.Sum(s[:0])
	return s
}

// entry is the key of the cache entry of p in a role ("root": analysed in
// full; "dep": a package of the module that the patterns do not name,
// whose call sites the system graph needs).
func (k *cacheKeys) entry(p *packages.Package, role string) string {
	h := sha256.New()
	pk := k.pkgs[p]
	h.Write(k.run[:])
	h.Write([]byte(role))
	h.Write(pk[:])
	return hex.EncodeToString(h.Sum(nil))
}

// processEnv is what the process reads from its environment that changes
// the load: outlineDeps's directories and go/packages's driver.
func processEnv() map[string]string {
	return map[string]string{
		"build.GOROOT":      build.Default.GOROOT,
		"build.GOPATH":      build.Default.GOPATH,
		"GOMODCACHE":        os.Getenv("GOMODCACHE"),
		"GOPACKAGESDRIVER":  os.Getenv("GOPACKAGESDRIVER"),
		"runtime.GOOS/ARCH": runtime.GOOS + "/" + runtime.GOARCH,
	}
}

// cacheRun is the cache as the analysis of one module uses it: the
// packages listed without types, their keys, and the entries found.
type cacheRun struct {
	c       *Cache
	keys    *cacheKeys
	pkgs    []*packages.Package // the roots, as analyzeCode filters them
	load    loadProblems
	want    map[*packages.Package]string // the entry key each package needs
	entries map[string]*pkgEntry         // by package ID, those found
}

// openCacheRun lists the packages of the patterns, computes their keys
// and reads their entries. It returns nil (no cache for this run) when the
// cache cannot serve it: the listing failed or has errors, which the full
// load reports.
func openCacheRun(cfg Config, dir, modRoot, root string, patterns []string, checkWhole, wantCalls bool, ruleNames []string, conf *rules.Config) (*cacheRun, error) {
	c := cfg.Cache
	exe, err := c.exeIdentity()
	if err != nil {
		return nil, nil // no identity, no cache
	}
	env := goEnv(cfg.Safe)
	goenv, err := readGoEnv(dir, env)
	if err != nil {
		return nil, nil
	}
	run := &cacheRunKey{
		Format: cacheFormat, Exe: exe, Runtime: runtime.Version(), GoEnv: goenv, Env: processEnv(),
		Dir: dir, ModRoot: modRoot, Root: root, Tests: cfg.Tests, Deps: cfg.Deps, Safe: cfg.Safe,
		CheckWhole: checkWhole, WantCalls: wantCalls, Rules: ruleNames,
	}
	run.Config.Wrappers, run.Config.Remotes = conf.Wrappers, conf.Remotes
	run.Config.NoNolint, run.Config.System, run.Config.Annotate = conf.NoNolint, conf.System, conf.Annotate

	const mode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule | packages.NeedEmbedFiles
	pkgs, err := packages.Load(&packages.Config{Mode: mode, Dir: dir, Tests: cfg.Tests, Env: env}, patterns...)
	if err != nil {
		return nil, nil // the full load says why
	}
	pkgs = slices.DeleteFunc(pkgs, func(p *packages.Package) bool { return strings.HasSuffix(p.ID, ".test") })
	if len(pkgs) == 0 {
		return nil, nil
	}
	cr := &cacheRun{c: c, keys: newCacheKeys(run), pkgs: pkgs, want: map[*packages.Package]string{}, entries: map[string]*pkgEntry{}}
	cr.load = packageErrors(pkgs, dir, root)
	listErr := false
	packages.Visit(pkgs, nil, func(p *packages.Package) { listErr = listErr || len(p.Errors) > 0 })
	if listErr || len(cr.load.errors) > 0 {
		return nil, nil
	}
	if err := cr.keys.compute(pkgs); err != nil {
		return nil, nil
	}
	for _, p := range pkgs {
		cr.want[p] = cr.keys.entry(p, "root")
	}
	if wantCalls {
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			if _, ok := cr.want[p]; !ok && inModule(p) {
				cr.want[p] = cr.keys.entry(p, "dep")
			}
		})
	}
	for p, k := range cr.want {
		data := c.get(k)
		if data == nil {
			continue
		}
		e, err := decodeEntry(data)
		if err != nil || e.ID != p.ID {
			continue // recomputed and rewritten
		}
		cr.entries[p.ID] = e
	}
	return cr, nil
}

// missed returns the IDs of the packages whose entries are missing,
// sorted.
func (cr *cacheRun) missed() []string {
	var out []string
	for p := range cr.want {
		if cr.entries[p.ID] == nil {
			out = append(out, p.ID)
		}
	}
	slices.Sort(out)
	return out
}

// store writes the entries of a full analysis of the same packages, then
// trims the cache. Failures to write are not the run's: the next run
// analyses again.
func (cr *cacheRun) store(entries map[string]*pkgEntry) {
	wrote := false
	for p, k := range cr.want {
		if cr.entries[p.ID] != nil {
			continue // it was there already
		}
		e := entries[p.ID]
		if e == nil {
			e = &pkgEntry{ID: p.ID}
		}
		data, err := encodeEntry(e)
		if err != nil {
			continue
		}
		if cr.c.put(k, data) == nil {
			wrote = true
		}
	}
	if wrote {
		_ = cr.c.Trim()
	}
}

// partial reports whether the run should analyse only the root packages
// that missed: some roots hit. A package's key covers its dependencies,
// so the packages that missed are closed under importers: they are the
// edited packages and every package that imports one, however
// indirectly. Loading them loads their dependencies, which the checker
// analyses for facts only, as in a full run; a root's findings depend on
// its files and its dependencies' facts, not on which other packages are
// roots, so its fresh entry is what a full run would give, and the
// entries of the roots that hit stand.
//
// An entry that is missing for another reason (trimmed, corrupt) may
// leave a package of the module that no missed root imports without its
// entry: then the whole run is analysed again.
func (cr *cacheRun) partial() bool {
	var missedRoots []*packages.Package
	for _, p := range cr.pkgs {
		if p.PkgPath == "command-line-arguments" {
			return false // named by its files: no import path to load it by
		}
		if cr.entries[p.ID] == nil {
			missedRoots = append(missedRoots, p)
		}
	}
	if len(missedRoots) == 0 || len(missedRoots) == len(cr.pkgs) {
		return false
	}
	loaded := map[*packages.Package]bool{}
	packages.Visit(missedRoots, nil, func(p *packages.Package) { loaded[p] = true })
	for p := range cr.want {
		if cr.entries[p.ID] == nil && !loaded[p] {
			return false
		}
	}
	return true
}

// missedRoots returns the package patterns that load the root packages
// that missed: their import paths (a test variant's or an external test
// package's is the package's own, which loads them with -tests).
func (cr *cacheRun) missedRoots() []string {
	var out []string
	for _, p := range cr.pkgs {
		if cr.entries[p.ID] != nil {
			continue
		}
		path := p.PkgPath
		if strings.Contains(p.ID, " [") {
			path = strings.TrimSuffix(path, "_test")
		}
		if !slices.Contains(out, path) {
			out = append(out, path)
		}
	}
	return out
}
