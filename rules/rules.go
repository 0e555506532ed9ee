// Package rules is faultline's rule catalogue. Each rule lives in its own
// package under rules/ with its documentation (doc.md), default severity and
// tests; this package lists them.
//
// A rule has a code side, an *analysis.Analyzer that runs under `go vet` and
// `faultline check`, a graph side that reads the system graph, or both.
package rules

import (
	"go/types"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/rules/cascade"
	"github.com/faultline-dev/faultline/rules/ctxdeadline"
	"github.com/faultline-dev/faultline/rules/deephealth"
	"github.com/faultline-dev/faultline/rules/dialtimeout"
	"github.com/faultline-dev/faultline/rules/directive"
	"github.com/faultline-dev/faultline/rules/drift"
	"github.com/faultline-dev/faultline/rules/httptimeout"
	"github.com/faultline-dev/faultline/rules/internal/callsites"
	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/routes"
	"github.com/faultline-dev/faultline/rules/nestedretry"
	"github.com/faultline-dev/faultline/rules/nobreaker"
	"github.com/faultline-dev/faultline/rules/notimeout"
	"github.com/faultline-dev/faultline/rules/queuehygiene"
	"github.com/faultline-dev/faultline/rules/retryamp"
	"github.com/faultline-dev/faultline/rules/retrybackoff"
	"github.com/faultline-dev/faultline/rules/retrybound"
	"github.com/faultline-dev/faultline/rules/servertimeout"
	"github.com/faultline-dev/faultline/rules/sharedfate"
	"github.com/faultline-dev/faultline/rules/softfail"
	"github.com/faultline-dev/faultline/rules/spof"
	"github.com/faultline-dev/faultline/rules/synccycle"
	"github.com/faultline-dev/faultline/rules/timeoutbudget"
	"github.com/faultline-dev/faultline/rules/undeclared"
	"github.com/faultline-dev/faultline/rules/unobserved"
	"github.com/faultline-dev/faultline/rules/unsaferetry"
	"github.com/faultline-dev/faultline/rules/zonespof"
)

// Rule is one entry of the catalogue.
type Rule = lint.Rule

// Severity orders findings for the CI gate.
type Severity = lint.Severity

// The severities, lowest first.
const (
	Note    = lint.Note
	Warning = lint.Warning
	Error   = lint.Error
)

// ParseSeverity parses "note", "warning" or "error".
func ParseSeverity(s string) (Severity, bool) { return lint.ParseSeverity(s) }

// GraphPass and Finding are what graph rules receive and report;
// CodeFinding is what a Refine hook is told of a code rule's finding, and
// Suppressions what an Audit is told of the suppressions used.
type (
	GraphPass    = lint.GraphPass
	GraphShared  = lint.Shared
	Finding      = lint.Finding
	Related      = lint.Related
	CodeFinding  = lint.CodeFinding
	Verdict      = lint.Verdict
	Suppressions = lint.Suppressions
)

// CodeResult is the result of every code rule's analyzer: the diagnostics
// its `//faultline:ignore` directives silenced and the directives used.
type CodeResult = lint.Result

// Directive is a parsed `//faultline:ignore` comment.
type Directive = lint.Directive

// ParseDirectives returns the `//faultline:ignore` comments of a file.
var ParseDirectives = lint.ParseDirectives

// Config is the configuration of a run of the code rules.
type Config = config.Config

// Wrapper is a team's own protecting function, declared in the
// configuration.
type Wrapper = config.Wrapper

// Remote is a team's own client API, declared in the configuration.
type Remote = config.Remote

// The special values of Remote.Context.
const (
	NoContext   = config.NoContext
	AutoContext = config.AutoContext
)

// FuncEntry splits a function written as types.Func.FullName writes it
// ("(*pkg/path.Type).Method", "pkg/path.Func") into its package path, type
// and name.
func FuncEntry(e string) (pkgPath, typ, name string, err error) { return lint.ParseEntry(e) }

// FuncResolves reports whether the function entry e names a function, a
// method or (with "*") a type of pkg.
func FuncResolves(e string, pkg *types.Package) bool { return lint.Resolves(e, pkg) }

// ParseWrappers parses comma-separated KIND:FUNC wrapper items.
func ParseWrappers(s string) ([]Wrapper, error) { return config.ParseWrappers(s) }

// ParseRemotes parses comma-separated KIND:FUNC[:CONTEXT] remote items,
// CONTEXT the index of the context parameter or "none".
func ParseRemotes(s string) ([]Remote, error) { return config.ParseRemotes(s) }

// Bind returns the analyzers as, configured with c: copies of them, where
// they depend on the configuration, so that the catalogue's analyzers stay
// unchanged and runs with different configurations do not meet.
func Bind(as []*analysis.Analyzer, c *Config) []*analysis.Analyzer {
	return config.Bind(as, config.With(c))
}

// VetAnalyzers returns the analyzers `go vet -vettool=faultline` runs: the
// code rules, configured by the -faultline.wrappers flag, with messages
// that end in the rule's name (vet does not print it).
func VetAnalyzers() []*analysis.Analyzer {
	conf := config.WithFlags(&Config{Annotate: true})
	return append(config.Bind(Analyzers(), conf), conf)
}

// Library is one family of client libraries the catalogue models.
type Library = catalog.Library

// Libraries returns the library families faultline models, sorted by name:
// what `faultline libraries` lists.
func Libraries() []*Library { return catalog.Libraries() }

// API is one remote API of a library family.
type API = catalog.API

// What bounds an API's calls besides its context (API.Bound).
const (
	BoundNothing = catalog.Nothing
	BoundOwn     = catalog.Own
	BoundUnknown = catalog.Unknown
)

// CallSites is the analyzer that records outbound calls and the evidence
// of their targets; the engine joins its facts to the topology.
var CallSites = callsites.Analyzer

// The call-site facts.
type (
	// CallKind is the kind of remote operation a call performs: it says
	// which kind of node it reaches (CallKind.NodeKind) and the protocol
	// of its edge (CallKind.Protocol).
	CallKind    = catalog.Kind
	Calls       = callsites.Calls
	CallSite    = callsites.Site
	CallHint    = callsites.Hint
	CallBinding = callsites.Binding
	CallRoute   = callsites.Route
	CallServe   = callsites.Serve
)

// MatchRoute reports whether an HTTP call's path (CallSite.Path) reaches
// a route's path (CallRoute.Path).
var MatchRoute = routes.Match

// HealthLike reports whether a route's path is one an orchestrator, a load
// balancer or a monitor can use to ask whether an instance works.
var HealthLike = routes.HealthLike

// What the code shows of a call's protection.
const (
	CallUnknown = callsites.Unknown
	CallNo      = callsites.No
	CallYes     = callsites.Yes
)

// Hint kinds of call sites.
const (
	HintEnv    = callsites.Env
	HintFlag   = callsites.Flag
	HintHost   = callsites.Host
	HintGRPC   = callsites.GRPC
	HintTopic  = callsites.Topic
	HintDriver = callsites.Driver
	HintParam  = callsites.Param
	HintField  = callsites.Field
)

// NewGraphPass returns a pass of rule r over the graph g.
var NewGraphPass = lint.NewGraphPass

// members lists every rule but directive, which is built from them.
func members() []*Rule {
	return []*Rule{
		servertimeout.Rule,
		ctxdeadline.Rule,
		deephealth.Rule,
		httptimeout.Rule,
		dialtimeout.Rule,
		undeclared.Rule,
		drift.Rule,
		cascade.Rule,
		nobreaker.Rule,
		notimeout.Rule,
		queuehygiene.Rule,
		retryamp.Rule,
		sharedfate.Rule,
		softfail.Rule,
		spof.Rule,
		synccycle.Rule,
		timeoutbudget.Rule,
		unsaferetry.Rule,
		zonespof.Rule,
		retrybackoff.Rule,
		retrybound.Rule,
		nestedretry.Rule,
		unobserved.Rule,
	}
}

var catalogue = sync.OnceValue(func() []*Rule {
	rs := members()
	var code []*analysis.Analyzer
	var names []string
	for _, r := range rs {
		names = append(names, r.Name)
		if r.Analyzer != nil {
			code = append(code, r.Analyzer)
		}
	}
	rs = append(rs, directive.New(code, names))
	slices.SortFunc(rs, func(a, b *Rule) int { return strings.Compare(a.Name, b.Name) })
	return rs
})

// All returns every rule, sorted by name.
func All() []*Rule { return slices.Clone(catalogue()) }

// Lookup returns the named rule, or nil.
func Lookup(name string) *Rule {
	for _, r := range catalogue() {
		if r.Name == name {
			return r
		}
	}
	return nil
}

// Names returns the names of all rules, sorted.
func Names() []string {
	var ns []string
	for _, r := range catalogue() {
		ns = append(ns, r.Name)
	}
	return ns
}

// Analyzers returns the analyzers of the code rules, directive included,
// in catalogue order: what `go vet -vettool=faultline` runs.
func Analyzers() []*analysis.Analyzer {
	var as []*analysis.Analyzer
	for _, r := range catalogue() {
		if r.Analyzer != nil {
			as = append(as, r.Analyzer)
		}
	}
	return as
}

// Clean escapes control characters, invalid UTF-8 and bidirectional
// controls in text taken from analysed code, for printing.
func Clean(s string) string { return lint.Clean(s) }

// ShortFunc shortens a function's full name for messages.
func ShortFunc(fullName string) string { return lint.ShortFunc(fullName) }

// Nearest returns the rule name closest to a misspelt one, or "".
func Nearest(name string) string { return lint.Nearest(name, Names()) }
