package callsites

import (
	"go/token"
	"go/types"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
	"github.com/faultline-dev/faultline/rules/internal/routes"
)

// The functions that build URLs and paths whose parts httpPath reads.
var (
	sprintf     = lint.NewFuncSet("fmt.Sprintf")
	urlJoinPath = lint.NewFuncSet("net/url.JoinPath")
	pathJoinFn  = lint.NewFuncSet("path.Join")
	// httpVerbs are the net/http functions and Client methods that say
	// their method by their name.
	httpVerbs = map[string]string{"Get": "GET", "Head": "HEAD", "Post": "POST", "PostForm": "POST"}
)

// unknownPart stands, inside a URL being read, for a part built from a
// value faultline cannot read.
const unknownPart = "\x00"

// httpPath returns the method and path of an HTTP call to a table API:
// from the request's http.NewRequest(method, url, …) for Do(req), from
// the URL argument and the function's name for http.Get(url) and its
// kin. "" when unknown.
func (t *tracer) httpPath(c *ssa.CallCommon, callee *types.Func, api *remote.API) (method, path string) {
	defer t.enter()()
	if api.Req >= 0 {
		req := ir.Arg(c, api.Req)
		found := 0
		t.sources(req, func(src ssa.Value) {
			call, ok := src.(*ssa.Call)
			if !ok {
				return
			}
			rc := &call.Call
			var m, u ssa.Value
			switch obj := staticObj(rc); {
			case newReq.Has(obj):
				m, u = ir.Arg(rc, 0), ir.Arg(rc, 1)
			case newReqCtx.Has(obj):
				m, u = ir.Arg(rc, 1), ir.Arg(rc, 2)
			default:
				return
			}
			found++
			method, _ = ir.ConstString(m)
			path = urlPath(u)
		}, func(Hint) {})
		if found != 1 {
			return "", "" // requests from several places: no one path
		}
		return strings.ToUpper(method), path
	}
	if callee.Pkg() == nil || callee.Pkg().Path() != "net/http" {
		return "", ""
	}
	m, ok := httpVerbs[callee.Name()]
	if !ok {
		return "", ""
	}
	for i := range 2 {
		if v := ir.Arg(c, i); v != nil && isString(v.Type()) {
			return m, urlPath(v)
		}
	}
	return "", ""
}

// urlPath returns the path of the URL v holds, where the code writes the
// path as a literal: "/api/cart/{}" for base + "/api/cart/" + id, or
// fmt.Sprintf("%s/api/cart/%s", host, id); "" when the path is unknown
// (it comes from a variable, or there is none).
func urlPath(v ssa.Value) string {
	s := strings.Join(urlParts(v, 0), "")
	if s == "" {
		return ""
	}
	// The path begins after the scheme and host, or at the first literal
	// slash after an unknown base URL.
	switch i := strings.Index(s, "://"); {
	case i >= 0:
		rest := s[i+3:]
		j := strings.IndexByte(rest, '/')
		if j < 0 {
			return ""
		}
		s = rest[j:]
	case strings.HasPrefix(s, unknownPart):
		s = strings.TrimLeft(s, unknownPart)
		if !strings.HasPrefix(s, "/") {
			return "" // base + "api/cart": where the base ends is unknown
		}
	case strings.HasPrefix(s, "/"):
	default:
		return ""
	}
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i]
	}
	if strings.Contains(s, "%") {
		if u, err := url.PathUnescape(s); err == nil {
			s = u
		}
	}
	segs := strings.Split(s, "/")
	for i, seg := range segs {
		if strings.Contains(seg, unknownPart) {
			segs[i] = routes.Unknown
		}
	}
	out := strings.Join(segs, "/")
	// A path whose first segment is unknown is built from a variable.
	if first := strings.SplitN(strings.TrimPrefix(out, "/"), "/", 2)[0]; first == "" || first == routes.Unknown {
		return ""
	}
	return out
}

// urlParts flattens the string v into its literal parts and unknownPart
// for each part it cannot read.
func urlParts(v ssa.Value, depth int) []string {
	if depth > 6 {
		return []string{unknownPart}
	}
	if s, ok := ir.ConstString(v); ok {
		return []string{s}
	}
	switch x := v.(type) {
	case *ssa.BinOp:
		if x.Op == token.ADD {
			return append(urlParts(x.X, depth+1), urlParts(x.Y, depth+1)...)
		}
	case *ssa.Phi:
		var first []string
		for i, e := range x.Edges {
			p := urlParts(e, depth+1)
			if i > 0 && !slices.Equal(p, first) {
				return []string{unknownPart}
			}
			first = p
		}
		if first != nil {
			return first
		}
	case *ssa.Extract:
		if call, ok := x.Tuple.(*ssa.Call); ok && x.Index == 0 && urlJoinPath.Has(ir.Callee(&call.Call)) && len(call.Call.Args) == 2 {
			out := urlParts(call.Call.Args[0], depth+1)
			return append(out, elems(call.Call.Args[1], depth)...)
		}
	case *ssa.Call:
		callee := ir.Callee(&x.Call)
		switch {
		case sprintf.Has(callee) && len(x.Call.Args) == 2:
			if f, ok := ir.ConstString(x.Call.Args[0]); ok {
				return formatParts(f, x.Call.Args[1], depth)
			}
		case pathJoinFn.Has(callee) && len(x.Call.Args) == 1:
			if parts := elems(x.Call.Args[0], depth); len(parts) > 0 {
				return append([]string{}, parts...)
			}
		}
	}
	return []string{unknownPart}
}

// elems returns the parts of the elements of a variadic argument, each
// after a slash, as url.JoinPath and path.Join join them.
func elems(v ssa.Value, depth int) []string {
	byIdx, ok := ir.VariadicArgs(v)
	if !ok {
		return []string{unknownPart}
	}
	var out []string
	for _, e := range byIdx {
		if e == nil {
			return []string{unknownPart}
		}
		out = append(out, "/")
		for _, p := range urlParts(e, depth+1) {
			out = append(out, strings.Trim(p, "/"))
		}
	}
	return out
}

// formatParts reads a fmt.Sprintf format: its literal text, and a part
// for each verb (the argument's when it is a constant).
func formatParts(f string, args ssa.Value, depth int) []string {
	vals, _ := ir.VariadicArgs(args) // none known: every verb is an unknown part
	var out []string
	var lit strings.Builder
	arg := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			lit.WriteByte(f[i])
			continue
		}
		if i+1 < len(f) && f[i+1] == '%' {
			lit.WriteByte('%')
			i++
			continue
		}
		// Skip flags, width and precision to the verb.
		j := i + 1
		for j < len(f) && strings.IndexByte("+-# 0123456789.[]*", f[j]) >= 0 {
			j++
		}
		i = j
		out = append(out, lit.String())
		lit.Reset()
		part := unknownPart
		if arg < len(vals) && vals[arg] != nil {
			v := vals[arg]
			if mi, ok := v.(*ssa.MakeInterface); ok {
				v = mi.X
			}
			if s, ok := ir.ConstString(v); ok {
				part = s
			}
		}
		out = append(out, part)
		arg++
	}
	return append(out, lit.String())
}

// routes returns the HTTP routes the package registers, with their
// groups' prefixes; a route whose path or prefix cannot be read is left
// out.
func (t *tracer) routes() (out []Route, unread int) {
	funcs := t.irr.SrcFuncs
	if init := t.irr.Pkg.Func("init"); init != nil {
		funcs = append([]*ssa.Function{init}, funcs...)
	}
	rr := lint.ResultOf[*resilience.Result](t.pass)
	rd := routes.NewReader(funcs, routes.Str)
	for _, fn := range funcs {
		if remote.TestHelper(fn) || (rr != nil && rr.TestCode().Contains(fn)) {
			continue // a test harness's routes
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				reg, ok := routes.Of(call)
				if !ok {
					if unknownRoute(call.Common()) {
						unread++
					}
					continue
				}
				p, ok := routes.Str(reg.PathV)
				if !ok || !reg.MethodOK {
					unread++
					continue
				}
				m := reg.MethodOf()
				if reg.Pattern {
					if m, p, ok = routes.SplitPattern(p); !ok {
						unread++
						continue
					}
				}
				pre, ok := rd.Prefix(reg.Recv)
				if !ok {
					unread++
					continue
				}
				pos := t.pass.Fset.Position(call.Pos())
				r := Route{Method: strings.ToUpper(m), Path: routes.Canonical(routes.Join(pre, p), reg.Pattern), File: pos.Filename, Line: pos.Line, Col: pos.Column}
				if h := handlerFunc(reg.Handler); h != nil {
					r.Handler = funcName(h)
				}
				out = append(out, r)
			}
		}
	}
	return out, unread
}

// unknownRoute reports whether c looks like a route registration on a
// router the route table does not model (go-zoo/bone, go-restful,
// httptreemux, …): a function or method of a package outside the standard
// library taking a constant path ("/…") and then a handler (a function, or
// a value with a ServeHTTP method). Its routes are unknown, which only
// ever makes the analysis more cautious.
func unknownRoute(c *ssa.CallCommon) bool {
	callee := ir.Callee(c)
	if callee == nil || callee.Pkg() == nil {
		return false
	}
	first, _, _ := strings.Cut(callee.Pkg().Path(), "/")
	if !strings.Contains(first, ".") {
		return false
	}
	args := c.Args
	if c.Signature().Recv() != nil && !c.IsInvoke() && len(args) > 0 {
		args = args[1:] // the receiver
	}
	for i, a := range args {
		p, ok := ir.ConstString(a)
		if !ok {
			continue
		}
		if !strings.HasPrefix(p, "/") {
			return false
		}
		for _, h := range args[i+1:] {
			if handlerType(h.Type()) {
				return true
			}
		}
		return false
	}
	return false
}

// handlerType reports whether t is a function or has a ServeHTTP method.
func handlerType(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "ServeHTTP")
	_, ok := obj.(*types.Func)
	return ok
}

// modelledHealth are the health packages whose endpoints the analysis
// sees: gRPC's health service is known by its registration.
var modelledHealth = map[string]bool{
	"google.golang.org/grpc/health":                true,
	"google.golang.org/grpc/health/grpc_health_v1": true,
}

// healthLibs returns the packages outside the standard library that pkg
// imports whose import path has a segment naming health: a health-check
// library, or gRPC's health service. The analysis does not model them, so
// a service using one may answer probes through routes it cannot see.
func healthLibs(pkg *types.Package) []string {
	var out []string
	for _, imp := range pkg.Imports() {
		path := imp.Path()
		first, _, _ := strings.Cut(path, "/")
		if !strings.Contains(first, ".") || modelledHealth[path] {
			continue // the standard library; gRPC's health service, known by its registration
		}
		for seg := range strings.SplitSeq(path, "/") {
			if strings.Contains(strings.ToLower(seg), "health") {
				out = append(out, path)
				break
			}
		}
	}
	slices.Sort(out)
	return out
}

// handlerFunc returns the function a handler value is, when it is one.
func handlerFunc(v ssa.Value) *ssa.Function {
	for range 4 {
		switch x := v.(type) {
		case *ssa.Function:
			return x
		case *ssa.MakeClosure:
			f, _ := x.Fn.(*ssa.Function)
			return f
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return nil
		}
	}
	return nil
}
