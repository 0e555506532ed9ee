package valueflow

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Clients handed to libraries: the library keeps the *http.Client and
// sends its requests through it, so the client's Timeout, or its absence,
// is the library's.

var (
	// oauthCtors build an *http.Client from the client in their context
	// under oauth2.HTTPClient (http.DefaultClient when there is none):
	// its Timeout, and an oauth2.Transport around its Transport
	// (golang.org/x/oauth2 v0.38.0 oauth2.go:240-242,353-367,
	// clientcredentials/clientcredentials.go:70-72,
	// internal/transport.go:21-28).
	oauthCtors = lint.NewFuncSet(
		"golang.org/x/oauth2.NewClient",
		"(*golang.org/x/oauth2.Config).Client",
		"(*golang.org/x/oauth2/clientcredentials.Config).Client",
	)
	// restyNew hands resty the client its requests go through
	// (resty v2.17.2 resty.go:28-30).
	restyNew = lint.NewFuncSet("github.com/go-resty/resty/v2.NewWithClient")
	// restySetTimeout sets the Timeout of the client's http.Client
	// (resty v2.17.2 client.go:662-665).
	restySetTimeout = lint.NewFuncSet("(*github.com/go-resty/resty/v2.Client).SetTimeout")
	// restyGetClient returns the client's http.Client (client.go:1169).
	restyGetClient = lint.NewFuncSet("(*github.com/go-resty/resty/v2.Client).GetClient")
)

// restyField is the field of resty.Client that holds its http.Client.
const restyField = "httpClient"

// isRestyClient reports whether t is *resty.Client.
func isRestyClient(t types.Type) bool {
	return lint.IsNamed(t, "github.com/go-resty/resty/v2", "Client")
}

// oauthCtx returns the context argument of a call of an oauth2
// constructor, and its token source when it takes one.
func oauthCtx(obj *types.Func, args []ssa.Value) (ctx, src ssa.Value) {
	if obj.Name() == "NewClient" && len(args) == 2 {
		return args[0], args[1]
	}
	if len(args) >= 2 {
		return args[1], nil // (*Config).Client(ctx, …): the receiver first
	}
	return nil, nil
}

// libraryCallState answers what the result of a call of a library
// function that builds a client around a handed one holds at path.
func (e *evaluator) libraryCallState(obj *types.Func, args []ssa.Value, path string) (Info, bool) {
	switch {
	case fiberNew.Has(obj):
		return e.fiberNewState(args, path), true
	case hertzNew.Has(obj):
		return e.hertzNewState(args, path), true
	case irisNew.Has(obj):
		if path == catalog.IrisTimeout {
			return unset, true
		}
		return unknown, true
	case oauthCtors.Has(obj):
		ctx, src := oauthCtx(obj, args)
		if ctx == nil {
			return unknown, true
		}
		if c, ok := src.(*ssa.Const); ok && c.Value == nil && c.IsNil() {
			return e.ctxClient(ctx, path), true // NewClient(ctx, nil) is the context's client
		}
		switch {
		case path == "Timeout":
			return e.ctxClient(ctx, "Timeout"), true
		case path == "Transport":
			return set, true
		case strings.HasPrefix(path, "Transport."):
			rest := strings.TrimPrefix(path, "Transport.")
			switch e.ctxClient(ctx, "Transport").State {
			case Unset:
				return e.defaultTransport(rest), true
			case Set:
				return e.ctxClient(ctx, path), true
			}
		}
		return unknown, true
	case restyNew.Has(obj) && len(args) == 1:
		if strings.HasPrefix(path, restyField+".") {
			return e.state(args[0], strings.TrimPrefix(path, restyField+".")), true
		}
		return unknown, true
	case isRestyMethod(obj) && isRestyClient(obj.Type().(*types.Signature).Results().At(0).Type()) && len(args) > 0:
		// A resty setter returns its receiver (Clone a copy that shares
		// the http.Client).
		if strings.HasPrefix(path, restyField+".") {
			return e.state(args[0], path), true
		}
		return unknown, true
	}
	return unknown, false
}

// isRestyMethod reports whether obj is a method of *resty.Client with one
// result.
func isRestyMethod(obj *types.Func) bool {
	sig, _ := obj.Type().(*types.Signature)
	return sig != nil && sig.Recv() != nil && isRestyClient(sig.Recv().Type()) && sig.Results().Len() == 1
}

// libraryCallArg answers what a call of a library method sets at path on
// x, its receiver: resty's SetTimeout, the resty setters that return their
// receiver, and GetClient, whose result is the receiver's http.Client.
func (e *evaluator) libraryCallArg(c ssa.CallInstruction, obj *types.Func, x ssa.Value, path string) (Info, bool) {
	cc := c.Common()
	if !cc.IsInvoke() && len(cc.Args) == 1 && cc.Args[0] == x && fiberServer.Has(obj) {
		return e.fiberServerArg(c, path), true
	}
	if !cc.IsInvoke() && len(cc.Args) > 0 && cc.Args[0] == x {
		if i, ok := e.irisAppArg(c, obj, path); ok {
			return i, true
		}
	}
	if cc.IsInvoke() || len(cc.Args) == 0 || cc.Args[0] != x || !isRestyMethod(obj) {
		return unknown, false
	}
	res, _ := c.(*ssa.Call)
	switch {
	case restySetTimeout.Has(obj):
		if path == restyField+".Timeout" && len(cc.Args) == 2 {
			return e.leaf(cc.Args[1]), true
		}
		return unset, true
	case restyGetClient.Has(obj):
		if res != nil && strings.HasPrefix(path, restyField+".") {
			return e.scan(res, strings.TrimPrefix(path, restyField+".")), true
		}
		return unset, true
	case isRestyClient(obj.Type().(*types.Signature).Results().At(0).Type()):
		if res != nil {
			return e.scan(res, path), true
		}
		return unset, true
	}
	return unset, true
}

// oauthKey reports whether the context key k is oauth2.HTTPClient (any
// value of its type, internal.ContextKey, equals it), and whether that is
// known.
func oauthKey(k ssa.Value) (match, known bool) {
	if mi, ok := k.(*ssa.MakeInterface); ok {
		return lint.IsNamed(mi.X.Type(), "golang.org/x/oauth2/internal", "ContextKey"), true
	}
	if _, ok := k.(*ssa.Const); ok {
		return false, true
	}
	return false, false
}

var ctxValue = lint.NewFuncSet("context.WithValue")

// ctxClient answers what the *http.Client that oauth2 takes from the
// context ctx (its value under oauth2.HTTPClient, or http.DefaultClient)
// holds at path.
func (e *evaluator) ctxClient(ctx ssa.Value, path string) Info {
	srcs, ok := e.ctxClients(ctx, map[ssa.Value]bool{})
	if !ok {
		return unknown
	}
	i := unset
	for _, s := range srcs {
		if s == nil {
			i = join(i, e.defaultClient(path))
		} else {
			i = join(i, e.state(s, path))
		}
	}
	return i
}

// ctxClients returns the clients oauth2 takes from the context ctx: the
// values stored under oauth2.HTTPClient, nil for http.DefaultClient. It
// reports false when the context comes from somewhere not followed.
func (e *evaluator) ctxClients(ctx ssa.Value, seen map[ssa.Value]bool) ([]ssa.Value, bool) {
	if seen[ctx] {
		return nil, true
	}
	seen[ctx] = true
	if len(seen) > 100 {
		return nil, false
	}
	switch v := ctx.(type) {
	case *ssa.Phi:
		var out []ssa.Value
		for _, edge := range v.Edges {
			s, ok := e.ctxClients(edge, seen)
			if !ok {
				return nil, false
			}
			out = append(out, s...)
		}
		return out, true
	case *ssa.ChangeInterface:
		return e.ctxClients(v.X, seen)
	case *ssa.MakeInterface:
		return e.ctxClients(v.X, seen)
	case *ssa.Call:
		fn := calleeObject(&v.Call)
		args := v.Call.Args
		switch {
		case ctxRoots.Has(fn):
			return []ssa.Value{nil}, true
		case ctxValue.Has(fn) && len(args) == 3:
			match, known := oauthKey(args[1])
			switch {
			case !known:
				return nil, false
			case match:
				return []ssa.Value{args[2]}, true
			}
			return e.ctxClients(args[0], seen)
		case ctxDropDeadline.Has(fn) && len(args) == 1:
			return e.ctxClients(args[0], seen)
		}
	case *ssa.Extract:
		c, ok := v.Tuple.(*ssa.Call)
		if !ok || v.Index != 0 {
			return nil, false
		}
		fn := calleeObject(&c.Call)
		if (ctxDeadlines.Has(fn) || ctxDerived.Has(fn)) && len(c.Call.Args) > 0 {
			return e.ctxClients(c.Call.Args[0], seen)
		}
	}
	return nil, false
}
