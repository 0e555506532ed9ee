package deephealth

import (
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/faultline-dev/faultline/rules/internal/ir"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// shape says where a route registration keeps its path, method and
// handler. Argument indices do not count the receiver.
type shape struct {
	path    int  // the path or pattern; -1: on the receiver chain (gorilla's Route)
	handler int  // the handler
	method  int  // an HTTP method argument, or -1
	pattern bool // the path is a net/http pattern: "[METHOD ][HOST]/PATH"
	last    bool // the handlers are variadic and the last one serves (gin)
}

var (
	netHTTP = shape{path: 0, handler: 1, method: -1, pattern: true}
	plain   = shape{path: 0, handler: 1, method: -1}
	method  = shape{path: 1, handler: 2, method: 0}
	gin     = shape{path: 0, handler: 1, method: -1, last: true}
	ginAny  = shape{path: 1, handler: 2, method: 0, last: true}
	chained = shape{path: -1, handler: 0, method: -1}
)

// routeShapes lists the registrations faultline follows, by API identity.
// Only routes that answer GET or HEAD can serve a probe, so the POST, PUT…
// methods of the routers are left out.
var routeShapes = func() map[string]shape {
	m := map[string]shape{
		"net/http.HandleFunc":                         netHTTP,
		"net/http.Handle":                             netHTTP,
		"(*net/http.ServeMux).HandleFunc":             netHTTP,
		"(*net/http.ServeMux).Handle":                 netHTTP,
		"(*github.com/gorilla/mux.Router).HandleFunc": plain,
		"(*github.com/gorilla/mux.Router).Handle":     plain,
		"(*github.com/gorilla/mux.Route).HandlerFunc": chained,
		"(*github.com/gorilla/mux.Route).Handler":     chained,
	}
	// Prometheus' router (Prometheus, Alertmanager and their kin).
	m["(*github.com/prometheus/common/route.Router).Get"] = plain
	m["(*github.com/prometheus/common/route.Router).Head"] = plain
	// julienschmidt/httprouter: Handle's handlers take a third argument.
	for _, name := range []string{"GET", "HEAD"} {
		m["(*github.com/julienschmidt/httprouter.Router)."+name] = plain
	}
	for _, name := range []string{"Handle", "Handler", "HandlerFunc"} {
		m["(*github.com/julienschmidt/httprouter.Router)."+name] = method
	}
	for _, chi := range []string{"github.com/go-chi/chi/v5", "github.com/go-chi/chi"} {
		for _, recv := range []string{"(" + chi + ".Router)", "(*" + chi + ".Mux)"} {
			for _, name := range []string{"Get", "Head", "Handle", "HandleFunc"} {
				m[recv+"."+name] = plain
			}
			m[recv+".Method"] = method
			m[recv+".MethodFunc"] = method
		}
	}
	for _, recv := range []string{"(*github.com/gin-gonic/gin.RouterGroup)", "(github.com/gin-gonic/gin.IRoutes)"} {
		for _, name := range []string{"GET", "HEAD", "Any"} {
			m[recv+"."+name] = gin
		}
		m[recv+".Handle"] = ginAny
	}
	for _, recv := range []string{"(*github.com/labstack/echo/v4.Echo)", "(*github.com/labstack/echo/v4.Group)"} {
		for _, name := range []string{"GET", "HEAD", "Any"} {
			m[recv+"."+name] = plain
		}
		m[recv+".Add"] = method
	}
	return m
}()

var routes = func() *lint.FuncSet {
	var entries []string
	for e := range routeShapes {
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
	pathJoin = lint.NewFuncSet("path.Join")
)

// registration is a handler registered on a health path.
type registration struct {
	call    ssa.CallInstruction
	path    string // the path as written, for messages
	probe   probe
	handler ssa.Value
}

// registrationOf returns the registration a call makes, if it registers a
// handler on a health path that answers GET.
func (c *checker) registrationOf(call ssa.CallInstruction) (registration, bool) {
	cc := call.Common()
	callee := ir.Callee(cc)
	entry, ok := routes.Entry(callee)
	if !ok {
		return registration{}, false
	}
	sh := routeShapes[entry]
	args := cc.Args
	var recv ssa.Value
	if !cc.IsInvoke() {
		if sig, ok := callee.Type().(*types.Signature); ok && sig.Recv() != nil && len(args) > 0 {
			recv, args = args[0], args[1:]
		}
	}
	if sh.method >= 0 {
		if sh.method >= len(args) {
			return registration{}, false
		}
		m, ok := ir.ConstString(args[sh.method])
		if !ok || !probeMethod(m) {
			return registration{}, false
		}
	}
	var pathV ssa.Value
	if sh.path >= 0 {
		if sh.path >= len(args) {
			return registration{}, false
		}
		pathV = args[sh.path]
	} else {
		pathV = gorillaRoutePath(recv)
	}
	p, ok := c.pathString(pathV)
	if !ok {
		return registration{}, false
	}
	shown := p
	if sh.pattern {
		m, path, ok := splitPattern(p)
		if !ok || !probeMethod(m) {
			return registration{}, false
		}
		p = path
	}
	kind := classifyPath(p)
	if kind == notProbe || sh.handler >= len(args) {
		return registration{}, false
	}
	h := args[sh.handler]
	if sh.last {
		if h = lastVariadic(h); h == nil {
			return registration{}, false
		}
	}
	return registration{call: call, path: strings.TrimSpace(shown), probe: kind, handler: h}, true
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

// pathString returns the path a value holds: a constant (SSA folds named
// constants, wherever declared), a package-level string variable assigned
// once from a constant, the result of a helper of this package that builds
// the path from its argument (basePath("/healthz")), or, for
// "prefix + /healthz" and path.Join(prefix, "healthz"), the constant tail,
// which is all the classification needs.
func (c *checker) pathString(v ssa.Value) (string, bool) {
	return c.pathIn(v, nil, 0)
}

func (c *checker) pathIn(v ssa.Value, e *env, depth int) (string, bool) {
	if depth > 4 {
		return "", false
	}
	if s, ok := ir.ConstString(v); ok {
		return s, true
	}
	switch x := v.(type) {
	case *ssa.Parameter:
		if b, ok := e.lookup(x); ok {
			return c.pathIn(b.v, b.env, depth+1)
		}
	case *ssa.UnOp:
		if g, ok := x.X.(*ssa.Global); ok && x.Op == token.MUL {
			if st := c.globalStores[g]; len(st) == 1 {
				return ir.ConstString(st[0].v)
			}
		}
	case *ssa.BinOp:
		if x.Op == token.ADD {
			if s, ok := c.pathIn(x.Y, e, depth+1); ok && strings.HasPrefix(s, "/") {
				if head, ok := c.pathIn(x.X, e, depth+1); ok {
					return head + s, true
				}
				return s, true
			}
		}
	case *ssa.Call:
		if pathJoin.Has(ir.Callee(&x.Call)) && len(x.Call.Args) == 1 {
			if last := lastVariadic(x.Call.Args[0]); last != nil {
				if s, ok := c.pathIn(last, e, depth+1); ok && s != "" {
					return "/" + strings.TrimLeft(s, "/"), true
				}
			}
			return "", false
		}
		sf := x.Call.StaticCallee()
		if sf == nil || !c.inPkg[ir.Origin(sf)] {
			return "", false
		}
		ne := callEnv(sf, &x.Call, e)
		found, path := false, ""
		for _, b := range sf.Blocks {
			if len(b.Instrs) == 0 {
				continue
			}
			ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return)
			if !ok || len(ret.Results) != 1 {
				continue
			}
			s, ok := c.pathIn(ret.Results[0], ne, depth+1)
			if !ok || (found && classifyPath(s) != classifyPath(path)) {
				return "", false // a helper whose results disagree
			}
			found, path = true, s
		}
		return path, found
	}
	return "", false
}

// lastVariadic returns the last element stored into the array behind a
// variadic argument (f(a, b, h) builds a slice of a fresh array), or nil
// when the slice comes from elsewhere.
func lastVariadic(v ssa.Value) ssa.Value {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		return nil
	}
	arr, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return nil
	}
	best, bestIdx := ssa.Value(nil), int64(-1)
	for _, ref := range *arr.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		k, ok := ia.Index.(*ssa.Const)
		if !ok {
			continue
		}
		i, exact := constant.Int64Val(constant.ToInt(k.Value))
		if !exact || i <= bestIdx {
			continue
		}
		for _, r := range *ia.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
				best, bestIdx = st.Val, i
			}
		}
	}
	return best
}
