package callsites

import (
	"go/constant"
	"time"

	"golang.org/x/tools/go/ssa"

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
	known, nBounded, nUnbounded, consts := true, 0, 0, true
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
				if d, ok := constDuration(arg(c, 1)); ok {
					b.timeout = max(b.timeout, d)
				} else {
					consts = false
				}
			case ctxDeadline.Has(obj):
				nBounded++
				consts = false
			case ctxDerive.Has(obj):
				walk(arg(c, 0), depth+1)
			case ctxFresh.Has(obj), reqContext.Has(obj):
				nUnbounded++
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
		return bound{unbounded: true}
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
			if reqCopy.Has(obj) {
				ctx = arg(c, 0)
			} else {
				ctx = arg(c, 0)
			}
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
		return t.ctxBound(arg(c, 0))
	case api == nil:
		return bound{}
	case api.Bounded:
		return bound{bounded: true}
	case api.Ctx >= 0:
		return t.ctxBound(arg(c, api.Ctx))
	case api.Req >= 0:
		ctx, bg := t.requestCtx(arg(c, api.Req))
		if ctx != nil {
			return t.ctxBound(ctx)
		}
		if bg {
			return bound{unbounded: true} // unless the client has a Timeout: see the caller
		}
	case api.Type == "Client" && api.Kind == remote.HTTP:
		// client.Get(url): only the client's Timeout can bound it.
	case api.Pkg == "database/sql" && api.Type == "Tx":
		// tx.Commit(), tx.Exec(q): the transaction is bound to the context
		// given to BeginTx, and database/sql rolls it back (and the driver
		// cancels the statement) when that context ends.
		if ctx, begin := t.txCtx(receiver(c)); ctx != nil {
			return t.ctxBound(ctx)
		} else if begin {
			return bound{unbounded: true}
		}
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

// txCtx returns the context a *sql.Tx was begun with; begin reports a
// transaction started by Begin, which has none.
func (t *tracer) txCtx(tx ssa.Value) (ctx ssa.Value, begin bool) {
	if tx == nil {
		return nil, false
	}
	defer t.enter()()
	n := 0
	t.sources(tx, func(src ssa.Value) {
		var c *ssa.CallCommon
		switch v := src.(type) {
		case *ssa.Call:
			c = &v.Call
		case *ssa.Extract:
			if call, ok := v.Tuple.(*ssa.Call); ok {
				c = &call.Call
			}
		}
		if c == nil {
			n++
			return
		}
		switch obj := staticObj(c); {
		case sqlBeginTx.Has(obj):
			ctx = arg(c, 0)
		case sqlBegin.Has(obj):
			begin = true
		}
		n++
	}, func(Hint) {})
	if n != 1 {
		return nil, false // several transactions flow here: leave it unknown
	}
	return ctx, begin
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
