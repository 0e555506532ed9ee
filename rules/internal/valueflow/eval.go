package valueflow

import (
	"go/constant"
	"go/token"
	"go/types"
	"math"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
)

// The kinds of question the evaluator memoises.
const (
	opState    = iota // what the object v points to (or is) holds at path
	opScan            // what assignments through v (and its aliases) set at path
	opField           // what the field obj holds at path, package-wide
	opGlobal          // what the package-level variable v holds at path
	opReturn          // what result i of function fn holds at path
	opLeaf            // whether v itself is non-zero
	opCellScan        // what assignments through loads of the cell v set at path
	opLocal           // what the local variable v holds at path
	opObject          // what the struct-valued package-level variable v holds at path
	opAssigned        // what assignments through values read from the field obj set at path
	opCopy            // what assignments through v that may precede the copy at set at path
)

type key struct {
	op   uint8
	v    ssa.Value
	obj  types.Object
	fn   *ssa.Function
	i    int
	at   ssa.Instruction
	path string
}

// evaluator answers value-flow questions for one package. Answers are
// memoised; a question met again while it is being answered (a cycle
// through phi nodes, recursion or a field assigned from itself) counts as
// Unset, the bottom of the join, and answers that depended on such an
// unfinished question are not memoised.
type evaluator struct {
	pass *analysis.Pass
	irr  *ir.IR
	idx  *index

	libs     map[*types.Package]bool // library(pkg), memoised
	fwds     map[*types.TypeName]Forward
	passMemo map[passKey][]Pass
	sends    map[*types.Func]Send
	resolved map[ssa.Value][]Pass // resolvePasses, memoised

	memo  map[key]Info
	stack map[key]int // questions being answered, by depth
	low   int         // the shallowest unfinished question the current one depended on
}

func newEvaluator(pass *analysis.Pass, irr *ir.IR) *evaluator {
	return &evaluator{
		pass:     pass,
		irr:      irr,
		idx:      newIndex(irr),
		libs:     map[*types.Package]bool{},
		fwds:     map[*types.TypeName]Forward{},
		passMemo: map[passKey][]Pass{},
		sends:    map[*types.Func]Send{},
		resolved: map[ssa.Value][]Pass{},
		memo:     map[key]Info{},
		stack:    map[key]int{},
		low:      math.MaxInt,
	}
}

// eval answers the question k with compute, memoising the answer.
func (e *evaluator) eval(k key, compute func() Info) Info {
	if i, ok := e.memo[k]; ok {
		return i
	}
	if d, ok := e.stack[k]; ok {
		e.low = min(e.low, d)
		return unset
	}
	if len(e.stack) > maxDepth {
		return unknown
	}
	d := len(e.stack)
	e.stack[k] = d
	outer := e.low
	e.low = math.MaxInt
	i := compute()
	delete(e.stack, k)
	if e.low >= d {
		e.memo[k] = i
		e.low = math.MaxInt
	}
	e.low = min(outer, e.low)
	return i
}

// maxDepth bounds the nesting of questions; deeper ones are Unknown.
const maxDepth = 400

// state answers what the object v points to (or, for a struct value,
// is) holds at path; an empty path asks whether v itself is non-zero.
func (e *evaluator) state(v ssa.Value, path string) Info {
	if path == "" {
		return e.leaf(v)
	}
	return e.eval(key{op: opState, v: v, path: path}, func() Info { return e.stateOf(v, path) })
}

func (e *evaluator) stateOf(v ssa.Value, path string) Info {
	if path == UnixStep {
		return e.unixDial(v)
	}
	step := head(path)
	if step != DialerStep {
		// A field the value's struct type does not have: the value is not
		// what the question is about (a user type in an interface), unless
		// it is a RoundTripper that only forwards to another.
		if st := structOrPointee(v.Type()); st != nil && !hasField(st, step) && !wrapCall(v) {
			if fw, ok := e.forwardOf(v.Type()); ok {
				return e.forwardState(v, fw, path)
			}
			return unknown
		}
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return unset // nil or the zero struct: nothing is set
		}
		return unknown
	case *ssa.Phi:
		i := unset
		for _, edge := range v.Edges {
			i = join(i, e.state(edge, path))
		}
		return i
	case *ssa.ChangeType:
		return e.state(v.X, path)
	case *ssa.ChangeInterface:
		return e.state(v.X, path)
	case *ssa.MakeInterface:
		return e.state(v.X, path)
	case *ssa.TypeAssert:
		if v.CommaOk {
			return unknown
		}
		return e.state(v.X, path)
	case *ssa.Extract:
		switch t := v.Tuple.(type) {
		case *ssa.TypeAssert:
			if v.Index == 0 {
				return e.state(t.X, path)
			}
		case *ssa.Call:
			return override(e.callState(t, v.Index, path), e.scan(v, path))
		}
		return unknown
	case *ssa.Call:
		return override(e.callState(v, 0, path), e.scan(v, path))
	case *ssa.Alloc:
		if structOf(v.Type()) == nil {
			return unknown
		}
		return join(unset, e.scan(v, path))
	case *ssa.Global:
		if structOf(v.Type()) == nil {
			return unknown
		}
		return e.globalObject(v, path)
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return unknown
		}
		if a, ok := v.X.(*ssa.Alloc); ok && structOf(a.Type()) != nil {
			// A copy of a struct-valued local (d2 := d, or the temporary
			// of a composite literal copied into its variable): what the
			// local held when it was copied.
			return e.copied(a, v, path)
		}
		return e.loadFrom(v.X, path)
	case *ssa.FieldAddr:
		// The address of a struct-valued field: its fields are the
		// container's, one step deeper.
		return e.fieldState(v.X, fieldOf(v), path)
	case *ssa.Field:
		return e.fieldState(v.X, fieldOfValue(v), path)
	case *ssa.Parameter:
		return join(unknown, e.scan(v, path))
	case *ssa.FreeVar:
		bindings := e.bindings(v)
		if len(bindings) == 0 {
			return unknown
		}
		i := unset
		for _, b := range bindings {
			i = join(i, e.state(b, path))
		}
		return i
	case *ssa.MakeClosure:
		if step != DialerStep {
			return unknown
		}
		fn, _ := v.Fn.(*ssa.Function)
		if fn == nil || len(v.Bindings) != 1 || !strings.HasPrefix(fn.Synthetic, "bound method wrapper") {
			return unknown
		}
		if m, _ := fn.Object().(*types.Func); m == nil || !dialMethods.Has(m) {
			return unknown
		}
		return e.state(v.Bindings[0], tail(path))
	}
	return unknown
}

// wrapCall reports whether v is a call of a library function that wraps a
// RoundTripper (otelhttp.NewTransport), whose result type has none of the
// fields asked about.
func wrapCall(v ssa.Value) bool {
	c, ok := v.(*ssa.Call)
	if !ok {
		return false
	}
	obj := calleeObject(&c.Call)
	if obj == nil {
		return false
	}
	_, ok = wrapCtorOf(obj)
	return ok
}

// fieldState answers what field f of the object x points to (or is)
// holds at path. When x's origin is not followed (a method's receiver),
// it falls back to what field f holds across the package: every value
// stored in it, in constructors and elsewhere.
func (e *evaluator) fieldState(x ssa.Value, f *types.Var, path string) Info {
	if f == nil {
		return unknown
	}
	i := e.state(x, f.Name()+"."+path)
	if i.State == Unknown {
		if alt, ok := e.fieldCell(f, path); ok {
			return alt
		}
	}
	return i
}

// loadFrom answers what the value loaded from the address p holds at
// path.
func (e *evaluator) loadFrom(p ssa.Value, path string) Info {
	switch p := p.(type) {
	case *ssa.Global:
		if structOf(p.Type()) != nil {
			return e.state(p, path) // a copy of a struct-valued variable
		}
		return e.globalCell(p, path)
	case *ssa.FieldAddr:
		return e.fieldState(p.X, fieldOf(p), path)
	case *ssa.Alloc:
		if structOf(p.Type()) != nil {
			return e.state(p, path)
		}
		return e.localCell(p, path)
	case *ssa.FreeVar:
		bindings := e.bindings(p)
		if len(bindings) == 0 {
			return unknown
		}
		i := unset
		for _, b := range bindings {
			i = join(i, e.loadFrom(b, path))
		}
		return i
	}
	return unknown
}

// copied answers what the copy ld (a load) of the struct-valued local a
// holds at path: the assignments through a that may happen before the
// copy. Those after it (d2 := d; d.Timeout = t) change d, not d2. Uses
// whose order is not known (a closure that captures a) count.
func (e *evaluator) copied(a *ssa.Alloc, ld *ssa.UnOp, path string) Info {
	return e.eval(key{op: opCopy, v: a, at: ld, path: path}, func() Info {
		i := unset
		for _, r := range e.refs(a) {
			if r != ssa.Instruction(ld) && mayPrecede(r, ld) {
				i = join(i, e.use(a, r, path))
			}
		}
		return i
	})
}

// mayPrecede reports whether the instruction r may execute before the
// instruction at of the same function: r comes earlier in at's block, or
// at's block is reachable from r's (through a loop, from itself).
// Instructions of different functions may come in any order.
func mayPrecede(r, at ssa.Instruction) bool {
	rb, ab := r.Block(), at.Block()
	if rb == nil || ab == nil || rb.Parent() != ab.Parent() {
		return true
	}
	if rb == ab {
		for _, instr := range rb.Instrs {
			switch instr {
			case r:
				return true
			case at:
				return reachable(rb.Succs, ab)
			}
		}
		return true
	}
	return reachable(rb.Succs, ab)
}

// reachable reports whether the block to is reachable from the blocks
// from.
func reachable(from []*ssa.BasicBlock, to *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{}
	work := append([]*ssa.BasicBlock(nil), from...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == to {
			return true
		}
		if seen[b] {
			continue
		}
		seen[b] = true
		work = append(work, b.Succs...)
	}
	return false
}

// localCell answers what the local variable a (an address-taken or
// captured variable holding a pointer or interface) holds at path: the
// join of the values stored in it.
func (e *evaluator) localCell(a *ssa.Alloc, path string) Info {
	return e.eval(key{op: opLocal, v: a, path: path}, func() Info {
		i := unset
		var visit func(cell ssa.Value)
		visit = func(cell ssa.Value) {
			for _, r := range e.refs(cell) {
				switch r := r.(type) {
				case *ssa.Store:
					if r.Addr == cell {
						i = join(i, e.state(r.Val, path))
					} else {
						i = unknown // the variable's address is stored elsewhere
					}
				case *ssa.UnOp, *ssa.DebugRef:
				case *ssa.MakeClosure:
					for _, fv := range e.freeVarsBound(r, cell) {
						visit(fv)
					}
				default:
					i = join(i, unknown) // passed somewhere that may assign it
				}
			}
		}
		visit(a)
		return i
	})
}

// globalCell answers what the package-level variable g (holding a
// pointer or interface) holds at path: the values stored in it in this
// package, or what is known of a library's variable, or another package's
// fact; and every assignment through its loads in this package.
func (e *evaluator) globalCell(g *ssa.Global, path string) Info {
	return e.eval(key{op: opGlobal, v: g, path: path}, func() Info {
		obj, _ := g.Object().(*types.Var)
		var origin Info
		switch {
		case obj == nil:
			origin = unknown
		case obj.Pkg() == e.pass.Pkg:
			origin = unset
			stored := false
			for _, r := range e.idx.globals[g] {
				if st, ok := r.(*ssa.Store); ok && st.Addr == g {
					origin = join(origin, e.state(st.Val, path))
					stored = true
				}
			}
			if !stored {
				origin = unknown // assigned nowhere: nil, or set unseen
			}
		default:
			if k, ok := knownGlobal(obj); ok {
				origin = k.lookup(path)
			} else {
				origin = e.importValue(obj, path)
			}
		}
		// Assignments through its loads in this package.
		return override(origin, e.loadsScan(g, e.idx.globals[g], path))
	})
}

// globalObject answers what the struct-valued package-level variable g
// holds at path.
func (e *evaluator) globalObject(g *ssa.Global, path string) Info {
	return e.eval(key{op: opObject, v: g, path: path}, func() Info {
		obj, _ := g.Object().(*types.Var)
		origin := unknown
		if obj != nil && obj.Pkg() == e.pass.Pkg {
			origin = unset
		} else if obj != nil {
			origin = e.importValue(obj, path)
		}
		return override(origin, e.scan(g, path))
	})
}

// fieldCell answers what the field f holds at path across the package:
// the join of every value stored in it and every assignment through its
// loads. It reports false for fields of the tracked library types (whose
// values are followed from their container) and for fields this package
// never assigns, unless another package's fact describes it.
func (e *evaluator) fieldCell(f *types.Var, path string) (Info, bool) {
	if f.Pkg() == nil || e.library(f.Pkg()) {
		return unknown, false
	}
	if f.Pkg() != e.pass.Pkg {
		i := e.importValue(f, path)
		return i, i.State != Unknown
	}
	stored := false
	for _, fa := range e.idx.fields[f] {
		for _, r := range e.refs(fa) {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa {
				stored = true
			}
		}
	}
	if !stored && !isStruct(f.Type()) {
		return unknown, false
	}
	i := e.eval(key{op: opField, obj: f, path: path}, func() Info {
		i := unset
		if !stored && f.Exported() {
			i = unknown // a struct-valued field other packages may assign
		}
		for _, fa := range e.idx.fields[f] {
			i = join(i, e.fieldAddr(fa, path))
		}
		return i
	})
	return i, true
}

// fieldAssigned answers what assignments through the values read from
// the pointer- or interface-typed field f, in this package, set at path
// (c.Client.Timeout = …, or a helper given c.Client), whatever the values
// stored in it. A field whose address escapes is Unknown.
func (e *evaluator) fieldAssigned(f *types.Var, path string) Info {
	if isStruct(f.Type()) {
		return unknown
	}
	return e.eval(key{op: opAssigned, obj: f, path: path}, func() Info {
		i := unset
		for _, fa := range e.idx.fields[f] {
			for _, r := range e.refs(fa) {
				switch r := r.(type) {
				case *ssa.Store:
					if r.Addr != fa {
						i = join(i, unknown) // the field's address escapes
					}
				case *ssa.UnOp:
					if r.Op == token.MUL {
						i = join(i, e.scan(r, path))
					}
				case *ssa.DebugRef:
				default:
					i = join(i, unknown) // &x.f passed to a function
				}
			}
		}
		return i
	})
}

// callState answers what result idx of the call c holds at path.
func (e *evaluator) callState(c *ssa.Call, idx int, path string) Info {
	common := &c.Call
	if common.IsInvoke() {
		return unknown
	}
	callee := common.StaticCallee()
	if callee == nil {
		return unknown
	}
	obj, _ := callee.Object().(*types.Func)
	if obj != nil {
		obj = obj.Origin()
		if cloneSet.Has(obj) && len(common.Args) == 1 {
			return e.state(common.Args[0], path)
		}
		if entry, ok := knownCtorSet.Entry(obj); ok {
			return knownCtors[entry].lookup(path)
		}
		if w, ok := wrapCtorOf(obj); ok {
			if idx != 0 || w.Arg >= len(common.Args) {
				return unknown
			}
			return e.wrapped(common.Args[w.Arg], w.NilDefault, path)
		}
		if i, ok := e.libraryCallState(obj, common.Args, path); ok {
			return i
		}
	}
	if e.local(callee) {
		// A function that builds its result around a parameter (or
		// returns it): what the argument holds, and what the function
		// assigns through the parameter.
		if i, ok := e.passState(e.passes(callee, idx), idx, common.Args, path, func(p Pass, rest string) Info {
			return e.scan(callee.Params[p.Param], rest)
		}); ok {
			return i
		}
		return e.returns(callee, idx, path)
	}
	if obj != nil && !e.library(obj.Pkg()) {
		var f Fact
		if e.pass.ImportObjectFact(obj, &f) {
			if i, ok := e.passState(f.Passes, idx, common.Args, path, func(p Pass, rest string) Info {
				if p.Param < len(f.Params) {
					return f.Params[p.Param].lookup(rest)
				}
				return unknown
			}); ok {
				return i
			}
			if idx < len(f.Results) {
				return f.Results[idx].lookup(path)
			}
		}
	}
	return unknown
}

// local reports whether fn is a function of this package with a body.
func (e *evaluator) local(fn *ssa.Function) bool {
	if fn.Blocks == nil {
		return false
	}
	if fn.Pkg == e.irr.Pkg {
		return true
	}
	obj, _ := fn.Object().(*types.Func)
	return fn.Pkg == nil && obj != nil && obj.Pkg() == e.pass.Pkg
}

// returns answers what result idx of fn holds at path.
func (e *evaluator) returns(fn *ssa.Function, idx int, path string) Info {
	return e.eval(key{op: opReturn, fn: fn, i: idx, path: path}, func() Info {
		i := unset
		for _, b := range fn.Blocks {
			if len(b.Instrs) == 0 {
				continue
			}
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && idx < len(ret.Results) {
				i = join(i, e.state(ret.Results[idx], path))
			}
		}
		return i
	})
}

// scan answers what assignments through x, a pointer to (or interface
// holding) an object, and through its aliases set at path. A use that may
// assign fields faultline cannot see (x passed to an unknown function,
// stored where it cannot follow) makes it Unknown.
func (e *evaluator) scan(x ssa.Value, path string) Info {
	return e.eval(key{op: opScan, v: x, path: path}, func() Info {
		i := unset
		for _, r := range e.refs(x) {
			i = join(i, e.use(x, r, path))
		}
		return i
	})
}

// use answers what the instruction r, which uses x, sets at path.
func (e *evaluator) use(x ssa.Value, r ssa.Instruction, path string) Info {
	switch r := r.(type) {
	case *ssa.FieldAddr:
		if r.X == x {
			if f := fieldOf(r); f != nil && f.Name() == head(path) {
				return e.fieldAddr(r, tail(path))
			}
		}
		return unset
	case *ssa.Store:
		var i Info = unset
		if r.Addr == x {
			i = e.state(r.Val, path) // *x = T{…}
		}
		if r.Val == x {
			i = join(i, e.cellScan(r.Addr, path))
		}
		return i
	case *ssa.Phi:
		return e.scan(r, path)
	case *ssa.ChangeType:
		return e.scan(r, path)
	case *ssa.ChangeInterface:
		return e.scan(r, path)
	case *ssa.MakeInterface:
		return e.scan(r, path)
	case *ssa.TypeAssert:
		if !r.CommaOk {
			return e.scan(r, path)
		}
		i := unset
		for _, rr := range e.refs(r) {
			if ex, ok := rr.(*ssa.Extract); ok && ex.Index == 0 {
				i = join(i, e.scan(ex, path))
			}
		}
		return i
	case *ssa.MakeClosure:
		i := unset
		for _, fv := range e.freeVarsBound(r, x) {
			i = join(i, e.scan(fv, path))
		}
		return i
	case ssa.CallInstruction:
		return e.callArg(r, x, path)
	case *ssa.Return:
		// Callers in this package may assign it after the call.
		i := unset
		fn := r.Parent()
		for j, res := range r.Results {
			if res != x {
				continue
			}
			for _, call := range e.idx.calls[fn] {
				if c, ok := call.(*ssa.Call); ok {
					if rv := resultValue(c, j, len(r.Results)); rv != nil {
						i = join(i, e.scan(rv, path))
					}
				}
			}
		}
		return i
	case *ssa.Send, *ssa.MapUpdate, *ssa.Convert, *ssa.Slice, *ssa.Select:
		return unknown
	}
	// Loads (copies), comparisons, branches, debug references: nothing is
	// assigned.
	return unset
}

// resultValue returns the value of result j of the call c: c itself, or
// its Extract.
func resultValue(c *ssa.Call, j, n int) ssa.Value {
	if n == 1 {
		return c
	}
	for _, r := range referrers(c) {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == j {
			return ex
		}
	}
	return nil
}

// referrers returns the instructions that use v.
func referrers(v ssa.Value) []ssa.Instruction {
	if v == nil {
		return nil
	}
	if rs := v.Referrers(); rs != nil {
		return *rs
	}
	return nil
}

// fieldAddr answers what assignments through the field address fa set at
// rest, the path below that field.
func (e *evaluator) fieldAddr(fa *ssa.FieldAddr, rest string) Info {
	f := fieldOf(fa)
	i := unset
	for _, r := range e.refs(fa) {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr == fa {
				i = join(i, e.state(r.Val, rest))
			} else {
				i = join(i, unknown) // the field's address escapes
			}
		case *ssa.UnOp:
			if rest != "" && r.Op == token.MUL && f != nil && !isStruct(f.Type()) {
				// A pointer read from the field: assignments through it
				// reach the object it holds.
				i = join(i, e.scan(r, rest))
			}
		case *ssa.FieldAddr:
			if rest != "" && r.X == fa {
				if g := fieldOf(r); g != nil && g.Name() == head(rest) {
					i = join(i, e.fieldAddr(r, tail(rest)))
				}
			}
		case ssa.CallInstruction:
			if rest != "" && f != nil && isStruct(f.Type()) {
				i = join(i, e.callArg(r, fa, rest))
			} else {
				i = join(i, unknown) // &c.Timeout passed to a function that may set it
			}
		case *ssa.DebugRef:
		default:
			if rest == "" {
				i = join(i, unknown)
			}
		}
	}
	return i
}

// cellScan answers what assignments through the loads of the cell addr,
// where an object's pointer was stored, set at path.
func (e *evaluator) cellScan(addr ssa.Value, path string) Info {
	return e.eval(key{op: opCellScan, v: addr, path: path}, func() Info {
		switch a := addr.(type) {
		case *ssa.Global:
			if obj, _ := a.Object().(*types.Var); obj == nil || obj.Pkg() != e.pass.Pkg {
				return unknown // another package may assign through it
			}
			return e.loadsScan(a, e.idx.globals[a], path)
		case *ssa.FieldAddr:
			f := fieldOf(a)
			switch {
			case f == nil || f.Pkg() == nil:
				return unknown
			case e.library(f.Pkg()), isKnownForwardField(a, f):
				// Stored in a library's configuration field (a transport in
				// a client, or in a wrapper that only forwards to it):
				// assignments through it are followed from the container.
				return unset
			case f.Pkg() != e.pass.Pkg:
				// A field of another package's struct (a client handed
				// over in an options struct): what that package assigns
				// through it, from its fact, and what this one does.
				var fact Fact
				if isStruct(f.Type()) || !e.pass.ImportObjectFact(f, &fact) {
					return unknown
				}
				return join(fact.Assigned.lookup(path), e.fieldAssigned(f, path))
			}
			i := unset
			for _, fa := range e.idx.fields[f] {
				for _, r := range e.refs(fa) {
					if ld, ok := r.(*ssa.UnOp); ok && ld.Op == token.MUL {
						i = join(i, e.scan(ld, path))
					}
				}
			}
			return i
		case *ssa.Alloc:
			if a.Comment == "varargs" {
				return e.varargs(a, path)
			}
			return e.loadsScan(a, e.refs(a), path)
		case *ssa.FreeVar:
			i := e.loadsScan(a, e.refs(a), path)
			for _, b := range e.bindings(a) {
				i = join(i, e.cellScan(b, path))
			}
			return i
		case *ssa.IndexAddr:
			if arr, ok := a.X.(*ssa.Alloc); ok && arr.Comment == "varargs" {
				return e.varargs(arr, path)
			}
		}
		return unknown
	})
}

// loadsScan scans the loads among refs, the uses of a cell.
func (e *evaluator) loadsScan(cell ssa.Value, refs []ssa.Instruction, path string) Info {
	i := unset
	for _, r := range refs {
		switch r := r.(type) {
		case *ssa.UnOp:
			if r.Op == token.MUL && r.X == cell {
				i = join(i, e.scan(r, path))
			}
		case *ssa.Store, *ssa.DebugRef:
		case *ssa.MakeClosure:
			for _, fv := range e.freeVarsBound(r, cell) {
				i = join(i, e.loadsScan(fv, e.refs(fv), path))
			}
		default:
			i = join(i, unknown) // the cell's address is passed on
		}
	}
	return i
}

// varargs answers what the calls receiving the variadic array a as a
// slice set at path: library functions (fmt.Println(c)) set nothing.
func (e *evaluator) varargs(a *ssa.Alloc, path string) Info {
	i := unset
	for _, r := range e.refs(a) {
		sl, ok := r.(*ssa.Slice)
		if !ok {
			continue
		}
		for _, rr := range e.refs(sl) {
			call, ok := rr.(ssa.CallInstruction)
			if !ok {
				return unknown
			}
			obj := calleeObject(call.Common())
			if obj == nil || !e.library(obj.Pkg()) {
				return unknown
			}
		}
	}
	return i
}

// callArg answers what the call, to which x is passed, sets at path.
func (e *evaluator) callArg(call ssa.CallInstruction, x ssa.Value, path string) Info {
	c := call.Common()
	if c.IsInvoke() {
		if c.Method.Pkg() != nil && e.library(c.Method.Pkg()) {
			return unset
		}
		return unknown
	}
	callee := c.StaticCallee()
	if callee == nil {
		if b, ok := c.Value.(*ssa.Builtin); ok {
			switch b.Name() {
			case "append", "copy":
				return unknown
			}
			return unset
		}
		if c.Value == x {
			return unset // x called as a function
		}
		return unknown
	}
	if e.local(callee) {
		i := unset
		for j, a := range c.Args {
			if a == x && j < len(callee.Params) {
				i = join(i, e.scan(callee.Params[j], path))
			}
		}
		return i
	}
	obj, _ := callee.Object().(*types.Func)
	if obj == nil {
		return unknown
	}
	obj = obj.Origin()
	if i, ok := e.libraryCallArg(call, obj, x, path); ok {
		return i
	}
	if _, ok := wrapCtorOf(obj); ok {
		return unset // a wrapper keeps the RoundTripper and sets nothing on it
	}
	if e.library(obj.Pkg()) {
		return unset
	}
	var f Fact
	if !e.pass.ImportObjectFact(obj, &f) {
		return unknown
	}
	i := unset
	for j, a := range c.Args {
		if a == x {
			if j == 0 && f.Send != nil && strings.HasPrefix(path, f.Send.Field+".") {
				// A method that only forwards its request to the client
				// in the field assigns nothing through it (localSend).
				continue
			}
			if j >= len(f.Params) {
				return unknown
			}
			i = join(i, f.Params[j].lookup(path))
		}
	}
	return i
}

// calleeObject returns the function a call invokes, or nil.
func calleeObject(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	if sf := c.StaticCallee(); sf != nil {
		if obj, ok := sf.Object().(*types.Func); ok {
			return obj.Origin()
		}
	}
	return nil
}

// importValue returns what another package's fact says the field or
// variable obj holds at path.
func (e *evaluator) importValue(obj types.Object, path string) Info {
	if obj.Pkg() == nil || e.library(obj.Pkg()) {
		return unknown
	}
	var f Fact
	if !e.pass.ImportObjectFact(obj, &f) {
		return unknown
	}
	return f.Value.lookup(path)
}

// leaf answers whether the value v is non-zero: a zero constant (0, nil,
// false, "", the zero struct) is Unset; any other constant is Set, with its
// value; a non-constant value is Set.
func (e *evaluator) leaf(v ssa.Value) Info {
	return e.eval(key{op: opLeaf, v: v}, func() Info {
		switch v := v.(type) {
		case *ssa.Const:
			return constInfo(v)
		case *ssa.Phi:
			i := unset
			for _, edge := range v.Edges {
				i = join(i, e.leaf(edge))
			}
			return i
		case *ssa.ChangeType:
			return e.leaf(v.X)
		case *ssa.Convert:
			if c, ok := v.X.(*ssa.Const); ok {
				i := constInfo(c)
				i.IsDuration = isDuration(v.Type())
				return i
			}
		}
		return Info{State: Set, IsDuration: isDuration(v.Type())}
	})
}

// constInfo classifies a constant.
func constInfo(c *ssa.Const) Info {
	if c.Value == nil {
		return unset
	}
	switch c.Value.Kind() {
	case constant.Bool:
		if !constant.BoolVal(c.Value) {
			return unset
		}
	case constant.String:
		if constant.StringVal(c.Value) == "" {
			return unset
		}
	case constant.Int, constant.Float, constant.Complex:
		if constant.Sign(c.Value) == 0 {
			return unset
		}
		if n, ok := constant.Int64Val(constant.ToInt(c.Value)); ok && c.Value.Kind() == constant.Int {
			return Info{State: Set, Const: true, Value: n, IsDuration: isDuration(c.Type())}
		}
	}
	return Info{State: Set, IsDuration: isDuration(c.Type())}
}

// refs returns the instructions that use v; for a global, those of this
// package.
func (e *evaluator) refs(v ssa.Value) []ssa.Instruction {
	if g, ok := v.(*ssa.Global); ok {
		return e.idx.globals[g]
	}
	return referrers(v)
}

// bindings returns the values the closures of fv's function bind to fv.
func (e *evaluator) bindings(fv *ssa.FreeVar) []ssa.Value {
	fn := fv.Parent()
	at := -1
	for i, f := range fn.FreeVars {
		if f == fv {
			at = i
		}
	}
	if at < 0 {
		return nil
	}
	var out []ssa.Value
	for _, mc := range e.idx.closures[fn] {
		if at < len(mc.Bindings) {
			out = append(out, mc.Bindings[at])
		}
	}
	return out
}

// freeVarsBound returns the free variables of mc's function that mc binds
// to x.
func (e *evaluator) freeVarsBound(mc *ssa.MakeClosure, x ssa.Value) []ssa.Value {
	fn, ok := mc.Fn.(*ssa.Function)
	if !ok {
		return nil
	}
	var out []ssa.Value
	for i, b := range mc.Bindings {
		if b == x && i < len(fn.FreeVars) {
			out = append(out, fn.FreeVars[i])
		}
	}
	return out
}

// isStruct reports whether t is a struct type (not a pointer to one).
func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// stdGlobal returns the SSA global of a package-level variable of an
// imported package, or nil.
func (e *evaluator) stdGlobal(pkgPath, name string) *ssa.Global {
	p := e.irr.Pkg.Prog.ImportedPackage(pkgPath)
	if p == nil {
		return nil
	}
	return p.Var(name)
}
