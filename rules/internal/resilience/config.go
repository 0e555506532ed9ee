package resilience

import (
	"go/token"
	"go/types"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Config is what the code shows of the configuration of a retry library
// at one place.
type Config struct {
	API string        // the configuring API, for messages: "backoff.Retry", "retrypolicy.Builder"
	Pos token.Pos     // the call (or assignment) that configures it
	Fn  *ssa.Function // the function that holds it (set by All)

	Attempts int // attempts per call, 0 when unknown
	// Unbounded says why the retries never stop ("Attempts(0)",
	// "WithInfiniteRetry()"), "" when they do or when it is unknown.
	Unbounded string

	Delay  Delay
	Jitter bool
	// DelayWhy names the setting that gives the delay, for messages:
	// "ConstantBackOff", "FixedDelay", "no delay by default".
	DelayWhy string

	// perAttemptTimeout: a go-grpc-middleware retry interceptor with
	// WithPerRetryTimeout and a bounded number of attempts (WithMax), so
	// that every call it runs is bounded.
	perAttemptTimeout bool
}

// Layer is one retrying part of a call: a retrying client, an
// interceptor, a service config, a retry library, a function that retries.
type Layer struct {
	Via      string // "retryablehttp", "the service config's retryPolicy", …
	Attempts int    // attempts per call, 0 when unknown
}

// Product multiplies the attempts of layers; 0 when one is unknown.
func Product(layers []Layer) int {
	p := 1
	for _, l := range layers {
		if l.Attempts <= 0 {
			return 0
		}
		p *= l.Attempts
	}
	return p
}

// RetryConfigs tells what the retry libraries and retrying clients of a
// package are configured with: attempts, delays, whether they ever stop.
// It keeps no table: each answer is read from the code when asked.
type RetryConfigs struct {
	*pkgIndex
	pt *Protections // for the gRPC options of connections
}

// All returns the retry configurations of the package: every call
// retryConfig reads, and the Backoff functions and wait bounds assigned
// to retryablehttp clients, in source order.
func (rc *RetryConfigs) All() []*Config {
	if rc == nil {
		return nil
	}
	var out []*Config
	seen := map[token.Pos]bool{}
	for _, fn := range rc.irr.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case ssa.CallInstruction:
					if f := staticFunc(instr.Common()); calleeIn(f, avast5, "Do") {
						continue // configured at retry.New
					}
					if cfg := rc.serviceConfigs(instr); cfg != nil && !seen[cfg.Pos] {
						seen[cfg.Pos] = true
						cfg.Fn = fn
						out = append(out, cfg)
						continue
					}
					if cfg := rc.retryConfig(instr); cfg != nil && !seen[cfg.Pos] {
						seen[cfg.Pos] = true
						cfg.Fn = fn
						out = append(out, cfg)
					}
				case *ssa.Store:
					if cfg := rc.retryableStore(instr); cfg != nil && !seen[cfg.Pos] {
						seen[cfg.Pos] = true
						cfg.Fn = fn
						out = append(out, cfg)
					}
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b *Config) int { return int(a.Pos - b.Pos) })
	return out
}

// Layers returns the retrying layers a client value carries: a
// retryablehttp client, go-redis's MaxRetries, kafka-go's Writer, the
// retry interceptor or retryPolicy of a gRPC connection, a failsafe-go
// retry policy. A layer that makes one attempt is left out.
func (rc *RetryConfigs) Layers(v ssa.Value) []Layer {
	if rc == nil || v == nil {
		return nil
	}
	return rc.retryLayers(v)
}

var (
	avast4     = "github.com/avast/retry-go/v4"
	avast5     = "github.com/avast/retry-go/v5"
	cenkalti4  = "github.com/cenkalti/backoff/v4"
	cenkalti5  = "github.com/cenkalti/backoff/v5"
	sethvargo  = "github.com/sethvargo/go-retry"
	failsafeRP = "github.com/failsafe-go/failsafe-go/retrypolicy"
	eapacheRt  = "github.com/eapache/go-resiliency/retrier"
	grpcRetry2 = "github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry"
	grpcRetry1 = "github.com/grpc-ecosystem/go-grpc-middleware/retry"
	rhttp      = "github.com/hashicorp/go-retryablehttp"

	ctxFresh = lint.NewFuncSet("context.Background", "context.TODO")
)

// calleeIn reports whether fn is the function pkg.name (or a method called
// name of a type of pkg).
func calleeIn(fn *types.Func, pkg string, names ...string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkg && slices.Contains(names, fn.Name())
}

// retryConfig returns the configuration of the retry library that call
// runs or configures, or nil when call is not one faultline reads.
func (rc *RetryConfigs) retryConfig(call ssa.CallInstruction) *Config {
	c := call.Common()
	fn := staticFunc(c)
	if fn == nil {
		return nil
	}
	switch {
	case calleeIn(fn, avast4, "Do", "DoWithData"):
		return rc.avastConfig(call.Pos(), "retry.Do", c, 1)
	case calleeIn(fn, avast5, "New", "NewWithData"):
		return rc.avastConfig(call.Pos(), "retry.New", c, 0)
	case calleeIn(fn, avast5, "Do") && ir.Receiver(c) != nil:
		var cfg *Config
		rc.origins(ir.Receiver(c), func(o ssa.Value) {
			if oc, ok := o.(*ssa.Call); ok && cfg == nil {
				if f := staticFunc(&oc.Call); calleeIn(f, avast5, "New", "NewWithData") {
					cfg = rc.avastConfig(oc.Pos(), "retry.New", &oc.Call, 0)
				}
			}
		})
		return cfg
	case calleeIn(fn, cenkalti4, "Retry", "RetryWithData", "RetryNotify", "RetryNotifyWithData", "RetryNotifyWithTimer", "RetryNotifyWithTimerAndData"):
		cfg := &Config{API: "backoff." + fn.Name(), Pos: call.Pos()}
		rc.backoffValue(cfg, ir.Arg(c, 1), 0)
		return cfg
	case calleeIn(fn, cenkalti5, "Retry"):
		return rc.cenkalti5Config(call.Pos(), c)
	case calleeIn(fn, sethvargo, "Do", "DoValue"):
		cfg := &Config{API: "retry." + fn.Name(), Pos: call.Pos()}
		rc.sethvargoValue(cfg, ir.Arg(c, 1), 0)
		if cfg.Unbounded != "" && !rc.freshContext(ir.Arg(c, 0)) {
			cfg.Unbounded = ""
		}
		return cfg
	case calleeIn(fn, sethvargo, "Constant", "Exponential", "Fibonacci"):
		cfg := &Config{API: "retry." + fn.Name(), Pos: call.Pos(), Delay: DelayGrowing, Unbounded: "retry." + fn.Name() + " with no WithMaxRetries or WithMaxDuration"}
		if fn.Name() == "Constant" {
			cfg.Delay, cfg.DelayWhy = durationDelay(ir.Arg(c, 1)), "retry.Constant"
		}
		if !rc.freshContext(ir.Arg(c, 0)) {
			cfg.Unbounded = ""
		}
		return cfg
	case calleeIn(fn, failsafeRP, "NewWithDefaults"):
		return &Config{API: "retrypolicy.NewWithDefaults", Pos: call.Pos(), Attempts: 3, Delay: DelayNone, DelayWhy: "retrypolicy.NewWithDefaults, which waits no delay between attempts"}
	case fn.Name() == "Build" && c.IsInvoke() && ir.TypeKey(c.Value.Type()) == failsafeRP+".Builder":
		return rc.failsafeConfig(call.Pos(), c.Value)
	case calleeIn(fn, eapacheRt, "New"):
		return rc.eapacheConfig(call)
	case calleeIn(fn, eapacheRt, "WithInfiniteRetry"):
		return &Config{API: "(*retrier.Retrier).WithInfiniteRetry", Pos: call.Pos(), Unbounded: "WithInfiniteRetry()", Delay: DelayUnknown}
	case calleeIn(fn, grpcRetry2, "UnaryClientInterceptor", "StreamClientInterceptor"), calleeIn(fn, grpcRetry1, "UnaryClientInterceptor", "StreamClientInterceptor"):
		return rc.grpcRetryConfig(call.Pos(), c, fn.Pkg().Path())
	}
	return nil
}

// optionCalls returns the calls that build the option values passed to c
// from argument index from on.
func (rc *RetryConfigs) optionCalls(c *ssa.CallCommon, from int) (calls []*ssa.CallCommon, complete bool) {
	complete = true
	for i := from; ; i++ {
		a := ir.Arg(c, i)
		if a == nil {
			break
		}
		rc.origins(a, func(o ssa.Value) {
			switch o := o.(type) {
			case *ssa.Alloc:
				for _, e := range arrayElems(o) {
					rc.origins(e, func(oe ssa.Value) {
						if call, ok := oe.(*ssa.Call); ok {
							calls = append(calls, &call.Call)
						} else {
							complete = false
						}
					})
				}
			case *ssa.Const:
				// nil: no options
			case *ssa.Call:
				calls = append(calls, &o.Call)
			default:
				complete = false
			}
		})
	}
	return calls, complete
}

// freshContext reports whether ctx is context.Background or TODO on every
// path, so it can never stop a retry.
func (rc *RetryConfigs) freshContext(ctx ssa.Value) bool {
	if ctx == nil {
		return false
	}
	fresh := true
	n := 0
	rc.origins(ctx, func(o ssa.Value) {
		n++
		call, ok := o.(*ssa.Call)
		if !ok || !ctxFresh.Has(staticFunc(&call.Call)) {
			fresh = false
		}
	})
	return fresh && n > 0
}

// durationDelay classifies a constant delay: none for zero, fixed for any
// other constant, unknown otherwise.
func durationDelay(d ssa.Value) Delay {
	n, ok := constInt(d)
	switch {
	case !ok:
		return DelayFixed // a configured, non-constant duration: still the same every attempt
	case n == 0:
		return DelayNone
	}
	return DelayFixed
}

// avastConfig reads avast/retry-go options.
func (rc *RetryConfigs) avastConfig(pos token.Pos, api string, c *ssa.CallCommon, from int) *Config {
	cfg := &Config{API: api, Pos: pos, Attempts: 10, Delay: DelayGrowing, Jitter: true}
	opts, complete := rc.optionCalls(c, from)
	if !complete {
		cfg.Delay, cfg.Attempts = DelayUnknown, 0
	}
	zeroDelay, ctx := false, false
	delayType := ""
	for _, o := range opts {
		f := staticFunc(o)
		if f == nil || f.Pkg() == nil || (f.Pkg().Path() != avast4 && f.Pkg().Path() != avast5) {
			cfg.Delay, cfg.Attempts = DelayUnknown, 0
			continue
		}
		switch f.Name() {
		case "Attempts":
			if n, ok := constInt(ir.Arg(o, 0)); !ok {
				cfg.Attempts = 0
			} else if n == 0 {
				cfg.Unbounded, cfg.Attempts = "Attempts(0)", 0
			} else {
				cfg.Attempts = int(n)
			}
		case "UntilSucceeded":
			cfg.Unbounded, cfg.Attempts = "UntilSucceeded()", 0
		case "Context":
			ctx = !rc.freshContext(ir.Arg(o, 0))
		case "Delay":
			if n, ok := constInt(ir.Arg(o, 0)); ok && n == 0 {
				zeroDelay = true
			}
		case "DelayType":
			delayType = rc.avastDelayType(ir.Arg(o, 0))
		}
	}
	if ctx {
		cfg.Unbounded = ""
	}
	switch delayType {
	case "":
	case "FixedDelay":
		cfg.Delay, cfg.Jitter, cfg.DelayWhy = DelayFixed, false, "DelayType(retry.FixedDelay)"
		if zeroDelay {
			cfg.Delay, cfg.DelayWhy = DelayNone, "Delay(0) with FixedDelay"
		}
	case "BackOffDelay":
		cfg.Delay, cfg.Jitter = DelayGrowing, false
		if zeroDelay {
			cfg.Delay, cfg.DelayWhy = DelayNone, "Delay(0) with BackOffDelay"
		}
	case "RandomDelay", "FullJitterBackoffDelay", "jitter":
		cfg.Delay, cfg.Jitter = DelayGrowing, true
	default:
		cfg.Delay = DelayUnknown
	}
	return cfg
}

// avastDelayType names the delay type function v: FixedDelay,
// BackOffDelay, RandomDelay, FullJitterBackoffDelay, "jitter" for a
// CombineDelay with a random part, or "?".
func (rc *RetryConfigs) avastDelayType(v ssa.Value) string {
	name := "?"
	rc.origins(v, func(o ssa.Value) {
		switch o := o.(type) {
		case *ssa.Function:
			if f, ok := o.Object().(*types.Func); ok && f.Pkg() != nil && (f.Pkg().Path() == avast4 || f.Pkg().Path() == avast5) {
				name = f.Name()
			}
		case *ssa.Call:
			if f := staticFunc(&o.Call); f != nil && f.Name() == "CombineDelay" {
				name = "BackOffDelay"
				for _, a := range o.Call.Args {
					rc.origins(a, func(e ssa.Value) {
						if al, ok := e.(*ssa.Alloc); ok {
							for _, el := range arrayElems(al) {
								switch n := rc.avastDelayType(el); n {
								case "RandomDelay", "FullJitterBackoffDelay":
									name = "jitter"
								}
							}
						}
					})
				}
			}
		}
	})
	return name
}

// backoffValue reads a cenkalti/backoff BackOff value into cfg.
func (rc *RetryConfigs) backoffValue(cfg *Config, b ssa.Value, depth int) {
	if b == nil || depth > 4 {
		cfg.Delay = DelayUnknown
		return
	}
	n := 0
	rc.origins(b, func(o ssa.Value) {
		n++
		switch o := o.(type) {
		case *ssa.Call:
			f := staticFunc(&o.Call)
			switch {
			case calleeIn(f, cenkalti4, "NewExponentialBackOff"), calleeIn(f, cenkalti5, "NewExponentialBackOff"):
				cfg.Delay, cfg.Jitter = DelayGrowing, true
				if f.Pkg().Path() == cenkalti4 {
					// MaxElapsedTime defaults to 15 minutes; 0 never stops.
					opts, _ := rc.optionCalls(&o.Call, 0)
					for _, opt := range opts {
						if of := staticFunc(opt); of != nil && of.Name() == "WithMaxElapsedTime" {
							if d, ok := constInt(ir.Arg(opt, 0)); ok && d == 0 {
								cfg.Unbounded = "an ExponentialBackOff with MaxElapsedTime 0"
							}
						}
					}
					if v, ok := rc.storedConst(o, "MaxElapsedTime"); ok && v == 0 {
						cfg.Unbounded = "an ExponentialBackOff with MaxElapsedTime 0"
					}
				}
				if v, ok := rc.storedConst(o, "RandomizationFactor"); ok && v == 0 {
					cfg.Jitter = false
				}
			case calleeIn(f, cenkalti4, "NewConstantBackOff"), calleeIn(f, cenkalti5, "NewConstantBackOff"):
				cfg.Delay, cfg.Jitter, cfg.DelayWhy = durationDelay(ir.Arg(&o.Call, 0)), false, "backoff.NewConstantBackOff"
				if f.Pkg().Path() == cenkalti4 {
					cfg.Unbounded = "a ConstantBackOff with no WithMaxRetries"
				}
			case calleeIn(f, cenkalti4, "WithMaxRetries"):
				rc.backoffValue(cfg, ir.Arg(&o.Call, 0), depth+1)
				cfg.Unbounded = ""
				if n, ok := constInt(ir.Arg(&o.Call, 1)); ok {
					cfg.Attempts = int(n) + 1
				}
			case calleeIn(f, cenkalti4, "WithContext"):
				rc.backoffValue(cfg, ir.Arg(&o.Call, 0), depth+1)
				if !rc.freshContext(ir.Arg(&o.Call, 1)) {
					cfg.Unbounded = ""
				}
			default:
				cfg.Delay = DelayUnknown
			}
		case *ssa.Alloc:
			switch ir.TypeKey(o.Type()) {
			case cenkalti4 + ".ZeroBackOff", cenkalti5 + ".ZeroBackOff":
				cfg.Delay, cfg.DelayWhy = DelayNone, "backoff.ZeroBackOff"
				if strings.HasPrefix(ir.TypeKey(o.Type()), cenkalti4) {
					cfg.Unbounded = "a ZeroBackOff with no WithMaxRetries"
				}
			case cenkalti4 + ".StopBackOff", cenkalti5 + ".StopBackOff":
				cfg.Attempts, cfg.Delay = 1, DelayUnknown
			case cenkalti4 + ".ConstantBackOff", cenkalti5 + ".ConstantBackOff":
				cfg.Delay, cfg.DelayWhy = DelayFixed, "backoff.ConstantBackOff"
				if v, ok := rc.storedConst(o, "Interval"); !ok || v == 0 {
					cfg.Delay = DelayNone
				}
				if strings.HasPrefix(ir.TypeKey(o.Type()), cenkalti4) {
					cfg.Unbounded = "a ConstantBackOff with no WithMaxRetries"
				}
			case cenkalti4 + ".ExponentialBackOff":
				cfg.Delay, cfg.Jitter = DelayGrowing, true
				if v, ok := rc.storedConst(o, "MaxElapsedTime"); !ok || v == 0 {
					cfg.Unbounded = "an ExponentialBackOff literal with MaxElapsedTime 0"
				}
			default:
				cfg.Delay = DelayUnknown
			}
		default:
			cfg.Delay = DelayUnknown
		}
	})
	if n != 1 {
		// Several possible backoffs, or none found: do not guess.
		cfg.Delay, cfg.Unbounded = DelayUnknown, ""
	}
}

// storedConst returns the constant stored into field name of the value
// built at o, when every store of the field stores the same constant; ok
// is false when the field is never stored or not constant.
func (rc *RetryConfigs) storedConst(o ssa.Value, name string) (int64, bool) {
	t := o.Type()
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return 0, false
	}
	var f *types.Var
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			f = st.Field(i)
		}
	}
	if f == nil {
		return 0, false
	}
	var vals []ssa.Value
	for _, s := range rc.fieldStores[f] {
		fa := s.Addr.(*ssa.FieldAddr)
		hit := fa.X == o
		if !hit {
			rc.origins(fa.X, func(x ssa.Value) {
				if x == o {
					hit = true
				}
			})
		}
		if hit {
			vals = append(vals, s.Val)
		}
	}
	if len(vals) == 0 {
		return 0, false
	}
	first, ok := constInt(vals[0])
	if !ok {
		return 0, false
	}
	for _, v := range vals[1:] {
		if n, ok := constInt(v); !ok || n != first {
			return 0, false
		}
	}
	return first, true
}

// cenkalti5Config reads backoff/v5's Retry options.
func (rc *RetryConfigs) cenkalti5Config(pos token.Pos, c *ssa.CallCommon) *Config {
	cfg := &Config{API: "backoff.Retry", Pos: pos, Delay: DelayGrowing, Jitter: true}
	opts, complete := rc.optionCalls(c, 2)
	if !complete {
		cfg.Delay = DelayUnknown
	}
	maxTries, noElapsed := false, false
	for _, o := range opts {
		f := staticFunc(o)
		switch {
		case calleeIn(f, cenkalti5, "WithBackOff"):
			rc.backoffValue(cfg, ir.Arg(o, 0), 0)
		case calleeIn(f, cenkalti5, "WithMaxTries"):
			maxTries = true
			if n, ok := constInt(ir.Arg(o, 0)); ok {
				cfg.Attempts = int(n)
			}
		case calleeIn(f, cenkalti5, "WithMaxElapsedTime"):
			if n, ok := constInt(ir.Arg(o, 0)); ok && n == 0 {
				noElapsed = true
			}
		case calleeIn(f, cenkalti5, "WithNotify"):
		default:
			cfg.Delay = DelayUnknown
		}
	}
	cfg.Unbounded = ""
	if noElapsed && !maxTries && rc.freshContext(ir.Arg(c, 0)) {
		cfg.Unbounded = "WithMaxElapsedTime(0) with no WithMaxTries and a context that never ends"
	}
	return cfg
}

// sethvargoValue reads a sethvargo/go-retry Backoff chain into cfg.
func (rc *RetryConfigs) sethvargoValue(cfg *Config, b ssa.Value, depth int) {
	if b == nil || depth > 6 {
		cfg.Delay = DelayUnknown
		return
	}
	n := 0
	rc.origins(b, func(o ssa.Value) {
		n++
		call, ok := o.(*ssa.Call)
		if !ok {
			cfg.Delay = DelayUnknown
			return
		}
		f := staticFunc(&call.Call)
		if f == nil || f.Pkg() == nil || f.Pkg().Path() != sethvargo {
			cfg.Delay = DelayUnknown
			return
		}
		switch f.Name() {
		case "NewConstant":
			cfg.Delay, cfg.DelayWhy = durationDelay(ir.Arg(&call.Call, 0)), "retry.NewConstant"
			cfg.Unbounded = "retry.NewConstant with no WithMaxRetries or WithMaxDuration"
		case "NewExponential", "NewFibonacci":
			cfg.Delay = DelayGrowing
			cfg.Unbounded = "retry." + f.Name() + " with no WithMaxRetries or WithMaxDuration"
		case "WithMaxRetries":
			rc.sethvargoValue(cfg, ir.Arg(&call.Call, 1), depth+1)
			cfg.Unbounded = ""
			if n, ok := constInt(ir.Arg(&call.Call, 0)); ok {
				cfg.Attempts = int(n) + 1
			}
		case "WithMaxDuration":
			rc.sethvargoValue(cfg, ir.Arg(&call.Call, 1), depth+1)
			cfg.Unbounded = ""
		case "WithCappedDuration":
			rc.sethvargoValue(cfg, ir.Arg(&call.Call, 1), depth+1)
		case "WithJitter", "WithJitterPercent":
			rc.sethvargoValue(cfg, ir.Arg(&call.Call, 1), depth+1)
			cfg.Jitter = true
		case "WithFullJitter":
			rc.sethvargoValue(cfg, ir.Arg(&call.Call, 0), depth+1)
			cfg.Jitter = true
		default:
			cfg.Delay = DelayUnknown
		}
	})
	if n != 1 {
		cfg.Delay, cfg.Unbounded = DelayUnknown, ""
	}
}

// failsafeConfig reads a failsafe-go retrypolicy builder chain ending in
// Build.
func (rc *RetryConfigs) failsafeConfig(pos token.Pos, builder ssa.Value) *Config {
	cfg := &Config{API: "retrypolicy.Builder", Pos: pos, Attempts: 3, Delay: DelayNone, DelayWhy: "a retrypolicy builder with no WithDelay or WithBackoff, which waits no delay between attempts"}
	unbounded, maxDuration := false, false
	v := builder
	for range 32 {
		var next ssa.Value
		n := 0
		rc.origins(v, func(o ssa.Value) {
			n++
			call, ok := o.(*ssa.Call)
			if !ok {
				return
			}
			c := &call.Call
			f := staticFunc(c)
			if f == nil {
				return
			}
			if calleeIn(f, failsafeRP, "NewBuilder") {
				next = nil
				n = -100 // reached the start
				return
			}
			if !c.IsInvoke() || ir.TypeKey(c.Value.Type()) != failsafeRP+".Builder" {
				return
			}
			next = c.Value
			switch f.Name() {
			case "WithMaxRetries", "WithMaxAttempts":
				if k, ok := constInt(ir.Arg(c, 0)); ok {
					if k < 0 {
						unbounded = true
					} else if f.Name() == "WithMaxRetries" {
						cfg.Attempts = int(k) + 1
					} else {
						cfg.Attempts = int(k)
					}
				} else {
					cfg.Attempts = 0
				}
			case "WithMaxDuration":
				maxDuration = true
			case "WithDelay":
				if cfg.Delay == DelayNone && cfg.DelayWhy != "" {
					cfg.Delay, cfg.DelayWhy = durationDelay(ir.Arg(c, 0)), "WithDelay"
					if cfg.Delay == DelayNone {
						cfg.DelayWhy = "WithDelay(0)"
					}
				}
			case "WithDelayFunc":
				cfg.Delay, cfg.DelayWhy = DelayUnknown, ""
			case "WithBackoff", "WithBackoffFactor":
				cfg.Delay, cfg.DelayWhy = DelayGrowing, ""
			case "WithRandomDelay", "WithJitter", "WithJitterFactor":
				cfg.Jitter = true
				if f.Name() == "WithRandomDelay" {
					cfg.Delay, cfg.DelayWhy = DelayFixed, ""
				}
			}
		})
		if n < 0 {
			break
		}
		if n != 1 || next == nil {
			// The chain does not start at NewBuilder in this package:
			// the defaults may be someone else's.
			return nil
		}
		v = next
	}
	if cfg.Delay == DelayFixed && cfg.Jitter {
		cfg.DelayWhy = ""
	}
	if unbounded && !maxDuration {
		cfg.Unbounded, cfg.Attempts = "WithMaxRetries(-1) with no WithMaxDuration", 0
	}
	return cfg
}

// eapacheConfig reads retrier.New(backoff, classifier) and the methods
// called on the retrier it builds.
func (rc *RetryConfigs) eapacheConfig(call ssa.CallInstruction) *Config {
	c := call.Common()
	cfg := &Config{API: "retrier.New", Pos: call.Pos(), Delay: DelayUnknown}
	n := 0
	rc.origins(ir.Arg(c, 0), func(o ssa.Value) {
		n++
		switch o := o.(type) {
		case *ssa.Call:
			f := staticFunc(&o.Call)
			switch {
			case calleeIn(f, eapacheRt, "ConstantBackoff"):
				cfg.Delay, cfg.DelayWhy = durationDelay(ir.Arg(&o.Call, 1)), "retrier.ConstantBackoff"
				if k, ok := constInt(ir.Arg(&o.Call, 0)); ok {
					cfg.Attempts = int(k) + 1
				}
			case calleeIn(f, eapacheRt, "ExponentialBackoff", "LimitedExponentialBackoff"):
				cfg.Delay = DelayGrowing
				if k, ok := constInt(ir.Arg(&o.Call, 0)); ok {
					cfg.Attempts = int(k) + 1
				}
			}
		case *ssa.Alloc:
			elems := arrayElems(o)
			cfg.Attempts = len(elems) + 1
			cfg.Delay, cfg.DelayWhy = DelayNone, "a backoff of zero durations"
			var first int64
			for i, e := range elems {
				k, ok := constInt(e)
				if !ok {
					cfg.Delay = DelayUnknown
					break
				}
				if i == 0 {
					first = k
				}
				switch {
				case k != first:
					cfg.Delay, cfg.DelayWhy = DelayGrowing, ""
				case k != 0 && cfg.Delay == DelayNone:
					cfg.Delay, cfg.DelayWhy = DelayFixed, "a backoff of equal durations"
				}
			}
		}
	})
	if n != 1 {
		cfg.Delay = DelayUnknown
	}
	// SetJitter on the retrier this call builds.
	if val, ok := call.(*ssa.Call); ok {
		for _, calls := range rc.staticCalls {
			for _, mc := range calls {
				f := staticFunc(mc.Common())
				if !calleeIn(f, eapacheRt, "SetJitter") {
					continue
				}
				rc.origins(ir.Receiver(mc.Common()), func(o ssa.Value) {
					if o == val {
						cfg.Jitter = true
					}
				})
			}
		}
	}
	return cfg
}

// grpcRetryConfig reads the options of a go-grpc-middleware retry
// interceptor.
func (rc *RetryConfigs) grpcRetryConfig(pos token.Pos, c *ssa.CallCommon, pkg string) *Config {
	cfg := &Config{API: "retry.UnaryClientInterceptor", Pos: pos, Attempts: 1, Delay: DelayFixed, Jitter: true}
	opts, complete := rc.optionCalls(c, 0)
	if !complete {
		cfg.Attempts, cfg.Delay = 0, DelayUnknown
	}
	maxSet, perAttempt := false, false
	for _, o := range opts {
		f := staticFunc(o)
		if f == nil || f.Pkg() == nil || f.Pkg().Path() != pkg {
			cfg.Delay = DelayUnknown
			continue
		}
		switch f.Name() {
		case "WithMax":
			if k, ok := constInt(ir.Arg(o, 0)); ok {
				cfg.Attempts = max(int(k), 1)
				maxSet = k >= 1
			} else {
				cfg.Attempts, maxSet = 0, false
			}
		case "WithPerRetryTimeout":
			k, ok := constInt(ir.Arg(o, 0))
			perAttempt = !ok || k > 0
		case "WithBackoff", "WithBackoffContext":
			cfg.Delay, cfg.Jitter, cfg.DelayWhy = DelayUnknown, false, ""
			rc.origins(ir.Arg(o, 0), func(bo ssa.Value) {
				call, ok := bo.(*ssa.Call)
				if !ok {
					return
				}
				bf := staticFunc(&call.Call)
				switch {
				case calleeIn(bf, pkg, "BackoffLinear"):
					cfg.Delay, cfg.DelayWhy = durationDelay(ir.Arg(&call.Call, 0)), "retry.BackoffLinear"
				case calleeIn(bf, pkg, "BackoffLinearWithJitter"):
					cfg.Delay, cfg.Jitter = DelayFixed, true
				case calleeIn(bf, pkg, "BackoffExponential"):
					cfg.Delay = DelayGrowing
				case calleeIn(bf, pkg, "BackoffExponentialWithJitter", "BackoffExponentialWithJitterBounded"):
					cfg.Delay, cfg.Jitter = DelayGrowing, true
				}
			})
		case "Disable":
			cfg.Attempts, maxSet = 1, false
		case "WithCodes":
			// No code is retryable: one attempt, still under the
			// per-attempt timeout.
			if k, ok := ir.Arg(o, 0).(*ssa.Const); ok && k.IsNil() {
				cfg.Attempts = 1
			}
		}
	}
	cfg.perAttemptTimeout = complete && maxSet && perAttempt
	return cfg
}

// retryableStore reads an assignment to a retryablehttp.Client's Backoff
// or RetryWaitMax: a Backoff function that returns one constant waits the
// same (or no) time before every attempt; RetryWaitMax 0 makes every wait
// zero.
func (rc *RetryConfigs) retryableStore(st *ssa.Store) *Config {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || ir.TypeKey(fa.X.Type()) != rhttp+".Client" {
		return nil
	}
	f := ir.FieldVar(fa)
	if f == nil {
		return nil
	}
	switch f.Name() {
	case "RetryWaitMax":
		if n, ok := constInt(st.Val); ok && n == 0 {
			return &Config{API: "retryablehttp.Client", Pos: st.Pos(), Delay: DelayNone, DelayWhy: "RetryWaitMax: 0"}
		}
	case "Backoff":
		var fn *ssa.Function
		rc.origins(st.Val, func(o ssa.Value) {
			switch o := o.(type) {
			case *ssa.Function:
				fn = o
			case *ssa.MakeClosure:
				fn, _ = o.Fn.(*ssa.Function)
			}
		})
		if fn == nil || fn.Pkg != rc.irr.Pkg || len(fn.Blocks) == 0 {
			return nil
		}
		var val *int64
		constant := true
		returns(fn, 0, func(v ssa.Value) {
			n, ok := constInt(v)
			if !ok || (val != nil && *val != n) {
				constant = false
				return
			}
			val = &n
		})
		if !constant || val == nil {
			return nil
		}
		cfg := &Config{API: "retryablehttp.Client", Pos: st.Pos(), Delay: DelayFixed, DelayWhy: "a Backoff that returns " + time.Duration(*val).String()}
		if *val == 0 {
			cfg.Delay = DelayNone
		}
		return cfg
	}
	return nil
}

func (rc *RetryConfigs) retryLayers(v ssa.Value) []Layer {
	var out []Layer
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || depth > 8 || seen[v] {
			return
		}
		seen[v] = true
		rc.origins(ir.Unembed(v), func(o ssa.Value) {
			switch o := o.(type) {
			case *ssa.Call:
				c := &o.Call
				f := staticFunc(c)
				if f == nil {
					return
				}
				if cfg := rc.retryConfig(o); cfg != nil && f.Pkg() != nil && (f.Pkg().Path() == grpcRetry1 || f.Pkg().Path() == grpcRetry2 || f.Pkg().Path() == failsafeRP || f.Name() == "Build") {
					via := "the failsafe-go retry policy"
					if f.Pkg().Path() == grpcRetry1 || f.Pkg().Path() == grpcRetry2 {
						via = "the go-grpc-middleware retry interceptor"
					}
					if cfg.Attempts != 1 {
						out = append(out, Layer{Via: via, Attempts: cfg.Attempts})
					}
					return
				}
				if dialOptionsFrom(f) >= 0 && rc.pt != nil {
					// A gRPC connection: the retries its options give.
					opts, _ := rc.pt.GRPCDialOptions(o)
					out = append(out, grpcLayers(opts, "")...)
					return
				}
				if ff := rc.importedFact(f); ff != nil && ff.GRPC != nil && rc.pt != nil {
					w := rc.pt.newOptWalk(nil)
					w.call(o, 0)
					out = append(out, grpcLayers(w.opts, "")...)
					return
				}
				switch {
				case grpcServiceConfig.Has(f):
					if s, ok := rc.stringValue(ir.Arg(c, 0), 0); ok {
						out = append(out, grpcLayers([]GRPCOption{{Effect: GRPCServiceConfig, Config: parseServiceConfig(s)}}, "")...)
					}
				case calleeIn(f, rhttp, "NewClient"):
					out = append(out, Layer{Via: "retryablehttp", Attempts: rc.retryMax(o, 4)})
				case calleeIn(f, "github.com/redis/go-redis/v9", "NewClient", "NewClusterClient", "NewFailoverClient", "NewUniversalClient"),
					calleeIn(f, "github.com/go-redis/redis/v8", "NewClient", "NewClusterClient", "NewFailoverClient", "NewUniversalClient"):
					n := 4
					rc.origins(ir.Arg(c, 0), func(opt ssa.Value) {
						if k, ok := rc.storedConst(opt, "MaxRetries"); ok {
							n = int(k) + 1
							if k < 0 {
								n = 1
							}
						}
					})
					if n > 1 {
						out = append(out, Layer{Via: "go-redis (MaxRetries)", Attempts: n})
					}
				default:
					if e, ok := entryOf(f); ok && e.Role == Builds && e.From != Fixed {
						if e.From == Recv {
							walk(ir.Receiver(c), depth+1)
						}
						for i := e.Arg; ir.Arg(c, i) != nil; i++ {
							walk(ir.Arg(c, i), depth+1)
						}
						return
					}
					if f.Pkg() != nil && !ir.Modelled(f.Pkg().Path()) {
						for _, a := range c.Args {
							if isGRPCConn(a.Type()) {
								walk(a, depth+1)
							}
						}
					}
				}
			case *ssa.Alloc:
				elem := o.Type().(*types.Pointer).Elem()
				switch ir.TypeKey(elem) {
				case rhttp + ".Client":
					out = append(out, Layer{Via: "retryablehttp", Attempts: rc.retryMax(o, 0)})
				case "github.com/segmentio/kafka-go.Writer":
					n := 10
					if k, ok := rc.storedConst(o, "MaxAttempts"); ok && k > 0 {
						n = int(k)
					}
					if n > 1 {
						out = append(out, Layer{Via: "kafka-go's Writer (MaxAttempts)", Attempts: n})
					}
				case "net/http.Client", rhttp + ".RoundTripper":
					st := elem.Underlying().(*types.Struct)
					for i := range st.NumFields() {
						if n := st.Field(i).Name(); n == "Transport" || n == "Client" {
							for _, sv := range rc.storesTo(o, st.Field(i)) {
								walk(sv, depth+1)
							}
						}
					}
				default:
					if _, ok := elem.Underlying().(*types.Array); ok {
						for _, e := range arrayElems(o) {
							walk(e, depth+1)
						}
					}
				}
			}
		})
	}
	walk(v, 0)
	// A retryablehttp client with RetryMax 0 does not retry.
	var kept []Layer
	for _, l := range out {
		if l.Attempts != 1 {
			kept = append(kept, l)
		}
	}
	return kept
}

// retryMax returns the attempts of the retryablehttp client built at o:
// RetryMax+1, with def as RetryMax when it is never assigned.
func (rc *RetryConfigs) retryMax(o ssa.Value, def int) int {
	if k, ok := rc.storedConst(o, "RetryMax"); ok {
		return int(k) + 1
	}
	if len(rc.fieldStoresNamed(o, "RetryMax")) > 0 {
		return 0 // assigned something that is not a constant
	}
	return def + 1
}

// fieldStoresNamed returns the stores into field name of the value built
// at o.
func (rc *RetryConfigs) fieldStoresNamed(o ssa.Value, name string) []*ssa.Store {
	var out []*ssa.Store
	for f, stores := range rc.fieldStores {
		if f.Name() != name {
			continue
		}
		for _, s := range stores {
			fa := s.Addr.(*ssa.FieldAddr)
			hit := fa.X == o
			if !hit {
				rc.origins(fa.X, func(x ssa.Value) { hit = hit || x == o })
			}
			if hit {
				out = append(out, s)
			}
		}
	}
	return out
}
