package resilience

import (
	"go/types"
	"strings"

	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Kind is a set of protections: a circuit breaker, retries, a timeout.
type Kind uint8

// The protections.
const (
	Breaker Kind = 1 << iota
	Retry
	Timeout
	// Telemetry: the calls produce metrics or traces (an instrumented
	// transport, a stats handler, an instrumented driver); see
	// catalog.TelemetryAPIs. No rule but unobserved reads it.
	Telemetry
)

var kindNames = []struct {
	k    Kind
	name string
}{{Breaker, "breaker"}, {Retry, "retry"}, {Timeout, "timeout"}, {Telemetry, "telemetry"}}

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

// ParseKind parses "breaker", "retry", "timeout" or "telemetry".
func ParseKind(s string) (Kind, bool) {
	for _, kn := range kindNames {
		if kn.name == s {
			return kn.k, true
		}
	}
	return 0, false
}

// wrapperSet resolves declared wrappers by object identity.
type wrapperSet struct {
	kinds map[string]Kind // FUNC -> kinds
	set   *lint.FuncSet
}

// wrappersOf resolves the wrappers declared in the run's configuration.
func wrappersOf(c *config.Config) *wrapperSet {
	s := &wrapperSet{kinds: map[string]Kind{}}
	var funcs []string
	for _, w := range c.Wrappers {
		k, _ := ParseKind(w.Kind) // checked by config
		if s.kinds[w.Func] == 0 {
			funcs = append(funcs, w.Func)
		}
		s.kinds[w.Func] |= k
	}
	s.set, _ = lint.ParseFuncSet(funcs) // checked by config
	return s
}

// wrapperName returns the FUNC of the declared wrapper fn is, or "".
func wrapperName(ws *wrapperSet, fn *types.Func) string {
	if ws == nil || ws.set.Empty() {
		return ""
	}
	e, _ := ws.set.Entry(fn)
	return e
}

// isFuncParam reports whether parameter idx of fn has a function type.
func isFuncParam(fn *types.Func, idx int) bool {
	sig := fn.Type().(*types.Signature)
	if idx < 0 || idx >= sig.Params().Len() {
		return false
	}
	t := sig.Params().At(idx).Type()
	if sig.Variadic() && idx == sig.Params().Len()-1 {
		if s, ok := t.Underlying().(*types.Slice); ok {
			t = s.Elem()
		}
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// hasFuncParam reports whether fn has a parameter of function type.
func hasFuncParam(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	for i := range sig.Params().Len() {
		if isFuncParam(fn, i) {
			return true
		}
	}
	return false
}
