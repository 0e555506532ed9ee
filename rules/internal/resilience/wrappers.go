package resilience

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Kind is a set of protections: a circuit breaker, retries, a timeout.
type Kind uint8

// The protections.
const (
	Breaker Kind = 1 << iota
	Retry
	Timeout
)

var kindNames = []struct {
	k    Kind
	name string
}{{Breaker, "breaker"}, {Retry, "retry"}, {Timeout, "timeout"}}

// Has reports whether every protection of o is in k.
func (k Kind) Has(o Kind) bool { return k&o == o && o != 0 }

// String names the protections: "breaker", "retry+timeout", "none".
func (k Kind) String() string {
	var parts []string
	for _, kn := range kindNames {
		if k&kn.k != 0 {
			parts = append(parts, kn.name)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "+")
}

// ParseKind parses "breaker", "retry" or "timeout".
func ParseKind(s string) (Kind, bool) {
	for _, kn := range kindNames {
		if kn.name == s {
			return kn.k, true
		}
	}
	return 0, false
}

// Wrapper is a function of the user's own code declared to protect the
// calls made inside the function values it is given (a parameter of
// function type), or, when it has none, the requests sent through the
// client, transport, interceptor or dial option it returns.
type Wrapper struct {
	Kind Kind
	Func string // types.Func.FullName form: "example.com/platform/resilience.Do"
}

// String writes the wrapper as a -wrappers item, KIND:FUNC.
func (w Wrapper) String() string { return w.Kind.String() + ":" + w.Func }

// ParseWrappers parses the value of a -wrappers flag: comma-separated
// KIND:FUNC items, KIND one of breaker, retry and timeout, FUNC a function
// or method as types.Func.FullName prints it:
//
//	breaker:example.com/platform/resilience.Do,retry:(*example.com/x.R).Run
//
// Blank items are ignored. The error names the offending item.
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
		k, ok := ParseKind(strings.TrimSpace(kind))
		if !ok {
			return nil, fmt.Errorf("wrapper %q: unknown kind %q: want breaker, retry or timeout", item, kind)
		}
		fn = strings.TrimSpace(fn)
		if _, err := lint.ParseFuncSet([]string{fn}); err != nil {
			return nil, fmt.Errorf("wrapper %q: %v", item, err)
		}
		out = append(out, Wrapper{Kind: k, Func: fn})
	}
	return out, nil
}

// WrappersFlag is the value of a rule's -wrappers flag. Every rule that
// uses this package has one; the wrappers declared in any of them apply to
// all, because the facts this package computes are shared. `faultline
// check` gives each the topology's settings.wrappers.
type WrappersFlag struct {
	mu    sync.Mutex
	raw   string
	items []Wrapper
}

var (
	flagsMu sync.Mutex
	flags   []*WrappersFlag
)

// AddWrappersFlag defines the -wrappers flag on fs (an analyzer's Flags).
func AddWrappersFlag(fs *flag.FlagSet) *WrappersFlag {
	f := &WrappersFlag{}
	flagsMu.Lock()
	flags = append(flags, f)
	flagsMu.Unlock()
	fs.Var(f, "wrappers", "your own protecting functions, comma-separated KIND:FUNC items (KIND: breaker, retry or timeout; FUNC: pkg/path.Func or (*pkg/path.Type).Method)")
	return f
}

// String returns the flag's value as set.
func (f *WrappersFlag) String() string {
	if f == nil {
		return ""
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.raw
}

// Set parses and replaces the flag's value.
func (f *WrappersFlag) Set(s string) error {
	items, err := ParseWrappers(s)
	if err != nil {
		return err
	}
	f.mu.Lock()
	f.raw, f.items = s, items
	f.mu.Unlock()
	return nil
}

// declaredWrappers is the union of the wrappers of every -wrappers flag,
// sorted and without duplicates.
func declaredWrappers() []Wrapper {
	flagsMu.Lock()
	defer flagsMu.Unlock()
	var all []Wrapper
	for _, f := range flags {
		f.mu.Lock()
		all = append(all, f.items...)
		f.mu.Unlock()
	}
	slices.SortFunc(all, func(a, b Wrapper) int { return strings.Compare(a.String(), b.String()) })
	return slices.Compact(all)
}

// wrapperSet resolves declared wrappers by object identity.
type wrapperSet struct {
	kinds map[string]Kind // FUNC -> kinds
	set   *lint.FuncSet
}

var (
	wsMu    sync.Mutex
	wsKey   string
	wsCache *wrapperSet
)

// currentWrappers returns the resolved set of the declared wrappers,
// rebuilt when a flag changes.
func currentWrappers() *wrapperSet {
	ws := declaredWrappers()
	var key strings.Builder
	for _, w := range ws {
		key.WriteString(w.String())
		key.WriteByte(',')
	}
	wsMu.Lock()
	defer wsMu.Unlock()
	if wsCache != nil && wsKey == key.String() {
		return wsCache
	}
	s := &wrapperSet{kinds: map[string]Kind{}}
	var funcs []string
	for _, w := range ws {
		if s.kinds[w.Func] == 0 {
			funcs = append(funcs, w.Func)
		}
		s.kinds[w.Func] |= w.Kind
	}
	s.set, _ = lint.ParseFuncSet(funcs) // validated by ParseWrappers
	wsKey, wsCache = key.String(), s
	return s
}
