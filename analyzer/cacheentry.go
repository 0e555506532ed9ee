package analyzer

import (
	"bytes"
	"encoding/gob"
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// pkgEntry is what the analysis of one package gives the rest of the
// engine, in a form that outlives the package: the result cache stores
// it, and a run builds its codeResult from the entries of its packages
// (buildCode) whether it analysed them or read them from the cache, so
// that a warm run's output is the cold run's, byte for byte.
type pkgEntry struct {
	ID string // the package's, checked on reading
	// Findings and Suppressed hold the findings of each rule (by name) on
	// the package, converted, in the order the analyzer reported them,
	// before the run removes duplicates; nil for a "dep" entry.
	Findings   map[string][]cachedFinding
	Suppressed map[string][]cachedFinding
	// Directives are the //faultline:ignore (and //nolint) comments of the
	// package's files.
	Directives []cachedDirective
	// Calls is the package's call-site fact with paths relative to the
	// root; nil when it has none (or the run needs none).
	Calls *rules.Calls
}

// cachedFinding is a Finding of a code rule before the run's last steps,
// with the fields only the engine sees. The service is not kept: it
// depends on the topology, and buildCode finds it again.
type cachedFinding struct {
	Rule        string
	Severity    rules.Severity
	Message     string
	File        string
	Line        int
	Column      int
	Related     []Related
	Suppression *Suppression
	Subject     string
	Category    string
	Sites       []graph.Pos
	Via         string
	Pkg         string
	Fix         *Fix
}

func cacheFinding(f Finding) cachedFinding {
	return cachedFinding{
		Rule: f.Rule, Severity: f.Severity, Message: f.Message, File: f.File, Line: f.Line, Column: f.Column,
		Related: f.Related, Suppression: f.Suppression, Subject: f.subject, Category: f.category,
		Sites: f.sites, Via: f.via, Pkg: f.pkg, Fix: f.fix,
	}
}

func (c *cachedFinding) finding(g *graph.Graph) Finding {
	return Finding{
		Rule: c.Rule, Severity: c.Severity, Message: c.Message, File: c.File, Line: c.Line, Column: c.Column,
		Service: serviceOf(g, c.Pkg), Related: slices.Clone(c.Related), Suppression: c.Suppression,
		subject: c.Subject, category: c.Category, sites: c.Sites, via: c.Via, pkg: c.Pkg, fix: c.Fix,
	}
}

// cachedDirective is a directive with its file relative to the root and
// its offset in the file (what tells two apart) in place of a token.Pos.
type cachedDirective struct {
	File    string // relative to the root
	Offset  int
	Line    int
	Rules   []string
	Reason  string
	Nolint  bool
	EndLine int
}

func (d cachedDirective) directive() rules.Directive {
	return rules.Directive{File: d.File, Line: d.Line, Rules: d.Rules, Reason: d.Reason, Nolint: d.Nolint, EndLine: d.EndLine}
}

func encodeEntry(e *pkgEntry) ([]byte, error) {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(e); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func decodeEntry(data []byte) (*pkgEntry, error) {
	var e pkgEntry
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&e); err != nil {
		return nil, err
	}
	return &e, nil
}

// buildCode completes res from the entries of the packages (by ID) of a
// load whose roots are pkgs: the findings of each rule (ruleNames, in the
// order the analyzers ran) with duplicates removed and occurrences
// numbered, the directives, and, when wantCalls, the call sites and the
// module's import graph.
func buildCode(res *codeResult, pkgs []*packages.Package, entries map[string]*pkgEntry, ruleNames []string, g *graph.Graph, root string, wantCalls bool) {
	type dirKey struct {
		file   string
		offset int
	}
	seenDir := map[dirKey]bool{}
	for _, p := range pkgs {
		e := entries[p.ID]
		if e == nil {
			continue
		}
		for _, d := range e.Directives {
			if k := (dirKey{d.File, d.Offset}); !seenDir[k] {
				seenDir[k] = true
				res.directives[d.File] = append(res.directives[d.File], d.directive())
			}
		}
	}
	seen := map[string]bool{} // test variants repeat the package's own files
	for _, name := range ruleNames {
		for _, p := range pkgs {
			e := entries[p.ID]
			if e == nil {
				continue
			}
			for i := range e.Findings[name] {
				f := e.Findings[name][i].finding(g)
				if key := f.subject + "\x00" + f.Pos(); !seen[key] {
					seen[key] = true
					res.findings = append(res.findings, f)
				}
			}
			for i := range e.Suppressed[name] {
				f := e.Suppressed[name][i].finding(g)
				if key := f.subject + "\x00" + f.Pos() + "\x00s"; !seen[key] {
					seen[key] = true
					res.findings = append(res.findings, f)
				}
			}
		}
	}
	numberOccurrences(res.findings)
	if wantCalls {
		collectCalls(res, pkgs, entries, root)
	}
}

// inModule reports whether p belongs to the main module (and is no test
// binary's synthesized main package).
func inModule(p *packages.Package) bool {
	return p.Module != nil && p.Module.Main && !strings.HasSuffix(p.ID, ".test")
}
