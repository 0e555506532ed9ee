package ctxdeadline

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

// Framework handlers as request roots.
//
// echo, gin and fiber hand their handlers a per-request value (a
// "carrier": echo.Context, *gin.Context, *fiber.Ctx) through which the
// handler reaches the request's context:
//
//   - echo v4: c.Request().Context(), the *http.Request's context.
//   - gin: c.Request.Context(). *gin.Context is itself a context.Context,
//     but its Deadline, Done, Err and Value reach the request's context
//     only when the engine's ContextWithFallback is true (false by
//     default, gin v1.8+): otherwise it has no deadline and is never done.
//     When the package sets ContextWithFallback, c is the request's
//     context; otherwise c used as a context is reported wherever it is
//     used, since no middleware can bound it.
//   - fiber v2: c.UserContext() is context.Background() unless a
//     middleware called c.SetUserContext (timeout.NewWithContext does, with
//     a deadline); c.Context() is fasthttp's *RequestCtx, whose Deadline
//     is always none and whose Done closes only when the server shuts
//     down, so no middleware bounds it.
//
//   - hertz: a handler is func(ctx context.Context, c *app.RequestContext);
//     ctx is the request's context (the connection's, no deadline), and a
//     middleware bounds the handlers after it by calling c.Next(ctx) with
//     a context that has one. hertz has no timeout middleware of its own.
//   - iris: ctx.Request().Context(); iris' *context.Context is itself a
//     context.Context whose Deadline, Done and Err are the request's
//     context's. The Application's Timeout (iris.WithTimeout) runs every
//     route under http.TimeoutHandler: a package that sets it anywhere has
//     every iris handler bounded.
//
// chi and gorilla/mux handlers are net/http's: handlers.go finds them.
//
// The frameworks' timeout middlewares bound a handler when registered on
// the route, the group or the engine (router) that serves it; the routers
// of a package are resolved as values (see scanFrameworks). Where the
// router a timeout middleware is registered on cannot be resolved, every
// handler of the framework in the package counts as bounded, as for
// http.TimeoutHandler (precision first).

// fwKind is a web framework whose handlers are request roots.
type fwKind int

const (
	fwNone  fwKind = iota
	fwEcho         // github.com/labstack/echo/v4
	fwGin          // github.com/gin-gonic/gin
	fwFiber        // github.com/gofiber/fiber/v2
	fwHertz        // github.com/cloudwego/hertz
	fwIris         // github.com/kataras/iris/v12
	fwHTTP         // chi, gorilla/mux: routers of net/http handlers
)

const (
	echoPkg    = "github.com/labstack/echo/v4"
	ginPkg     = "github.com/gin-gonic/gin"
	fiberPkg   = "github.com/gofiber/fiber/v2"
	chiPkg     = "github.com/go-chi/chi/v5"
	gorillaPkg = "github.com/gorilla/mux"

	hertzAppPkg    = "github.com/cloudwego/hertz/pkg/app"
	hertzRoutePkg  = "github.com/cloudwego/hertz/pkg/route"
	hertzServerPkg = "github.com/cloudwego/hertz/pkg/app/server"
	irisPkg        = "github.com/kataras/iris/v12"
	irisCtxPkg     = "github.com/kataras/iris/v12/context"
	irisRouterPkg  = "github.com/kataras/iris/v12/core/router"
)

func (k fwKind) String() string {
	switch k {
	case fwEcho:
		return "echo"
	case fwGin:
		return "gin"
	case fwFiber:
		return "fiber"
	case fwHertz:
		return "hertz"
	case fwIris:
		return "iris"
	}
	return ""
}

var (
	echoRequest     = lint.NewFuncSet("(github.com/labstack/echo/v4.Context).Request")
	echoSetRequest  = lint.NewFuncSet("(github.com/labstack/echo/v4.Context).SetRequest")
	fiberUserCtx    = lint.NewFuncSet("(*github.com/gofiber/fiber/v2.Ctx).UserContext")
	fiberSetUserCtx = lint.NewFuncSet("(*github.com/gofiber/fiber/v2.Ctx).SetUserContext")
	fiberFastCtx    = lint.NewFuncSet("(*github.com/gofiber/fiber/v2.Ctx).Context")
	// fiberWithCtx wraps a handler and puts a deadline on its UserContext;
	// timeout.New only stops waiting for it (the handler runs on, its
	// context unbounded).
	fiberWithCtx = lint.NewFuncSet("github.com/gofiber/fiber/v2/middleware/timeout.NewWithContext")
	reqDerive    = lint.NewFuncSet("(*net/http.Request).WithContext", "(*net/http.Request).Clone")

	// hertzNext runs the rest of a hertz chain with the context it is
	// given.
	hertzNext        = lint.NewFuncSet("(*github.com/cloudwego/hertz/pkg/app.RequestContext).Next")
	irisRequest      = lint.NewFuncSet("(*github.com/kataras/iris/v12/context.Context).Request")
	irisResetRequest = lint.NewFuncSet("(*github.com/kataras/iris/v12/context.Context).ResetRequest")
	// irisTimeout set the Application's Timeout, under which iris serves
	// every route through http.TimeoutHandler (iris.go:771).
	irisTimeout = lint.NewFuncSet(irisPkg+".WithTimeout", irisPkg+".WithConfiguration")
)

// timeoutMiddlewares are the frameworks' middleware constructors that put
// a deadline on the request's context, and those that look as if they
// did (value false).
var timeoutMiddlewares = map[string]bool{
	// echo: ContextTimeout derives the request's context with a deadline.
	echoPkg + "/middleware.ContextTimeout":                           true,
	echoPkg + "/middleware.ContextTimeoutWithConfig":                 true,
	"(" + echoPkg + "/middleware.ContextTimeoutConfig).ToMiddleware": true,
	// echo: Timeout runs the handler under http.TimeoutHandler, which
	// derives the request's context with a deadline and hands the request
	// to the handler (c.SetRequest), but only when TimeoutConfig.Timeout
	// is not zero: Timeout() uses DefaultTimeoutConfig, whose Timeout is
	// zero, and bounds nothing.
	echoPkg + "/middleware.TimeoutWithConfig":                       true, // see timeoutConfigSet
	"(" + echoPkg + "/middleware.TimeoutConfig).ToMiddleware":       true, // see timeoutConfigSet
	echoPkg + "/middleware.Timeout":                                 false,
	chiPkg + "/middleware.Timeout":                                  true,
	"github.com/gofiber/fiber/v2/middleware/timeout.New":            false,
	"github.com/gofiber/fiber/v2/middleware/timeout.NewWithContext": true,
}

var timeoutMiddlewareSet = func() *lint.FuncSet {
	var names []string
	for k := range timeoutMiddlewares {
		names = append(names, k)
	}
	return lint.NewFuncSet(names...)
}()

// MiddlewareFact marks a function that is, or builds, a middleware that
// puts a deadline on the request's context: it derives the request with
// a context that has one (r.WithContext(ctx), c.SetUserContext(ctx) with
// ctx from context.WithTimeout), runs the handler under
// http.TimeoutHandler, or calls such a constructor. Handlers registered
// behind it are bounded.
type MiddlewareFact struct{}

// AFact marks MiddlewareFact as an analysis fact.
func (*MiddlewareFact) AFact() {}

func (*MiddlewareFact) String() string { return "boundsRequest" }

// RouterFact marks a function that registers a middleware putting a
// deadline on the request's context on the routers it is given (Params,
// receiver first, as a call's arguments), or that returns a router with
// one (Result): router.Setup(e) calling e.Use(timeout) in a package of
// its own. A caller's handlers registered on that router (after the call,
// where order matters) are bounded.
type RouterFact struct {
	Params []int
	Result bool
}

// AFact marks RouterFact as an analysis fact.
func (*RouterFact) AFact() {}

func (f *RouterFact) String() string {
	var parts []string
	for _, p := range f.Params {
		parts = append(parts, fmt.Sprint(p))
	}
	if f.Result {
		parts = append(parts, "result")
	}
	return "boundsRouter(" + strings.Join(parts, ", ") + ")"
}

// fwState is what scanFrameworks learns of a package.
type fwState struct {
	bound       map[*ssa.Function]bool // handlers behind a timeout middleware
	all         [fwHTTP + 1]bool       // a timeout middleware on a router not resolved: every handler counts as bounded
	ginFallback bool                   // the package sets gin's Engine.ContextWithFallback

	bounds   map[*ssa.Function]bool // boundsRequest's answers
	replaces map[*ssa.Function]bool // replacesRequest's answers

	// Routers: a union-find of the values that are one router, the
	// routers each is derived from (groups, sub-routers), and those with
	// a timeout middleware.
	uf       map[any]any
	up       map[any][]upEdge
	timeouts map[any][]ssa.Instruction // nil entries: registered for every route, whenever
	regs     []fwReg
	// paramTimeouts are the router parameters of the package's functions
	// that a timeout middleware is registered on, with Use on the
	// parameter itself: what RouterFact exports.
	paramTimeouts map[*ssa.Parameter]bool
}

// upEdge is a router a router is served under. at is where the child was
// made, when it takes a copy of the parent's middlewares then (gin's,
// echo's, hertz's Group, iris' Party): the parent's later Use calls do not
// reach it; nil when they do.
type upEdge struct {
	parent any
	at     ssa.Instruction
}

// fwReg is a registration of handlers on a router.
type fwReg struct {
	fw       fwKind
	node     any // the router's key; nil when not resolved
	handlers []ssa.Value
	bounded  bool            // the route's own middlewares bound it
	at       ssa.Instruction // the registration
}

func (c *checker) fw() *fwState {
	if c.fws == nil {
		c.fws = &fwState{
			bound:    map[*ssa.Function]bool{},
			bounds:   map[*ssa.Function]bool{},
			replaces: map[*ssa.Function]bool{},
			uf:       map[any]any{},
			up:       map[any][]upEdge{},
			timeouts: map[any][]ssa.Instruction{},
		}
	}
	return c.fws
}

// carrierOf says which framework's per-request value t is.
func carrierOf(t types.Type) fwKind {
	_, ptr := types.Unalias(t).(*types.Pointer)
	switch {
	case !ptr && lint.IsNamed(t, echoPkg, "Context") && types.IsInterface(t):
		return fwEcho
	case ptr && lint.IsNamed(t, ginPkg, "Context"):
		return fwGin
	case ptr && lint.IsNamed(t, fiberPkg, "Ctx"):
		return fwFiber
	case ptr && lint.IsNamed(t, hertzAppPkg, "RequestContext"):
		return fwHertz
	case ptr && lint.IsNamed(t, irisCtxPkg, "Context"):
		return fwIris
	}
	return fwNone
}

// frameworkHandler says which framework fn is a handler of: it has the
// signature of echo.HandlerFunc, gin.HandlerFunc, fiber.Handler,
// hertz's app.HandlerFunc or iris' context.Handler and is not only called
// directly by other functions of the package (as isHandler).
func (c *checker) frameworkHandler(fn *ssa.Function) fwKind {
	k := handlerSigFW(fn.Signature)
	if k == fwNone || !c.usedAsValue[fn] && c.calledStatic[fn] {
		return fwNone
	}
	return k
}

// handlerSigFW says which framework's handler signature sig is.
func handlerSigFW(sig *types.Signature) fwKind {
	ps := sig.Params()
	if ps.Len() == 2 && sig.Results().Len() == 0 && remote.IsContext(ps.At(0).Type()) && carrierOf(ps.At(1).Type()) == fwHertz {
		return fwHertz
	}
	if ps.Len() != 1 {
		return fwNone
	}
	k := carrierOf(ps.At(0).Type())
	switch k {
	case fwEcho, fwFiber:
		if sig.Results().Len() != 1 || !types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type()) {
			return fwNone
		}
	case fwGin, fwIris:
		if sig.Results().Len() != 0 {
			return fwNone
		}
	default:
		return fwNone
	}
	return k
}

// hertzCtxFlow is the flow of the context parameter of a function: in a
// hertz handler, the request's context, with no deadline unless a
// middleware bounds the handler; and whether p is one.
func (c *checker) hertzCtxFlow(p *ssa.Parameter) (*flow, bool) {
	fn := p.Parent()
	if ir.ParamIndex(p) != 0 || c.frameworkHandler(fn) != fwHertz {
		return nil, false
	}
	if s := c.fw(); s.all[fwHertz] || s.bound[fn] {
		return none, true
	}
	return &flow{origins: []entry{{o: &origin{pos: p.Pos(), kind: requestCtx, what: fwHandlerLabel(fwHertz, fn), fn: fn, fw: fwHertz}}}}, true
}

// carrierFlow is the flow of a carrier parameter: in a framework handler,
// the request's context, with no deadline unless a timeout middleware
// bounds the handler; elsewhere its callers decide.
func (c *checker) carrierFlow(p *ssa.Parameter) *flow {
	fn := p.Parent()
	k := c.frameworkHandler(fn)
	if k == fwNone || ir.ParamIndex(p) != 0 {
		return &flow{params: []*ssa.Parameter{p}}
	}
	if s := c.fw(); s.all[k] || s.bound[fn] {
		return none
	}
	return &flow{origins: []entry{{o: &origin{pos: p.Pos(), kind: requestCtx, what: fwHandlerLabel(k, fn), fn: fn, fw: k}}}}
}

// fwHandlerLabel names a framework's handler for messages: "echo handler
// pkg.getOrder", "an echo handler literal in pkg.routes".
func fwHandlerLabel(k fwKind, fn *ssa.Function) string {
	if _, ok := fn.Object().(*types.Func); ok {
		return k.String() + " handler " + funcLabel(fn)
	}
	article := "a "
	if k == fwEcho {
		article = "an "
	}
	if p := fn.Parent(); p != nil && p.Synthetic == "" {
		return article + k.String() + " handler literal in " + funcLabel(p)
	}
	return article + k.String() + " handler literal"
}

// frameworkCall is the flow of result idx of a call of a carrier's
// method, and whether call is one.
func (c *checker) frameworkCall(call *ssa.Call, callee *types.Func, idx int) (*flow, bool) {
	cc := &call.Call
	switch {
	case echoRequest.Has(callee):
		if c.replacesRequest(call.Parent()) {
			return none, true
		}
		return c.flowOf(ir.Receiver(cc)), true
	case fiberUserCtx.Has(callee):
		if c.replacesRequest(call.Parent()) {
			return none, true
		}
		return relocate(c.flowOf(ir.Receiver(cc)), call.Pos()), true
	case irisRequest.Has(callee):
		if c.replacesRequest(call.Parent()) {
			return none, true
		}
		return c.flowOf(ir.Receiver(cc)), true
	case fiberFastCtx.Has(callee):
		return &flow{origins: []entry{{o: &origin{pos: call.Pos(), kind: freshCtx, what: "c.Context()", fw: fwFiber, fn: call.Parent()}}}}, true
	}
	return nil, false
}

// relocate returns g with its request origins moved to pos, where the
// handler's context is taken.
func relocate(g *flow, pos token.Pos) *flow {
	if g.empty() {
		return none
	}
	f := &flow{params: g.params}
	for _, e := range g.origins {
		if e.o.kind == requestCtx {
			o := *e.o
			o.pos = pos
			e.o = &o
		}
		f.origins = append(f.origins, e)
	}
	return f
}

// frameworkLoad is the flow of a load of gin's c.Request, and whether v
// is one.
func (c *checker) frameworkLoad(v *ssa.UnOp) (*flow, bool) {
	fa, ok := v.X.(*ssa.FieldAddr)
	if !ok || v.Op != token.MUL || carrierOf(fa.X.Type()) != fwGin {
		return nil, false
	}
	if f := ir.FieldVar(fa); f == nil || f.Name() != "Request" {
		return nil, false
	}
	if c.replacesRequest(v.Parent()) {
		return none, true
	}
	return c.flowOf(fa.X), true
}

// ginAsContext is the flow of a *gin.Context used as a context.Context,
// and whether mi is one. With ContextWithFallback set in the package it
// is the request's context; otherwise it has no deadline and is never
// done, whatever middleware runs before: an origin of its own, where it
// is used.
func (c *checker) ginAsContext(mi *ssa.MakeInterface) (*flow, bool) {
	k := carrierOf(mi.X.Type())
	if k != fwGin && k != fwIris || !remote.IsContext(mi.Type()) {
		return nil, false
	}
	pos := mi.Pos()
	if refs := mi.Referrers(); !pos.IsValid() && refs != nil {
		for _, r := range *refs {
			if call, ok := r.(ssa.CallInstruction); ok {
				pos = call.Pos()
				break
			}
		}
	}
	if k == fwIris || c.fw().ginFallback {
		// iris' Context is the request's context (Deadline, Done and
		// Err are its).
		if k == fwIris && c.replacesRequest(mi.Parent()) {
			return none, true
		}
		return relocate(c.flowOf(mi.X), pos), true
	}
	what := "c"
	if p, ok := mi.X.(*ssa.Parameter); ok && p.Name() != "" && p.Name() != "_" {
		what = p.Name()
	}
	return &flow{origins: []entry{{o: &origin{pos: pos, kind: freshCtx, what: what, fw: fwGin, fn: mi.Parent()}}}}, true
}

// replacesRequest reports whether fn replaces the request a carrier
// holds (echo's c.SetRequest, gin's c.Request = …, fiber's
// c.SetUserContext): which request a later read sees is then not
// followed.
func (c *checker) replacesRequest(fn *ssa.Function) bool {
	s := c.fw()
	if v, ok := s.replaces[fn]; ok {
		return v
	}
	res := false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch x := instr.(type) {
			case ssa.CallInstruction:
				callee := ir.Callee(x.Common())
				if echoSetRequest.Has(callee) || fiberSetUserCtx.Has(callee) || irisResetRequest.Has(callee) {
					res = true
				}
			case *ssa.Store:
				if fa, ok := x.Addr.(*ssa.FieldAddr); ok && carrierOf(fa.X.Type()) == fwGin {
					if f := ir.FieldVar(fa); f != nil && f.Name() == "Request" {
						res = true
					}
				}
			}
		}
	}
	s.replaces[fn] = res
	return res
}

// frameworkMessage is the message of a finding whose origin is a
// framework's context, and whether it is one.
func frameworkMessage(o *origin, f *finding, target, reach, cons string) (string, bool) {
	if o.fw == fwNone {
		return "", false
	}
	if o.kind == freshCtx {
		switch o.fw {
		case fwFiber:
			return fmt.Sprintf("fiber's %s is fasthttp's RequestCtx, which has no deadline and is done only when the server shuts down: it reaches %s: %s; pass c.UserContext() under timeout.NewWithContext, or derive a context with context.WithTimeout", o.what, reach, cons), true
		case fwGin:
			return fmt.Sprintf("*gin.Context %s used as a context has no deadline and is never done: with the engine's ContextWithFallback off (the default), its Deadline, Done and Err ignore the request's context: it reaches %s: %s; pass %s.Request.Context() and bound it with context.WithTimeout", o.what, reach, cons, o.what), true
		}
		return "", false
	}
	reaches := "it reaches " + target
	if f.derived != "" {
		reaches += " (" + f.derived + " adds no deadline)"
	}
	switch o.fw {
	case fwEcho:
		return fmt.Sprintf("the request context of %s has no deadline unless a timeout middleware bounds it: %s: %s; derive it with context.WithTimeout or register middleware.ContextTimeout on the route, its group or the server", o.what, reaches, cons), true
	case fwGin:
		return fmt.Sprintf("the request context of %s has no deadline unless a timeout middleware bounds it: %s: %s; derive it with context.WithTimeout or register a middleware that derives c.Request's context with context.WithTimeout on the route, its group or the engine", o.what, reaches, cons), true
	case fwFiber:
		return fmt.Sprintf("the request context of %s (c.UserContext(): context.Background() unless a middleware sets one) has no deadline: %s: %s; wrap the handler with timeout.NewWithContext or derive it with context.WithTimeout", o.what, reaches, cons), true
	case fwHertz:
		return fmt.Sprintf("the request context of %s (its ctx parameter, which hertz gives no deadline) has no deadline unless a middleware bounds it: %s: %s; derive it with context.WithTimeout or register, on the route, its group or the server, a middleware that calls c.Next with a context from context.WithTimeout", o.what, reaches, cons), true
	case fwIris:
		return fmt.Sprintf("the request context of %s has no deadline unless a timeout bounds it: %s: %s; derive it with context.WithTimeout, or set the Application's Timeout (iris.WithTimeout), or register a middleware that resets the request with a context from context.WithTimeout before the route", o.what, reaches, cons), true
	}
	return "", false
}

// routerFW says which framework's router t is.
func routerFW(t types.Type) fwKind {
	switch {
	case lint.IsNamed(t, echoPkg, "Echo"), lint.IsNamed(t, echoPkg, "Group"):
		return fwEcho
	case lint.IsNamed(t, ginPkg, "Engine"), lint.IsNamed(t, ginPkg, "RouterGroup"),
		lint.IsNamed(t, ginPkg, "IRouter"), lint.IsNamed(t, ginPkg, "IRoutes"):
		return fwGin
	case lint.IsNamed(t, fiberPkg, "App"), lint.IsNamed(t, fiberPkg, "Group"), lint.IsNamed(t, fiberPkg, "Router"):
		return fwFiber
	case lint.IsNamed(t, hertzServerPkg, "Hertz"), lint.IsNamed(t, hertzRoutePkg, "Engine"), lint.IsNamed(t, hertzRoutePkg, "RouterGroup"),
		lint.IsNamed(t, hertzRoutePkg, "IRouter"), lint.IsNamed(t, hertzRoutePkg, "IRoutes"):
		return fwHertz
	case lint.IsNamed(t, irisPkg, "Application"), lint.IsNamed(t, irisRouterPkg, "APIBuilder"), lint.IsNamed(t, irisRouterPkg, "Party"):
		return fwIris
	case lint.IsNamed(t, chiPkg, "Mux"), lint.IsNamed(t, chiPkg, "Router"),
		lint.IsNamed(t, gorillaPkg, "Router"), lint.IsNamed(t, gorillaPkg, "Route"):
		return fwHTTP
	}
	return fwNone
}

// isHandlerType reports whether t is a handler's type: echo.HandlerFunc,
// gin.HandlerFunc, fiber.Handler, http.HandlerFunc, http.Handler or the
// signature of http.HandlerFunc.
func isHandlerType(t types.Type) bool {
	switch {
	case lint.IsNamed(t, echoPkg, "HandlerFunc"), lint.IsNamed(t, ginPkg, "HandlerFunc"),
		lint.IsNamed(t, fiberPkg, "Handler"), lint.IsNamed(t, hertzAppPkg, "HandlerFunc"),
		lint.IsNamed(t, "net/http", "HandlerFunc"), lint.IsNamed(t, "net/http", "Handler"):
		return true
	}
	sig, ok := types.Unalias(t).(*types.Signature)
	return ok && sig.Params().Len() == 2 && sig.Results().Len() == 0 &&
		lint.IsNamed(sig.Params().At(0).Type(), "net/http", "ResponseWriter") &&
		lint.IsNamed(sig.Params().At(1).Type(), "net/http", "Request")
}

// isMiddlewareType reports whether t is a middleware's type:
// echo.MiddlewareFunc, mux.MiddlewareFunc or func(http.Handler)
// http.Handler.
func isMiddlewareType(t types.Type) bool {
	if lint.IsNamed(t, echoPkg, "MiddlewareFunc") || lint.IsNamed(t, gorillaPkg, "MiddlewareFunc") {
		return true
	}
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		lint.IsNamed(sig.Params().At(0).Type(), "net/http", "Handler") &&
		lint.IsNamed(sig.Results().At(0).Type(), "net/http", "Handler")
}

// routerFunc reports whether t is a function that is given a router
// (chi's Group and Route, fiber's Route).
func routerFunc(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Params().Len() == 1 && routerFW(sig.Params().At(0).Type()) != fwNone
}

// sliceElems returns the elements of a slice built in view for a
// variadic call (nil: no elements), and whether it could.
func sliceElems(v ssa.Value) ([]ssa.Value, bool) {
	switch x := v.(type) {
	case *ssa.Const:
		return nil, x.IsNil()
	case *ssa.Slice:
		alloc, ok := x.X.(*ssa.Alloc)
		if !ok || alloc.Referrers() == nil {
			return nil, false
		}
		var out []ssa.Value
		for _, ref := range *alloc.Referrers() {
			ia, ok := ref.(*ssa.IndexAddr)
			if !ok || ia.Referrers() == nil {
				continue
			}
			for _, r := range *ia.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
					out = append(out, st.Val)
				}
			}
		}
		return out, true
	}
	return nil, false
}

// scanFrameworks resolves the routers of the package, the timeout
// middlewares registered on them and the handlers they serve, and marks
// the handlers behind a timeout middleware as bounded (chi and gorilla
// handlers: as wrapped, like http.TimeoutHandler's).
func (c *checker) scanFrameworks() {
	s := c.fw()
	routers := false
	for _, fn := range c.irr.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch x := instr.(type) {
				case *ssa.Store:
					if fa, ok := x.Addr.(*ssa.FieldAddr); ok && lint.IsNamed(fa.X.Type(), ginPkg, "Engine") {
						if f := ir.FieldVar(fa); f != nil && f.Name() == "ContextWithFallback" {
							if k, ok := x.Val.(*ssa.Const); !ok || k.Value == nil || !isZero(k.Value) {
								s.ginFallback = true
							}
						}
					}
					if routerFW(x.Val.Type()) != fwNone {
						routers = true
						c.union(c.addrKey(x.Addr), c.routerKey(x.Val, 0))
					}
				case *ssa.Phi:
					if routerFW(x.Type()) != fwNone {
						for _, e := range x.Edges {
							c.union(x, c.routerKey(e, 0))
						}
					}
				}
			}
		}
	}
	for _, st := range c.sites {
		cc := st.call.Common()
		callee := ir.Callee(cc)
		if callee == nil {
			continue
		}
		if irisTimeout.Has(callee) {
			// The Application's Timeout, set anywhere in the package,
			// may be the one of the application serving its handlers.
			if a := argOfFunc(cc, callee, 0); callee.Name() == "WithConfiguration" && timeoutConfigSet(a) ||
				callee.Name() == "WithTimeout" && !isZeroConst(a) {
				s.all[fwIris] = true
			}
			continue
		}
		if fiberWithCtx.Has(callee) {
			if !c.fwHandlerFuncs(argOfFunc(cc, callee, 0), func(fn *ssa.Function) { s.bound[fn] = true }, 0) {
				s.all[fwFiber] = true
			}
			continue
		}
		// A function of another package that registers a timeout
		// middleware on the routers it is given, or returns one with it.
		if fn := c.localCallee(cc); fn == nil && callee.Pkg() != nil && callee.Pkg() != c.pass.Pkg && !isFrameworkPkg(callee.Pkg().Path()) {
			// A router it returns may be derived from those it is given
			// (a group): it is served under them.
			if call, ok := st.call.(*ssa.Call); ok {
				if k := routerFW(call.Type()); k != fwNone {
					for _, a := range cc.Args {
						if routerFW(a.Type()) != fwNone {
							var at ssa.Instruction
							if snapshotGroups(k) {
								at = call
							}
							c.addUp(call, c.routerKey(a, 0), at)
						}
					}
				}
			}
			var f RouterFact
			if c.pass.ImportObjectFact(callee, &f) {
				routers = true
				for _, i := range f.Params {
					if i < len(cc.Args) {
						if k := routerFW(cc.Args[i].Type()); k != fwNone {
							var at ssa.Instruction
							if orderedFact(k) {
								at = st.call
							}
							c.markTimeout(k, c.routerKey(cc.Args[i], 0), at)
						}
					}
				}
				if call, ok := st.call.(*ssa.Call); ok && f.Result && routerFW(call.Type()) != fwNone {
					s.timeouts[call] = append(s.timeouts[call], nil)
				}
			}
		}
		// A local function that returns a router: its result is the
		// routers it returns.
		if fn := c.localCallee(cc); fn != nil {
			if call, ok := st.call.(*ssa.Call); ok && routerFW(call.Type()) != fwNone {
				for _, r := range returnedValues(fn, 0) {
					c.union(call, c.routerKey(r, 0))
				}
			}
			// Router parameters are the routers their callers pass.
			for i, p := range fn.Params {
				if routerFW(p.Type()) != fwNone {
					idx := i
					if fn.Signature.Recv() != nil {
						idx--
					}
					c.union(p, c.routerKey(ir.ArgOf(cc, fn.Signature.Params().Len(), idx), 0))
				}
			}
		}
		tn := lint.RecvTypeName(callee)
		if tn == nil {
			continue
		}
		k := routerFW(tn.Type())
		if k == fwNone {
			continue
		}
		routers = true
		c.scanRouterCall(st, callee, k)
	}
	if !routers {
		return
	}
	for _, r := range s.regs {
		bounded := r.bounded
		if !bounded && r.node != nil {
			bounded = c.routerBounded(r.node, r.at, map[any]bool{})
		}
		if !bounded {
			continue
		}
		for _, h := range r.handlers {
			if r.fw == fwHTTP {
				if !c.handlersOf(h, nil, map[ssa.Value]bool{}) {
					c.wrapAll = true
				}
				continue
			}
			if !c.fwHandlerFuncs(h, func(fn *ssa.Function) { s.bound[fn] = true }, 0) {
				s.all[r.fw] = true
			}
		}
	}
}

// scanRouterCall records what a call of a router's method registers:
// middlewares (Use, Pre), groups and sub-routers with theirs, handlers.
func (c *checker) scanRouterCall(st site, callee *types.Func, k fwKind) {
	s := c.fw()
	cc := st.call.Common()
	sig := callee.Type().(*types.Signature)
	n := sig.Params().Len()
	node := c.routerKey(ir.Receiver(cc), 0)
	var handlers, mws []ssa.Value
	opaque := false // a middleware or handler list not resolved
	for i := range n {
		arg := ir.ArgOf(cc, n, i)
		pt := sig.Params().At(i).Type()
		elems := []ssa.Value{arg}
		if sig.Variadic() && i == n-1 {
			pt = pt.(*types.Slice).Elem()
			var ok bool
			if elems, ok = sliceElems(arg); !ok {
				opaque = true
				continue
			}
		}
		for _, e := range elems {
			et := pt
			if types.IsInterface(pt) && !isHandlerType(pt) {
				et = ir.Peel(e).Type() // fiber's Use(args ...any)
			}
			switch {
			case isHandlerType(et), isFrameworkHandlerSig(et):
				handlers = append(handlers, e)
			case isMiddlewareType(et):
				mws = append(mws, e)
			case routerFW(et) != fwNone:
				// Mount: a router served under this one.
				c.addUp(c.routerKey(e, 0), node, nil)
			case routerFunc(et):
				// chi's Group and Route, fiber's Route: the function is
				// given a router served under this one.
				for _, fn := range funcsOf(e) {
					if len(fn.Params) > 0 {
						c.addUp(fn.Params[len(fn.Params)-1], node, nil)
					}
				}
			}
		}
	}
	// A Mount of a router as a handler (chi's Mount takes http.Handler).
	if callee.Name() == "Mount" {
		for i, h := range handlers {
			if routerFW(ir.Peel(h).Type()) != fwNone {
				c.addUp(c.routerKey(h, 0), node, nil)
				handlers = append(handlers[:i:i], handlers[i+1:]...)
				break
			}
		}
	}
	var child any
	if call, ok := st.call.(*ssa.Call); ok && routerFW(call.Type()) != fwNone {
		child = call
		var at ssa.Instruction
		if snapshotGroups(k) {
			at = call
		}
		c.addUp(call, node, at)
	}
	switch name := callee.Name(); {
	case name == "Use" || name == "Pre" || name == "UseGlobal" || name == "UseOnce" || name == "UseRouter":
		mws = append(mws, handlers...)
		if opaque || c.anyBounding(mws) {
			var at ssa.Instruction
			if orderedUse(k, callee) {
				at = st.call
			}
			c.markTimeout(k, node, at)
			if p, ok := ir.Unembed(ir.Peel(ir.Receiver(cc))).(*ssa.Parameter); ok && !opaque {
				if s.paramTimeouts == nil {
					s.paramTimeouts = map[*ssa.Parameter]bool{}
				}
				s.paramTimeouts[p] = true
			}
		}
	case child != nil && (name == "Group" || name == "Host" || name == "With" || name == "Route" || name == "Party"):
		mws = append(mws, handlers...)
		if opaque || c.anyBounding(mws) {
			s.timeouts[child] = append(s.timeouts[child], nil)
		}
	case len(handlers) > 0:
		r := fwReg{fw: k, node: node, handlers: handlers, at: st.call}
		switch {
		case k == fwGin || k == fwFiber || k == fwHertz || k == fwIris:
			// All handlers of a route are its chain: the ones before
			// the last are its middlewares.
			r.bounded = c.anyBounding(handlers[:len(handlers)-1])
		default:
			r.bounded = opaque || c.anyBounding(mws)
		}
		s.regs = append(s.regs, r)
	}
}

// funcsOf returns the functions a function value may be.
func funcsOf(v ssa.Value) []*ssa.Function {
	switch x := ir.Peel(v).(type) {
	case *ssa.Function:
		return []*ssa.Function{x}
	case *ssa.MakeClosure:
		if fn, ok := x.Fn.(*ssa.Function); ok {
			return []*ssa.Function{fn}
		}
	}
	return nil
}

// markTimeout notes a timeout middleware on a router; on a router not
// resolved, every handler of the framework counts as bounded.
func (c *checker) markTimeout(k fwKind, node any, at ssa.Instruction) {
	if node == nil {
		if k == fwHTTP {
			c.wrapAll = true
		} else {
			c.fw().all[k] = true
		}
		return
	}
	c.fw().timeouts[node] = append(c.fw().timeouts[node], at)
}

// Registration order. A middleware registered with Use reaches only the
// routes registered after it in gin (RouterGroup.Use appends to the
// group's chain, which each route copies when it is added:
// routergroup.go:65-91), hertz (the same, pkg/route/routergroup.go), iris
// (APIBuilder.Use, api_builder.go:1308; UseGlobal and UseRouter reach
// every route), echo's groups (Group.Add copies the group's middlewares,
// group.go:125-133; Echo.Use and Pre run for every route, echo.go:505)
// and fiber (app.Use adds a step to the stack, matched in registration
// order: a route added before it answers first). A group made with
// Group or Party copies its parent's chain as it is then, except in
// fiber, whose groups share the app's stack. chi panics on a Use after a
// route, and gorilla/mux runs its middlewares for every route: order
// does not matter there. Order is judged only between two calls of one
// function; elsewhere the middleware is taken to come first (precision
// first).

// orderedUse reports whether a middleware registered by a call of callee
// (Use and its kin) on a router of framework k reaches only the routes
// registered after it.
func orderedUse(k fwKind, callee *types.Func) bool {
	switch k {
	case fwGin, fwHertz, fwFiber:
		return callee.Name() == "Use"
	case fwIris:
		return callee.Name() == "Use" || callee.Name() == "UseOnce"
	case fwEcho:
		tn := lint.RecvTypeName(callee)
		return callee.Name() == "Use" && tn != nil && lint.IsNamed(tn.Type(), echoPkg, "Group")
	}
	return false
}

// isFrameworkPkg reports whether path is a package of the web
// frameworks, whose own functions and methods scanRouterCall reads.
func isFrameworkPkg(path string) bool {
	for _, p := range []string{echoPkg, ginPkg, fiberPkg, chiPkg, gorillaPkg, "github.com/cloudwego/hertz", irisPkg} {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// orderedFact reports whether a timeout middleware that a function of
// another package registers on a router of framework k reaches only the
// routes registered after the call: its Use is ordered unless it is
// echo's Echo.Use, which the fact does not tell apart from a Group's.
func orderedFact(k fwKind) bool {
	return k == fwGin || k == fwHertz || k == fwFiber || k == fwIris
}

// snapshotGroups reports whether a group of framework k copies its
// parent's middlewares when it is made.
func snapshotGroups(k fwKind) bool {
	return k == fwGin || k == fwHertz || k == fwIris || k == fwEcho
}

// after reports whether the instruction a certainly runs after b: both in
// one function, a later in b's block or in a block b's dominates.
func after(a, b ssa.Instruction) bool {
	if a == nil || b == nil || a.Parent() != b.Parent() || a == b {
		return false
	}
	ab, bb := a.Block(), b.Block()
	if ab != bb {
		return bb.Dominates(ab)
	}
	for _, instr := range ab.Instrs {
		switch instr {
		case b:
			return true
		case a:
			return false
		}
	}
	return false
}

// routerKey returns the key of the router v is: the call that creates it
// (or derives it from another), a variable, a field (every value of the
// field is one router), a parameter; nil when not resolved.
func (c *checker) routerKey(v ssa.Value, depth int) any {
	if v == nil || depth > 8 {
		return nil
	}
	v = ir.Unembed(ir.Peel(v))
	switch x := v.(type) {
	case *ssa.Call, *ssa.Alloc, *ssa.Phi:
		return x
	case *ssa.Parameter:
		// A router parameter of a function the package neither calls
		// nor passes on is a router from elsewhere: not resolved.
		if fn := x.Parent(); !c.calledStatic[fn] && !c.usedAsValue[fn] {
			return nil
		}
		return x
	case *ssa.UnOp:
		if x.Op == token.MUL {
			return c.addrKey(x.X)
		}
	case *ssa.Field:
		if st, ok := x.X.Type().Underlying().(*types.Struct); ok && x.Field < st.NumFields() {
			return st.Field(x.Field)
		}
	case *ssa.FreeVar:
		if b := c.bindings(x); len(b) == 1 {
			return c.routerKey(b[0], depth+1)
		}
	}
	return nil
}

// addrKey is routerKey for the value stored at addr.
func (c *checker) addrKey(addr ssa.Value) any {
	switch a := addr.(type) {
	case *ssa.Global, *ssa.Alloc:
		return a
	case *ssa.FieldAddr:
		if f := ir.FieldVar(a); f != nil {
			return f
		}
	case *ssa.FreeVar:
		if cell := c.cellOf(a, 0); cell != nil {
			return cell
		}
	}
	return nil
}

func (c *checker) find(k any) any {
	uf := c.fw().uf
	for {
		p, ok := uf[k]
		if !ok || p == k {
			return k
		}
		if gp, ok := uf[p]; ok {
			uf[k] = gp
		}
		k = p
	}
}

func (c *checker) union(a, b any) {
	if a == nil || b == nil {
		return
	}
	ra, rb := c.find(a), c.find(b)
	if ra != rb {
		c.fw().uf[ra] = rb
	}
}

// addUp notes that the router child is served under parent.
func (c *checker) addUp(child, parent any, at ssa.Instruction) {
	if child == nil || parent == nil {
		return
	}
	c.fw().up[child] = append(c.fw().up[child], upEdge{parent: parent, at: at})
}

// routerBounded reports whether a timeout middleware is registered on the
// router node, or on a router it is served under, for a route registered
// (or a group made) at the instruction at: not a middleware registered
// certainly after it where order matters (see orderedUse).
func (c *checker) routerBounded(node any, at ssa.Instruction, visiting map[any]bool) bool {
	s := c.fw()
	root := c.find(node)
	if visiting[root] {
		return false
	}
	visiting[root] = true
	defer delete(visiting, root)
	for k, marks := range s.timeouts {
		if c.find(k) != root {
			continue
		}
		for _, m := range marks {
			if m == nil || !after(m, at) {
				return true
			}
		}
	}
	for k, edges := range s.up {
		if c.find(k) != root {
			continue
		}
		for _, e := range edges {
			next := at
			if e.at != nil {
				next = e.at
			}
			if c.routerBounded(e.parent, next, visiting) {
				return true
			}
		}
	}
	return false
}

// anyBounding reports whether one of mws puts a deadline on the request's
// context.
func (c *checker) anyBounding(mws []ssa.Value) bool {
	for _, m := range mws {
		if c.boundingMW(m, 0) {
			return true
		}
	}
	return false
}

// boundingMW reports whether the middleware value v puts a deadline on
// the request's context. A value that cannot be resolved (a parameter, a
// field) is taken to: precision first.
func (c *checker) boundingMW(v ssa.Value, depth int) bool {
	if v == nil || depth > 8 {
		return true
	}
	switch x := ir.Peel(v).(type) {
	case *ssa.Function:
		fn := c.resolve(x)
		if !c.inPkg[fn] {
			// A function of another package: its fact.
			obj, ok := fn.Object().(*types.Func)
			return ok && c.pass.ImportObjectFact(obj, new(MiddlewareFact))
		}
		return c.boundsRequest(fn)
	case *ssa.MakeClosure:
		if fn, ok := x.Fn.(*ssa.Function); ok {
			return c.boundsRequest(c.resolve(fn))
		}
	case *ssa.Convert:
		return c.boundingMW(x.X, depth+1)
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			return c.boundingCall(call, depth)
		}
	case *ssa.Call:
		return c.boundingCall(x, depth)
	case *ssa.Const:
		return false
	case *ssa.Phi:
		for _, e := range x.Edges {
			if c.boundingMW(e, depth+1) {
				return true
			}
		}
		return false
	}
	return true
}

// boundingCall reports whether the middleware a call builds puts a
// deadline on the request's context: a timeout middleware of the
// frameworks, a constructor of this package that builds one, or one of
// another package with a MiddlewareFact. Calls of function values are not
// resolved, and taken to.
func (c *checker) boundingCall(call *ssa.Call, depth int) bool {
	cc := &call.Call
	callee := ir.Callee(cc)
	if callee == nil {
		return true
	}
	if e, ok := timeoutMiddlewareSet.Entry(callee); ok {
		if !timeoutMiddlewares[e] {
			return false
		}
		switch callee.Name() {
		case "TimeoutWithConfig":
			return timeoutConfigSet(argOfFunc(cc, callee, 0))
		case "ToMiddleware":
			if callee.Pkg().Path() == echoPkg+"/middleware" && lint.IsNamed(ir.Receiver(cc).Type(), echoPkg+"/middleware", "TimeoutConfig") {
				return timeoutConfigSet(ir.Receiver(cc))
			}
		}
		return true
	}
	if fn := c.localCallee(cc); fn != nil {
		return c.boundsRequest(fn)
	}
	if callee.Pkg() != nil && callee.Pkg() != c.pass.Pkg {
		return c.pass.ImportObjectFact(callee, new(MiddlewareFact))
	}
	return false
}

// isZeroConst reports whether v is a zero constant.
func isZeroConst(v ssa.Value) bool {
	k, ok := ir.Peel(v).(*ssa.Const)
	return ok && (k.Value == nil || isZero(k.Value))
}

// timeoutConfigSet reports whether echo's TimeoutConfig v may have a
// non-zero Timeout: it is not a literal that leaves it zero.
func timeoutConfigSet(v ssa.Value) bool {
	switch x := ir.Peel(v).(type) {
	case *ssa.Const:
		return false // the zero TimeoutConfig{}
	case *ssa.UnOp:
		if alloc, ok := x.X.(*ssa.Alloc); ok && x.Op == token.MUL {
			return fieldsSet(alloc, "Timeout") != unset
		}
	}
	return true
}

// boundsRequest reports whether fn (or a function literal in it) puts a
// deadline on the request's context: it derives a request, or fiber's
// user context, with a context that has one, runs a handler under
// http.TimeoutHandler, or calls a constructor that builds such a
// middleware.
func (c *checker) boundsRequest(fn *ssa.Function) bool {
	s := c.fw()
	if v, ok := s.bounds[fn]; ok {
		return v
	}
	s.bounds[fn] = false
	res := false
	var visit func(f *ssa.Function)
	visit = func(f *ssa.Function) {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok || res {
					continue
				}
				cc := call.Common()
				callee := ir.Callee(cc)
				switch {
				case callee == nil:
				case timeoutHandler.Has(callee):
					res = true
				case reqDerive.Has(callee), fiberSetUserCtx.Has(callee), hertzNext.Has(callee):
					res = c.hasDeadline(argOfFunc(cc, callee, 0), 0)
				case timeoutMiddlewareSet.Has(callee):
					if sc, ok := call.(*ssa.Call); ok {
						res = c.boundingCall(sc, 0)
					}
				default:
					if lf := c.localCallee(cc); lf != nil {
						if lf != fn && lf.Parent() == nil {
							res = c.boundsRequest(lf)
						}
					} else if callee.Pkg() != nil && callee.Pkg() != c.pass.Pkg {
						res = c.pass.ImportObjectFact(callee, new(MiddlewareFact))
					}
				}
			}
		}
		for _, anon := range f.AnonFuncs {
			visit(anon)
		}
	}
	visit(fn)
	s.bounds[fn] = res
	return res
}

// hasDeadline reports whether the context v has a deadline derived in
// view: context.WithTimeout and the like, and derivations of such a
// context that keep it.
func (c *checker) hasDeadline(v ssa.Value, depth int) bool {
	if v == nil || depth > 8 {
		return false
	}
	v = ir.Peel(v)
	if boundedParent(v) != nil {
		return true
	}
	switch x := v.(type) {
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok {
			return c.derivesDeadline(call, x.Index, depth)
		}
	case *ssa.Call:
		return c.derivesDeadline(x, 0, depth)
	case *ssa.Phi:
		for _, e := range x.Edges {
			if c.hasDeadline(e, depth+1) {
				return true
			}
		}
	case *ssa.FreeVar:
		for _, b := range c.bindings(x) {
			if c.hasDeadline(b, depth+1) {
				return true
			}
		}
	case *ssa.UnOp:
		if cell := c.cellOf(x.X, 0); cell != nil && cell.Referrers() != nil {
			for _, r := range *cell.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == cell && c.hasDeadline(st.Val, depth+1) {
					return true
				}
			}
		}
	}
	return false
}

// derivesDeadline reports whether result idx of call is a context derived
// from one with a deadline, keeping it.
func (c *checker) derivesDeadline(call *ssa.Call, idx, depth int) bool {
	cc := &call.Call
	callee := ir.Callee(cc)
	if callee == nil {
		return false
	}
	if e, ok := ctxFuncs.Entry(callee); ok {
		b := ctxTable[e]
		return idx == b.result && b.how == hDerive && c.hasDeadline(argOfFunc(cc, callee, b.arg), depth+1)
	}
	if cc.IsInvoke() || (callee.Pkg() != nil && library(callee.Pkg().Path())) {
		if k := passesContext(callee, idx); k >= 0 {
			return c.hasDeadline(argOfFunc(cc, callee, k), depth+1)
		}
	}
	return false
}

// fwHandlerFuncs calls mark with the handler functions behind the handler
// value v, and reports whether it could resolve them all: functions,
// closures, method values, conversions, and calls of this package's
// handler constructors (what they return).
func (c *checker) fwHandlerFuncs(v ssa.Value, mark func(*ssa.Function), depth int) bool {
	if v == nil || depth > 8 {
		return false
	}
	switch x := ir.Peel(v).(type) {
	case *ssa.Function:
		mark(c.resolve(x))
		return true
	case *ssa.MakeClosure:
		if fn, ok := x.Fn.(*ssa.Function); ok {
			mark(c.resolve(fn))
			return true
		}
	case *ssa.Convert:
		return c.fwHandlerFuncs(x.X, mark, depth+1)
	case *ssa.Phi:
		ok := true
		for _, e := range x.Edges {
			ok = c.fwHandlerFuncs(e, mark, depth+1) && ok
		}
		return ok
	case *ssa.Call:
		if fn := c.localCallee(&x.Call); fn != nil {
			rets := returnedValues(fn, 0)
			ok := len(rets) > 0
			for _, r := range rets {
				ok = c.fwHandlerFuncs(r, mark, depth+1) && ok
			}
			return ok
		}
		callee := ir.Callee(&x.Call)
		if callee != nil && callee.Pkg() != nil && callee.Pkg() != c.pass.Pkg {
			// A constructor of another package: its handler is there,
			// and its package judges it.
			return true
		}
	}
	return false
}

// middlewareShaped reports whether a function of signature sig can be a
// middleware or build one: it is an echo, gin or fiber handler (gin's and
// fiber's middlewares are handlers) or a middleware, or returns one.
func middlewareShaped(sig *types.Signature) bool {
	if isMiddlewareType(sig) || isFrameworkHandlerSig(sig) {
		return true
	}
	if sig.Results().Len() == 0 {
		return false
	}
	r := sig.Results().At(0).Type()
	return isMiddlewareType(r) || isFrameworkHandlerSig(r)
}

// isFrameworkHandlerSig reports whether t is the signature of an echo,
// gin or fiber handler.
func isFrameworkHandlerSig(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	return ok && handlerSigFW(sig) != fwNone
}

// returnedValues returns the values fn returns as result idx.
func returnedValues(fn *ssa.Function, idx int) []ssa.Value {
	var out []ssa.Value
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && idx < len(ret.Results) {
			out = append(out, ret.Results[idx])
		}
	}
	return out
}

// exportMiddlewareFacts exports a MiddlewareFact on the package's
// functions that build or are a middleware bounding the request, and a
// RouterFact on those that register one on the routers they are given
// or return.
func (c *checker) exportMiddlewareFacts() {
	for _, fn := range c.irr.SrcFuncs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || fn.Origin() != nil || fn.Synthetic != "" || obj.Pkg() != c.pass.Pkg {
			continue
		}
		if middlewareShaped(fn.Signature) && c.boundsRequest(fn) {
			c.pass.ExportObjectFact(obj, new(MiddlewareFact))
		}
		if f := c.routerFact(fn); f != nil && obj.Exported() {
			c.pass.ExportObjectFact(obj, f)
		}
	}
}

// routerFact is the RouterFact of fn, or nil.
func (c *checker) routerFact(fn *ssa.Function) *RouterFact {
	s := c.fws
	if s == nil {
		return nil
	}
	f := &RouterFact{}
	for i, p := range fn.Params {
		if s.paramTimeouts[p] {
			f.Params = append(f.Params, i)
		}
	}
	if sig := fn.Signature; sig.Results().Len() == 1 && routerFW(sig.Results().At(0).Type()) != fwNone {
		rets := returnedValues(fn, 0)
		f.Result = len(rets) > 0
		for _, r := range rets {
			k := c.routerKey(r, 0)
			if _, param := k.(*ssa.Parameter); k == nil || param || !c.routerBounded(k, nil, map[any]bool{}) {
				f.Result = false
			}
		}
	}
	if len(f.Params) == 0 && !f.Result {
		return nil
	}
	slices.Sort(f.Params)
	return f
}
