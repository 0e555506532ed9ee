// Package analyzer is faultline's engine. It loads the Go packages and the
// CUE topology of a system, runs the code rules over the packages (with the
// go/packages-based checker, so facts flow between packages), builds the
// system graph, runs the graph rules over it, applies suppressions and
// returns the findings, sorted and fingerprinted.
//
// The engine decides nothing about output or exit codes: printers in
// analyzer/report write findings, and the command line decides what they
// mean for the build.
package analyzer

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// Config says what to analyse.
type Config struct {
	// Dir is the directory to work in: package patterns and relative paths
	// are resolved against it. Empty means the current directory.
	Dir string
	// Patterns are Go package patterns; empty means ./... .
	Patterns []string
	// Tests includes _test.go files in the analysis.
	Tests bool
	// Deps analyses the code of dependencies too (their function bodies),
	// so that facts about wrappers in other modules reach the user's code.
	// Off by default: it costs several times the time and memory.
	Deps bool
	// Topology is a .cue file or a directory holding the topology. Empty
	// means: look for topology.cue or a faultline/ directory at the module
	// root (or in Dir outside a module), and run without a topology when
	// there is none.
	Topology string
	// NoCode analyses the topology alone, even inside a module.
	NoCode bool
	// NoTopology ignores any topology: the graph comes from the code alone.
	NoTopology bool
	// Graph asks for the system graph even when no graph rule runs
	// (faultline graph, faultline init).
	Graph bool
	// Enable, when not empty, restricts the run to these rules; Disable
	// switches rules off. Names are checked against the catalogue.
	Enable, Disable []string
	// Modules, at a directory that holds several modules and belongs to
	// none, limits the run to these module directories (relative to Dir);
	// empty means every module below Dir.
	Modules []string
	// NoRules runs no rule at all: the run builds the system graph only
	// (faultline init). It implies Graph.
	NoRules bool
	// TopologyTimeout and TopologyMemory bound the time and the memory
	// the topology's evaluation may take (zero: the defaults of package
	// topology, 1 minute and 4 GiB; negative: no limit).
	TopologyTimeout time.Duration
	TopologyMemory  int64
	// Safe runs the go command for code that is not trusted: no cgo (which
	// runs the C compiler and pkg-config), no toolchain download for a
	// go.mod's toolchain line, and no change to go.mod or go.sum. See the
	// README's "Analysing code you do not trust".
	Safe bool
	// ConfigFile is the configuration file (settings only, the topology's
	// schema). Empty means: faultline.cue or .faultline.cue at the module
	// root (or in Dir outside a module), if there is one.
	ConfigFile string
	// NoNolint ignores golangci-lint's //nolint:faultline and
	// //nolint:RULE comments, which otherwise suppress findings on their
	// line (or the declaration or statement below them).
	NoNolint bool
	// Manifests are deployment manifests (files, or directories searched
	// for .yaml and .yml files; relative to Dir): Kubernetes YAML, the
	// output of helm template or kustomize build, docker-compose files.
	// What they say of replicas, zones and public routes is applied to the
	// graph (see package graph/manifest and applyManifests).
	Manifests []string

	// Cache, when set, keeps the results of the code rules per package
	// between runs (see Cache); nil analyses everything every time.
	Cache *Cache

	// Progress, when set, is told what the run is doing, from any
	// goroutine: a driver may show it (faultline on a terminal).
	Progress func(Progress)

	// settings are the run's settings: the topology's and the
	// configuration file's, merged (Run sets them).
	settings *graph.Settings
}

// Progress is what a run is doing: Phase "topology" (evaluating it),
// "loading" (the packages of a module), "analysing" (Done of Total
// packages, dependencies included), "system" (joining the code to the
// topology and running the graph rules). Module and Modules are set when
// the run covers several modules.
type Progress struct {
	Phase       string
	Done, Total int
	Module      string
	ModuleIndex int // 1-based
	Modules     int
}

// progress reports p when the run asked for progress.
func (c *Config) progress(p Progress) {
	if c.Progress != nil {
		c.Progress(p)
	}
}

// Finding is one problem found, in the form every printer writes.
type Finding struct {
	Rule     string         `json:"rule"`
	Severity rules.Severity `json:"severity"`
	Message  string         `json:"message"` // the headline: what is wrong and where it leads
	// Detail is the whole message, with the why and the fix, when the
	// headline leaves part of it out.
	Detail  string   `json:"detail,omitempty"`
	File    string   `json:"file,omitempty"` // relative to Result.Root, forward slashes
	Line    int      `json:"line,omitempty"`
	Column  int      `json:"column,omitempty"`
	Service string   `json:"service,omitempty"`
	Target  string   `json:"target,omitempty"`
	Path    []string `json:"path,omitempty"`
	// Entrypoints lists every entrypoint the finding concerns when there
	// may be many (the blast radius of a single point of failure); the
	// message names a few.
	Entrypoints []string `json:"entrypoints,omitempty"`
	// Fingerprint identifies the finding independently of line numbers: it
	// is derived from the rule and the finding's subject.
	Fingerprint string    `json:"fingerprint"`
	Related     []Related `json:"related,omitempty"`
	// Suppression is set when a directive, an attribute or a settings
	// entry silenced the finding. Suppressed findings never fail a build;
	// SARIF shows them as suppressed.
	Suppression *Suppression `json:"suppression,omitempty"`

	subject  string      // fingerprint input
	category string      // the diagnostic's category, for Refine
	sites    []graph.Pos // every call the finding concerns, for Refine
	via      string      // the remote method its context enters through, for Refine
	pkg      string      // the Go package of a code finding; "" for a graph finding
	entry    string      // the entrypoint a graph finding concerns, for suppressions
	fix      *Fix        // the rule's suggested fix, if it has one
}

// Fix is a finding's suggested fix: edits of Go files, to apply together.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces the bytes [Start, End) of File (an absolute path) with
// New.
type Edit struct {
	File       string
	Start, End int
	New        string
}

// Full returns the finding's whole message: its Detail, or its headline
// when that is all there is.
func (f *Finding) Full() string { return cmp.Or(f.Detail, f.Message) }

// Fix returns the finding's suggested fix, or nil.
func (f *Finding) Fix() *Fix { return f.fix }

// Related is a further location of a finding: a node of a path, a call site.
type Related struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// Suppression records why a finding is suppressed.
type Suppression struct {
	Kind   string `json:"kind"` // "inSource" (a directive or attribute) or "external" (settings.ignore)
	Reason string `json:"reason"`
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
}

// Pos returns the finding's position as file:line:col.
func (f *Finding) Pos() string {
	return graph.Pos{File: f.File, Line: f.Line, Col: f.Column}.String()
}

// Result is the outcome of a run.
type Result struct {
	// Root is the directory file paths are relative to: the module root,
	// or the topology's directory in topology-only mode.
	Root string
	// Module is the main module's path; empty in topology-only mode.
	Module string
	// Findings holds every finding, suppressed ones included, sorted by
	// position, then rule, then message.
	Findings []Finding
	// Graph is the system graph the graph rules ran on; nil when there was
	// neither a topology nor code to build one from.
	Graph *graph.Graph
	// Topology is the topology file or directory used, relative to Root;
	// empty when none.
	Topology string
	// Rules are the rules that ran.
	Rules []*rules.Rule
	// PackageErrors lists packages that could not be loaded or type
	// checked, as "file:line:col: message" relative to Root. The rest of
	// the code was still analysed.
	PackageErrors []string
	// Warnings are problems that did not stop the analysis and are not
	// findings, one sentence each (an empty topology file).
	Warnings []string
	// Unanalysed lists the import paths of the user's packages that could
	// not be loaded or type-checked: their findings may be missing.
	Unanalysed []string
	// TopologyError is set when the topology could not be loaded but the
	// code could still be checked: the findings are the code rules' only,
	// and the run is an input error (exit 2) all the same.
	TopologyError error
	// Packages is the number of packages analysed.
	Packages int
	// Cached says that the code rules' results all came from the result
	// cache (Config.Cache): no package was loaded or analysed.
	Cached bool
	// Services is the number of services (main packages) found in the code.
	Services int
	// Modules are the Go modules analysed, relative to Root, when the run
	// covers several (a directory outside any module, or a go.work root).
	Modules []string
	// Config is the configuration file used, relative to Root; empty when
	// none.
	Config string
	// Excluded is the number of findings dropped because their file lies
	// in a path settings.exclude names.
	Excluded int

	settings *graph.Settings
	// Groups are the findings one problem upstream causes across
	// services (a request context with no deadline that reaches calls in
	// several services), one per problem, in the order of their tops.
	Groups []Group
	// Manifests are the deployment manifest files read (-manifests),
	// relative to Root.
	Manifests []string

	analysed    map[string]bool // Go files of the packages analysed in full, relative to Root
	cacheMissed []string        // the packages the cache had no entry for, for tests
}

// Checked reports whether this run could have found a finding of rule in
// file (relative to Root): the rule ran, and the file is a Go file of a
// package that was loaded and analysed, or a topology file of a topology
// that loaded. A baseline entry that was not checked is neither stale nor
// to be pruned: a package that fails to build, a narrower package pattern
// or a broken topology must not make accepted findings look fixed.
func (r *Result) Checked(rule, file string) bool {
	if !slices.ContainsFunc(r.Rules, func(x *rules.Rule) bool { return x.Name == rule }) {
		return false
	}
	if strings.HasSuffix(file, ".go") {
		return r.analysed[file] && !excluded(r.settings, file)
	}
	return r.TopologyError == nil
}

// InputError is a problem with the input (flags, topology, packages) that
// stops the analysis: the command line's exit code 2.
type InputError struct {
	Err error
}

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

func inputErrorf(format string, args ...any) error {
	return &InputError{fmt.Errorf(format, args...)}
}

// Run analyses what cfg describes.
func Run(cfg Config) (*Result, error) {
	dir, err := filepath.Abs(cmp.Or(cfg.Dir, "."))
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, inputErrorf("%s is not a directory", cmp.Or(cfg.Dir, "."))
	}
	enabled, err := Select(cfg.Enable, cfg.Disable)
	if err != nil {
		return nil, err
	}
	if cfg.NoRules {
		enabled, cfg.Graph = nil, true
	}

	env := goEnv(cfg.Safe)
	modRoot, modPath, gowork, err := findModule(dir, env)
	if err != nil {
		return nil, err
	}
	// Outside a module, the modules below dir (or the go.work workspace's)
	// are one system: each is analysed in turn and their results merged.
	var modules []string
	if modRoot == "" && !cfg.NoCode {
		if modules, err = findModules(dir, gowork, env); err != nil {
			return nil, err
		}
		if modules, err = selectModules(dir, modules, cfg.Modules); err != nil {
			return nil, err
		}
		switch {
		case len(modules) == 0 && gowork != "":
			return nil, inputErrorf("%s is in the go.work workspace %s but in none of its modules, and none of them lies below it: run faultline at the workspace's root, or in one of its modules", dir, gowork)
		case len(modules) > 0 && len(cfg.Patterns) > 0 && !slices.Equal(cfg.Patterns, []string{"./..."}):
			return nil, inputErrorf("%s holds %d Go modules and belongs to none: package patterns apply within one module; give none to check every package of every module, or run in one module (-C DIR)", dir, len(modules))
		}
	}
	if modRoot != "" && len(cfg.Modules) > 0 {
		return nil, inputErrorf("-modules applies at a directory that holds several modules and belongs to none; %s is in the module at %s", dir, modRoot)
	}
	inCode := modRoot != "" || len(modules) > 0
	res := &Result{Root: cmp.Or(modRoot, dir), Module: modPath, Modules: relAll(dir, modules)}

	// The topology first: its errors are cheap to find and stop the run.
	topoPath, err := findTopology(dir, modRoot, cfg.Topology)
	if err != nil {
		return nil, err
	}
	if cfg.NoTopology {
		topoPath = ""
	}
	var g *graph.Graph
	if topoPath != "" {
		if modRoot == "" && len(modules) == 0 || modRoot != "" && !within(topoPath, modRoot) {
			res.Root = topoDir(topoPath)
		}
		cfg.progress(Progress{Phase: "topology"})
		g, err = loadTopology(topoPath, res.Root, cfg)
		var ie *InputError
		switch {
		case err == nil && declaresNothing(g) && (cfg.Topology != "" || !inCode):
			return nil, inputErrorf("%s declares nothing: describe the system's services in it (faultline init writes a start), or leave -topology out to check the code alone", relSlash(dir, topoPath))
		case err == nil && declaresNothing(g):
			res.Warnings = append(res.Warnings, relSlash(dir, topoPath)+" declares nothing: the graph comes from the code alone; describe the system's services in it (faultline init writes a start), or delete it")
			g, topoPath, res.Root = nil, "", cmp.Or(modRoot, dir)
		case err == nil:
			res.Topology = relSlash(res.Root, topoPath)
		case errors.As(err, &ie) && inCode && !cfg.NoCode && !cfg.Graph && !tooExpensive(err):
			// The code is still checked: its findings are reported next
			// to the topology's errors, and the run exits 2. The graph
			// rules need the topology, so they do not run.
			res.TopologyError = err
			res.Root = cmp.Or(modRoot, dir)
		default:
			return nil, err
		}
	}
	// The configuration file's settings join the topology's.
	confPath, err := findConfig(dir, cmp.Or(modRoot, dir), cfg.ConfigFile)
	if err != nil {
		return nil, err
	}
	var settings *graph.Settings
	if g != nil {
		settings = &g.Settings
	}
	if confPath != "" {
		conf, err := loadConfig(confPath, res.Root, cfg)
		if err != nil {
			return nil, err
		}
		if settings, err = mergeSettings(settings, conf); err != nil {
			return nil, err
		}
		res.Config = relSlash(res.Root, confPath)
	}
	if settings != nil {
		if err := checkSettingsRules(settings); err != nil {
			return nil, err
		}
		if g != nil {
			g.Settings = *settings
		}
		enabled = selectBySettings(enabled, settings, cfg)
	}
	cfg.settings, res.settings = settings, settings
	manifests, err := loadManifests(dir, res.Root, cfg.Manifests)
	if err != nil {
		return nil, err
	}
	res.Manifests = manifests.Files()
	res.Rules = enabled
	if res.TopologyError != nil {
		res.Rules = slices.DeleteFunc(slices.Clone(enabled), func(r *rules.Rule) bool { return r.Analyzer == nil })
	}

	// The graph rules need the call sites of the code: the topology's edges
	// are checked against them, and without a topology they are the graph.
	wantCalls := res.TopologyError == nil && (cfg.Graph || slices.ContainsFunc(enabled, func(r *rules.Rule) bool { return r.Check != nil }))
	var code *codeResult
	if inCode && !cfg.NoCode {
		if modRoot != "" {
			code, err = analyzeCode(dir, modRoot, modRoot, false, cfg, res.Rules, g, wantCalls)
		} else {
			code, err = analyzeModules(dir, modules, cfg, res.Rules, g, wantCalls)
		}
		if err != nil {
			return nil, err
		}
		res.Findings = append(res.Findings, code.findings...)
		res.PackageErrors = code.load.errors
		res.Unanalysed = code.load.broken
		res.analysed = code.analysed
		res.Packages = code.packages
		res.Cached, res.cacheMissed = code.cached, code.missed
		if wantCalls {
			cfg.progress(Progress{Phase: "system"})
			jr, err := joinCode(g, code)
			if err != nil {
				return nil, err
			}
			if len(jr.graph.Nodes) > 0 {
				g = jr.graph
				if settings != nil {
					g.Settings = *settings
				}
			}
			res.Services = len(jr.services)
			attributeServices(res.Findings, jr.services)
		}
	} else if topoPath == "" {
		if !inCode {
			return nil, inputErrorf("%s is not in a Go module, holds none, and has no topology: run faultline inside a module or at a directory that holds modules, or give -topology FILE", dir)
		}
	}

	if g != nil && manifests != nil {
		res.Warnings = append(res.Warnings, applyManifests(g, manifests).warnings...)
	}
	if g != nil {
		res.Graph = g
		res.Findings, res.Groups = refineGroups(res.Findings, res.Rules, g)
		res.Findings = append(res.Findings, runGraphRules(res.Rules, g)...)
		sup := newSuppressor(g, code, res.Root, res.Rules)
		for i := range res.Findings {
			sup.apply(&res.Findings[i])
		}
		res.Findings = mergeSame(res.Findings, res.Rules)
		res.Findings = append(res.Findings, runAudits(res.Rules, g, sup)...)
	}

	res.Findings, res.Excluded = applyFindingSettings(res.Findings, settings)
	for i := range res.Findings {
		f := &res.Findings[i]
		f.Fingerprint = fingerprint(f.Rule, f.subject)
		if h := headline(f.Message); h != f.Message && h != "" {
			f.Message, f.Detail = h, f.Message
		}
	}
	sortFindings(res.Findings)
	return res, nil
}

// Select returns the rules to run: all of them, or only enable when it is
// not empty, minus disable. Unknown names are input errors with a
// suggestion.
func Select(enable, disable []string) ([]*rules.Rule, error) {
	check := func(names []string) error {
		for _, n := range names {
			if rules.Lookup(n) == nil {
				msg := fmt.Sprintf("unknown rule %q", n)
				if s := rules.Nearest(n); s != "" {
					msg += fmt.Sprintf(" (did you mean %s?)", s)
				}
				return &InputError{errors.New(msg + "; `faultline rules` lists them")}
			}
		}
		return nil
	}
	if err := check(enable); err != nil {
		return nil, err
	}
	if err := check(disable); err != nil {
		return nil, err
	}
	var out []*rules.Rule
	for _, r := range rules.All() {
		if len(enable) > 0 && !slices.Contains(enable, r.Name) {
			continue
		}
		if slices.Contains(disable, r.Name) {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}

// analyzeModules analyses each module in turn, with paths relative to
// root, and merges the results: only what the join and the report need of
// each module is kept, so memory grows with the largest module, not with
// their number.
func analyzeModules(root string, modules []string, cfg Config, enabled []*rules.Rule, g *graph.Graph, wantCalls bool) (*codeResult, error) {
	var all *codeResult
	for i, m := range modules {
		mcfg := cfg
		mcfg.Patterns = nil
		if p := cfg.Progress; p != nil {
			mod := Progress{Module: relSlash(root, m), ModuleIndex: i + 1, Modules: len(modules)}
			mcfg.Progress = func(q Progress) {
				q.Module, q.ModuleIndex, q.Modules = mod.Module, mod.ModuleIndex, mod.Modules
				p(q)
			}
		}
		c, err := analyzeCode(m, m, root, true, mcfg, enabled, g, wantCalls)
		if err != nil {
			var ie *InputError
			if errors.As(err, &ie) {
				return nil, inputErrorf("module %s: %v", relSlash(root, m), ie.Err)
			}
			return nil, fmt.Errorf("module %s: %w", relSlash(root, m), err)
		}
		if all == nil {
			all = c
		} else {
			all.merge(c)
		}
	}
	return all, nil
}

// selectModules keeps the modules named by want (directories relative to
// dir); a name that is no module found there is an input error listing
// those that are.
func selectModules(dir string, found, want []string) ([]string, error) {
	if len(want) == 0 {
		return found, nil
	}
	var out []string
	for _, w := range want {
		m := filepath.Clean(filepath.Join(dir, w))
		if !slices.Contains(found, m) {
			return nil, inputErrorf("-modules: %s is not a module below %s; the modules are: %s", w, dir, strings.Join(relAll(dir, found), ", "))
		}
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	slices.Sort(out)
	return out, nil
}

// relAll returns paths relative to root, slashed.
func relAll(root string, paths []string) []string {
	var out []string
	for _, p := range paths {
		out = append(out, relSlash(root, p))
	}
	return out
}

// within reports whether path is dir or below it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// relSlash returns path relative to root with forward slashes, or path
// itself (slashed) when it is not below root.
func relSlash(root, path string) string {
	if rel, err := filepath.Rel(root, path); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(path)
}
