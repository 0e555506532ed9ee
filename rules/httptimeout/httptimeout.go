package httptimeout

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/valueflow"
	"github.com/faultline-dev/faultline/rules/internal/valueflow/edit"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("httptimeout", docMD)

// Analyzer reports HTTP requests that can wait forever.
var Analyzer = &analysis.Analyzer{
	Name:       "httptimeout",
	Doc:        doc.AnalyzerDoc(),
	URL:        lint.URL("httptimeout"),
	Run:        run,
	Requires:   []*analysis.Analyzer{config.Analyzer, ir.Analyzer, valueflow.Analyzer},
	ResultType: lint.ResultType,

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// The categories of httptimeout's findings that are not errors.
const (
	// CategoryTransport: an http.Transport with no dial or TLS handshake
	// timeout serves a client with no Timeout.
	CategoryTransport = "transport"
	// CategoryTransportHeader: a hand-built http.Transport whose only
	// missing bound is ResponseHeaderTimeout serves a client with no
	// Timeout.
	CategoryTransportHeader = "transport-header"
	// CategoryBodyOnly: a request through a client with no Timeout whose
	// transport bounds the dial, the TLS handshake and the response
	// headers: only reading the body can wait forever.
	CategoryBodyOnly = "body-only"
)

// Rule is httptimeout's catalogue entry.
var Rule = &lint.Rule{
	Name:     "httptimeout",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Error,
	Categories: map[string]lint.Severity{
		CategoryTransport:       lint.Warning,
		CategoryTransportHeader: lint.Note,
		CategoryBodyOnly:        lint.Note,
	},
	Analyzer: Analyzer,
}

var (
	// packageHelpers send through http.DefaultClient.
	packageHelpers = lint.NewFuncSet(
		"net/http.Get", "net/http.Head", "net/http.Post", "net/http.PostForm",
	)
	// clientNoCtx are the client methods that cannot take a context.
	clientNoCtx = lint.NewFuncSet(
		"(*net/http.Client).Get", "(*net/http.Client).Head",
		"(*net/http.Client).Post", "(*net/http.Client).PostForm",
	)
	clientDo = lint.NewFuncSet("(*net/http.Client).Do")

	retryHelpers = lint.NewFuncSet(
		"github.com/hashicorp/go-retryablehttp.Get", "github.com/hashicorp/go-retryablehttp.Head",
		"github.com/hashicorp/go-retryablehttp.Post", "github.com/hashicorp/go-retryablehttp.PostForm",
	)
	retryNoCtx = lint.NewFuncSet(
		"(*github.com/hashicorp/go-retryablehttp.Client).Get", "(*github.com/hashicorp/go-retryablehttp.Client).Head",
		"(*github.com/hashicorp/go-retryablehttp.Client).Post", "(*github.com/hashicorp/go-retryablehttp.Client).PostForm",
	)
	retryDo  = lint.NewFuncSet("(*github.com/hashicorp/go-retryablehttp.Client).Do")
	retryNew = lint.NewFuncSet("github.com/hashicorp/go-retryablehttp.NewClient")

	// goKitSetClient hands go-kit the client every request of an HTTP
	// endpoint goes through (go-kit/kit v0.13.0 transport/http/client.go:
	// 71-75, 119): its calls are endpoint function values, which nothing
	// else judges.
	goKitSetClient = lint.NewFuncSet("github.com/go-kit/kit/transport/http.SetClient")
	// restyNewWithClient hands resty the client its requests go through
	// (resty v2.17.2 resty.go:28-30; client.go:662-665 SetTimeout sets
	// that client's Timeout).
	restyNewWithClient = lint.NewFuncSet("github.com/go-resty/resty/v2.NewWithClient")
	// oauthConfigClient builds a client whose transport fetches tokens
	// through the *http.Client in the context it is given (under
	// oauth2.HTTPClient, else http.DefaultClient), under that context
	// (golang.org/x/oauth2 v0.38.0 oauth2.go:240-242, 353-367,
	// clientcredentials/clientcredentials.go:70-72, 100-120,
	// internal/token.go:260-272, internal/transport.go:21-28).
	oauthConfigClient = lint.NewFuncSet(
		"(*golang.org/x/oauth2.Config).Client",
		"(*golang.org/x/oauth2/clientcredentials.Config).Client",
	)
)

// defaultRetryMax is retryablehttp's default RetryMax.
const defaultRetryMax = 4

// candidate is a request through a client with no timeout whose request
// has no deadline.
type candidate struct {
	call   ssa.CallInstruction
	caller *ssa.Function
	callee *types.Func
	client ssa.Value
	retry  bool          // a retryablehttp.Client
	req    valueflow.Ctx // the request's context, for Do
	// bodyOnly: the client's transport bounds everything up to the
	// response headers.
	bodyOnly bool
	// via names the type whose Do forwards the request to the client it
	// embeds or holds ("clientembed.api"), or is empty.
	via string
}

func run(pass *analysis.Pass) (any, error) {
	r := lint.NewReporter(pass, "httptimeout")
	irr := lint.ResultOf[*ir.IR](pass)
	vf := lint.ResultOf[*valueflow.Result](pass)
	if irr == nil || vf == nil {
		return r.Result(), nil
	}
	c := &checker{pass: pass, r: r, vf: vf, ix: edit.NewIndex(pass)}
	var cands []candidate
	for _, fn := range irr.SrcFuncs {
		if remote.TestHelper(fn) {
			continue // test code outside _test.go files
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				common := call.Common()
				callee := ir.Callee(common)
				if callee == nil {
					continue
				}
				switch {
				case packageHelpers.Has(callee):
					if vf.DefaultClientTimeout() == valueflow.Unset {
						c.reportf(call.Pos(), "", "http.%s uses http.DefaultClient, which has no timeout: a slow or stalled server blocks the caller forever; send it through an http.Client with Timeout", callee.Name())
					}
				case retryHelpers.Has(callee):
					c.reportf(call.Pos(), "", "retryablehttp.%s uses a default client whose HTTPClient has no Timeout: each of up to %d attempts (RetryMax %d) can wait forever for a slow or stalled server; use retryablehttp.NewClient and set HTTPClient.Timeout",
						callee.Name(), defaultRetryMax+1, defaultRetryMax)
				case clientNoCtx.Has(callee), clientDo.Has(callee), retryNoCtx.Has(callee), retryDo.Has(callee):
					if cand, ok := c.candidate(call, fn, callee); ok {
						cands = append(cands, cand)
					}
				case goKitSetClient.Has(callee), restyNewWithClient.Has(callee):
					c.handover(call, callee)
				case oauthConfigClient.Has(callee):
					c.tokenFetch(call, callee)
				default:
					if cand, ok := c.sendCandidate(call, fn, callee); ok {
						cands = append(cands, cand)
					}
				}
			}
		}
	}
	c.reportClients(cands)
	c.reportTransports(irr)
	return r.Result(), nil
}

type checker struct {
	pass *analysis.Pass
	r    *lint.Reporter
	vf   *valueflow.Result
	ix   *edit.Index
}

// reportf reports at the call whose left parenthesis is at lparen.
func (c *checker) reportf(lparen token.Pos, category, format string, args ...any) {
	pos, end := c.ix.CallRange(lparen)
	c.r.Report(analysis.Diagnostic{Pos: pos, End: end, Category: category, Message: fmt.Sprintf(format, args...)})
}

// candidate decides whether a request through a client can wait forever.
func (c *checker) candidate(call ssa.CallInstruction, caller *ssa.Function, callee *types.Func) (candidate, bool) {
	recv, args, ok := valueflow.MethodCall(call.Common())
	if !ok || recv == nil {
		return candidate{}, false
	}
	cand := candidate{call: call, caller: caller, callee: callee, client: recv}
	var st valueflow.State
	if retryNoCtx.Has(callee) || retryDo.Has(callee) {
		cand.retry = true
		st, _ = c.vf.RetryableClientTimeout(cand.client)
	} else {
		st = c.vf.HTTPClientTimeout(cand.client)
	}
	if st != valueflow.Unset {
		return candidate{}, false
	}
	if !cand.retry {
		t := c.vf.ClientTransport(cand.client)
		cand.bodyOnly = t.Dial.State == valueflow.Set && t.TLSHandshake.State == valueflow.Set && t.ResponseHeader.State == valueflow.Set
	}
	if clientDo.Has(callee) || retryDo.Has(callee) {
		if len(args) < 1 {
			return candidate{}, false
		}
		// A request built with an explicit context is ctxdeadline's, even
		// context.Background written here: that rule reports where the
		// context is created, which is the line to change. Only requests
		// built without a context are this rule's.
		cand.req = c.vf.RequestContext(args[0])
		if cand.req != valueflow.CtxNone {
			return candidate{}, false
		}
	}
	return cand, true
}

// reportClients reports the candidates: one finding per client built in
// this package that several requests use, at its construction, and one
// finding per request otherwise.
func (c *checker) reportClients(cands []candidate) {
	groups := map[ssa.Value][]candidate{}
	var order []ssa.Value
	var singles []candidate
	for _, cand := range cands {
		o, ok := c.localOrigin(cand.client)
		if !ok || cand.via != "" {
			singles = append(singles, cand)
			continue
		}
		if groups[o] == nil {
			order = append(order, o)
		}
		groups[o] = append(groups[o], cand)
	}
	for _, o := range order {
		g := groups[o]
		if len(g) == 1 {
			singles = append(singles, g[0])
			continue
		}
		c.reportGroup(o, g)
	}
	for _, cand := range singles {
		c.reportSingle(cand)
	}
}

// localOrigin returns the single place in this package where the client
// is built, if there is one.
func (c *checker) localOrigin(client ssa.Value) (ssa.Value, bool) {
	os, complete := c.vf.Origins(client)
	if !complete || len(os) != 1 {
		return nil, false
	}
	switch o := os[0].Value.(type) {
	case *ssa.Alloc:
		return o, o.Pos().IsValid()
	case *ssa.Call:
		return o, o.Pos().IsValid()
	}
	return nil, false
}

func (c *checker) reportSingle(cand candidate) {
	pos, end := c.ix.CallRange(cand.call.Pos())
	d := analysis.Diagnostic{Pos: pos, End: end, Message: c.singleMessage(cand)}
	if cand.bodyOnly {
		d.Category = CategoryBodyOnly
	}
	if o, ok := c.localOrigin(cand.client); ok && cand.via == "" {
		if fix, ok := c.timeoutFix(o, cand.retry); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	c.r.Report(d)
}

func (c *checker) singleMessage(cand candidate) string {
	name := remote.FuncName(cand.callee)
	clause := requestClause(cand.req)
	if cand.retry {
		if clause != "" {
			clause = ", " + clause
		}
		return fmt.Sprintf("%s on a retryablehttp.Client whose HTTPClient has no Timeout%s: %s; set HTTPClient.Timeout",
			name, clause, c.retryConsequence(cand.client))
	}
	on, fix := "an http.Client with no Timeout", "set the client's Timeout"
	isDefault := cand.via == "" && c.isDefaultClient(cand.client)
	if cand.via != "" {
		on, fix = article(cand.via)+" "+cand.via+" whose http.Client has no Timeout", "set the Timeout of the http.Client it sends through"
	}
	if isDefault {
		on, fix = "http.DefaultClient, which has no Timeout", "use an http.Client with Timeout"
	}
	if clause != "" {
		on += ", " + clause
		fix += " or give the request a context deadline"
	}
	if cand.bodyOnly {
		return fmt.Sprintf("%s on %s: its transport bounds connecting, the TLS handshake and the response headers, but nothing bounds reading the body, so a server that stalls while sending it blocks the reader forever; %s", name, on, fix)
	}
	if clause != "" || isDefault || cand.via != "" {
		on += "," // the subject ends before "can wait"
	}
	return fmt.Sprintf("%s on %s can wait forever: a slow or stalled server blocks the caller; %s", name, on, fix)
}

// requestClause describes the request of a Do call.
func requestClause(req valueflow.Ctx) string {
	switch req {
	case valueflow.CtxNone:
		return "of a request built without a context"
	case valueflow.CtxBackground:
		return "of a request whose context is context.Background"
	}
	return ""
}

// retryConsequence says how long a retryablehttp client can wait.
func (c *checker) retryConsequence(client ssa.Value) string {
	i := c.vf.State(client, "RetryMax")
	switch {
	case i.State == valueflow.Unset:
		return "its single attempt can wait forever for a slow or stalled server"
	case i.State == valueflow.Set && i.Const && i.Value >= 0:
		return fmt.Sprintf("each of up to %d attempts (RetryMax %d) can wait forever for a slow or stalled server", i.Value+1, i.Value)
	}
	return "every attempt (RetryMax multiplies the wait) can wait forever for a slow or stalled server"
}

func (c *checker) isDefaultClient(client ssa.Value) bool {
	os, complete := c.vf.Origins(client)
	if !complete || len(os) != 1 {
		return false
	}
	g, ok := os[0].Value.(*ssa.Global)
	if !ok {
		return false
	}
	v, _ := g.Object().(*types.Var)
	return v != nil && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Pkg().Scope().Lookup("DefaultClient") == v
}

// reportGroup reports several requests through one client at the
// client's construction, naming them.
func (c *checker) reportGroup(origin ssa.Value, g []candidate) {
	// By file and offset: token.Pos order across files depends on the
	// order the driver parsed them in.
	slices.SortFunc(g, func(a, b candidate) int {
		pa, pb := c.pass.Fset.Position(a.call.Pos()), c.pass.Fset.Position(b.call.Pos())
		return cmp.Or(strings.Compare(pa.Filename, pb.Filename), cmp.Compare(pa.Offset, pb.Offset))
	})
	var names []string
	var related []analysis.RelatedInformation
	for _, cand := range g {
		names = append(names, callerName(cand.caller)+": "+cand.callee.Name())
		pos, end := c.ix.CallRange(cand.call.Pos())
		related = append(related, analysis.RelatedInformation{Pos: pos, End: end, Message: "request with no deadline through this client"})
	}
	uses := fmt.Sprintf("%d requests through it have no deadline (%s)", len(g), strings.Join(names, ", "))
	var msg string
	if g[0].retry {
		msg = fmt.Sprintf("retryablehttp.Client built here has an HTTPClient with no Timeout and %s: %s; set HTTPClient.Timeout",
			uses, c.retryConsequence(g[0].client))
	} else if g[0].bodyOnly {
		msg = fmt.Sprintf("http.Client built here has no Timeout and %s: its transport bounds connecting, the TLS handshake and the response headers, but nothing bounds reading a body, so a server that stalls while sending one blocks the reader forever; set Timeout", uses)
	} else {
		msg = fmt.Sprintf("http.Client built here has no Timeout and %s: a slow or stalled server blocks each of them forever; set Timeout", uses)
	}
	pos, end := c.span(origin)
	d := analysis.Diagnostic{Pos: pos, End: end, Message: msg, Related: related}
	if g[0].bodyOnly && !g[0].retry {
		d.Category = CategoryBodyOnly
	}
	if fix, ok := c.timeoutFix(origin, g[0].retry); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	c.r.Report(d)
}

// span returns the source range of a construction: the whole composite
// literal or call.
func (c *checker) span(origin ssa.Value) (token.Pos, token.Pos) {
	switch o := origin.(type) {
	case *ssa.Alloc:
		if _, lit := c.ix.CompositeLit(o.Pos()); lit != nil {
			return lit.Pos(), lit.End()
		}
	case *ssa.Call:
		if _, call := c.ix.Call(o.Pos()); call != nil {
			return call.Pos(), call.End()
		}
	}
	return origin.Pos(), token.NoPos
}

// callerName names the function a request is made in, for messages.
func callerName(fn *ssa.Function) string {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		if recv := lint.RecvTypeName(obj); recv != nil {
			return recv.Name() + "." + obj.Name()
		}
		return obj.Name()
	}
	return fn.Name()
}

// timeoutFix returns the fix that gives the client built at origin a 10
// second timeout: a Timeout field in an http.Client literal, or an
// assignment of HTTPClient.Timeout after `x := retryablehttp.NewClient()`.
func (c *checker) timeoutFix(origin ssa.Value, retry bool) (analysis.SuggestedFix, bool) {
	const value = "10 * %s.Second"
	switch o := origin.(type) {
	case *ssa.Alloc:
		if retry || !lint.IsNamed(o.Type(), "net/http", "Client") {
			return analysis.SuggestedFix{}, false
		}
		file, lit := c.ix.CompositeLit(o.Pos())
		if lit == nil {
			return analysis.SuggestedFix{}, false
		}
		timeName, imp, ok := c.ix.Import(file, "time")
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		e, ok := c.ix.SetField(lit, "Timeout", fmt.Sprintf(value, timeName))
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		return edit.Fix("Set the client's Timeout to 10 seconds", imp, e), true
	case *ssa.Call:
		if !retry || !retryNew.Has(ir.Callee(&o.Call)) {
			return analysis.SuggestedFix{}, false
		}
		file, call := c.ix.Call(o.Pos())
		if call == nil {
			return analysis.SuggestedFix{}, false
		}
		stmt := c.ix.AssignedTo(call)
		if stmt == nil {
			return analysis.SuggestedFix{}, false
		}
		timeName, imp, ok := c.ix.Import(file, "time")
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		name := stmt.Lhs[0].(*ast.Ident).Name
		line := "\n" + c.ix.Indentation(stmt.Pos()) + name + ".HTTPClient.Timeout = " + fmt.Sprintf(value, timeName)
		at, ok := c.ix.LineEnd(stmt.End())
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		e := analysis.TextEdit{Pos: at, End: at, NewText: []byte(line)}
		return edit.Fix("Set HTTPClient.Timeout to 10 seconds", imp, e), true
	}
	return analysis.SuggestedFix{}, false
}

// reportTransports reports transports with no dial, TLS handshake or
// response-header timeout installed in a client of this package that has
// no Timeout: a client literal, or a call of a function that builds its
// client around the transport it is given.
func (c *checker) reportTransports(irr *ir.IR) {
	type use struct {
		origin ssa.Value
		lit    bool
		client ssa.Value // a client it is installed in
	}
	var uses []use
	seen := map[ssa.Value]bool{}
	for _, fn := range irr.SrcFuncs {
		if remote.TestHelper(fn) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				var client ssa.Value
				switch v := instr.(type) {
				case *ssa.Alloc:
					client = v
				case *ssa.Call:
					if !v.Call.IsInvoke() && v.Call.StaticCallee() != nil {
						client = v
					}
				}
				if client == nil || !lint.IsNamed(client.Type(), "net/http", "Client") {
					continue
				}
				ts := c.vf.Installed(client)
				if len(ts) == 0 || c.vf.HTTPClientTimeout(client) != valueflow.Unset {
					continue
				}
				for _, t := range ts {
					os, _ := c.vf.Origins(t)
					for _, o := range os {
						if seen[o.Value] || !lint.IsNamed(o.Value.Type(), "net/http", "Transport") {
							continue
						}
						if _, isCall := o.Value.(*ssa.Call); !o.Literal && !isCall {
							continue
						}
						seen[o.Value] = true
						uses = append(uses, use{o.Value, o.Literal, client})
					}
				}
			}
		}
	}
	for _, u := range uses {
		t := c.vf.Transport(u.origin)
		// Settings made through the client (a helper that hardens
		// c.Transport.(*http.Transport)) count too.
		via := c.vf.ClientTransport(u.client)
		t.Dial = orVia(t.Dial, via.Dial)
		t.TLSHandshake = orVia(t.TLSHandshake, via.TLSHandshake)
		t.ResponseHeader = orVia(t.ResponseHeader, via.ResponseHeader)
		var missing []string
		if t.Dial.State == valueflow.Unset {
			missing = append(missing, "no dial timeout")
		}
		if t.TLSHandshake.State == valueflow.Unset {
			missing = append(missing, "no TLSHandshakeTimeout")
		}
		category := CategoryTransport
		if len(missing) == 0 {
			// A missing ResponseHeaderTimeout alone is http.DefaultTransport's
			// own default: reported, as a note, only on transports built by
			// hand.
			if !u.lit || t.ResponseHeader.State != valueflow.Unset {
				continue
			}
			category = CategoryTransportHeader
		}
		if t.ResponseHeader.State == valueflow.Unset {
			missing = append(missing, "no ResponseHeaderTimeout")
		}
		pos, end := c.span(u.origin)
		c.r.Report(analysis.Diagnostic{
			Pos: pos, End: end, Category: category,
			Message: fmt.Sprintf("http.Transport with %s serves an http.Client with no Timeout: a connection, handshake or response that stalls blocks the request forever unless its context has a deadline; %s",
				joinAnd(missing), transportAdvice(t)),
		})
	}
}

// orVia is a transport setting, or, when the transport leaves it unset,
// what is set through its client.
func orVia(own, via valueflow.Info) valueflow.Info {
	if own.State == valueflow.Unset {
		return via
	}
	return own
}

// transportAdvice says how to bound what a transport misses.
func transportAdvice(t valueflow.TransportTimeouts) string {
	var set []string
	if t.Dial.State == valueflow.Unset {
		set = append(set, "DialContext to a net.Dialer with Timeout")
	}
	if t.TLSHandshake.State == valueflow.Unset {
		set = append(set, "TLSHandshakeTimeout")
	}
	if t.ResponseHeader.State == valueflow.Unset {
		set = append(set, "ResponseHeaderTimeout")
	}
	return "set " + joinAnd(set) + ", or start from http.DefaultTransport.Clone()"
}

func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// sendCandidate decides whether a call of a method that forwards its
// request to the http.Client its receiver embeds or holds (a type that
// embeds *http.Client and overrides Do) can wait forever: the request has
// that client's bounds.
func (c *checker) sendCandidate(call ssa.CallInstruction, caller *ssa.Function, callee *types.Func) (candidate, bool) {
	sig, _ := callee.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || !takesRequest(sig) {
		return candidate{}, false
	}
	send, ok := c.vf.Sends(callee)
	if !ok {
		return candidate{}, false
	}
	recv, args, ok := valueflow.MethodCall(call.Common())
	if !ok || recv == nil || send.Req >= len(args) {
		return candidate{}, false
	}
	prefix := send.Field + "."
	if c.vf.State(recv, prefix+"Timeout").State != valueflow.Unset {
		return candidate{}, false
	}
	cand := candidate{call: call, caller: caller, callee: callee, client: recv, via: recvName(sig)}
	t := c.vf.ClientTransportAt(recv, prefix)
	cand.bodyOnly = t.Dial.State == valueflow.Set && t.TLSHandshake.State == valueflow.Set && t.ResponseHeader.State == valueflow.Set
	// As for Do: a request with a context of its own is ctxdeadline's.
	cand.req = c.vf.RequestContext(args[send.Req])
	if cand.req != valueflow.CtxNone {
		return candidate{}, false
	}
	return cand, true
}

// takesRequest reports whether a signature has an *http.Request parameter.
func takesRequest(sig *types.Signature) bool {
	for p := range sig.Params().Variables() {
		if lint.IsNamed(p.Type(), "net/http", "Request") {
			return true
		}
	}
	return false
}

// recvName names the receiver type of a method: "clientembed.api".
func recvName(sig *types.Signature) string {
	t := sig.Recv().Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}

// article is the indefinite article for a name.
func article(name string) string {
	if name != "" && strings.ContainsRune("aeiouAEIOU", rune(name[0])) {
		return "an"
	}
	return "a"
}

// handover reports an http.Client with no Timeout handed to a library
// that sends requests through it: go-kit's SetClient (every request of the
// endpoint) and resty's NewWithClient (every request of the resty client,
// unless its SetTimeout or GetClient().Timeout set one later).
func (c *checker) handover(call ssa.CallInstruction, callee *types.Func) {
	args := call.Common().Args
	if len(args) != 1 {
		return
	}
	var st valueflow.State
	var msg string
	switch {
	case goKitSetClient.Has(callee):
		st = c.vf.HTTPClientTimeout(args[0])
		msg = "kithttp.SetClient hands go-kit an http.Client with no Timeout: every request of the endpoint waits as long as its context allows, forever under a context with no deadline, for a slow or stalled server; set the client's Timeout"
	case restyNewWithClient.Has(callee):
		res, ok := call.(*ssa.Call)
		if !ok {
			return
		}
		// What the resty client's http.Client holds, with the resty
		// client's own SetTimeout.
		st = c.vf.State(res, "httpClient.Timeout").State
		msg = "resty.NewWithClient hands resty an http.Client with no Timeout: a request with no SetContext deadline can wait forever for a slow or stalled server; set the client's Timeout or call SetTimeout"
	}
	if st != valueflow.Unset {
		return
	}
	c.reportf(call.Pos(), "", "%s", msg)
}

// tokenFetch reports an oauth2 client whose token fetches can wait
// forever: the transport oauth2 builds fetches (and refreshes) tokens
// through the http.Client in the context given to Client, under that same
// context, for the client's whole life; when the context has no deadline
// and its client no Timeout (http.DefaultClient when it holds none), a
// token endpoint that stalls blocks the request that refreshes the token,
// and the others wait for it.
func (c *checker) tokenFetch(call ssa.CallInstruction, callee *types.Func) {
	args := call.Common().Args
	if len(args) < 2 {
		return
	}
	ctx := args[1] // the receiver first
	if !c.vf.Context(ctx).HasNoDeadline() {
		return
	}
	st, isDefault := c.vf.ContextClient(ctx)
	if st != valueflow.Unset {
		return
	}
	through := "an http.Client with no Timeout"
	if isDefault {
		through = "http.DefaultClient, which has no Timeout,"
	}
	c.reportf(call.Pos(), "", "%s fetches tokens through %s under a context with no deadline: a token endpoint that stalls blocks every request that needs a new token, whatever the request's own deadline; put an http.Client with Timeout in the context under oauth2.HTTPClient", remote.FuncName(callee), through)
}
