package valueflow

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"time"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Servers built by HTTP server frameworks, whose bodies faultline does not
// analyse (see catalog's serverFrameworks): what their constructors set,
// and where the user sets the rest.

var (
	// fiberNew builds an App whose fasthttp.Server takes its timeouts from
	// the Config it is given, its first argument, or a zero Config
	// (fiber v2.52.16 app.go:497-586, 990-1024; v3.5.0 app.go:695, 1520-1560).
	fiberNew = lint.NewFuncSet("github.com/gofiber/fiber/v2.New", "github.com/gofiber/fiber/v3.New")
	// fiberServer returns the App's fasthttp.Server, whose fields the user
	// may set before Listen (app.go:901).
	fiberServer = lint.NewFuncSet("(*github.com/gofiber/fiber/v2.App).Server", "(*github.com/gofiber/fiber/v3.App).Server")
)

// fiberConfig is the field of fiber.App holding its Config.
const fiberConfig = "config"

// fiberNewState answers what the App built by fiber.New(args...) holds at
// path: config.X is the X of the first Config given, Unset when none is.
func (e *evaluator) fiberNewState(args []ssa.Value, path string) Info {
	rest, ok := strings.CutPrefix(path, fiberConfig+".")
	if !ok || len(args) != 1 {
		return unknown
	}
	return e.firstVariadic(args[0], rest)
}

// firstVariadic answers what the first element of the variadic argument
// v holds at path: Unset when none is given, Unknown for a slice of the
// caller's.
func (e *evaluator) firstVariadic(v ssa.Value, path string) Info {
	switch v := v.(type) {
	case *ssa.Const:
		if v.IsNil() {
			return unset // fiber.New(): a zero Config
		}
	case *ssa.Slice:
		arr, ok := v.X.(*ssa.Alloc)
		if !ok || arr.Comment != "varargs" {
			return unknown // a slice of the user's: not followed
		}
		for _, r := range referrers(arr) {
			ia, ok := r.(*ssa.IndexAddr)
			if !ok || !constZero(ia.Index) {
				continue
			}
			// The Config is written into the element in place, field by
			// field, or stored whole.
			return join(unset, e.scan(ia, path))
		}
		return unset // an empty array: none given
	}
	return unknown
}

// constZero reports whether v is the integer constant 0.
func constZero(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.Int && constant.Sign(c.Value) == 0
}

// fiberServerArg answers what a call of App.Server() sets at path on the
// App: config.X is what assignments through the returned fasthttp.Server
// set at X.
func (e *evaluator) fiberServerArg(c ssa.CallInstruction, path string) Info {
	res, _ := c.(*ssa.Call)
	rest, ok := strings.CutPrefix(path, fiberConfig+".")
	if res == nil || !ok {
		return unset
	}
	return e.scan(res, rest)
}

// hertz (v0.10.4): server.New and server.Default build a Hertz whose
// route.Engine keeps the config.Options built from their options
// (pkg/app/server/hertz.go:39-53): ReadTimeout is 3 minutes unless an
// option sets it (pkg/common/config/option.go:36,147), and the engine
// sets a read deadline only when it is positive (pkg/route/engine.go:434,
// pkg/protocol/http1/server.go:198-212).
var (
	hertzNew = lint.NewFuncSet(
		"github.com/cloudwego/hertz/pkg/app/server.New",
		"github.com/cloudwego/hertz/pkg/app/server.Default",
	)
	hertzReadTimeout = lint.NewFuncSet("github.com/cloudwego/hertz/pkg/app/server.WithReadTimeout")
)

// hertzOptionPkgs are the packages whose options set no ReadTimeout
// unless they are WithReadTimeout.
var hertzOptionPkgs = map[string]bool{
	"github.com/cloudwego/hertz/pkg/app/server":    true,
	"github.com/cloudwego/hertz/pkg/common/config": true,
}

// hertzDefaultReadTimeout is config.NewOptions' ReadTimeout.
var hertzDefaultReadTimeout = Info{State: Set, Const: true, Value: int64(3 * time.Minute), IsDuration: true}

// hertzNewState answers what the Hertz built by server.New(opts...) holds
// at path: its ReadTimeout is the last WithReadTimeout among opts (a
// value that is not positive: Unset, no deadline), or the default.
// An option faultline cannot read (not one of hertz's: a tracer of
// hertz-contrib, an option of the user's) makes it Unknown unless a
// WithReadTimeout follows it, and so does a slice of the caller's.
func (e *evaluator) hertzNewState(args []ssa.Value, path string) Info {
	if path != catalog.HertzReadTimeout || len(args) != 1 {
		return unknown
	}
	elems, ok := varargElems(args[0])
	if !ok {
		return unknown
	}
	i := hertzDefaultReadTimeout
	for _, el := range elems {
		c, ok := el.(*ssa.Call)
		var obj *types.Func
		if ok {
			obj = calleeObject(&c.Call)
		}
		switch {
		case obj == nil || obj.Pkg() == nil:
			i = unknown // it may set anything, until a later WithReadTimeout
		case hertzReadTimeout.Has(obj) && len(c.Call.Args) == 1:
			i = positive(e.leaf(c.Call.Args[0]))
		case hertzOptionPkgs[obj.Pkg().Path()]:
		default:
			i = unknown
		}
	}
	return i
}

// positive turns a duration that is a negative constant into Unset: the
// frameworks read it as no timeout.
func positive(i Info) Info {
	if i.State == Set && i.Const && i.Value < 0 {
		return unset
	}
	return i
}

// varargElems returns, in order, the elements of the variadic argument v
// (nil: none given), and whether they could be read: the array a call
// builds for its variadic arguments, each element stored once.
func varargElems(v ssa.Value) ([]ssa.Value, bool) {
	switch v := v.(type) {
	case *ssa.Const:
		return nil, v.IsNil()
	case *ssa.Slice:
		arr, ok := v.X.(*ssa.Alloc)
		if !ok || arr.Comment != "varargs" {
			return nil, false
		}
		n := 0
		if at, ok := arr.Type().Underlying().(*types.Pointer); ok {
			if a, ok := at.Elem().Underlying().(*types.Array); ok {
				n = int(a.Len())
			}
		}
		out := make([]ssa.Value, n)
		for _, r := range referrers(arr) {
			ia, ok := r.(*ssa.IndexAddr)
			if !ok {
				continue
			}
			k, ok := ia.Index.(*ssa.Const)
			if !ok {
				return nil, false
			}
			j, ok := constant.Int64Val(k.Value)
			if !ok || j < 0 || int(j) >= n {
				return nil, false
			}
			for _, rr := range referrers(ia) {
				if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
					if out[j] != nil {
						return nil, false
					}
					out[j] = st.Val
				}
			}
		}
		for _, x := range out {
			if x == nil {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// iris (v12.2.11): iris.New and iris.Default build an Application whose
// Configuration has Timeout zero (iris.go:118-186, configuration.go:1402);
// Listen and Run's runners Addr, TLS, AutoTLS and Listener build an
// http.Server with Addr only (iris.go:827-990), and Build sets its
// ReadHeaderTimeout to Timeout + 5s, among others, only when Timeout is
// positive (iris.go:771-790). Configurators set Timeout: WithTimeout,
// WithConfiguration (when its Timeout is positive, configuration.go:1218),
// and any function of the user's.
var (
	irisNew           = lint.NewFuncSet("github.com/kataras/iris/v12.New", "github.com/kataras/iris/v12.Default")
	irisConfigure     = lint.NewFuncSet("(*github.com/kataras/iris/v12.Application).Configure")
	irisConfigureHost = lint.NewFuncSet("(*github.com/kataras/iris/v12.Application).ConfigureHost")
	irisWithTimeout   = lint.NewFuncSet("github.com/kataras/iris/v12.WithTimeout")
	irisWithConfig    = lint.NewFuncSet("github.com/kataras/iris/v12.WithConfiguration")
)

const irisPkg = "github.com/kataras/iris/v12"

// irisConfigurators answers what the configurators of the variadic
// argument v set Timeout to: Unset when none sets it, Unknown when one
// cannot be read (a function of the user's, a configuration read from a
// file, iris.WithGlobalConfiguration).
func (e *evaluator) irisConfigurators(v ssa.Value) Info {
	elems, ok := varargElems(v)
	if !ok {
		return unknown
	}
	i := unset
	for _, el := range elems {
		if ct, ok := el.(*ssa.ChangeType); ok {
			el = ct.X // a func(*Application) variable as a Configurator
		}
		// A configurator faultline cannot read may set Timeout, until a
		// later WithTimeout sets it again.
		switch x := el.(type) {
		case *ssa.Call:
			obj := calleeObject(&x.Call)
			switch {
			case obj == nil || obj.Pkg() == nil || obj.Pkg().Path() != irisPkg:
				i = unknown
			case irisWithTimeout.Has(obj) && len(x.Call.Args) >= 1:
				i = positive(e.leaf(x.Call.Args[0]))
			case irisWithConfig.Has(obj) && len(x.Call.Args) == 1:
				if c := positive(e.state(x.Call.Args[0], "Timeout")); c.State != Unset {
					i = c
				}
			}
		case *ssa.UnOp:
			// A configurator of iris' package variables (WithoutBanner,
			// WithOptimizations): none but WithGlobalConfiguration,
			// read from a file, sets Timeout.
			g, ok := x.X.(*ssa.Global)
			if !ok || x.Op != token.MUL || !inPkg(g.Object(), irisPkg) || g.Name() == "WithGlobalConfiguration" {
				i = unknown
			}
		case *ssa.Function:
			if !inPkg(x.Object(), irisPkg) {
				i = unknown
			}
		default:
			i = unknown
		}
	}
	return i
}

// IrisConfigurators answers what the configurators of the variadic
// argument v (of Listen, Run or Configure) set an Application's Timeout
// to.
func (r *Result) IrisConfigurators(v ssa.Value) Info {
	if r == nil || r.e == nil || v == nil {
		return unknown
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.e.irisConfigurators(v)
}

// irisAppArg answers what a call of an Application's method, x its
// receiver, sets at path: Configure's configurators set Timeout, and a
// host configurator (ConfigureHost) may set the fields of the server
// itself, which IrisTimeout stands for.
func (e *evaluator) irisAppArg(c ssa.CallInstruction, obj *types.Func, path string) (Info, bool) {
	cc := c.Common()
	switch {
	case path != catalog.IrisTimeout:
		return unset, false
	case irisConfigure.Has(obj) && len(cc.Args) == 2:
		return e.irisConfigurators(cc.Args[1]), true
	case irisConfigureHost.Has(obj):
		return unknown, true
	}
	return unset, false
}

// inPkg reports whether obj belongs to the package path.
func inPkg(obj types.Object, path string) bool {
	return obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == path
}
