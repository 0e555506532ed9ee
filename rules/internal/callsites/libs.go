package callsites

import (
	"go/types"

	"github.com/faultline-dev/faultline/rules/internal/ir"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

// libHints gathers the target evidence of a call to an API of a library
// that says, in the catalogue, where its addresses are written (Addrs):
// the call's own arguments when it is one of them (a message with its
// topic), and the values its receiver is built from, followed back through
// the library's builder and client methods (client.Database(d).Collection(c)
// back to mongo.Connect(ctx, options.Client().ApplyURI(uri))) to the calls
// that are given the address.
func (t *tracer) libHints(c *ssa.CallCommon, callee *types.Func, lib *catalog.Library) []Hint {
	defer t.enter()()
	var hs []Hint
	if a, ok := catalog.AddrOf(callee); ok {
		hs = append(hs, t.addrHints(c, a)...)
	}
	if r := ir.Receiver(c); r != nil {
		hs = append(hs, t.builtFrom(r, lib)...)
	}
	// The library's values the call is given: the client of a
	// package-level API (sqlx.Get(db, …), redis.DoContext(conn, …),
	// neo4j.ExecuteQuery(ctx, driver, …)) or of a request (esapi's
	// req.Do(ctx, es)).
	hs = append(hs, t.libArgs(c, callee, lib)...)
	return hs
}

// libArgs returns the evidence of the arguments of c, a call of callee,
// that are values of library lib, followed back to what built them.
func (t *tracer) libArgs(c *ssa.CallCommon, callee *types.Func, lib *catalog.Library) []Hint {
	var hs []Hint
	sig := callee.Type().(*types.Signature)
	for i := range sig.Params().Len() {
		if a := ir.Arg(c, i); a != nil && ofLibrary(a.Type(), lib) {
			hs = append(hs, t.builtFrom(a, lib)...)
		}
	}
	return hs
}

// builtFrom follows a value of library lib to the calls it was made by,
// and returns the evidence of those that are given an address.
//
// A value already followed in the same query gives nothing more: its
// evidence is in the answer already, or is being gathered further up.
// Builders lead back to themselves (a wrapper whose methods each rewrap
// q.query.Consistency(…), q.query.PageSize(…) into the field they read),
// and without this every path round such a cycle was walked again until
// the query's budget ran out.
func (t *tracer) builtFrom(v ssa.Value, lib *catalog.Library) []Hint {
	defer t.enter()()
	k := builtKey{v, lib}
	if t.qBuilt[k] {
		return nil
	}
	if t.qBuilt == nil {
		t.qBuilt = map[builtKey]bool{}
	}
	t.qBuilt[k] = true
	var hs []Hint
	t.sources(ir.Unembed(v), func(src ssa.Value) {
		if alloc, ok := src.(*ssa.Alloc); ok {
			// The backing array of variadic options: its elements.
			for _, el := range elements(alloc) {
				hs = append(hs, t.builtFrom(el, lib)...)
			}
			return
		}
		call, ok := src.(*ssa.Call)
		if !ok {
			return
		}
		c := &call.Call
		callee := ir.Callee(c)
		if callee == nil || callee.Pkg() == nil || !lib.Has(callee.Pkg().Path()) {
			return
		}
		if a, ok := catalog.AddrOf(callee); ok {
			hs = append(hs, t.addrHints(c, a)...)
		}
		// A builder or a client method: what it was called on, and the
		// library's values it was given (options, configurations).
		if r := ir.Receiver(c); r != nil {
			hs = append(hs, t.builtFrom(r, lib)...)
		}
		hs = append(hs, t.libArgs(c, callee, lib)...)
		// What is called on the value once built: c := resty.New();
		// c.SetBaseURL(u).
		hs = append(hs, t.setAfter(call, lib)...)
	}, t.keep(&hs))
	return hs
}

// setAfter returns the evidence of the calls that give v, a value of
// library lib, an address after it was built: the methods called on it
// that the catalogue lists among the library's Addrs.
func (t *tracer) setAfter(v ssa.Value, lib *catalog.Library) []Hint {
	var hs []Hint
	for _, ref := range *v.Referrers() {
		call, ok := ref.(ssa.CallInstruction)
		if !ok || ir.Receiver(call.Common()) != v {
			continue
		}
		callee := ir.Callee(call.Common())
		if callee == nil || callee.Pkg() == nil || !lib.Has(callee.Pkg().Path()) {
			continue
		}
		if a, ok := catalog.AddrOf(callee); ok {
			hs = append(hs, t.addrHints(call.Common(), a)...)
		}
	}
	return hs
}

// addrHints returns the evidence the arguments of a call to an Addr hold.
func (t *tracer) addrHints(c *ssa.CallCommon, a *catalog.Addr) []Hint {
	var hs []Hint
	if a.Engine != "" {
		hs = append(hs, Hint{Driver, a.Engine})
	}
	if a.Driver && a.Arg > 0 {
		if d, ok := ir.ConstString(ir.Arg(c, a.Arg-1)); ok {
			hs = append(hs, Hint{Driver, d})
		}
	}
	var args []ssa.Value
	if a.Arg >= 0 {
		args = append(args, ir.Arg(c, a.Arg))
	} else {
		for i := range len(c.Args) {
			args = append(args, ir.Arg(c, i))
		}
	}
	for _, v := range args {
		if v == nil || remote.IsContext(v.Type()) {
			continue
		}
		var got []Hint
		if len(a.Fields) > 0 {
			if a.Topic {
				got = t.structHints(v, nil, a.Fields)
			} else {
				got = t.structHints(v, a.Fields, nil)
			}
		} else if isStrings(v.Type()) {
			got = t.strings(v)
		}
		for _, h := range got {
			switch {
			case h.Kind == "literal" && a.Topic:
				hs = append(hs, Hint{Topic, h.Value})
			case h.Kind != "literal":
				hs = append(hs, h)
			}
		}
	}
	return hs
}

// isStrings reports whether t is a string or a slice of strings.
func isStrings(t types.Type) bool {
	if s, ok := t.Underlying().(*types.Slice); ok {
		t = s.Elem()
	}
	return isString(t)
}

// ofLibrary reports whether t (or what it points to) is a named type of
// one of lib's packages that can carry an address: not a number or a flag
// (a consistency level, a page size), whose makers name no dependency.
func ofLibrary(t types.Type, lib *catalog.Library) bool {
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&(types.IsNumeric|types.IsBoolean) != 0 {
		return false
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if s, ok := t.(*types.Slice); ok { // variadic options
		return ofLibrary(s.Elem(), lib)
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && lib.Has(n.Obj().Pkg().Path())
}

// elements returns the values stored into the elements of an array
// (a variadic argument's backing array, a slice literal's).
func elements(a *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	for _, ref := range *a.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, r := range *ia.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
				out = append(out, st.Val)
			}
		}
	}
	return out
}
