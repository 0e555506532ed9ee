package ctxdeadline

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

// Contexts lost at helper calls: a function that holds its caller's
// context calls a helper that takes none, and the helper (or a helper it
// calls, of this package or of another) makes a remote call through a
// variant that takes no context (r.insert(v) where insert calls db.Exec).
// The context is lost at the call of the helper, which is where the
// finding goes: the fix is to give the helper a context parameter and pass
// the caller's.
//
// How deep: fully transitive. A function that takes no context and either
// makes such a call itself or calls a function that does (with no context
// in scope at that call) is itself context-less; a Fact carries that
// across packages (Ctxless). Each function remembers the first remote call
// it reaches, in source order, and the helpers on the way (at most
// maxVia). A call made in a function literal, or started with go or
// defer, does not make its function context-less: the literal may run
// anywhere, the goroutine may outlive the call on purpose.

// Ctxless says that a function takes no context and makes a remote call
// through a variant that takes none, itself or through helpers.
type Ctxless struct {
	API string   // the remote call: "(*sql.DB).Exec"
	Via []string // the helpers between the function and API, nearest first (at most maxVia)
}

// ctxlessFn is what the package knows of one of its context-less
// functions: the fact, and the position of the remote call when it lies
// in this package.
type ctxlessFn struct {
	fact Ctxless
	pos  token.Pos // the remote call, when in this package; NoPos otherwise
}

// paramCarriesContext reports whether a parameter of type t hands the function
// a context: a context.Context (or a type that implements it, such as
// *gin.Context), an *http.Request, or a type with a method that returns
// one of those (echo.Context's Request(), fiber's UserContext(), a sarama
// session's Context()).
func paramCarriesContext(t types.Type) bool {
	if remote.IsContext(t) || isHTTPRequest(t) || implementsContext(t) {
		return true
	}
	ms := types.NewMethodSet(t)
	if _, isPtr := types.Unalias(t).(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	for i := range ms.Len() {
		sig, ok := ms.At(i).Type().(*types.Signature)
		if !ok || sig.Params().Len() != 0 || sig.Results().Len() != 1 {
			continue
		}
		if r := sig.Results().At(0).Type(); remote.IsContext(r) || isHTTPRequest(r) {
			return true
		}
	}
	return false
}

// implementsContext reports whether t (or *t) has context.Context's
// methods (*gin.Context, iris.Context).
func implementsContext(t types.Type) bool {
	ms := types.NewMethodSet(t)
	if _, isPtr := types.Unalias(t).(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	for _, name := range []string{"Deadline", "Done", "Err", "Value"} {
		if ms.Lookup(nil, name) == nil {
			return false
		}
	}
	return true
}

// takesNoContext reports whether fn, a declared function, has no
// parameter that carries a context.
func takesNoContext(fn *ssa.Function) bool {
	if fn.Parent() != nil || fn.Synthetic != "" {
		return false
	}
	sig := fn.Signature
	for i := range sig.Params().Len() {
		if paramCarriesContext(sig.Params().At(i).Type()) {
			return false
		}
	}
	return true
}

// noCtx records that the call, of the remote API api, runs with no
// context in fn: fn becomes context-less when it takes none.
func (d *dropper) noCtx(call ssa.CallInstruction, api string) {
	fn := call.Parent()
	if d.ctxless[fn] != nil || !takesNoContext(fn) {
		return
	}
	d.ctxless[fn] = &ctxlessFn{fact: Ctxless{API: api}, pos: call.Pos()}
}

// helperCallee returns what is known of the context-less function a call
// calls: a function of this package found so, or one of another package
// whose fact says so.
func (d *dropper) helperCallee(cc *ssa.CallCommon) (*ctxlessFn, *types.Func) {
	if cc.IsInvoke() {
		return nil, nil
	}
	if fn := d.c.localCallee(cc); fn != nil {
		if h := d.ctxless[fn]; h != nil {
			obj, _ := fn.Object().(*types.Func)
			return h, obj
		}
		return nil, nil
	}
	callee := ir.Callee(cc)
	if callee == nil || callee.Pkg() == nil || callee.Pkg() == d.c.pass.Pkg {
		return nil, nil
	}
	var fact Fact
	if !d.c.pass.ImportObjectFact(callee.Origin(), &fact) || fact.Ctxless == nil {
		return nil, nil
	}
	return &ctxlessFn{fact: *fact.Ctxless}, callee
}

// helperSites are the calls, outside go and defer statements, of the
// package's functions.
func (d *dropper) helperSites() []site {
	var out []site
	for _, fn := range d.c.irr.SrcFuncs {
		if remote.TestHelper(fn) || inTestFile(d.c.pass.Fset, fn.Pos()) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(*ssa.Call); ok {
					out = append(out, site{fn, call})
				}
			}
		}
	}
	return out
}

// propagate makes context-less, to a fixed point, the functions that take
// no context and call a context-less one with no context in scope.
func (d *dropper) propagate(sites []site) {
	for changed := true; changed; {
		changed = false
		for _, s := range sites {
			if d.ctxless[s.fn] != nil || !takesNoContext(s.fn) {
				continue
			}
			h, callee := d.helperCallee(s.call.Common())
			if h == nil {
				continue
			}
			if _, ok := d.ctxAt(s.call.Pos()); ok {
				continue
			}
			via := append([]string{remote.FuncName(callee)}, h.fact.Via...)
			if len(via) > maxVia {
				via = via[:maxVia]
			}
			d.ctxless[s.fn] = &ctxlessFn{fact: Ctxless{API: h.fact.API, Via: via}, pos: h.pos}
			changed = true
		}
	}
}

// helperDrops records the calls of context-less functions made where a
// caller's context is in scope.
func (d *dropper) helperDrops(sites []site) {
	for _, s := range sites {
		h, callee := d.helperCallee(s.call.Common())
		if h == nil || d.found[s.call.Pos()] != nil {
			continue
		}
		sc, ok := d.ctxAt(s.call.Pos())
		if !ok || (sc.req && d.c.hijacked(s.fn, s.call, 0)) {
			continue
		}
		f := &dropped{pos: s.call.Pos(), api: remote.FuncName(callee), callee: callee, ctx: sc, helper: h}
		if h.pos.IsValid() {
			msg := h.fact.API + " runs here with no context"
			if strings.HasSuffix(h.fact.API, "NewRequest") {
				msg = h.fact.API + " builds the request here with no context"
			}
			f.related = append(f.related, relPos{h.pos, msg})
		}
		d.found[s.call.Pos()] = f
	}
}

// helperMessage is the message of a context lost at a helper call.
func (f *dropped) helperMessage() string {
	chain := strings.Join(append(append([]string{f.api}, f.helper.fact.Via...), f.helper.fact.API), " → ")
	in := fmt.Sprintf("%s (%s) is in scope", f.ctx.expr, f.ctx.from)
	first := ""
	if f.ctx.blank != "" {
		in, first = f.ctx.blank, "name it ctx, "
	}
	return fmt.Sprintf("%s takes no context and reaches a remote call that takes none (%s), though %s: the caller's deadline and cancellation are lost at this call; %sgive %s a context parameter, pass %s, and call the variant that takes it",
		f.api, chain, in, first, f.api, f.ctx.expr)
}
