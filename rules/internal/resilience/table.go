package resilience

import (
	"go/types"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Role says how a protection API protects calls.
type Role int

// The roles of protection APIs.
const (
	// Runs: the API calls its function argument Arg under protection
	// (gobreaker Execute, backoff.Retry, hystrix.Do).
	Runs Role = iota + 1
	// Builds: the API returns a value that protects what is sent through
	// it or run by it: an executor, a policy, a transport, an
	// interceptor, a dial option (failsafe.With, failsafehttp.NewRoundTripper,
	// grpc.WithUnaryInterceptor).
	Builds
	// Allows: the first step of a two-step breaker; the calls that run
	// only once its answer is checked are guarded (gobreaker TwoStep
	// Allow, hystrix AllowRequest, failsafe TryAcquirePermit).
	Allows
)

// From says where a Runs or Builds entry takes its protections from when
// they are not fixed.
type From int

// Sources of protections.
const (
	Fixed From = iota // Entry.Kinds
	Args              // the arguments from index Arg on (policies, options, interceptors)
	Recv              // the receiver (an executor, a runner) and the arguments from Arg on
)

// Entry is one protection API. The table is data: entries are resolved to
// the *types.Func of the library in the program being analysed and
// compared by identity.
type Entry struct {
	Func  string // types.Func.FullName form
	Role  Role
	Kinds Kind // for From == Fixed
	From  From
	// Arg is, for Runs, the index of the guarded function argument
	// (receiver not counted); for Builds with From Args or Recv, the first
	// argument whose protections count.
	Arg int
	// ErrResult is, for Allows, the index of the error result whose nil
	// value means "allowed"; -1 when the API answers with a bool.
	ErrResult int
}

func runs(fn string, k Kind, arg int) Entry { return Entry{Func: fn, Role: Runs, Kinds: k, Arg: arg} }

func runsRecv(fn string, arg int) Entry { return Entry{Func: fn, Role: Runs, From: Recv, Arg: arg} }

func builds(fn string, k Kind) Entry { return Entry{Func: fn, Role: Builds, Kinds: k} }

func buildsArgs(fn string, from int) Entry {
	return Entry{Func: fn, Role: Builds, From: Args, Arg: from}
}

func buildsRecv(fn string, from int) Entry {
	return Entry{Func: fn, Role: Builds, From: Recv, Arg: from}
}

func allows(fn string, errResult int) Entry {
	return Entry{Func: fn, Role: Allows, Kinds: Breaker, ErrResult: errResult}
}

// Entries is the table of protection APIs (LIBRARIES.md §3).
var Entries = append([]Entry{
	// sony/gobreaker v1 and v2.
	runs("(*github.com/sony/gobreaker.CircuitBreaker).Execute", Breaker, 0),
	allows("(*github.com/sony/gobreaker.TwoStepCircuitBreaker).Allow", 1),
	runs("(*github.com/sony/gobreaker/v2.CircuitBreaker).Execute", Breaker, 0),
	runs("(*github.com/sony/gobreaker/v2.DistributedCircuitBreaker).Execute", Breaker, 0),
	allows("(*github.com/sony/gobreaker/v2.TwoStepCircuitBreaker).Allow", 1),

	// afex/hystrix-go.
	runs("github.com/afex/hystrix-go/hystrix.Do", Breaker, 1),
	runs("github.com/afex/hystrix-go/hystrix.DoC", Breaker, 2),
	runs("github.com/afex/hystrix-go/hystrix.Go", Breaker, 1),
	runs("github.com/afex/hystrix-go/hystrix.GoC", Breaker, 2),
	allows("(*github.com/afex/hystrix-go/hystrix.CircuitBreaker).AllowRequest", -1),

	// cep21/circuit.
	runs("(*github.com/cep21/circuit/v4.Circuit).Execute", Breaker, 1),
	runs("(*github.com/cep21/circuit/v4.Circuit).Run", Breaker, 1),
	runs("(*github.com/cep21/circuit/v4.Circuit).Go", Breaker, 1),
	runs("(*github.com/cep21/circuit/v3.Circuit).Execute", Breaker, 1),
	runs("(*github.com/cep21/circuit/v3.Circuit).Run", Breaker, 1),
	runs("(*github.com/cep21/circuit/v3.Circuit).Go", Breaker, 1),

	// failsafe-go: executors take their protections from their policies.
	buildsArgs("github.com/failsafe-go/failsafe-go.With", 0),
	buildsArgs("github.com/failsafe-go/failsafe-go.WithAny", 0),
	buildsRecv("(github.com/failsafe-go/failsafe-go.Executor).Compose", 0),
	buildsRecv("(github.com/failsafe-go/failsafe-go.Executor).ComposeAny", 0),
	buildsRecv("(github.com/failsafe-go/failsafe-go.Executor).WithContext", 1),
	buildsRecv("(github.com/failsafe-go/failsafe-go.Executor).OnDone", 1),
	buildsRecv("(github.com/failsafe-go/failsafe-go.Executor).OnSuccess", 1),
	buildsRecv("(github.com/failsafe-go/failsafe-go.Executor).OnFailure", 1),
	runsRecv("(github.com/failsafe-go/failsafe-go.Executor).Run", 0),
	runsRecv("(github.com/failsafe-go/failsafe-go.Executor).RunWithExecution", 0),
	runsRecv("(github.com/failsafe-go/failsafe-go.Executor).Get", 0),
	runsRecv("(github.com/failsafe-go/failsafe-go.Executor).GetWithExecution", 0),
	runsRecv("(github.com/failsafe-go/failsafe-go.Executor).RunAsync", 0),
	runsRecv("(github.com/failsafe-go/failsafe-go.Executor).RunAsyncWithExecution", 0),
	runsRecv("(github.com/failsafe-go/failsafe-go.Executor).GetAsync", 0),
	runsRecv("(github.com/failsafe-go/failsafe-go.Executor).GetAsyncWithExecution", 0),
	// failsafe-go up to v0.8: failsafe.Run(fn, policies...).
	{Func: "github.com/failsafe-go/failsafe-go.Run", Role: Runs, From: Args, Arg: 0},
	{Func: "github.com/failsafe-go/failsafe-go.Get", Role: Runs, From: Args, Arg: 0},
	{Func: "github.com/failsafe-go/failsafe-go.RunWithExecution", Role: Runs, From: Args, Arg: 0},
	{Func: "github.com/failsafe-go/failsafe-go.GetWithExecution", Role: Runs, From: Args, Arg: 0},
	builds("github.com/failsafe-go/failsafe-go/circuitbreaker.NewWithDefaults", Breaker),
	builds("(github.com/failsafe-go/failsafe-go/circuitbreaker.Builder).Build", Breaker),
	builds("github.com/failsafe-go/failsafe-go/retrypolicy.NewWithDefaults", Retry),
	builds("(github.com/failsafe-go/failsafe-go/retrypolicy.Builder).Build", Retry),
	builds("github.com/failsafe-go/failsafe-go/timeout.New", Timeout),
	builds("(github.com/failsafe-go/failsafe-go/timeout.Builder).Build", Timeout),
	allows("(github.com/failsafe-go/failsafe-go/circuitbreaker.CircuitBreaker).TryAcquirePermit", -1),
	buildsArgs("github.com/failsafe-go/failsafe-go/failsafehttp.NewRoundTripper", 1),
	buildsArgs("github.com/failsafe-go/failsafe-go/failsafehttp.NewRoundTripperWithExecutor", 1),
	buildsArgs("github.com/failsafe-go/failsafe-go/failsafegrpc.NewUnaryClientInterceptor", 0),
	buildsArgs("github.com/failsafe-go/failsafe-go/failsafegrpc.NewUnaryClientInterceptorWithExecutor", 0),

	// eapache/go-resiliency.
	runs("(*github.com/eapache/go-resiliency/breaker.Breaker).Run", Breaker, 0),
	runs("(*github.com/eapache/go-resiliency/breaker.Breaker).Go", Breaker, 0),
	runs("(*github.com/eapache/go-resiliency/retrier.Retrier).Run", Retry, 0),
	runs("(*github.com/eapache/go-resiliency/retrier.Retrier).RunCtx", Retry, 1),
	runs("(*github.com/eapache/go-resiliency/retrier.Retrier).RunFn", Retry, 1),
	runs("(*github.com/eapache/go-resiliency/deadline.Deadline).Run", Timeout, 0),

	// mercari/go-circuitbreaker.
	runs("(*github.com/mercari/go-circuitbreaker.CircuitBreaker).Do", Breaker, 1),
	allows("(*github.com/mercari/go-circuitbreaker.CircuitBreaker).Ready", -1),

	// rubyist/circuitbreaker (package circuit).
	runs("(*github.com/rubyist/circuitbreaker.Breaker).Call", Breaker, 0),
	runs("(*github.com/rubyist/circuitbreaker.Breaker).CallContext", Breaker, 1),
	allows("(*github.com/rubyist/circuitbreaker.Breaker).Ready", -1),
	builds("github.com/rubyist/circuitbreaker.NewHTTPClient", Breaker),
	builds("github.com/rubyist/circuitbreaker.NewHostBasedHTTPClient", Breaker),
	builds("github.com/rubyist/circuitbreaker.NewHTTPClientWithBreaker", Breaker),

	// slok/goresilience: runners are chains of middlewares.
	runsRecv("(github.com/slok/goresilience.Runner).Run", 1),
	buildsArgs("github.com/slok/goresilience.RunnerChain", 0),
	builds("github.com/slok/goresilience/circuitbreaker.New", Breaker),
	builds("github.com/slok/goresilience/circuitbreaker.NewMiddleware", Breaker),
	builds("github.com/slok/goresilience/retry.New", Retry),
	builds("github.com/slok/goresilience/retry.NewMiddleware", Retry),
	builds("github.com/slok/goresilience/timeout.New", Timeout),
	builds("github.com/slok/goresilience/timeout.NewMiddleware", Timeout),

	// go-kit: endpoint middlewares and the load balancer's retry.
	builds("github.com/go-kit/kit/circuitbreaker.Gobreaker", Breaker),
	builds("github.com/go-kit/kit/circuitbreaker.Hystrix", Breaker),
	builds("github.com/go-kit/kit/circuitbreaker.HandyBreaker", Breaker),
	builds("github.com/go-kit/kit/sd/lb.Retry", Retry|Timeout),
	builds("github.com/go-kit/kit/sd/lb.RetryWithCallback", Retry|Timeout),

	// cenkalti/backoff v4 and v5.
	runs("github.com/cenkalti/backoff/v4.Retry", Retry, 0),
	runs("github.com/cenkalti/backoff/v4.RetryWithData", Retry, 0),
	runs("github.com/cenkalti/backoff/v4.RetryNotify", Retry, 0),
	runs("github.com/cenkalti/backoff/v4.RetryNotifyWithData", Retry, 0),
	runs("github.com/cenkalti/backoff/v4.RetryNotifyWithTimer", Retry, 0),
	runs("github.com/cenkalti/backoff/v4.RetryNotifyWithTimerAndData", Retry, 0),
	runs("github.com/cenkalti/backoff/v5.Retry", Retry, 1),

	// avast/retry-go v4 and v5.
	runs("github.com/avast/retry-go/v4.Do", Retry, 0),
	runs("github.com/avast/retry-go/v4.DoWithData", Retry, 0),
	runs("(*github.com/avast/retry-go/v5.Retrier).Do", Retry, 0),
	runs("(*github.com/avast/retry-go/v5.RetrierWithData).Do", Retry, 0),

	// sethvargo/go-retry.
	runs("github.com/sethvargo/go-retry.Do", Retry, 2),
	runs("github.com/sethvargo/go-retry.DoValue", Retry, 2),
	runs("github.com/sethvargo/go-retry.Constant", Retry, 2),
	runs("github.com/sethvargo/go-retry.Exponential", Retry, 2),
	runs("github.com/sethvargo/go-retry.Fibonacci", Retry, 2),

	// Kubernetes and Google API helpers.
	runs("k8s.io/client-go/util/retry.OnError", Retry, 2),
	runs("k8s.io/client-go/util/retry.RetryOnConflict", Retry, 1),
	runs("github.com/googleapis/gax-go/v2.Invoke", Retry, 1),

	// hashicorp/go-retryablehttp: clients retry the requests sent through them.
	builds("github.com/hashicorp/go-retryablehttp.NewClient", Retry),
	buildsRecv("(*github.com/hashicorp/go-retryablehttp.Client).StandardClient", 0),

	// gRPC: interceptors and service-config retries, carried by dial options.
	buildsArgs("google.golang.org/grpc.NewClient", 1),
	buildsArgs("google.golang.org/grpc.Dial", 1),
	buildsArgs("google.golang.org/grpc.DialContext", 2),
	buildsArgs("google.golang.org/grpc.WithUnaryInterceptor", 0),
	buildsArgs("google.golang.org/grpc.WithChainUnaryInterceptor", 0),
	buildsArgs("google.golang.org/grpc.WithStreamInterceptor", 0),
	buildsArgs("google.golang.org/grpc.WithChainStreamInterceptor", 0),
	buildsArgs("github.com/grpc-ecosystem/go-grpc-middleware.ChainUnaryClient", 0),
	builds("github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry.UnaryClientInterceptor", Retry),
	builds("github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/retry.StreamClientInterceptor", Retry),
	builds("github.com/grpc-ecosystem/go-grpc-middleware/v2/interceptors/timeout.UnaryClientInterceptor", Timeout),
	builds("github.com/grpc-ecosystem/go-grpc-middleware/retry.UnaryClientInterceptor", Retry),
	builds("github.com/grpc-ecosystem/go-grpc-middleware/retry.StreamClientInterceptor", Retry),
	// kratos' gRPC connections put every unary call under a deadline in
	// their own interceptor: 2s unless WithTimeout says otherwise (a zero
	// WithTimeout turns it off, which faultline does not see).
	builds("github.com/go-kratos/kratos/v2/transport/grpc.Dial", Timeout),
	builds("github.com/go-kratos/kratos/v2/transport/grpc.DialInsecure", Timeout),
}, telemetryEntries()...)

// TypeEntry gives the protections of every value of a named type: what a
// value of the type is, wherever it was built.
type TypeEntry struct {
	Type  string // "pkg/path.Name"
	Kinds Kind
}

// Types is the table of protecting types.
var Types = append([]TypeEntry{
	{"github.com/sony/gobreaker.CircuitBreaker", Breaker},
	{"github.com/sony/gobreaker.TwoStepCircuitBreaker", Breaker},
	{"github.com/sony/gobreaker/v2.CircuitBreaker", Breaker},
	{"github.com/sony/gobreaker/v2.TwoStepCircuitBreaker", Breaker},
	{"github.com/sony/gobreaker/v2.DistributedCircuitBreaker", Breaker},
	{"github.com/afex/hystrix-go/hystrix.CircuitBreaker", Breaker},
	{"github.com/cep21/circuit/v4.Circuit", Breaker},
	{"github.com/failsafe-go/failsafe-go/circuitbreaker.CircuitBreaker", Breaker},
	{"github.com/failsafe-go/failsafe-go/retrypolicy.RetryPolicy", Retry},
	{"github.com/failsafe-go/failsafe-go/timeout.Timeout", Timeout},
	{"github.com/eapache/go-resiliency/breaker.Breaker", Breaker},
	{"github.com/eapache/go-resiliency/retrier.Retrier", Retry},
	{"github.com/mercari/go-circuitbreaker.CircuitBreaker", Breaker},
	{"github.com/rubyist/circuitbreaker.Breaker", Breaker},
	{"github.com/rubyist/circuitbreaker.HTTPClient", Breaker},
	{"github.com/hashicorp/go-retryablehttp.Client", Retry},
	{"github.com/hashicorp/go-retryablehttp.RoundTripper", Retry},
}, telemetryTypes()...)

// Telemetry comes from the catalogue (catalog.TelemetryAPIs): its builders
// and wrappers are Builds entries, its types TypeEntries; the package
// variables, the calls that instrument a client in place and the fields
// that do are read by telemetry.go.
func telemetryEntries() []Entry {
	var out []Entry
	for _, a := range catalog.TelemetryAPIs {
		switch a.Role {
		case catalog.TelBuilds:
			e := Entry{Func: a.Name, Role: Builds, Kinds: Telemetry}
			if a.Args >= 0 {
				e.From, e.Arg = Args, a.Args
			}
			out = append(out, e)
		case catalog.TelPasses:
			out = append(out, Entry{Func: a.Name, Role: Builds, From: Args, Arg: a.Args})
		case catalog.TelDerives:
			out = append(out, Entry{Func: a.Name, Role: Builds, From: Recv, Arg: 1 << 10})
		case catalog.TelSets:
			out = append(out, Entry{Func: a.Name, Role: Builds, From: Recv, Arg: 0})
		}
	}
	return out
}

func telemetryTypes() []TypeEntry {
	var out []TypeEntry
	for _, a := range catalog.TelemetryAPIs {
		if a.Role == catalog.TelType {
			out = append(out, TypeEntry{Type: a.Name, Kinds: Telemetry})
		}
	}
	return out
}

// Resolved forms of the tables.
var (
	entrySet = func() *lint.FuncSet {
		names := make([]string, len(Entries))
		for i, e := range Entries {
			names[i] = e.Func
		}
		return lint.NewFuncSet(names...)
	}()
	entryByFunc = func() map[string]*Entry {
		m := map[string]*Entry{}
		for i := range Entries {
			m[Entries[i].Func] = &Entries[i]
		}
		return m
	}()
	typeKinds = func() map[string]Kind {
		m := map[string]Kind{}
		for _, t := range Types {
			m[t.Type] |= t.Kinds
		}
		return m
	}()
)

// entryOf returns the table entry of fn.
func entryOf(fn *types.Func) (*Entry, bool) {
	name, ok := entrySet.Entry(fn)
	if !ok {
		return nil, false
	}
	return entryByFunc[name], true
}
