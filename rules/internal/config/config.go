// Package config carries the configuration of one run to faultline's
// analyzers, so that the analyzers themselves hold no state and can be
// handed to any driver (faultline check, go vet, golangci-lint, nogo) as
// plain values.
//
// Every faultline analyzer requires Analyzer, and reads the run's
// configuration with Of. The template Analyzer yields the empty
// configuration; a driver that has settings makes a configuration analyzer
// for them (With, or WithFlags under go vet) and binds the rules' analyzers
// to it with Bind, which copies the analyzers that require it. The same
// templates then serve runs with different settings, at once or one after
// the other, in one process.
package config

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Config is what a run of the code rules is told.
type Config struct {
	// Wrappers are the team's own protecting functions.
	Wrappers []Wrapper
	// Remotes are the team's own client APIs that leave the process, for
	// the rules to treat as the catalogue's.
	Remotes []Remote
	// Annotate appends " (rule)" to every message, for drivers that print
	// a diagnostic's message but not the analyzer that reported it (go
	// vet).
	Annotate bool
	// System says that the driver joins the code to the whole system and
	// runs the rules' Refine hooks (faultline check, graph, init): rules
	// may then report findings that only the system can confirm, which
	// the hooks keep or drop (ctxdeadline's incoming-context). Under go
	// vet it is false.
	System bool
	// OnPackage, when set, is called (from any goroutine) each time the
	// configuration is handed to a package's analysis: a driver counts
	// the packages analysed with it, for progress.
	OnPackage func()
	// NoNolint turns off golangci-lint's //nolint:faultline and
	// //nolint:RULE comments, which suppress findings by default.
	NoNolint bool
}

// Remote is a function or method of the user's own code (an in-house
// client library) declared to perform a remote operation.
type Remote struct {
	// Func is written as types.Func.FullName writes it, or with "*" for
	// every method of a type whose first parameter is a context:
	// "(*example.com/platform/store.Client).Get", "(*example.com/platform/store.Client).*".
	Func string
	Kind string // what it reaches: http, grpc, sql, redis, …
	// Context is the index of its context.Context parameter (receiver not
	// counted), NoContext when it takes none, or AutoContext: its first
	// context.Context parameter, if any.
	Context int
	Waits   bool // it waits for work by design (a consumer's read)
	Bounded bool // something other than its context bounds it (its own timeout)
}

// The special values of Remote.Context.
const (
	NoContext   = -1
	AutoContext = -2
)

// String writes the remote as an item of the -remotes flag,
// KIND:FUNC[:CONTEXT].
func (r Remote) String() string {
	s := r.Kind + ":" + r.Func
	switch {
	case r.Context >= 0:
		s += ":" + strconv.Itoa(r.Context)
	case r.Context == NoContext:
		s += ":none"
	}
	return s
}

// Check reports whether the remote is well formed.
func (r Remote) Check() error {
	kinds := catalog.KindNames()
	if !slices.Contains(kinds, r.Kind) {
		return fmt.Errorf("unknown kind %q: want one of %s", r.Kind, strings.Join(kinds, ", "))
	}
	if r.Context < AutoContext {
		return fmt.Errorf("context %d: want the index of its context parameter, -1 for none, or nothing", r.Context)
	}
	if _, err := lint.ParseFuncSet([]string{r.Func}); err != nil {
		return err
	}
	return nil
}

// ParseRemotes parses comma-separated KIND:FUNC[:CONTEXT] items, CONTEXT
// the index of the context parameter or "none" (by default the first
// context.Context parameter):
//
//	redis:(*example.com/platform/cache.Client).*,http:example.com/platform/httpx.Do:none
func ParseRemotes(s string) ([]Remote, error) {
	var out []Remote
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		kind, rest, ok := strings.Cut(item, ":")
		if !ok {
			return nil, fmt.Errorf("remote %q: want KIND:FUNC[:CONTEXT], e.g. redis:(*example.com/platform/cache.Client).Get", item)
		}
		r := Remote{Kind: strings.TrimSpace(kind), Func: strings.TrimSpace(rest), Context: AutoContext}
		if i := strings.LastIndexByte(r.Func, ':'); i >= 0 && !strings.Contains(r.Func[i:], ")") && !strings.Contains(r.Func[i:], "/") {
			switch c := r.Func[i+1:]; c {
			case "none":
				r.Context = NoContext
			default:
				n, err := strconv.Atoi(c)
				if err != nil || n < 0 {
					return nil, fmt.Errorf("remote %q: context %q: want the index of the context parameter or none", item, c)
				}
				r.Context = n
			}
			r.Func = r.Func[:i]
		}
		if err := r.Check(); err != nil {
			return nil, fmt.Errorf("remote %q: %v", item, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// AnnotateMessages reports Annotate, for package lint's reporter.
func (c *Config) AnnotateMessages() bool { return c.Annotate }

// IgnoreNolint reports whether //nolint comments are to be ignored.
func (c *Config) IgnoreNolint() bool { return c.NoNolint }

// Wrapper is a function of the user's own code declared to protect the
// calls made inside the function values it is given, or the requests sent
// through the client, transport, interceptor or dial option it returns.
type Wrapper struct {
	Kind string // breaker, retry or timeout
	Func string // as types.Func.FullName writes it: "example.com/platform/resilience.Do"
}

// String writes the wrapper as an item of the -wrappers flag, KIND:FUNC.
func (w Wrapper) String() string { return w.Kind + ":" + w.Func }

// WrapperKinds are the kinds of protection a wrapper can give.
var WrapperKinds = []string{"breaker", "retry", "timeout"}

// ParseWrappers parses comma-separated KIND:FUNC items, KIND one of
// breaker, retry and timeout, FUNC a function or method as
// types.Func.FullName prints it:
//
//	breaker:example.com/platform/resilience.Do,retry:(*example.com/x.R).Run
//
// Blank items are ignored; the result is sorted, without duplicates. The
// error names the offending item.
func ParseWrappers(s string) ([]Wrapper, error) {
	var out []Wrapper
	for _, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		kind, fn, ok := strings.Cut(item, ":")
		if !ok {
			return nil, fmt.Errorf("wrapper %q: want KIND:FUNC, e.g. breaker:example.com/platform/resilience.Do", item)
		}
		w := Wrapper{Kind: strings.TrimSpace(kind), Func: strings.TrimSpace(fn)}
		if err := w.Check(); err != nil {
			return nil, fmt.Errorf("wrapper %q: %v", item, err)
		}
		out = append(out, w)
	}
	slices.SortFunc(out, func(a, b Wrapper) int { return strings.Compare(a.String(), b.String()) })
	return slices.Compact(out), nil
}

// Check reports whether the wrapper is well formed.
func (w Wrapper) Check() error {
	if !slices.Contains(WrapperKinds, w.Kind) {
		return fmt.Errorf("unknown kind %q: want breaker, retry or timeout", w.Kind)
	}
	if _, err := lint.ParseFuncSet([]string{w.Func}); err != nil {
		return err
	}
	return nil
}

// Analyzer is the template configuration analyzer: it yields an empty
// configuration. The rules' analyzers require it; Bind replaces it.
var Analyzer = With(&Config{})

// With returns a configuration analyzer that yields c.
func With(c *Config) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "faultline",
		Doc:  "the configuration of faultline's rules (faultline internal)",
		Run: func(*analysis.Pass) (any, error) {
			if c.OnPackage != nil {
				c.OnPackage()
			}
			return c, nil
		},
		ResultType:       reflect.TypeFor[*Config](),
		RunDespiteErrors: true,
	}
}

// WithFlags returns a configuration analyzer that yields base with the
// settings of its flags (-wrappers), for go vet, where the only way to
// configure a tool is its command line. Each call makes a new analyzer
// with its own flags.
func WithFlags(base *Config) *analysis.Analyzer {
	var wrappers wrappersFlag
	var remotes remotesFlag
	nolint := !base.NoNolint
	a := With(base)
	a.Flags.Var(&wrappers, "wrappers", "your own protecting functions, comma-separated KIND:FUNC items (KIND: breaker, retry or timeout; FUNC: pkg/path.Func or (*pkg/path.Type).Method)")
	a.Flags.Var(&remotes, "remotes", "your own client APIs that leave the process, comma-separated KIND:FUNC[:CONTEXT] items (KIND: http, grpc, sql, redis, …; FUNC: pkg/path.Func, (*pkg/path.Type).Method or (*pkg/path.Type).*; CONTEXT: the index of the context parameter, or none)")
	a.Flags.BoolVar(&nolint, "nolint", nolint, "honour golangci-lint's //nolint:faultline and //nolint:RULE comments")
	a.Run = func(*analysis.Pass) (any, error) {
		c := *base
		c.NoNolint = !nolint
		c.Wrappers = append(slices.Clone(base.Wrappers), wrappers...)
		c.Remotes = append(slices.Clone(base.Remotes), remotes...)
		return &c, nil
	}
	return a
}

type remotesFlag []Remote

func (f *remotesFlag) String() string {
	var items []string
	for _, r := range *f {
		items = append(items, r.String())
	}
	return strings.Join(items, ",")
}

func (f *remotesFlag) Set(s string) error {
	rs, err := ParseRemotes(s)
	if err != nil {
		return err
	}
	*f = rs
	return nil
}

type wrappersFlag []Wrapper

func (f *wrappersFlag) String() string {
	var items []string
	for _, w := range *f {
		items = append(items, w.String())
	}
	return strings.Join(items, ",")
}

func (f *wrappersFlag) Set(s string) error {
	ws, err := ParseWrappers(s)
	if err != nil {
		return err
	}
	*f = ws
	return nil
}

// Of returns the configuration of the run pass belongs to. The pass's
// analyzer must require Analyzer (or the analyzer Bind put in its place).
func Of(pass *analysis.Pass) *Config {
	for _, r := range pass.ResultOf {
		if c, ok := r.(*Config); ok {
			return c
		}
	}
	panic(fmt.Sprintf("analyzer %s does not require config.Analyzer", pass.Analyzer.Name))
}

// Bind returns copies of the analyzers as in which conf stands for
// Analyzer, wherever they require it, directly or through other
// analyzers. Analyzers that do not depend on it are returned as they are;
// one that several others require is copied once, so the driver still runs
// it once per package. The templates are not changed.
func Bind(as []*analysis.Analyzer, conf *analysis.Analyzer) []*analysis.Analyzer {
	b := binder{conf: conf, copies: map[*analysis.Analyzer]*analysis.Analyzer{Analyzer: conf}}
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		out[i] = b.bind(a)
	}
	return out
}

type binder struct {
	conf   *analysis.Analyzer
	copies map[*analysis.Analyzer]*analysis.Analyzer
}

func (b *binder) bind(a *analysis.Analyzer) *analysis.Analyzer {
	if c, ok := b.copies[a]; ok {
		return c
	}
	reqs := make([]*analysis.Analyzer, len(a.Requires))
	changed := false
	for i, r := range a.Requires {
		reqs[i] = b.bind(r)
		changed = changed || reqs[i] != r
	}
	if !changed {
		b.copies[a] = a
		return a
	}
	c := *a // the flag set is shared with the template, as go vet names it
	c.Requires = reqs
	b.copies[a] = &c
	return &c
}
