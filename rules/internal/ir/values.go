package ir

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// The SSA vocabulary the rules share: what a call calls and is given, and
// how to see through the wrappings SSA puts around a value.

// Origin returns the generic function an instantiation was made from, or
// f itself.
func Origin(f *ssa.Function) *ssa.Function {
	if o := f.Origin(); o != nil {
		return o
	}
	return f
}

// Callee returns the declared function or interface method a call invokes
// (the generic origin of an instantiation), or nil for calls of function
// values, closures and builtins.
func Callee(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method.Origin()
	}
	if sf := c.StaticCallee(); sf != nil {
		if obj, ok := Origin(sf).Object().(*types.Func); ok {
			return obj.Origin()
		}
	}
	return nil
}

// Receiver returns the receiver of a method call (an interface value for
// an invoke-mode call), or nil for any other call.
func Receiver(c *ssa.CallCommon) ssa.Value {
	if c.IsInvoke() {
		return c.Value
	}
	if sf := c.StaticCallee(); sf != nil && sf.Signature.Recv() != nil && len(c.Args) > 0 {
		return c.Args[0]
	}
	return nil
}

// Arg returns the i-th argument of a call, the receiver not counted, or
// nil.
func Arg(c *ssa.CallCommon, i int) ssa.Value {
	if !c.IsInvoke() {
		if sf := c.StaticCallee(); sf != nil && sf.Signature.Recv() != nil {
			i++
		}
	}
	if i >= 0 && i < len(c.Args) {
		return c.Args[i]
	}
	return nil
}

// ArgOf returns the argument of a call for parameter i of the callee's
// signature (receiver not counted), or nil, where nparams is the number of
// parameters of that signature. Unlike Arg it also serves calls whose
// callee is not known statically: a static method call and a method
// expression (thunk) pass the receiver first, a bound method value does
// not.
func ArgOf(c *ssa.CallCommon, nparams, i int) ssa.Value {
	off := 0
	if !c.IsInvoke() {
		off = len(c.Args) - nparams
	}
	if off < 0 || i < 0 || i+off >= len(c.Args) {
		return nil
	}
	return c.Args[i+off]
}

// ParamIndex returns the index of p in its function's signature, the
// receiver not counted (-1 for the receiver).
func ParamIndex(p *ssa.Parameter) int {
	fn := p.Parent()
	i := slices.Index(fn.Params, p)
	if fn.Signature.Recv() != nil {
		i--
	}
	return i
}

// ConstString returns the value of a string constant.
func ConstString(v ssa.Value) (string, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Value), true
}

// FieldVar returns the field a FieldAddr addresses, or nil.
func FieldVar(fa *ssa.FieldAddr) *types.Var {
	p, ok := fa.X.Type().Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, ok := p.Elem().Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return nil
	}
	return st.Field(fa.Field)
}

// TypeKey names a named type (or a pointer to one) as "pkg/path.Name",
// after its generic origin; "" for other types.
func TypeKey(t types.Type) string {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return ""
	}
	obj := n.Origin().Obj()
	if obj.Pkg() == nil {
		return ""
	}
	return obj.Pkg().Path() + "." + obj.Name()
}

// Peel looks through conversions (ChangeType, MakeInterface,
// ChangeInterface) to the value underneath.
func Peel(v ssa.Value) ssa.Value {
	for range 16 {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
	return v
}

// Unembed peels selections of embedded fields off a method receiver
// (rdb.Get is rdb.cmdable.Get), so that the value the user built is
// followed.
func Unembed(v ssa.Value) ssa.Value {
	for range 8 {
		switch x := v.(type) {
		case *ssa.UnOp:
			if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
				if f := FieldVar(fa); f != nil && f.Embedded() {
					v = fa.X
					continue
				}
			}
		case *ssa.FieldAddr:
			// A method with a pointer receiver promoted from an embedded
			// value: its receiver is the field's address.
			if f := FieldVar(x); f != nil && f.Embedded() {
				v = x.X
				continue
			}
		case *ssa.Field:
			if st, ok := x.X.Type().Underlying().(*types.Struct); ok && st.Field(x.Field).Embedded() {
				v = x.X
				continue
			}
		}
		return v
	}
	return v
}

// VariadicArgs returns the values a call stores into the fresh array
// behind a variadic argument (f(a, b, c) builds a slice of a new array),
// by index, nil where nothing is stored. ok is false when the slice comes
// from elsewhere (f(xs...)) or an index is not a small constant.
func VariadicArgs(v ssa.Value) (elems []ssa.Value, ok bool) {
	sl, isSlice := v.(*ssa.Slice)
	if !isSlice {
		return nil, false
	}
	arr, isAlloc := sl.X.(*ssa.Alloc)
	if !isAlloc {
		return nil, false
	}
	for _, ref := range *arr.Referrers() {
		ia, isIndex := ref.(*ssa.IndexAddr)
		if !isIndex {
			continue
		}
		k, isConst := ia.Index.(*ssa.Const)
		if !isConst {
			return nil, false
		}
		i, exact := constant.Int64Val(constant.ToInt(k.Value))
		if !exact || i < 0 || i > 64 {
			return nil, false
		}
		for _, r := range *ia.Referrers() {
			if st, isStore := r.(*ssa.Store); isStore && st.Addr == ia {
				for int64(len(elems)) <= i {
					elems = append(elems, nil)
				}
				elems[i] = st.Val
			}
		}
	}
	return elems, true
}
