package valueflow

import (
	"go/constant"
	"strings"

	"golang.org/x/tools/go/ssa"

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
