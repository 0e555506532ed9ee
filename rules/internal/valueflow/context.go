package valueflow

import (
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Ctx says what is known, locally, of the context of a call or request.
type Ctx int

const (
	// CtxUnknown: the context comes from somewhere not followed (a
	// parameter, a field, a call of another package). Whether it carries
	// a deadline is ctxdeadline's question.
	CtxUnknown Ctx = iota
	// CtxNone: a request built without a context (http.NewRequest,
	// retryablehttp.NewRequest, httptest.NewRequest): its context is
	// context.Background.
	CtxNone
	// CtxBackground: context.Background() or context.TODO(), passed
	// explicitly.
	CtxBackground
	// CtxNoDeadline: derived in this package from Background or TODO by
	// WithCancel, WithValue or WithoutCancel, with no deadline added.
	CtxNoDeadline
	// CtxDeadline: derived in this package by WithTimeout or WithDeadline
	// (or their Cause forms).
	CtxDeadline
)

// String names the classification.
func (c Ctx) String() string {
	switch c {
	case CtxNone:
		return "none"
	case CtxBackground:
		return "background"
	case CtxNoDeadline:
		return "no-deadline"
	case CtxDeadline:
		return "deadline"
	}
	return "unknown"
}

// HasNoDeadline reports whether the context is known to carry no
// deadline.
func (c Ctx) HasNoDeadline() bool { return c == CtxNone || c == CtxBackground || c == CtxNoDeadline }

// joinCtx combines two origins of a context: the same answer, or the
// weaker of two deadline-less ones; anything else is Unknown.
func joinCtx(a, b Ctx) Ctx {
	switch {
	case a == b:
		return a
	case a.HasNoDeadline() && b.HasNoDeadline():
		return max(a, b)
	}
	return CtxUnknown
}

var (
	ctxRoots     = lint.NewFuncSet("context.Background", "context.TODO")
	ctxDeadlines = lint.NewFuncSet(
		"context.WithTimeout", "context.WithDeadline",
		"context.WithTimeoutCause", "context.WithDeadlineCause",
	)
	ctxDerived      = lint.NewFuncSet("context.WithCancel", "context.WithCancelCause", "context.WithValue")
	ctxDropDeadline = lint.NewFuncSet("context.WithoutCancel")

	reqNoCtx = lint.NewFuncSet(
		"net/http.NewRequest",
		"net/http/httptest.NewRequest",
		"github.com/hashicorp/go-retryablehttp.NewRequest",
	)
	reqWithCtx = lint.NewFuncSet(
		"net/http.NewRequestWithContext",
		"github.com/hashicorp/go-retryablehttp.NewRequestWithContext",
	)
	reqRebind = lint.NewFuncSet(
		"(*net/http.Request).WithContext",
		"(*net/http.Request).Clone",
		"(*github.com/hashicorp/go-retryablehttp.Request).WithContext",
	)
	reqWrap = lint.NewFuncSet("github.com/hashicorp/go-retryablehttp.FromRequest")
)

// Context classifies the context.Context value ctx: see Ctx.
func (r *Result) Context(ctx ssa.Value) Ctx {
	if r == nil || r.e == nil || ctx == nil {
		return CtxUnknown
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return newCtxWalk(r.e).ctx(ctx)
}

// RequestContext classifies the context of the *http.Request (or
// *retryablehttp.Request) req by following it to where it is built:
// CtxNone for http.NewRequest, the classification of the context passed
// to NewRequestWithContext, WithContext or Clone, CtxUnknown for a request
// from a parameter or an unfollowed call.
func (r *Result) RequestContext(req ssa.Value) Ctx {
	if r == nil || r.e == nil || req == nil {
		return CtxUnknown
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return newCtxWalk(r.e).req(req)
}

// ctxCycle answers a question met again while it is being answered; joins
// ignore it.
const ctxCycle Ctx = -1

// ctxWalk classifies contexts and requests, memoising per question.
type ctxWalk struct {
	e    *evaluator
	done map[ctxKey]Ctx
}

type ctxKey struct {
	v   ssa.Value
	req bool
}

func newCtxWalk(e *evaluator) *ctxWalk { return &ctxWalk{e: e, done: map[ctxKey]Ctx{}} }

// joinAll joins the answers of several origins, ignoring cycles.
func joinAll(ks []Ctx) Ctx {
	k := ctxCycle
	for _, x := range ks {
		switch {
		case x == ctxCycle:
		case k == ctxCycle:
			k = x
		default:
			k = joinCtx(k, x)
		}
	}
	if k == ctxCycle {
		return CtxUnknown
	}
	return k
}

func (w *ctxWalk) memo(k ctxKey, compute func() Ctx) Ctx {
	if c, ok := w.done[k]; ok {
		return c
	}
	w.done[k] = ctxCycle
	c := compute()
	w.done[k] = c
	return c
}

// ctx classifies a context value.
func (w *ctxWalk) ctx(v ssa.Value) Ctx {
	return w.memo(ctxKey{v: v}, func() Ctx {
		switch v := v.(type) {
		case *ssa.Phi:
			ks := make([]Ctx, len(v.Edges))
			for i, edge := range v.Edges {
				ks[i] = w.ctx(edge)
			}
			return joinAll(ks)
		case *ssa.ChangeInterface:
			return w.ctx(v.X)
		case *ssa.MakeInterface:
			return w.ctx(v.X)
		case *ssa.Call:
			fn := calleeObject(&v.Call)
			switch {
			case ctxRoots.Has(fn):
				return CtxBackground
			case ctxDropDeadline.Has(fn) && len(v.Call.Args) == 1:
				if w.ctx(v.Call.Args[0]) == CtxUnknown {
					return CtxUnknown
				}
				return CtxNoDeadline
			case ctxDerived.Has(fn) && len(v.Call.Args) > 0:
				return derive(w.ctx(v.Call.Args[0]))
			}
			return w.returns(v, 0, w.ctx)
		case *ssa.Extract:
			c, ok := v.Tuple.(*ssa.Call)
			if !ok || v.Index != 0 {
				return CtxUnknown
			}
			fn := calleeObject(&c.Call)
			switch {
			case ctxDeadlines.Has(fn):
				return CtxDeadline
			case ctxDerived.Has(fn) && len(c.Call.Args) > 0:
				return derive(w.ctx(c.Call.Args[0]))
			}
			return w.returns(c, 0, w.ctx)
		}
		return CtxUnknown
	})
}

// derive classifies a context derived from parent without a deadline.
func derive(parent Ctx) Ctx {
	switch parent {
	case CtxBackground, CtxNoDeadline, CtxNone:
		return CtxNoDeadline
	}
	return parent
}

// req classifies the context of a request value.
func (w *ctxWalk) req(v ssa.Value) Ctx {
	return w.memo(ctxKey{v: v, req: true}, func() Ctx {
		var call *ssa.Call
		idx := 0
		switch v := v.(type) {
		case *ssa.Phi:
			ks := make([]Ctx, len(v.Edges))
			for i, edge := range v.Edges {
				ks[i] = w.req(edge)
			}
			return joinAll(ks)
		case *ssa.ChangeType:
			return w.req(v.X)
		case *ssa.Extract:
			call, _ = v.Tuple.(*ssa.Call)
			idx = v.Index
		case *ssa.Call:
			call = v
		}
		if call == nil {
			return CtxUnknown
		}
		fn := calleeObject(&call.Call)
		args := call.Call.Args
		switch {
		case fn == nil:
			return CtxUnknown
		case idx != 0:
		case reqNoCtx.Has(fn):
			if w.cancellable(v) {
				return CtxUnknown
			}
			return CtxNone
		case reqWithCtx.Has(fn) && len(args) > 0:
			return w.ctx(args[0])
		case reqRebind.Has(fn) && len(args) > 1:
			return w.ctx(args[1])
		case reqWrap.Has(fn) && len(args) > 0:
			return w.req(args[0])
		}
		return w.returns(call, idx, w.req)
	})
}

// cancellable reports whether the Cancel channel of the request req is
// assigned (req.Cancel = ctx.Done()), through req or an alias: the
// deprecated field still cancels the request in http.Transport, so
// whoever closes the channel bounds the request, as a context would.
func (w *ctxWalk) cancellable(req ssa.Value) bool {
	if st := structOrPointee(req.Type()); st == nil || !hasField(st, "Cancel") {
		return false
	}
	return w.e.scan(req, "Cancel").State == Set
}

// returns classifies result idx of a call of a function of this package
// with kind; calls of other functions are Unknown.
func (w *ctxWalk) returns(c *ssa.Call, idx int, kind func(ssa.Value) Ctx) Ctx {
	callee := c.Call.StaticCallee()
	if callee == nil || c.Call.IsInvoke() || !w.e.local(callee) {
		return CtxUnknown
	}
	var ks []Ctx
	for _, b := range callee.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && idx < len(ret.Results) {
			ks = append(ks, kind(ret.Results[idx]))
		}
	}
	return joinAll(ks)
}
