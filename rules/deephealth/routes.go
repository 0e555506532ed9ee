package deephealth

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/routes"
)

var pathJoin = lint.NewFuncSet("path.Join")

// registration is a handler registered on a health path.
type registration struct {
	call    ssa.CallInstruction
	path    string // the path as written, for messages
	probe   probe
	handler ssa.Value
}

// registrationOf returns the registration a call makes, if it registers a
// handler on a health path that answers GET. The routes of the routers
// are in rules/internal/routes; the methods a registration implies (chi's
// Post, gin's POST) other than GET and HEAD cannot serve a probe.
func (c *checker) registrationOf(call ssa.CallInstruction) (registration, bool) {
	reg, ok := routes.Of(call)
	if !ok || !reg.MethodOK || !probeMethod(reg.Method) || fiber(call) {
		return registration{}, false
	}
	p, ok := c.pathString(reg.PathV)
	if !ok {
		return registration{}, false
	}
	shown := p
	if reg.Pattern {
		m, path, ok := splitPattern(p)
		if !ok || !probeMethod(m) {
			return registration{}, false
		}
		p = path
	}
	kind := classifyPath(p)
	if kind == notProbe || reg.Handler == nil {
		return registration{}, false
	}
	return registration{call: call, path: strings.TrimSpace(shown), probe: kind, handler: reg.Handler}, true
}

// fiber reports whether call registers a fiber route: fiber's handlers
// (func(*fiber.Ctx) error) are not followed by the reach of this rule yet.
func fiber(call ssa.CallInstruction) bool {
	callee := ir.Callee(call.Common())
	return callee != nil && callee.Pkg() != nil && strings.HasPrefix(callee.Pkg().Path(), "github.com/gofiber/")
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
// variadic argument.
func lastVariadic(v ssa.Value) ssa.Value { return routes.LastVariadic(v) }
