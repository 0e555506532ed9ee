package valueflow

import (
	"go/types"
	"strings"
	"time"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// The paths valueflow records in facts, per tracked type. Questions about
// other paths are answered within a package but are Unknown across
// packages.
var (
	dialerPaths    = []string{"Timeout", "Deadline"}
	transportPaths = func() []string {
		p := []string{"DialContext", "Dial", "DialTLSContext", "DialTLS", "TLSHandshakeTimeout", "ResponseHeaderTimeout", "IdleConnTimeout"}
		for _, f := range []string{"DialContext", "Dial"} {
			for _, d := range dialerPaths {
				p = append(p, f+"."+DialerStep+"."+d)
			}
			p = append(p, f+"."+UnixStep)
		}
		return p
	}()
	clientPaths = append([]string{"Timeout", "Transport"}, prefixed("Transport.", transportPaths)...)
	serverPaths = []string{"ReadHeaderTimeout", "ReadTimeout", "WriteTimeout", "IdleTimeout"}
	redisPaths  = []string{"DialTimeout", "ReadTimeout", "WriteTimeout", "PoolTimeout", "ContextTimeoutEnabled", "MaxRetries"}
)

func prefixed(prefix string, paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = prefix + p
	}
	return out
}

// catalogue maps each tracked type to the paths its facts record.
var catalogue = map[string][]string{
	"net/http.Client":       clientPaths,
	"net/http.Transport":    transportPaths,
	"net/http.RoundTripper": transportPaths,
	"net/http.Server":       serverPaths,
	"net.Dialer":            dialerPaths,
	"crypto/tls.Dialer":     append([]string{"NetDialer"}, prefixed("NetDialer.", dialerPaths)...),
	"github.com/hashicorp/go-retryablehttp.Client": append([]string{"HTTPClient", "RetryMax"},
		prefixed("HTTPClient.", clientPaths)...),
	"github.com/segmentio/kafka-go.Dialer": {"Timeout", "Deadline", "DialFunc"},
	"github.com/labstack/echo/v4.Echo": append([]string{"Server", "TLSServer"},
		append(prefixed("Server.", serverPaths), prefixed("TLSServer.", serverPaths)...)...),
	"github.com/gofiber/fiber/v2.App": {fiberConfig + ".ReadTimeout"},
	"github.com/gofiber/fiber/v3.App": {fiberConfig + ".ReadTimeout"},
	// hertz and iris: the read timeout of a server (catalog's
	// HertzReadTimeout, HertzEngineReadTimeout) and an Application's
	// Timeout (IrisTimeout).
	"github.com/cloudwego/hertz/pkg/app/server.Hertz": {catalog.HertzReadTimeout},
	"github.com/cloudwego/hertz/pkg/route.Engine":     {catalog.HertzEngineReadTimeout},
	"github.com/kataras/iris/v12.Application":         {catalog.IrisTimeout},
	"github.com/segmentio/kafka-go.Writer":            {"ReadTimeout", "WriteTimeout", "MaxAttempts"},
	"github.com/redis/go-redis/v9.Options":            redisPaths,
	"github.com/go-redis/redis/v8.Options":            redisPaths,
}

// trackedPaths returns the catalogue paths of values of type t.
func trackedPaths(t types.Type) []string { return catalogue[ir.TypeKey(t)] }

// known describes a value built by library code faultline models: the
// paths that are set, with their constants. Every path it does not list is
// unset.
type known map[string]Info

func (k known) lookup(path string) Info {
	if i, ok := k[path]; ok {
		return i
	}
	return unset
}

// with returns k with other's paths under prefix.
func (k known) with(prefix string, other known) known {
	out := known{}
	for p, i := range k {
		out[p] = i
	}
	for p, i := range other {
		out[prefix+p] = i
	}
	return out
}

var (
	// knownDefaultTransport is http.DefaultTransport (net/http
	// transport.go): a net.Dialer with 30s Timeout and KeepAlive, a 10s
	// TLS handshake timeout, and no response-header timeout.
	knownDefaultTransport = known{
		"DialContext":                              set,
		"DialContext." + DialerStep + ".Timeout":   setTo(30 * time.Second),
		"DialContext." + DialerStep + ".KeepAlive": setTo(30 * time.Second),
		"TLSHandshakeTimeout":                      setTo(10 * time.Second),
		"IdleConnTimeout":                          setTo(90 * time.Second),
		"ExpectContinueTimeout":                    setTo(1 * time.Second),
		"MaxIdleConns":                             setInt(100),
		"Proxy":                                    set,
		"ForceAttemptHTTP2":                        set,
	}
	// knownCleanTransport is go-cleanhttp's DefaultTransport and
	// DefaultPooledTransport: DefaultTransport's timeouts.
	knownCleanTransport = known{
		"DialContext":                              set,
		"DialContext." + DialerStep + ".Timeout":   setTo(30 * time.Second),
		"DialContext." + DialerStep + ".KeepAlive": setTo(30 * time.Second),
		"TLSHandshakeTimeout":                      setTo(10 * time.Second),
		"IdleConnTimeout":                          setTo(90 * time.Second),
		"ExpectContinueTimeout":                    setTo(1 * time.Second),
		"MaxIdleConns":                             setInt(100),
		"Proxy":                                    set,
		"ForceAttemptHTTP2":                        set,
	}
	// knownCleanClient is go-cleanhttp's DefaultClient and
	// DefaultPooledClient: its transport, no Timeout.
	knownCleanClient = known{"Transport": set}.with("Transport.", knownCleanTransport)
	// knownRetryableClient is retryablehttp.NewClient(): a go-cleanhttp
	// pooled client (no Timeout), 4 retries waiting 1s to 30s.
	knownRetryableClient = known{
		"HTTPClient":   set,
		"RetryMax":     setInt(4),
		"RetryWaitMin": setTo(1 * time.Second),
		"RetryWaitMax": setTo(30 * time.Second),
		"CheckRetry":   set,
		"Backoff":      set,
		"Logger":       set,
	}.with("HTTPClient.", knownCleanClient)
	// knownEcho is echo.New(): Server and TLSServer are new(http.Server),
	// every timeout zero (echo v4.16.6 echo.go:394-408).
	knownEcho = known{"Server": set, "TLSServer": set}
	// knownKafkaDialer is kafka-go's DefaultDialer: a 10s Timeout.
	knownKafkaDialer = known{"Timeout": setTo(10 * time.Second), "DualStack": set}
)

// knownGlobals are package-level variables of libraries whose values
// faultline knows. http.DefaultClient is &http.Client{}: nothing set.
var knownGlobals = map[[2]string]known{
	{"net/http", "DefaultClient"}:                      {},
	{"net/http", "DefaultTransport"}:                   knownDefaultTransport,
	{"github.com/segmentio/kafka-go", "DefaultDialer"}: knownKafkaDialer,
}

// knownGlobal returns what is known of the package-level variable v.
// Membership is decided by identity: the variable must be the one its
// package's scope declares under that name.
func knownGlobal(v *types.Var) (known, bool) {
	if v == nil || v.Pkg() == nil {
		return nil, false
	}
	k, ok := knownGlobals[[2]string{v.Pkg().Path(), v.Name()}]
	if !ok || v.Pkg().Scope().Lookup(v.Name()) != v {
		return nil, false
	}
	return k, true
}

// knownCtors are library functions whose results faultline knows.
var knownCtors = map[string]known{
	"github.com/hashicorp/go-cleanhttp.DefaultClient":          knownCleanClient,
	"github.com/hashicorp/go-cleanhttp.DefaultPooledClient":    knownCleanClient,
	"github.com/hashicorp/go-cleanhttp.DefaultTransport":       knownCleanTransport,
	"github.com/hashicorp/go-cleanhttp.DefaultPooledTransport": knownCleanTransport,
	"github.com/hashicorp/go-retryablehttp.NewClient":          knownRetryableClient,
	"github.com/labstack/echo/v4.New":                          knownEcho,
}

var knownCtorSet = func() *lint.FuncSet {
	var names []string
	for n := range knownCtors {
		names = append(names, n)
	}
	return lint.NewFuncSet(names...)
}()

// cloneSet are methods that return a copy of their receiver.
var cloneSet = lint.NewFuncSet("(*net/http.Transport).Clone")

// dialMethods are the methods whose bound values are a transport's dial
// functions.
var dialMethods = lint.NewFuncSet("(*net.Dialer).DialContext", "(*net.Dialer).Dial")

// library reports whether pkg is code faultline models rather than
// analyses: the standard library or a modelled library. Such code is
// assumed not to assign the configuration fields of values passed to it.
func (e *evaluator) library(pkg *types.Package) bool {
	if pkg == nil || pkg == e.pass.Pkg {
		return false
	}
	if ir.Modelled(pkg.Path()) {
		return true
	}
	if lib, ok := e.libs[pkg]; ok {
		return lib
	}
	var f PackageFact
	lib := !e.pass.ImportPackageFact(pkg, &f)
	e.libs[pkg] = lib
	return lib
}

// isDuration reports whether t is time.Duration.
func isDuration(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "time" && n.Obj().Name() == "Duration"
}

// head and tail split a path at its first step.
func head(path string) string {
	h, _, _ := strings.Cut(path, ".")
	return h
}

func tail(path string) string {
	_, t, _ := strings.Cut(path, ".")
	return t
}
