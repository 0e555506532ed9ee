// Package routes is faultline's table of HTTP route registrations: where
// net/http's ServeMux, gorilla/mux, chi, echo, gin, fiber, hertz, iris,
// httprouter and Prometheus' router take a route's path, method and
// handler, and the group and sub-router calls that put a prefix before a
// route's path (echo's e.Group("/api"), gin's r.Group, chi's
// r.Route("/api", fn) and Mount, gorilla's PathPrefix("/api").Subrouter(),
// fiber's app.Group, hertz's h.Group, iris' app.Party, http.StripPrefix).
//
// deephealth reads it to find health handlers; callsites reads it to
// record the routes each service serves, so that the engine can link an
// HTTP call to the service whose routes match its path.
package routes

import (
	"cmp"
	"go/constant"
	"go/token"
	"go/types"
	"path"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Shape says where a route registration keeps its path, method and
// handler. Argument indices do not count the receiver.
type Shape struct {
	Path      int    // the path or pattern; -1: on the receiver chain (gorilla's Route)
	Handler   int    // the handler
	MethodArg int    // an HTTP method argument, or -1
	Method    string // the method the registration implies (chi's Get: "GET"); "" any
	Pattern   bool   // the path is a net/http pattern: "[METHOD ][HOST]/PATH"
	Last      bool   // the handlers are variadic and the last one serves (gin, fiber)
}

// methods are the HTTP methods routers name registration functions after.
var methods = []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE"}

// title writes a method as chi and fiber name their functions: "Get".
func title(m string) string { return m[:1] + strings.ToLower(m[1:]) }

// Shapes lists the registrations faultline follows, by API identity.
var Shapes = func() map[string]Shape {
	netHTTP := Shape{Path: 0, Handler: 1, MethodArg: -1, Pattern: true}
	plain := func(m string) Shape { return Shape{Path: 0, Handler: 1, MethodArg: -1, Method: m} }
	withMethod := Shape{Path: 1, Handler: 2, MethodArg: 0}
	chained := Shape{Path: -1, Handler: 0, MethodArg: -1}
	m := map[string]Shape{
		"net/http.HandleFunc":                         netHTTP,
		"net/http.Handle":                             netHTTP,
		"(*net/http.ServeMux).HandleFunc":             netHTTP,
		"(*net/http.ServeMux).Handle":                 netHTTP,
		"(*github.com/gorilla/mux.Router).HandleFunc": plain(""),
		"(*github.com/gorilla/mux.Router).Handle":     plain(""),
		"(*github.com/gorilla/mux.Route).HandlerFunc": chained,
		"(*github.com/gorilla/mux.Route).Handler":     chained,
	}
	// Prometheus' router (Prometheus, Alertmanager and their kin).
	for _, name := range []string{"Get", "Head", "Post", "Put", "Del", "Options"} {
		meth := strings.ToUpper(name)
		if name == "Del" {
			meth = "DELETE"
		}
		m["(*github.com/prometheus/common/route.Router)."+name] = plain(meth)
	}
	// julienschmidt/httprouter: Handle's handlers take a third argument.
	for _, meth := range []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"} {
		m["(*github.com/julienschmidt/httprouter.Router)."+meth] = plain(meth)
	}
	for _, name := range []string{"Handle", "Handler", "HandlerFunc"} {
		m["(*github.com/julienschmidt/httprouter.Router)."+name] = withMethod
	}
	for _, chi := range []string{"github.com/go-chi/chi/v5", "github.com/go-chi/chi"} {
		for _, recv := range []string{"(" + chi + ".Router)", "(*" + chi + ".Mux)"} {
			for _, meth := range methods {
				m[recv+"."+title(meth)] = plain(meth)
			}
			m[recv+".Handle"] = plain("")
			m[recv+".HandleFunc"] = plain("")
			m[recv+".Method"] = withMethod
			m[recv+".MethodFunc"] = withMethod
		}
	}
	for _, recv := range []string{"(*github.com/gin-gonic/gin.RouterGroup)", "(github.com/gin-gonic/gin.IRoutes)"} {
		for _, meth := range []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"} {
			m[recv+"."+meth] = Shape{Path: 0, Handler: 1, MethodArg: -1, Method: meth, Last: true}
		}
		m[recv+".Any"] = Shape{Path: 0, Handler: 1, MethodArg: -1, Last: true}
		m[recv+".Handle"] = Shape{Path: 1, Handler: 2, MethodArg: 0, Last: true}
	}
	for _, recv := range []string{"(*github.com/labstack/echo/v4.Echo)", "(*github.com/labstack/echo/v4.Group)"} {
		for _, meth := range methods {
			m[recv+"."+meth] = plain(meth)
		}
		m[recv+".Any"] = plain("")
		m[recv+".Add"] = withMethod
	}
	// fiber v2: Get(path string, handlers ...Handler); the last handler
	// serves, the others are middleware.
	for _, recv := range []string{"(*github.com/gofiber/fiber/v2.App)", "(*github.com/gofiber/fiber/v2.Group)", "(github.com/gofiber/fiber/v2.Router)"} {
		for _, meth := range methods {
			m[recv+"."+title(meth)] = Shape{Path: 0, Handler: 1, MethodArg: -1, Method: meth, Last: true}
		}
		m[recv+".All"] = Shape{Path: 0, Handler: 1, MethodArg: -1, Last: true}
		m[recv+".Add"] = Shape{Path: 1, Handler: 2, MethodArg: 0, Last: true}
	}
	// hertz: GET(path string, handlers ...app.HandlerFunc), the last
	// handler serves (pkg/route/routergroup.go).
	for _, recv := range []string{"(*github.com/cloudwego/hertz/pkg/route.RouterGroup)", "(github.com/cloudwego/hertz/pkg/route.IRoutes)"} {
		for _, meth := range []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"} {
			m[recv+"."+meth] = Shape{Path: 0, Handler: 1, MethodArg: -1, Method: meth, Last: true}
		}
		m[recv+".Any"] = Shape{Path: 0, Handler: 1, MethodArg: -1, Last: true}
		m[recv+".Handle"] = Shape{Path: 1, Handler: 2, MethodArg: 0, Last: true}
	}
	// iris: Get(path string, handlers ...context.Handler), the last
	// handler serves (core/router/api_builder.go).
	for _, recv := range []string{"(*github.com/kataras/iris/v12/core/router.APIBuilder)", "(github.com/kataras/iris/v12/core/router.Party)"} {
		for _, meth := range methods {
			m[recv+"."+title(meth)] = Shape{Path: 0, Handler: 1, MethodArg: -1, Method: meth, Last: true}
		}
		m[recv+".Any"] = Shape{Path: 0, Handler: 1, MethodArg: -1, Last: true}
		m[recv+".Handle"] = Shape{Path: 1, Handler: 2, MethodArg: 0, Last: true}
	}
	return m
}()

var table = func() *lint.FuncSet {
	var entries []string
	for e := range Shapes {
		entries = append(entries, e)
	}
	return lint.NewFuncSet(entries...)
}()

// gorillaPath are the gorilla/mux methods that set a route's path
// template; gorillaChain the ones that return the route unchanged in
// that respect.
var (
	gorillaPath  = lint.NewFuncSet("(*github.com/gorilla/mux.Router).Path", "(*github.com/gorilla/mux.Route).Path")
	gorillaChain = lint.NewFuncSet(
		"(*github.com/gorilla/mux.Router).Methods", "(*github.com/gorilla/mux.Route).Methods",
		"(*github.com/gorilla/mux.Router).Name", "(*github.com/gorilla/mux.Route).Name",
		"(*github.com/gorilla/mux.Router).NewRoute",
		"(*github.com/gorilla/mux.Route).Schemes", "(*github.com/gorilla/mux.Router).Schemes",
		"(*github.com/gorilla/mux.Route).Host", "(*github.com/gorilla/mux.Router).Host",
	)
	gorillaMethods = lint.NewFuncSet("(*github.com/gorilla/mux.Router).Methods", "(*github.com/gorilla/mux.Route).Methods")
)

// Registration is one call that registers a handler on a route.
type Registration struct {
	Call ssa.CallInstruction
	Recv ssa.Value // the router or group, nil for net/http's package functions
	// Method is the HTTP method the route answers, "" for any; MethodOK is
	// false when a method argument is not a constant.
	Method   string
	MethodOK bool
	// Chained is the one method gorilla/mux's Methods("POST") gives the
	// route, before or after the registration in its chain of calls.
	Chained string
	PathV   ssa.Value // the value holding the path (or pattern)
	Pattern bool      // PathV holds a net/http pattern: "[METHOD ][HOST]/PATH"
	Handler ssa.Value // nil when the variadic handlers cannot be read
}

// Of returns the registration call makes, if it registers a route.
func Of(call ssa.CallInstruction) (Registration, bool) {
	cc := call.Common()
	callee := ir.Callee(cc)
	entry, ok := table.Entry(callee)
	if !ok {
		return Registration{}, false
	}
	sh := Shapes[entry]
	args := cc.Args
	var recv ssa.Value
	if cc.IsInvoke() {
		recv = cc.Value
	} else if sig, ok := callee.Type().(*types.Signature); ok && sig.Recv() != nil && len(args) > 0 {
		recv, args = args[0], args[1:]
	}
	reg := Registration{Call: call, Recv: recv, Method: sh.Method, MethodOK: true, Pattern: sh.Pattern}
	if sh.MethodArg >= 0 {
		if sh.MethodArg >= len(args) {
			return Registration{}, false
		}
		m, ok := ir.ConstString(args[sh.MethodArg])
		reg.Method, reg.MethodOK = strings.ToUpper(m), ok
	}
	if sh.Path >= 0 {
		if sh.Path >= len(args) {
			return Registration{}, false
		}
		reg.PathV = args[sh.Path]
	} else {
		reg.PathV = gorillaRoutePath(recv)
		if m, ok := gorillaMethod(recv); ok {
			reg.Chained = m
		}
	}
	if v, ok := call.(*ssa.Call); ok && strings.HasPrefix(entry, "(*github.com/gorilla/mux.") && v.Referrers() != nil {
		for _, ref := range *v.Referrers() {
			if c, ok := ref.(*ssa.Call); ok && len(c.Call.Args) > 0 && c.Call.Args[0] == v {
				if m, ok := gorillaMethod(c); ok {
					reg.Chained = m
				}
			}
		}
	}
	if sh.Handler >= len(args) {
		return Registration{}, false
	}
	reg.Handler = args[sh.Handler]
	if sh.Last {
		reg.Handler = LastVariadic(reg.Handler)
	}
	return reg, true
}

// gorillaRoutePath follows a gorilla/mux route back along its chain of
// builder calls (r.Methods("GET").Path("/healthz")) to the value of its
// Path, or nil.
func gorillaRoutePath(v ssa.Value) ssa.Value {
	for range 8 {
		call, ok := v.(*ssa.Call)
		if !ok || len(call.Call.Args) == 0 {
			return nil
		}
		callee := ir.Callee(&call.Call)
		switch {
		case gorillaPath.Has(callee):
			if len(call.Call.Args) < 2 {
				return nil
			}
			return call.Call.Args[1]
		case gorillaChain.Has(callee):
			v = call.Call.Args[0]
		default:
			return nil
		}
	}
	return nil
}

// gorillaMethod returns the one method a gorilla/mux route's chain names
// with Methods("POST"), if any.
func gorillaMethod(v ssa.Value) (string, bool) {
	for range 8 {
		call, ok := v.(*ssa.Call)
		if !ok || len(call.Call.Args) == 0 {
			return "", false
		}
		callee := ir.Callee(&call.Call)
		switch {
		case gorillaMethods.Has(callee):
			if len(call.Call.Args) == 2 {
				if last := LastVariadic(call.Call.Args[1]); last != nil {
					if m, ok := ir.ConstString(last); ok && variadicLen(call.Call.Args[1]) == 1 {
						return strings.ToUpper(m), true
					}
				}
			}
			return "", false
		case gorillaChain.Has(callee) || gorillaPath.Has(callee):
			v = call.Call.Args[0]
		default:
			return "", false
		}
	}
	return "", false
}

// LastVariadic returns the last element stored into the array behind a
// variadic argument (f(a, b, h) builds a slice of a fresh array), or nil
// when the slice comes from elsewhere.
func LastVariadic(v ssa.Value) ssa.Value {
	elems, _ := ir.VariadicArgs(v)
	for i := len(elems) - 1; i >= 0; i-- {
		if elems[i] != nil {
			return elems[i]
		}
	}
	return nil
}

// variadicLen returns the length of the array behind a variadic argument,
// or -1.
func variadicLen(v ssa.Value) int64 {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return -1
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return -1
	}
	if a, ok := arr.Type().(*types.Pointer).Elem().Underlying().(*types.Array); ok {
		return a.Len()
	}
	return -1
}

// SplitPattern splits a net/http ServeMux pattern "[METHOD ][HOST]/[PATH]"
// into its method (empty when absent) and path. ok is false when the
// pattern has no path.
func SplitPattern(p string) (method, path string, ok bool) {
	p = strings.TrimSpace(p)
	if i := strings.IndexAny(p, " \t"); i >= 0 {
		method, p = p[:i], strings.TrimLeft(p[i:], " \t")
	}
	i := strings.IndexByte(p, '/')
	if i < 0 {
		return "", "", false
	}
	return method, p[i:], true
}

// Groups: the calls that return a router whose routes sit under a prefix,
// with the index of the prefix argument (not counting the receiver).
var groups = func() map[string]int {
	m := map[string]int{
		"(*github.com/labstack/echo/v4.Echo).Group":     0,
		"(*github.com/labstack/echo/v4.Group).Group":    0,
		"(*github.com/gin-gonic/gin.RouterGroup).Group": 0,
		"(github.com/gin-gonic/gin.IRouter).Group":      0,
		"(*github.com/gofiber/fiber/v2.App).Group":      0,
		"(*github.com/gofiber/fiber/v2.Group).Group":    0,
		"(github.com/gofiber/fiber/v2.Router).Group":    0,
		"(*github.com/gofiber/fiber/v2.App).Route":      0,
		"(*github.com/gorilla/mux.Router).PathPrefix":   0,
		"(*github.com/gorilla/mux.Route).PathPrefix":    0,
		"(*github.com/go-chi/chi/v5.Mux).Route":         0,
		"(github.com/go-chi/chi/v5.Router).Route":       0,
		"(*github.com/go-chi/chi.Mux).Route":            0,
		"(github.com/go-chi/chi.Router).Route":          0,
		"(*github.com/gorilla/mux.Route).Subrouter":     -1, // the prefix is on its receiver
		"(*github.com/go-chi/chi/v5.Mux).With":          -1,
		"(github.com/go-chi/chi/v5.Router).With":        -1,
		"(*github.com/go-chi/chi/v5.Mux).Group":         -1,
		"(github.com/go-chi/chi/v5.Router).Group":       -1,
		"(*github.com/gin-gonic/gin.RouterGroup).Use":   -1,
		"(github.com/gin-gonic/gin.IRoutes).Use":        -1,
		"(*github.com/gorilla/mux.Router).NewRoute":     -1,
		"(*github.com/gorilla/mux.Route).Methods":       -1,
		"(*github.com/gorilla/mux.Router).Methods":      -1,
		"(*github.com/gorilla/mux.Route).Name":          -1,
		"(*github.com/gorilla/mux.Router).Path":         -1,
		"(*github.com/gorilla/mux.Route).Path":          -1,
		"(*github.com/gorilla/mux.Router).Name":         -1,
		"(*github.com/labstack/echo/v4.Group).Use":      -1,
		"(*github.com/gofiber/fiber/v2.App).Use":        -1,
		"(github.com/gofiber/fiber/v2.Router).Use":      -1,
		"(*github.com/gofiber/fiber/v2.Group).Use":      -1,
		"(*github.com/go-chi/chi.Mux).With":             -1,
		"(github.com/go-chi/chi.Router).With":           -1,

		"(*github.com/cloudwego/hertz/pkg/route.RouterGroup).Group":   0,
		"(github.com/cloudwego/hertz/pkg/route.IRouter).Group":        0,
		"(*github.com/cloudwego/hertz/pkg/route.RouterGroup).Use":     -1,
		"(github.com/cloudwego/hertz/pkg/route.IRoutes).Use":          -1,
		"(*github.com/kataras/iris/v12/core/router.APIBuilder).Party": 0,
		"(github.com/kataras/iris/v12/core/router.Party).Party":       0,
	}
	return m
}()

var groupSet = func() *lint.FuncSet {
	var entries []string
	for e := range groups {
		entries = append(entries, e)
	}
	return lint.NewFuncSet(entries...)
}()

// Mounts: the calls that serve a router under a prefix without it being
// the receiver's group: chi's Mount(pattern, handler), and net/http's
// StripPrefix(prefix, handler) as a handler.
var (
	chiMount    = lint.NewFuncSet("(*github.com/go-chi/chi/v5.Mux).Mount", "(github.com/go-chi/chi/v5.Router).Mount", "(*github.com/go-chi/chi.Mux).Mount", "(github.com/go-chi/chi.Router).Mount")
	stripPrefix = lint.NewFuncSet("net/http.StripPrefix")
	chiRoute    = lint.NewFuncSet("(*github.com/go-chi/chi/v5.Mux).Route", "(github.com/go-chi/chi/v5.Router).Route", "(*github.com/go-chi/chi.Mux).Route", "(github.com/go-chi/chi.Router).Route",
		"(*github.com/go-chi/chi/v5.Mux).Group", "(github.com/go-chi/chi/v5.Router).Group")
	fiberRoute = lint.NewFuncSet("(*github.com/fiber/fiber/v2.App).Route", "(*github.com/gofiber/fiber/v2.App).Route", "(*github.com/gofiber/fiber/v2.Group).Route", "(github.com/gofiber/fiber/v2.Router).Route")
)

// constructors make new routers.
var constructors = lint.NewFuncSet(
	"net/http.NewServeMux", "github.com/gorilla/mux.NewRouter",
	"github.com/go-chi/chi/v5.NewRouter", "github.com/go-chi/chi/v5.NewMux",
	"github.com/go-chi/chi.NewRouter", "github.com/go-chi/chi.NewMux",
	"github.com/labstack/echo/v4.New", "github.com/gin-gonic/gin.New", "github.com/gin-gonic/gin.Default",
	"github.com/gofiber/fiber/v2.New", "github.com/julienschmidt/httprouter.New", "github.com/prometheus/common/route.New",
	"github.com/cloudwego/hertz/pkg/app/server.New", "github.com/cloudwego/hertz/pkg/app/server.Default",
	"github.com/kataras/iris/v12.New", "github.com/kataras/iris/v12.Default",
)

// rootType reports whether t is a framework's engine, which is never a
// group of another: echo's *Echo, gin's *Engine, fiber's *App, hertz's
// *server.Hertz and *route.Engine, iris' *Application.
func rootType(t types.Type) bool {
	return lint.IsNamed(t, "github.com/labstack/echo/v4", "Echo") || lint.IsNamed(t, "github.com/gin-gonic/gin", "Engine") ||
		lint.IsNamed(t, "github.com/gofiber/fiber/v2", "App") ||
		lint.IsNamed(t, "github.com/cloudwego/hertz/pkg/app/server", "Hertz") || lint.IsNamed(t, "github.com/cloudwego/hertz/pkg/route", "Engine") ||
		lint.IsNamed(t, "github.com/kataras/iris/v12", "Application")
}

// MethodOf is the method a registration's route answers, "" for any.
func (reg Registration) MethodOf() string { return cmp.Or(reg.Method, reg.Chained) }

// Str returns the string v holds when it is a constant, a concatenation
// of constants or path.Join of constants.
func Str(v ssa.Value) (string, bool) {
	if s, ok := ir.ConstString(v); ok {
		return s, true
	}
	switch x := v.(type) {
	case *ssa.BinOp:
		if x.Op == token.ADD {
			a, ok1 := Str(x.X)
			b, ok2 := Str(x.Y)
			return a + b, ok1 && ok2
		}
	case *ssa.Call:
		if pathJoin.Has(ir.Callee(&x.Call)) && len(x.Call.Args) == 1 {
			n := variadicLen(x.Call.Args[0])
			var parts []string
			for i := range n {
				e := variadicAt(x.Call.Args[0], i)
				s, ok := Str(e)
				if e == nil || !ok {
					return "", false
				}
				parts = append(parts, s)
			}
			return path.Join(parts...), n > 0
		}
	}
	return "", false
}

var pathJoin = lint.NewFuncSet("path.Join")

// variadicAt returns the element i stored into the array behind a
// variadic argument, or nil.
func variadicAt(v ssa.Value, i int64) ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	for _, ref := range *arr.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		k, ok := ia.Index.(*ssa.Const)
		if !ok {
			continue
		}
		if j, exact := constant.Int64Val(constant.ToInt(k.Value)); !exact || j != i {
			continue
		}
		for _, r := range *ia.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
				return st.Val
			}
		}
	}
	return nil
}

// Resolver returns the string a value holds, or false.
type Resolver func(ssa.Value) (string, bool)

// Reader reads the prefixes of the routers of one package.
type Reader struct {
	str   Resolver
	refs  map[*ssa.Function][]ssa.Instruction
	funcs []*ssa.Function
}

// NewReader returns a Reader of the package whose functions (literals
// included) are funcs, reading strings with str.
func NewReader(funcs []*ssa.Function, str Resolver) *Reader {
	return &Reader{str: str, funcs: funcs}
}

// referrersOf returns the instructions of the package that refer to fn.
func (r *Reader) referrersOf(fn *ssa.Function) []ssa.Instruction {
	if r.refs == nil {
		r.refs = map[*ssa.Function][]ssa.Instruction{}
		for _, f := range r.funcs {
			for _, b := range f.Blocks {
				for _, instr := range b.Instrs {
					for _, op := range instr.Operands(nil) {
						if op == nil {
							continue
						}
						if g, ok := (*op).(*ssa.Function); ok {
							r.refs[g] = append(r.refs[g], instr)
						}
					}
				}
			}
		}
	}
	return r.refs[fn]
}

// Prefix returns the prefix the routes registered on the router recv are
// served under: "" for a root router, "/api" for echo's e.Group("/api"),
// gin's r.Group("/api"), gorilla's r.PathPrefix("/api").Subrouter(), the
// router chi's r.Route("/api", fn) passes to fn, a chi router mounted
// with Mount("/api", sub), a mux served through http.StripPrefix("/api",
// mux). ok is false when the prefix cannot be read: a router that arrives
// through a parameter of a function not called in this package, a
// prefix that is not a constant.
func (r *Reader) Prefix(recv ssa.Value) (string, bool) {
	return r.prefix(recv, 0)
}

func (r *Reader) prefix(v ssa.Value, depth int) (string, bool) {
	if v == nil {
		return "", true // net/http's DefaultServeMux
	}
	if depth > 8 {
		return "", false
	}
	if _, call := v.(*ssa.Call); !call && rootType(v.Type()) {
		// An engine, wherever it comes from (a field, a parameter): the
		// top of its routes.
		return "", true
	}
	switch x := v.(type) {
	case *ssa.FieldAddr:
		// An engine's embedded group: gin's *Engine embeds RouterGroup.
		if embeddedField(x.X.Type(), x.Field) {
			return r.prefix(x.X, depth+1)
		}
	case *ssa.UnOp:
		// An engine's embedded pointer: iris' *Application embeds
		// *router.APIBuilder, hertz's *server.Hertz a *route.Engine.
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL && embeddedField(fa.X.Type(), fa.Field) {
			return r.prefix(fa.X, depth+1)
		}
	case *ssa.MakeInterface:
		return r.prefix(x.X, depth+1)
	case *ssa.ChangeInterface:
		return r.prefix(x.X, depth+1)
	case *ssa.ChangeType:
		return r.prefix(x.X, depth+1)
	case *ssa.Call:
		callee := ir.Callee(&x.Call)
		if entry, ok := groupSet.Entry(callee); ok {
			recv, args := splitRecv(&x.Call, callee)
			head, ok := r.prefix(recv, depth+1)
			if !ok {
				return "", false
			}
			idx := groups[entry]
			if idx < 0 {
				return head, true
			}
			if idx >= len(args) {
				return "", false
			}
			p, ok := r.str(args[idx])
			if !ok {
				return "", false
			}
			return joinPrefix(head, p), true
		}
		if table.Has(callee) {
			// A registration returns its route or group (gin's
			// r.GET(...).GET(...)): the same router.
			recv, _ := splitRecv(&x.Call, callee)
			return r.prefix(recv, depth+1)
		}
		if constructors.Has(callee) {
			// A new router: a root, unless it is mounted.
			return r.mounted(x, depth)
		}
	case *ssa.Parameter:
		fn := x.Parent()
		if fn.Parent() != nil {
			// A function literal: chi's r.Route("/api", func(r chi.Router)
			// {...}) and fiber's app.Route("/api", func(r fiber.Router)).
			if p, ok := r.routeClosure(fn, depth); ok {
				return p, true
			}
			return "", false
		}
		// A named function's parameter: every caller in this package must
		// give the same prefix.
		idx := -1
		for i, p := range fn.Params {
			if p == x {
				idx = i
			}
		}
		found, out := false, ""
		for _, ref := range r.referrersOf(fn) {
			call, ok := ref.(ssa.CallInstruction)
			if !ok || call.Common().StaticCallee() != fn || idx >= len(call.Common().Args) {
				return "", false // the function escapes: unknown callers
			}
			p, ok := r.prefix(call.Common().Args[idx], depth+1)
			if !ok || (found && p != out) {
				return "", false
			}
			found, out = true, p
		}
		return out, found
	}
	return "", false
}

// mounted returns the prefix a newly made router v is served under: chi's
// Mount("/api", v) or a mux's Handle("/api/", http.StripPrefix("/api",
// v)). A router neither mounted nor stripped is a root.
func (r *Reader) mounted(v ssa.Value, depth int) (string, bool) {
	for _, use := range uses(v, 0) {
		call, ok := use.(ssa.CallInstruction)
		if !ok {
			continue
		}
		callee := ir.Callee(call.Common())
		recv, args := splitRecv(call.Common(), callee)
		switch {
		case len(args) == 2 && ir.Peel(args[1]) != v:
			continue // v is the receiver, or the prefix
		case chiMount.Has(callee):
			head, ok := r.prefix(recv, depth+1)
			p, ok2 := r.str(args[0])
			if !ok || !ok2 {
				return "", false
			}
			return joinPrefix(head, strings.TrimSuffix(p, "/*")), true
		case stripPrefix.Has(callee):
			p, ok := r.str(args[0])
			if !ok {
				return "", false
			}
			return p, true
		}
	}
	return "", true
}

// uses returns the instructions that use v, looking through conversions
// to interfaces.
func uses(v ssa.Value, depth int) []ssa.Instruction {
	if depth > 3 || v.Referrers() == nil {
		return nil
	}
	var out []ssa.Instruction
	for _, ref := range *v.Referrers() {
		switch r := ref.(type) {
		case *ssa.MakeInterface:
			out = append(out, uses(r, depth+1)...)
		case *ssa.ChangeType:
			out = append(out, uses(r, depth+1)...)
		case *ssa.ChangeInterface:
			out = append(out, uses(r, depth+1)...)
		default:
			out = append(out, ref)
		}
	}
	return out
}

// routeClosure returns the prefix of the router a function literal fn
// receives from chi's Route(pattern, fn) or fiber's Route(prefix, fn).
func (r *Reader) routeClosure(fn *ssa.Function, depth int) (string, bool) {
	var made ssa.Value = fn
	if parent := fn.Parent(); parent != nil {
		for _, b := range parent.Blocks {
			for _, instr := range b.Instrs {
				if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
					made = mc
				}
			}
		}
		for _, b := range parent.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				callee := ir.Callee(call.Common())
				if !chiRoute.Has(callee) && !fiberRoute.Has(callee) {
					continue
				}
				recv, args := splitRecv(call.Common(), callee)
				if len(args) == 0 || args[len(args)-1] != made {
					continue
				}
				head, ok := r.prefix(recv, depth+1)
				if !ok {
					return "", false
				}
				if len(args) == 1 {
					return head, true // chi's Group(fn): no prefix of its own
				}
				p, ok := r.str(args[0])
				if !ok {
					return "", false
				}
				return joinPrefix(head, p), true
			}
		}
	}
	return "", false
}

// splitRecv separates a call's receiver from its arguments.
func splitRecv(cc *ssa.CallCommon, callee *types.Func) (ssa.Value, []ssa.Value) {
	if cc.IsInvoke() {
		return cc.Value, cc.Args
	}
	if callee != nil {
		if sig, ok := callee.Type().(*types.Signature); ok && sig.Recv() != nil && len(cc.Args) > 0 {
			return cc.Args[0], cc.Args[1:]
		}
	}
	return nil, cc.Args
}

// joinPrefix puts a group's path after its parent's prefix.
func joinPrefix(head, p string) string {
	if p == "" {
		return head
	}
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return strings.TrimSuffix(head, "/") + p
}

// Join puts a route's path after its router's prefix.
func Join(prefix, path string) string {
	if prefix == "" {
		return path
	}
	if path == "" || path == "/" {
		return strings.TrimSuffix(prefix, "/") + path
	}
	return joinPrefix(prefix, path)
}

// embeddedField reports whether field i of the struct *t is embedded.
func embeddedField(t types.Type, i int) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	return ok && i < st.NumFields() && st.Field(i).Embedded()
}
