package callsites

import (
	"go/constant"
	"strings"
	"time"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

var (
	ctxTimeout  = lint.NewFuncSet("context.WithTimeout", "context.WithTimeoutCause")
	ctxDeadline = lint.NewFuncSet("context.WithDeadline", "context.WithDeadlineCause")
	ctxDerive   = lint.NewFuncSet("context.WithCancel", "context.WithCancelCause", "context.WithValue",
		"golang.org/x/sync/errgroup.WithContext")
	ctxFresh   = lint.NewFuncSet("context.Background", "context.TODO", "context.WithoutCancel")
	reqContext = lint.NewFuncSet("(*net/http.Request).Context")
)

// bound is what the code shows of the bound of one call.
type bound struct {
	timeout   time.Duration // constant per-call timeout, when known
	bounded   bool          // a deadline bounds the call
	unbounded bool          // provably the code sets no bound of its own
	// request: unbounded only because the context is an HTTP handler's
	// request context, whose bound is the server's (http.TimeoutHandler,
	// the load balancer) and not the calling code's.
	request bool
}

// ctxBound follows a context value to where it is made. A WithTimeout or
// WithDeadline bounds it; Background, TODO and WithoutCancel leave it
// unbounded, and so does a handler's request context as far as the calling
// code is concerned (it sets no bound of its own). Contexts from callers
// outside this package, fields and anything else are unknown.
func (t *tracer) ctxBound(ctx ssa.Value) bound {
	if ctx == nil {
		return bound{}
	}
	defer t.enter()()
	var b bound
	known, nBounded, nUnbounded, nRequest, consts := true, 0, 0, 0, true
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if depth > 4 {
			known = false
			return
		}
		t.sources(v, func(src ssa.Value) {
			call, ok := src.(*ssa.Call)
			if !ok {
				known = false
				return
			}
			c := &call.Call
			switch obj := staticObj(c); {
			case ctxTimeout.Has(obj):
				nBounded++
				if d, ok := constDuration(ir.Arg(c, 1)); ok {
					b.timeout = max(b.timeout, d)
				} else {
					consts = false
				}
			case ctxDeadline.Has(obj):
				nBounded++
				consts = false
			case ctxDerive.Has(obj):
				walk(ir.Arg(c, 0), depth+1)
			case ctxFresh.Has(obj):
				nUnbounded++
			case reqContext.Has(obj):
				nUnbounded++
				nRequest++
			default:
				known = false
			}
		}, func(h Hint) {
			if h.Kind == Param {
				known = false // the caller's context: its bound is not visible here
			}
		})
	}
	walk(ctx, 0)
	switch {
	case !known:
		return bound{}
	case nBounded > 0 && nUnbounded == 0:
		b.bounded = true
		if !consts {
			b.timeout = 0
		}
		return b
	case nUnbounded > 0 && nBounded == 0:
		return bound{unbounded: true, request: nRequest == nUnbounded}
	}
	return bound{}
}

// requestCtx returns the context an *http.Request carries: the one given
// to NewRequestWithContext, WithContext or Clone; nil when the request was
// built by NewRequest, whose context is Background.
func (t *tracer) requestCtx(req ssa.Value) (ctx ssa.Value, background bool) {
	defer t.enter()()
	t.sources(req, func(src ssa.Value) {
		call, ok := src.(*ssa.Call)
		if !ok {
			return
		}
		c := &call.Call
		switch obj := staticObj(c); {
		case newReqCtx.Has(obj), reqCopy.Has(obj):
			ctx = ir.Arg(c, 0)
		case newReq.Has(obj):
			background = true
		}
	}, func(Hint) {})
	return ctx, background
}

// callBound is the bound of a remote call: its context argument's, or for
// HTTP the request's context.
func (t *tracer) callBound(c *ssa.CallCommon, api *remote.API, grpcStub bool) bound {
	switch {
	case grpcStub:
		return t.ctxBound(ir.Arg(c, 0))
	case api == nil:
		return bound{}
	case api.Bound == remote.Own:
		return bound{bounded: true}
	case api.Library().BoundsSet() != nil && remote.BuiltWith(ir.Receiver(c), api.Library(), api.Library().BoundsSet()):
		// The client was built with a timeout of its own (mongo's
		// options.SetTimeout): it bounds every call, as ctxdeadline knows.
		return bound{bounded: true}
	case api.Bound == remote.Unknown:
		// Settings faultline does not see may bound the call; a deadline
		// on its context bounds it whatever they are.
		if api.Ctx >= 0 {
			if b := t.ctxBound(ir.Arg(c, api.Ctx)); !b.unbounded {
				return b
			}
		}
		return bound{}
	case api.Ctx >= 0:
		return t.ctxBound(ir.Arg(c, api.Ctx))
	case api.CtxFrom != "":
		if ctx := remote.CtxFromChain(ir.Receiver(c), api); ctx != nil {
			return t.ctxBound(ctx)
		}
		return bound{}
	case api.Req >= 0:
		ctx, bg := t.requestCtx(ir.Arg(c, api.Req))
		if ctx != nil {
			return t.ctxBound(ctx)
		}
		if bg {
			return bound{unbounded: true} // unless the client has a Timeout: see the caller
		}
	case api.Type == "Client" && api.Kind == remote.HTTP:
		// client.Get(url): only the client's Timeout can bound it.
	case api.Pkg == "database/sql" && api.Type == "Tx":
		// tx.Commit(), tx.Exec(q): bounded by the context the transaction
		// was begun with, where the driver cancels on it.
		return t.txBound(ir.Receiver(c))
	default:
		// An API with no context at all (http.Get, net.Dial, db.Query).
		return bound{unbounded: true}
	}
	return bound{}
}

var (
	sqlBeginTx = lint.NewFuncSet("(*database/sql.DB).BeginTx", "(*database/sql.Conn).BeginTx")
	sqlBegin   = lint.NewFuncSet("(*database/sql.DB).Begin")
)

// txBound is the bound of a statement on a *sql.Tx that takes no context
// of its own (tx.Commit(), tx.Exec(q)). database/sql hands the driver no
// context for it; lib/pq and pgx watch the context given to BeginTx until
// the transaction ends and cancel what runs when it expires, other drivers
// (go-sql-driver/mysql) do not. So: unbounded when every transaction that
// flows here was begun without a deadline (Begin, or BeginTx with a
// context that has none); bounded by BeginTx's context only on a driver
// known to cancel; unknown otherwise, and whenever the transaction comes
// from a caller or a field other code can set.
func (t *tracer) txBound(tx ssa.Value) bound {
	if tx == nil {
		return bound{}
	}
	var ctxs []ssa.Value
	begins, unknown := 0, false
	t.sources(tx, func(src ssa.Value) {
		if k, ok := src.(*ssa.Const); ok && k.IsNil() {
			return // the nil of an error path
		}
		call, ok := src.(*ssa.Call)
		if !ok {
			unknown = true
			return
		}
		switch obj := staticObj(&call.Call); {
		case sqlBeginTx.Has(obj):
			ctxs = append(ctxs, ir.Arg(&call.Call, 0))
		case sqlBegin.Has(obj):
			begins++
		default:
			unknown = true
		}
	}, func(h Hint) {
		if h.Kind == Param || h.Kind == Field {
			unknown = true
		}
	})
	if unknown || (len(ctxs) == 0 && begins == 0) {
		return bound{}
	}
	var bs []bound
	for _, c := range ctxs {
		bs = append(bs, t.ctxBound(c))
	}
	for range begins {
		bs = append(bs, bound{unbounded: true})
	}
	all := func(f func(bound) bool) bool {
		for _, b := range bs {
			if !f(b) {
				return false
			}
		}
		return true
	}
	switch {
	case all(func(b bound) bool { return b.unbounded }):
		return bound{unbounded: true}
	case all(func(b bound) bool { return b.bounded }) && t.cancelsTx(tx):
		out := bound{bounded: true}
		if all(func(b bound) bool { return b.timeout > 0 }) {
			for _, b := range bs {
				out.timeout = max(out.timeout, b.timeout)
			}
		}
		return out
	}
	return bound{}
}

// cancelsTx reports whether the database of tx is opened with a driver
// that cancels a transaction's statements when BeginTx's context ends.
func (t *tracer) cancelsTx(tx ssa.Value) bool {
	drivers := 0
	for _, h := range t.dbHints(tx) {
		if h.Kind != Driver {
			continue
		}
		if h.Value != "postgres" && !strings.HasPrefix(h.Value, "pgx") {
			return false
		}
		drivers++
	}
	return drivers > 0
}

// constDuration returns the value of a constant time.Duration expression.
func constDuration(v ssa.Value) (time.Duration, bool) {
	c, ok := v.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return 0, false
	}
	n, ok := constant.Int64Val(c.Value)
	return time.Duration(n), ok && n > 0
}
