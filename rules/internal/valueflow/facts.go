package valueflow

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// exportFacts summarises, for other packages, this package's functions,
// struct fields and package-level variables that build, configure or
// hold values of the tracked types.
func (e *evaluator) exportFacts() {
	pkg := e.pass.Pkg
	for _, fn := range e.idx.funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || obj.Pkg() != pkg || fn.Synthetic != "" || fn.Parent() != nil || fn.Origin() != nil {
			continue
		}
		if fn.TypeParams().Len() > 0 || (fn.Signature.Recv() != nil && fn.Signature.RecvTypeParams().Len() > 0) {
			continue
		}
		var f Fact
		tracked := false
		res := fn.Signature.Results()
		for i := range res.Len() {
			s := e.summary(res.At(i).Type(), func(path string) Info { return e.returns(fn, i, path) })
			f.Results = append(f.Results, s)
			tracked = tracked || s != nil
		}
		for _, p := range fn.Params {
			s := e.summary(p.Type(), func(path string) Info { return e.scan(p, path) })
			f.Params = append(f.Params, s)
			tracked = tracked || s != nil
		}
		for i := range res.Len() {
			for _, p := range e.passes(fn, i) {
				// Only parameters of the tracked types: what other
				// packages ask about.
				if p.Param < len(fn.Params) && trackedPaths(fn.Params[p.Param].Type()) != nil {
					f.Passes = append(f.Passes, p)
				}
			}
		}
		if len(f.Passes) > 0 {
			tracked = true
		}
		if s, ok := e.sendOf(obj); ok {
			f.Send = &s
			tracked = true
		}
		if tracked {
			e.pass.ExportObjectFact(obj, &f)
		}
	}

	scope := pkg.Scope()
	for _, name := range scope.Names() {
		switch obj := scope.Lookup(name).(type) {
		case *types.TypeName:
			named, ok := obj.Type().(*types.Named)
			if !ok || obj.IsAlias() || named.TypeParams().Len() > 0 {
				continue
			}
			st, ok := named.Underlying().(*types.Struct)
			if !ok {
				continue
			}
			if fw, ok := e.forwardOf(named); ok {
				e.pass.ExportObjectFact(obj, &Fact{Forward: &fw})
			}
			for k := range st.NumFields() {
				field := st.Field(k)
				s := e.summary(field.Type(), func(path string) Info {
					i, _ := e.fieldCell(field, path)
					return i
				})
				if s == nil {
					continue
				}
				f := &Fact{Value: s}
				if !isStruct(field.Type()) {
					f.Assigned = e.summary(field.Type(), func(path string) Info { return e.fieldAssigned(field, path) })
				}
				e.pass.ExportObjectFact(field, f)
			}
		case *types.Var:
			g := e.irr.Pkg.Var(name)
			if g == nil {
				continue
			}
			s := e.summary(obj.Type(), func(path string) Info {
				if structOf(g.Type()) != nil {
					return e.globalObject(g, path)
				}
				return e.globalCell(g, path)
			})
			if s != nil {
				e.pass.ExportObjectFact(obj, &Fact{Value: s})
			}
		}
	}
}

// summary answers the catalogue's questions for a value of type t. It
// returns nil when t is not tracked; Unknown answers are left out.
func (e *evaluator) summary(t types.Type, answer func(path string) Info) Summary {
	paths := trackedPaths(t)
	if paths == nil {
		return nil
	}
	s := Summary{}
	for _, p := range paths {
		if i := answer(p); i.State != Unknown {
			s = append(s, PathInfo{Path: p, Info: i})
		}
	}
	slices.SortFunc(s, func(a, b PathInfo) int { return strings.Compare(a.Path, b.Path) })
	return s
}

// origins returns the origins of v: see Result.Origins.
func (e *evaluator) origins(v ssa.Value) ([]Origin, bool) {
	var out []Origin
	complete := true
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value)
	var load func(p ssa.Value)
	call := func(c *ssa.Call, idx int) {
		callee := c.Call.StaticCallee()
		if !c.Call.IsInvoke() && callee != nil {
			// A RoundTripper wrapped around an argument, or a function
			// that returns what it is given: the argument's origins.
			if obj := calleeObject(&c.Call); obj != nil && idx == 0 {
				if w, ok := wrapCtorOf(obj); ok {
					if w.Arg < len(c.Call.Args) {
						walk(c.Call.Args[w.Arg])
					}
					return
				}
			}
			for _, p := range e.callPassList(c) {
				if p.Result == idx && p.Prefix == "" && p.Param < len(c.Call.Args) {
					walk(c.Call.Args[p.Param])
					return
				}
			}
		}
		switch {
		case c.Call.IsInvoke() || callee == nil:
			complete = false
		case e.local(callee):
			for _, b := range callee.Blocks {
				if len(b.Instrs) == 0 {
					continue
				}
				if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && idx < len(ret.Results) {
					walk(ret.Results[idx])
				}
			}
		default:
			out = append(out, Origin{Value: c})
		}
	}
	walk = func(v ssa.Value) {
		if v == nil || seen[v] {
			return
		}
		seen[v] = true
		if len(seen) > 1000 {
			complete = false
			return
		}
		switch v := v.(type) {
		case *ssa.Alloc:
			if fw, ok := e.forwardOf(v.Type()); ok {
				// A RoundTripper that only forwards: the origins of
				// the one it forwards to.
				inner := allocStores(v)[fw.Field]
				if len(inner) == 0 && !fw.NilDefault {
					complete = false
				}
				for _, x := range inner {
					walk(x)
				}
				return
			}
			out = append(out, Origin{Value: v, Literal: v.Pos().IsValid()})
		case *ssa.Phi:
			for _, edge := range v.Edges {
				walk(edge)
			}
		case *ssa.ChangeType:
			walk(v.X)
		case *ssa.ChangeInterface:
			walk(v.X)
		case *ssa.MakeInterface:
			walk(v.X)
		case *ssa.TypeAssert:
			if v.CommaOk {
				complete = false
			} else {
				walk(v.X)
			}
		case *ssa.Extract:
			switch t := v.Tuple.(type) {
			case *ssa.TypeAssert:
				walk(t.X)
			case *ssa.Call:
				call(t, v.Index)
			default:
				complete = false
			}
		case *ssa.Call:
			call(v, 0)
		case *ssa.UnOp:
			if v.Op == token.MUL {
				load(v.X)
			} else {
				complete = false
			}
		case *ssa.Const:
			if v.Value != nil {
				complete = false
			}
		case *ssa.FreeVar:
			bs := e.bindings(v)
			if len(bs) == 0 {
				complete = false
			}
			for _, b := range bs {
				walk(b)
			}
		case *ssa.Global:
			out = append(out, Origin{Value: v})
		default:
			complete = false
		}
	}
	load = func(p ssa.Value) {
		if seen[p] {
			return
		}
		seen[p] = true
		switch p := p.(type) {
		case *ssa.Global:
			if structOf(p.Type()) != nil {
				out = append(out, Origin{Value: p})
				return
			}
			obj, _ := p.Object().(*types.Var)
			if obj == nil || obj.Pkg() != e.pass.Pkg {
				out = append(out, Origin{Value: p})
				return
			}
			n := 0
			for _, r := range e.idx.globals[p] {
				if st, ok := r.(*ssa.Store); ok && st.Addr == p {
					walk(st.Val)
					n++
				}
			}
			if n == 0 {
				complete = false
			}
		case *ssa.FieldAddr:
			f := fieldOf(p)
			if f == nil || f.Pkg() != e.pass.Pkg {
				complete = false
				return
			}
			n := 0
			for _, fa := range e.idx.fields[f] {
				for _, r := range e.refs(fa) {
					if st, ok := r.(*ssa.Store); ok && st.Addr == fa {
						walk(st.Val)
						n++
					}
				}
			}
			if n == 0 {
				complete = false
			}
		case *ssa.Alloc:
			if structOf(p.Type()) != nil {
				walk(p)
				return
			}
			for _, r := range e.refs(p) {
				if st, ok := r.(*ssa.Store); ok && st.Addr == p {
					walk(st.Val)
				}
			}
		case *ssa.FreeVar:
			for _, b := range e.bindings(p) {
				load(b)
			}
		default:
			complete = false
		}
	}
	walk(v)
	return out, complete
}
