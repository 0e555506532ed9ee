package ctxdeadline

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/valueflow"
)

// CategoryDropped is the Diagnostic.Category of findings where a function
// that holds its caller's context makes a remote call through a variant
// that takes none (db.Query for QueryContext, db.Begin for BeginTx,
// http.NewRequest for NewRequestWithContext): the call ignores the
// caller's deadline and cancellation. A warning: whether the caller has a
// deadline is decided elsewhere, and driver or client settings may bound
// the call on their own.
const CategoryDropped = "dropped-context"

var (
	// The transactions begun with no context, whose statements and Commit
	// therefore run with none (database/sql sql.go:1886-1888: Begin is
	// BeginTx(context.Background(), nil); sqlx.go:332-345).
	ctxlessBegin = lint.NewFuncSet(
		"(*database/sql.DB).Begin",
		"(*github.com/jmoiron/sqlx.DB).Beginx",
		"(*github.com/jmoiron/sqlx.DB).MustBegin",
	)
	// The transactions begun with a context. Its end rolls the transaction
	// back (sql.go:2209-2222), and lib/pq and pgx cancel the statement in
	// flight when it ends; a context-less statement on such a transaction
	// is not reported.
	ctxBegin = lint.NewFuncSet(
		"(*database/sql.DB).BeginTx",
		"(*database/sql.Conn).BeginTx",
		"(*github.com/jmoiron/sqlx.DB).BeginTxx",
		"(*github.com/jmoiron/sqlx.DB).MustBeginTx",
		"(*github.com/jmoiron/sqlx.Conn).BeginTxx",
	)
	// Requests built with no context, and their variants that take one.
	newRequest = lint.NewFuncSet(
		"net/http.NewRequest",
		"github.com/hashicorp/go-retryablehttp.NewRequest",
	)
	// Functions that build a request carrying the context of the request
	// they are given.
	requestCarry = lint.NewFuncSet("github.com/hashicorp/go-retryablehttp.FromRequest")
	// defaultClientHelpers send through http.DefaultClient: while it has
	// no Timeout, httptimeout reports every call of them, with a fix (a
	// client with Timeout) that matters more than the context; the call
	// is reported once, there.
	defaultClientHelpers = lint.NewFuncSet(
		"net/http.Get", "net/http.Head", "net/http.Post", "net/http.PostForm",
	)
)

// isTx reports whether t is a transaction of database/sql or sqlx.
func isTx(t types.Type) bool {
	return lint.IsNamed(t, "database/sql", "Tx") || lint.IsNamed(t, "github.com/jmoiron/sqlx", "Tx")
}

// isStmt reports whether t is a prepared statement of database/sql or sqlx.
func isStmt(t types.Type) bool {
	return lint.IsNamed(t, "database/sql", "Stmt") || lint.IsNamed(t, "github.com/jmoiron/sqlx", "Stmt") ||
		lint.IsNamed(t, "github.com/jmoiron/sqlx", "NamedStmt")
}

// dropped is a context-less remote call (or request) made where a context
// of the caller is in scope.
type dropped struct {
	pos     token.Pos // the call's parenthesis, as SSA has it
	api     string    // "(*sql.DB).Query", "http.NewRequest"
	twin    *catalog.Twin
	callee  *types.Func
	ctx     scopeCtx
	what    string   // what ignores the context: "the query", "the request"
	related []relPos // statements of a transaction, the Do that sends a request
	begin   bool     // a transaction begun with no context
	// chainOff: the receiver of the call has no Twin.Name method
	// (db.Model(&u).Association("Orders").Find(&o)): the context goes
	// earlier on the chain.
	chainOff bool
	request  bool // a request built with no context
	// helper: the call is of a function that takes no context and
	// reaches a context-less remote call (helpers.go).
	helper *ctxlessFn
}

type relPos struct {
	pos token.Pos
	msg string
}

// dropper finds the dropped contexts of a package.
type dropper struct {
	c    *checker
	info *types.Info

	// Every value assigned to a variable in the package (rhs nil when it
	// is not an expression: a range, a type switch), variables whose
	// address is taken, parameters and the function that declares each,
	// and the function scopes of literals started by go statements.
	assigns   map[*types.Var][]assignment
	addrTaken map[*types.Var]bool
	params    map[*types.Var]string
	goScopes  map[*types.Scope]*ast.FuncLit // literals of go and defer statements
	used      map[*ast.FuncLit]map[*types.Var]bool

	memo  map[*types.Var]*ctxSource
	calls map[token.Pos]*ast.CallExpr

	// funcs are the package's function bodies (declarations and
	// literals) and, for each, the label of its context parameter named
	// "_", if it has one.
	funcs []funcBody

	found   map[token.Pos]*dropped
	sendsOf map[ssa.Value][]token.Pos
	// ctxless are the package's functions that take no context and reach
	// a context-less remote call (helpers.go).
	ctxless map[*ssa.Function]*ctxlessFn
}

type assignment struct {
	rhs ast.Expr
	idx int // the result of rhs assigned, when rhs returns several
}

// ctxSource says whether a variable holds the caller's context.
type ctxSource struct {
	ok   bool
	root string // "the parameter ctx of (*Repo).Create", "the request r of handler h"
	// req: the context is a served request's, derived from it with no
	// deadline of its own (r.Context(), WithCancel, WithValue); after the
	// request's connection is hijacked it is never cancelled while the
	// handler runs (see hijacked).
	req bool
}

// scopeCtx is a context of the caller in scope at a call.
type scopeCtx struct {
	expr string // "ctx", "r.Context()"
	from string // for messages
	// blank says which function is given a context and does not name it
	// ("(*Repo).Delete is given one and names it _"): the caller's
	// deadline is thrown away. expr is then what to name it.
	blank string
	req   bool // a served request's context (ctxSource.req)
}

// funcBody is the body of a function and, when it does not name its
// context parameter, what blankCtx says of it.
type funcBody struct {
	body  *ast.BlockStmt
	blank string
}

func newDropper(c *checker) *dropper {
	d := &dropper{
		c: c, info: c.pass.TypesInfo,
		assigns: map[*types.Var][]assignment{}, addrTaken: map[*types.Var]bool{},
		params: map[*types.Var]string{}, goScopes: map[*types.Scope]*ast.FuncLit{},
		used: map[*ast.FuncLit]map[*types.Var]bool{}, memo: map[*types.Var]*ctxSource{},
		calls: map[token.Pos]*ast.CallExpr{}, found: map[token.Pos]*dropped{}, sendsOf: map[ssa.Value][]token.Pos{},
		ctxless: map[*ssa.Function]*ctxlessFn{},
	}
	d.index()
	return d
}

// index records the package's assignments, parameters and go statements.
func (d *dropper) index() {
	addParams := func(ft *ast.FuncType, label string) {
		if ft.Params == nil {
			return
		}
		for _, f := range ft.Params.List {
			for _, n := range f.Names {
				if v, ok := d.info.Defs[n].(*types.Var); ok {
					d.params[v] = label
				}
			}
		}
	}
	assign := func(lhs []ast.Expr, rhs []ast.Expr) {
		for i, l := range lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok {
				continue
			}
			v, ok := d.info.ObjectOf(id).(*types.Var)
			if !ok {
				continue
			}
			switch {
			case len(rhs) == len(lhs):
				d.assigns[v] = append(d.assigns[v], assignment{rhs: rhs[i]})
			case len(rhs) == 1:
				d.assigns[v] = append(d.assigns[v], assignment{rhs: rhs[0], idx: i})
			default:
				d.assigns[v] = append(d.assigns[v], assignment{})
			}
		}
	}
	unknown := func(exprs ...ast.Expr) {
		for _, e := range exprs {
			if id, ok := ast.Unparen(e).(*ast.Ident); ok {
				if v, ok := d.info.ObjectOf(id).(*types.Var); ok {
					d.assigns[v] = append(d.assigns[v], assignment{})
				}
			}
		}
	}
	for _, f := range d.c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				label := n.Name.Name
				if obj, ok := d.info.Defs[n.Name].(*types.Func); ok {
					label = remote.FuncName(obj)
				}
				addParams(n.Type, label)
				if n.Body != nil {
					d.funcs = append(d.funcs, funcBody{n.Body, d.blankCtx(n.Type, label)})
				}
			case *ast.FuncLit:
				addParams(n.Type, "a function literal")
				d.funcs = append(d.funcs, funcBody{n.Body, d.blankCtx(n.Type, "a function literal")})
			case *ast.GoStmt:
				d.detach(n.Call)
			case *ast.DeferStmt:
				d.detach(n.Call)
			case *ast.AssignStmt:
				if n.Tok == token.DEFINE || n.Tok == token.ASSIGN {
					assign(n.Lhs, n.Rhs)
				} else {
					unknown(n.Lhs...)
				}
			case *ast.ValueSpec:
				var lhs []ast.Expr
				for _, id := range n.Names {
					lhs = append(lhs, id)
				}
				if len(n.Values) > 0 {
					assign(lhs, n.Values)
				}
			case *ast.RangeStmt:
				unknown(n.Key, n.Value)
			case *ast.TypeSwitchStmt:
				// The variable of each clause is implicit: never a
				// caller's context here.
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
						if v, ok := d.info.Uses[id].(*types.Var); ok {
							d.addrTaken[v] = true
						}
					}
				}
			case *ast.CallExpr:
				d.calls[n.Lparen] = n
			}
			return true
		})
	}
}

// detach records the function literal a go or defer statement calls: it
// runs after its caller has moved on (a goroutine) or is cleaning up (a
// deferred rollback or unlock, which must run even when the caller's
// context is done), so the enclosing functions' contexts count in it only
// when it refers to them.
func (d *dropper) detach(call *ast.CallExpr) {
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		if s := d.info.Scopes[lit.Type]; s != nil {
			d.goScopes[s] = lit
		}
	}
}

// isCtxVar reports whether v holds a context or an *http.Request (whose
// Context() is meant).
func isCtxVar(v *types.Var) bool {
	return remote.IsContext(v.Type()) || isHTTPRequest(v.Type())
}

func isHTTPRequest(t types.Type) bool {
	_, ptr := types.Unalias(t).(*types.Pointer)
	return ptr && lint.IsNamed(t, "net/http", "Request")
}

// ctxAt returns the caller's context in scope at pos: the innermost
// variable visible there that holds a context (or a request) coming from
// a parameter, a request, or a derivation of those. In a function literal
// started by a go or defer statement, the enclosing functions' contexts
// count only when the literal refers to them (see detach).
func (d *dropper) ctxAt(pos token.Pos) (scopeCtx, bool) {
	pkgScope := d.c.pass.Pkg.Scope()
	inner := pkgScope.Innermost(pos)
	var goLit *ast.FuncLit
	for s := inner; s != nil && s != pkgScope; s = s.Parent() {
		var best *types.Var
		var bestSrc *ctxSource
		for _, name := range s.Names() {
			v, ok := s.Lookup(name).(*types.Var)
			if !ok || !isCtxVar(v) || name == "_" {
				continue
			}
			if _, vis := inner.LookupParent(name, pos); vis != v {
				continue // shadowed, or declared after pos
			}
			if goLit != nil && !d.usedIn(v, goLit) {
				continue
			}
			src := d.classify(v)
			if !src.ok {
				continue
			}
			// Of two in the same scope, the context over the request, then
			// the one declared last.
			if best == nil || (isHTTPRequest(best.Type()) && !isHTTPRequest(v.Type())) ||
				(isHTTPRequest(best.Type()) == isHTTPRequest(v.Type()) && v.Pos() > best.Pos()) {
				best, bestSrc = v, src
			}
		}
		if best != nil {
			sc := scopeCtx{expr: best.Name(), req: bestSrc.req}
			switch {
			case isHTTPRequest(best.Type()):
				sc.expr = best.Name() + ".Context()"
				sc.from = "the context of " + bestSrc.root
			case d.params[best] != "" && len(d.assigns[best]) == 0:
				sc.from = bestSrc.root
			default:
				sc.from = "derived from " + bestSrc.root
			}
			return sc, true
		}
		if lit := d.goScopes[s]; lit != nil {
			goLit = lit
		}
	}
	return d.blankAt(pos)
}

// blankCtx says, of the function labelled label, that it is given a
// context it does not name, when its type ft has a context parameter
// named "_" or not named at all; "" otherwise.
func (d *dropper) blankCtx(ft *ast.FuncType, label string) string {
	if ft.Params == nil {
		return ""
	}
	for _, f := range ft.Params.List {
		if !remote.IsContext(d.info.TypeOf(f.Type)) {
			continue
		}
		if len(f.Names) == 0 {
			return label + " is given one and leaves it unnamed"
		}
		for _, n := range f.Names {
			if n.Name == "_" {
				return label + " is given one and names it _"
			}
		}
	}
	return ""
}

// blankAt returns the context a caller gives the innermost function around
// pos, when that function names its context parameter "_" and no context
// of its own is in scope: the call ignores a deadline the caller set. A
// function literal inside it does not count (a goroutine it starts may
// outlive the call on purpose).
func (d *dropper) blankAt(pos token.Pos) (scopeCtx, bool) {
	var in *funcBody
	for i := range d.funcs {
		fb := &d.funcs[i]
		if fb.body.Pos() <= pos && pos < fb.body.End() && (in == nil || fb.body.Pos() >= in.body.Pos()) {
			in = fb
		}
	}
	if in == nil || in.blank == "" {
		return scopeCtx{}, false
	}
	return scopeCtx{expr: "ctx", from: "the caller's", blank: in.blank}, true
}

// usedIn reports whether the function literal lit refers to v.
func (d *dropper) usedIn(v *types.Var, lit *ast.FuncLit) bool {
	m := d.used[lit]
	if m == nil {
		m = map[*types.Var]bool{}
		ast.Inspect(lit.Body, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if u, ok := d.info.Uses[id].(*types.Var); ok {
					m[u] = true
				}
			}
			return true
		})
		d.used[lit] = m
	}
	return m[v]
}

// classify says whether v holds the caller's context: a parameter (a
// context, or a request), or a variable every assignment of which derives
// from one (r.Context(), context.WithTimeout(ctx, d), a tracer's
// Start(ctx, …)). A fresh context (context.Background()), a detached one
// (context.WithoutCancel), one from a field, a global or a function
// faultline does not know does not count, nor does a variable whose
// address is taken.
func (d *dropper) classify(v *types.Var) *ctxSource {
	if s, ok := d.memo[v]; ok {
		return s
	}
	no := &ctxSource{}
	d.memo[v] = no // a cycle adds nothing
	if d.addrTaken[v] {
		return no
	}
	label, isParam := d.params[v]
	out := &ctxSource{ok: isParam}
	if isParam {
		kind := "parameter"
		if isHTTPRequest(v.Type()) {
			kind = "request"
			out.req = true
		}
		out.root = fmt.Sprintf("the %s %s of %s", kind, v.Name(), label)
	}
	for _, a := range d.assigns[v] {
		s := d.classifyExpr(a.rhs, a.idx)
		if !s.ok {
			return no
		}
		if out.root == "" {
			out.root, out.req = s.root, s.req
		}
		out.ok = true
	}
	if out.ok {
		d.memo[v] = out
		return out
	}
	return no
}

// classifyExpr is classify for result idx of the expression e.
func (d *dropper) classifyExpr(e ast.Expr, idx int) *ctxSource {
	no := &ctxSource{}
	if e == nil {
		return no
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if v, ok := d.info.Uses[e].(*types.Var); ok && isCtxVar(v) && idx == 0 {
			return d.classify(v)
		}
	case *ast.CallExpr:
		return d.classifyCall(e, idx)
	}
	return no
}

// classifyCall is classify for result idx of a call.
func (d *dropper) classifyCall(call *ast.CallExpr, idx int) *ctxSource {
	no := &ctxSource{}
	fn, ok := typeCallee(d.info, call)
	if !ok {
		return no
	}
	arg := func(i int) *ctxSource {
		if i < 0 || i >= len(call.Args) {
			return no
		}
		if t := d.info.TypeOf(call.Args[i]); t == nil || !(remote.IsContext(t) || isRequest(t)) {
			return no
		}
		return d.classifyExpr(call.Args[i], 0)
	}
	if e, ok := ctxFuncs.Entry(fn); ok {
		b := ctxTable[e]
		if idx != b.result {
			return no
		}
		switch b.how {
		case hDerive, hReqBuild:
			return arg(b.arg)
		case hBound:
			if s := arg(b.arg); s.ok && s.req {
				return &ctxSource{ok: true, root: s.root} // a deadline of its own
			}
			return arg(b.arg)
		case hReqCtx:
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				return d.classifyExpr(sel.X, 0)
			}
		}
		return no // a fresh or detached context
	}
	sig := fn.Type().(*types.Signature)
	switch {
	case fn.Pkg() == d.c.pass.Pkg:
		sfn := d.c.irr.Pkg.Prog.FuncValue(fn)
		if sfn == nil {
			return no
		}
		s := d.c.returnSummary(sfn, idx)
		if s.fresh != "" || len(s.params) == 0 {
			return no
		}
		return d.allArgs(call, sig, s.params)
	case fn.Pkg() != nil:
		var fact Fact
		if d.c.pass.ImportObjectFact(fn, &fact) {
			for _, r := range fact.Returns {
				if r.Result == idx && r.Fresh == "" && len(r.Params) > 0 {
					return d.allArgs(call, sig, r.Params)
				}
			}
			return no
		}
		if k := passesContext(fn, idx); k >= 0 && (sig.Recv() != nil || library(fn.Pkg().Path())) {
			return arg(k)
		}
	}
	return no
}

// allArgs classifies the arguments of call for the parameters params.
func (d *dropper) allArgs(call *ast.CallExpr, sig *types.Signature, params []int) *ctxSource {
	var out *ctxSource
	for _, p := range params {
		if p >= len(call.Args) || (sig.Variadic() && p >= sig.Params().Len()-1) {
			return &ctxSource{}
		}
		s := d.classifyExpr(call.Args[p], 0)
		if !s.ok {
			return s
		}
		if out == nil {
			out = s
		}
	}
	return out
}

// typeCallee returns the function or method a call expression calls.
func typeCallee(info *types.Info, call *ast.CallExpr) (*types.Func, bool) {
	var id *ast.Ident
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		id = f
	case *ast.SelectorExpr:
		id = f.Sel
	case *ast.IndexExpr:
		return typeCallee(info, &ast.CallExpr{Fun: f.X})
	default:
		return nil, false
	}
	fn, ok := info.Uses[id].(*types.Func)
	if !ok {
		return nil, false
	}
	return fn.Origin(), true
}

// findDropped finds the package's dropped contexts.
func (c *checker) findDropped(d *dropper) []*dropped {
	var txStmts, gormStmts []site
	for _, fn := range c.irr.SrcFuncs {
		if remote.TestHelper(fn) || inTestFile(c.pass.Fset, fn.Pos()) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				switch call.(type) {
				case *ssa.Go, *ssa.Defer:
					continue // see detach
				}
				cc := call.Common()
				callee := ir.Callee(cc)
				if callee == nil {
					continue
				}
				if newRequest.Has(callee) {
					d.request(fn, call, callee)
					continue
				}
				api, ok := c.rem.API(callee)
				if !ok {
					continue
				}
				recv := ir.Receiver(cc)
				switch {
				case recv != nil && (isTx(recv.Type()) || isTx(ir.Unembed(recv).Type())):
					txStmts = append(txStmts, site{fn, call})
					continue
				case recv != nil && isStmt(recv.Type()):
					if tx, param := stmtTx(recv); tx != nil {
						txStmts = append(txStmts, site{fn, call})
						continue
					} else if param {
						continue // prepared where the code at hand does not show
					}
				case api.CtxFrom != "" && api.Twin != nil && api.Twin.Chain:
					if parent := d.chainParent(recv, api); parent != nil {
						gormStmts = append(gormStmts, site{fn, call})
						continue
					}
					if !d.contextless(recv, api) {
						continue
					}
				}
				if api.Twin == nil || api.Ctx >= 0 || api.Req >= 0 || api.Consume || api.Stream {
					continue
				}
				d.direct(call, callee, api)
			}
		}
	}
	// Statements on a transaction begun with no context are reported with
	// its Begin.
	for _, s := range txStmts {
		cc := s.call.Common()
		recv := ir.Receiver(cc)
		var tx ssa.Value = recv
		if isStmt(recv.Type()) {
			tx, _ = stmtTx(recv)
		}
		for _, b := range d.txBegins(tx) {
			if f := d.found[b]; f != nil && f.begin {
				f.related = append(f.related, relPos{s.call.Pos(), remote.FuncName(ir.Callee(cc)) + " runs on the transaction here, with no context"})
			}
		}
	}
	for _, s := range gormStmts {
		cc := s.call.Common()
		api, _ := c.rem.API(ir.Callee(cc))
		if p := d.chainParent(ir.Receiver(cc), api); p != nil {
			if f := d.found[p.Pos()]; f != nil {
				f.related = append(f.related, relPos{s.call.Pos(), remote.FuncName(ir.Callee(cc)) + " runs on its result here, with no context"})
			}
		}
	}
	// Contexts lost at calls of helpers that take none.
	sites := d.helperSites()
	d.propagate(sites)
	d.helperDrops(sites)
	var out []*dropped
	for _, f := range d.found {
		if f.request && len(f.related) == 0 {
			continue // a request not sent in view
		}
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b *dropped) int { return c.comparePos(a.pos, b.pos) })
	return out
}

// inTestFile reports whether pos lies in a _test.go file.
func inTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// direct records a context-less call made with a caller's context in
// scope.
func (d *dropper) direct(call ssa.CallInstruction, callee *types.Func, api *remote.API) {
	if api.Twin.Advice == "" && !api.Twin.Chain && d.twinOf(call.Pos(), callee, api.Twin) == nil {
		return // the library at hand has no such variant
	}
	if defaultClientHelpers.Has(callee) && d.c.vf.DefaultClientTimeout() == valueflow.Unset {
		return // httptimeout reports it
	}
	sc, ok := d.ctxAt(call.Pos())
	if !ok {
		d.noCtx(call, remote.FuncName(callee))
		return
	}
	if sc.req && d.c.hijacked(call.Parent(), call, 0) {
		return
	}
	what := "the call"
	switch api.Kind {
	case remote.SQL:
		what = "the statement"
	case remote.HTTP:
		what = "the request"
	case remote.TCP:
		what = "the dial"
	}
	f := &dropped{pos: call.Pos(), api: remote.FuncName(callee), twin: api.Twin, callee: callee, ctx: sc, what: what}
	if api.Twin.Chain {
		f.chainOff = d.twinOf(call.Pos(), callee, api.Twin) == nil
	}
	if ctxlessBegin.Has(callee) {
		f.begin = true
		f.what = "BEGIN"
	}
	d.found[call.Pos()] = f
}

// request records a request built with no context, where a caller's
// context is in scope; it is reported when the code at hand sends it.
func (d *dropper) request(fn *ssa.Function, call ssa.CallInstruction, callee *types.Func) {
	v := call.Value()
	if v == nil {
		return
	}
	sc, ok := d.ctxAt(call.Pos())
	if ok && sc.req && d.c.hijacked(call.Parent(), call, 0) {
		return
	}
	twin := &catalog.Twin{Name: "NewRequestWithContext"}
	if d.twinOf(call.Pos(), callee, twin) == nil {
		return
	}
	var req ssa.Value
	for _, ref := range *v.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 {
			req = ex
		}
	}
	if req == nil {
		return
	}
	sends, cancel := d.sends(req, map[ssa.Value]bool{})
	if cancel {
		return // req.Cancel = ctx.Done(): whoever closes the channel bounds it
	}
	if !ok {
		if len(sends) > 0 {
			d.noCtx(call, remote.FuncName(callee))
		}
		return
	}
	f := &dropped{pos: call.Pos(), api: remote.FuncName(callee), twin: twin, callee: callee, ctx: sc, what: "the request", request: true}
	for _, s := range sends {
		f.related = append(f.related, relPos{s, "the request is sent here, with no context"})
	}
	d.found[call.Pos()] = f
}

// sends returns where the request v is sent: a call of an API that sends
// a request (Do, RoundTrip), of a function of this package or of another
// whose parameter reaches one, or of a method Do(*http.Request)
// (*http.Response, error) of an interface (the Doer of many clients).
// cancel reports that the request's Cancel channel is set.
func (d *dropper) sends(v ssa.Value, seen map[ssa.Value]bool) (out []token.Pos, cancel bool) {
	if seen[v] || v.Referrers() == nil {
		return nil, false
	}
	seen[v] = true
	for _, ref := range *v.Referrers() {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
			if fieldName(ref) == "Cancel" {
				return nil, true
			}
		case *ssa.Phi, *ssa.MakeInterface, *ssa.ChangeType:
			s, cl := d.sends(ref.(ssa.Value), seen)
			if cl {
				return nil, true
			}
			out = append(out, s...)
		case ssa.CallInstruction:
			cc := ref.Common()
			callee := ir.Callee(cc)
			if callee == nil {
				continue
			}
			sig := callee.Type().(*types.Signature)
			idx := -1
			for i := range sig.Params().Len() {
				if a := ir.ArgOf(cc, sig.Params().Len(), i); a == v {
					idx = i
				}
			}
			if idx < 0 {
				continue
			}
			if api, ok := d.c.rem.API(callee); ok && api.Req == idx {
				out = append(out, ref.Pos())
				continue
			}
			if requestCarry.Has(callee) {
				if val := ref.Value(); val != nil {
					s, cl := d.sends(val, seen)
					if cl {
						return nil, true
					}
					if len(s) > 0 {
						out = append(out, ref.Pos())
					}
				}
				continue
			}
			if cc.IsInvoke() && callee.Name() == "Do" && sig.Params().Len() == 1 && sig.Results().Len() == 2 &&
				lint.IsNamed(sig.Results().At(0).Type(), "net/http", "Response") {
				out = append(out, ref.Pos())
				continue
			}
			if fn := d.c.localCallee(cc); fn != nil {
				if p := paramAt(fn, idx); p != nil {
					s, cl := d.sends(p, seen)
					if cl {
						return nil, true
					}
					if len(s) > 0 {
						out = append(out, ref.Pos())
					}
				}
				continue
			}
			var fact Fact
			if callee.Pkg() != nil && callee.Pkg() != d.c.pass.Pkg && d.c.pass.ImportObjectFact(callee, &fact) {
				for _, sk := range fact.Sinks {
					if sk.Param == idx {
						out = append(out, ref.Pos())
					}
				}
			}
		}
	}
	return out, false
}

// paramAt returns the parameter of fn at index i of its signature.
func paramAt(fn *ssa.Function, i int) *ssa.Parameter {
	if fn.Signature.Recv() != nil {
		i++
	}
	if i < 0 || i >= len(fn.Params) {
		return nil
	}
	return fn.Params[i]
}

// stmtTx returns the transaction a prepared statement was prepared on
// (tx.Prepare(q), tx.Stmt(s)), or nil; param reports a statement from a
// parameter, whose origin the code at hand does not show.
func stmtTx(stmt ssa.Value) (tx ssa.Value, param bool) {
	v := ir.Peel(ir.Unembed(stmt))
	if ex, ok := v.(*ssa.Extract); ok {
		v = ex.Tuple
	}
	switch v := v.(type) {
	case *ssa.Call:
		if r := ir.Receiver(&v.Call); r != nil && (isTx(r.Type()) || isTx(ir.Unembed(r).Type())) {
			return r, false
		}
	case *ssa.Parameter:
		return nil, true
	}
	return nil, false
}

// txBegins returns the positions of the context-less Begin calls every
// transaction that tx may be comes from, or nil when one of them comes
// from elsewhere (BeginTx, a parameter, a field).
func (d *dropper) txBegins(tx ssa.Value) []token.Pos {
	var out []token.Pos
	ok := true
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value)
	walk = func(v ssa.Value) {
		if v == nil || seen[v] || !ok {
			return
		}
		seen[v] = true
		v = ir.Peel(ir.Unembed(v))
		switch x := v.(type) {
		case *ssa.Const:
			if !x.IsNil() {
				ok = false
			}
		case *ssa.Phi:
			for _, e := range x.Edges {
				walk(e)
			}
		case *ssa.Extract:
			walk(x.Tuple)
		case *ssa.Call:
			if ctxlessBegin.Has(ir.Callee(&x.Call)) {
				out = append(out, x.Pos())
			} else {
				ok = false
			}
		case *ssa.UnOp:
			if cell := d.c.cellOf(x.X, 0); cell != nil && x.Op == token.MUL && cell.Referrers() != nil {
				for _, ref := range *cell.Referrers() {
					if st, isStore := ref.(*ssa.Store); isStore && st.Addr == cell {
						walk(st.Val)
					}
				}
				return
			}
			ok = false
		case *ssa.FreeVar:
			for _, b := range d.c.bindings(x) {
				walk(b)
			}
		default:
			ok = false
		}
	}
	walk(tx)
	if !ok {
		return nil
	}
	return out
}

// chainParent returns the call on the receiver's chain of a gorm call that
// is itself a call of the API's family taking no context (tx :=
// db.Begin(); tx.Create(&x)): the call is reported with it.
func (d *dropper) chainParent(recv ssa.Value, api *remote.API) *ssa.Call {
	v := recv
	for range 32 {
		v = ir.Peel(v)
		call, ok := v.(*ssa.Call)
		if !ok {
			return nil
		}
		callee := ir.Callee(&call.Call)
		if callee == nil || callee.Pkg() == nil || !api.Library().Has(callee.Pkg().Path()) {
			return nil
		}
		if callee.Name() == api.CtxFrom {
			return nil
		}
		if a, ok := d.c.rem.API(callee); ok && a.CtxFrom == api.CtxFrom {
			return call
		}
		v = ir.Receiver(&call.Call)
	}
	return nil
}

// contextless reports whether a gorm call runs with no context: no
// WithContext on its chain, whose root is a handle from a field or a
// global that no code of the package sets to one with a context (a
// handle from a parameter may be a transaction's, which carries its
// context), or the handle gorm.Open returns.
func (d *dropper) contextless(recv ssa.Value, api *remote.API) bool {
	if remote.CtxFromChain(recv, api) != nil {
		return false
	}
	v := recv
	for range 32 {
		v = ir.Peel(v)
		switch x := v.(type) {
		case *ssa.Call:
			callee := ir.Callee(&x.Call)
			if callee == nil || callee.Pkg() == nil || !api.Library().Has(callee.Pkg().Path()) {
				return false
			}
			if callee.Name() == "Session" {
				return false // a Session may carry a context
			}
			if r := ir.Receiver(&x.Call); r != nil {
				v = r
				continue
			}
			return callee.Name() == "Open"
		case *ssa.Extract:
			call, ok := x.Tuple.(*ssa.Call)
			if !ok {
				return false
			}
			callee := ir.Callee(&call.Call)
			return callee != nil && callee.Pkg() != nil && api.Library().Has(callee.Pkg().Path()) && callee.Name() == "Open"
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return false
			}
			switch addr := x.X.(type) {
			case *ssa.FieldAddr:
				return !d.fieldGetsContext(ir.FieldVar(addr), api)
			case *ssa.Global:
				return !d.globalGetsContext(addr, api)
			}
			return false
		default:
			return false
		}
	}
	return false
}

// fieldGetsContext reports whether code of the package stores into the
// field a handle whose chain gives it a context (WithContext, Session).
func (d *dropper) fieldGetsContext(field *types.Var, api *remote.API) bool {
	if field == nil {
		return true
	}
	return d.storesWithContext(func(addr ssa.Value) bool {
		fa, ok := addr.(*ssa.FieldAddr)
		return ok && ir.FieldVar(fa) == field
	}, api)
}

func (d *dropper) globalGetsContext(g *ssa.Global, api *remote.API) bool {
	return d.storesWithContext(func(addr ssa.Value) bool { return addr == g }, api)
}

func (d *dropper) storesWithContext(match func(ssa.Value) bool, api *remote.API) bool {
	for _, fn := range d.c.irr.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok || !match(st.Addr) {
					continue
				}
				if remote.CtxFromChain(st.Val, api) != nil || hasSession(st.Val) {
					return true
				}
			}
		}
	}
	// Composite literals store through FieldAddrs too: covered above. A
	// struct built in another package is not seen.
	return false
}

// hasSession reports whether a gorm chain calls Session.
func hasSession(v ssa.Value) bool {
	for range 32 {
		call, ok := ir.Peel(v).(*ssa.Call)
		if !ok {
			return false
		}
		callee := ir.Callee(&call.Call)
		if callee != nil && callee.Name() == "Session" {
			return true
		}
		if v = ir.Receiver(&call.Call); v == nil {
			return false
		}
	}
	return false
}

// twinOf resolves the variant of a context-less call: the method of the
// receiver's type, or the function of the callee's package, named
// twin.Name, whose first parameter is a context. nil when there is none.
func (d *dropper) twinOf(pos token.Pos, callee *types.Func, twin *catalog.Twin) *types.Func {
	if twin.Name == "" {
		return nil
	}
	var obj types.Object
	sig := callee.Type().(*types.Signature)
	if sig.Recv() != nil {
		ce := d.calls[pos]
		var recvT types.Type = sig.Recv().Type()
		if ce != nil {
			if sel, ok := ast.Unparen(ce.Fun).(*ast.SelectorExpr); ok {
				if t := d.info.TypeOf(sel.X); t != nil {
					recvT = t
				}
			}
		}
		obj, _, _ = types.LookupFieldOrMethod(recvT, true, callee.Pkg(), twin.Name)
	} else if callee.Pkg() != nil {
		obj = callee.Pkg().Scope().Lookup(twin.Name)
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	if twin.Chain {
		return fn
	}
	ts := fn.Type().(*types.Signature)
	if ts.Params().Len() == 0 || !remote.IsContext(ts.Params().At(0).Type()) {
		return nil
	}
	return fn
}

// variant writes the call to make instead, for messages.
func (f *dropped) variant() string {
	t := f.twin
	switch {
	case t.Advice != "":
		return strings.ReplaceAll(t.Advice, "(ctx,", "("+f.ctx.expr+",")
	case t.Chain && f.chainOff:
		return fmt.Sprintf("%s(%s) on the *gorm.DB the chain starts from", t.Name, f.ctx.expr)
	case t.Chain:
		return fmt.Sprintf("%s(%s).%s(…)", t.Name, f.ctx.expr, f.callee.Name())
	}
	name := t.Name
	if f.callee.Type().(*types.Signature).Recv() == nil && f.callee.Pkg() != nil {
		name = f.callee.Pkg().Name() + "." + name
	}
	args := f.ctx.expr
	if f.callee.Type().(*types.Signature).Params().Len() > 0 {
		args += ", …"
	}
	if t.Tail != "" {
		args += ", " + t.Tail
	}
	return name + "(" + args + ")"
}

// message says which call takes no context, which context is in scope,
// what ignores it, and the variant to call.
func (f *dropped) message() string {
	if f.helper != nil {
		return f.helperMessage()
	}
	head := fmt.Sprintf("%s takes no context, though %s (%s) is in scope", f.api, f.ctx.expr, f.ctx.from)
	first := "" // what to do before calling the variant
	if f.ctx.blank != "" {
		head = fmt.Sprintf("%s takes no context, though %s", f.api, f.ctx.blank)
		first = "name it ctx and "
	}
	switch {
	case f.begin:
		stmts, commit := 0, false
		for _, r := range f.related {
			if strings.HasSuffix(strings.Fields(r.msg)[0], ".Commit") {
				commit = true
			} else {
				stmts++
			}
		}
		what := "the statements on the transaction that take no context of their own"
		switch {
		case stmts > 0 && commit:
			what = fmt.Sprintf("the %d statement%s and the Commit on the transaction", stmts, plural(stmts))
		case stmts > 0:
			what = fmt.Sprintf("the %d statement%s on the transaction", stmts, plural(stmts))
		case commit:
			what = "the Commit of the transaction"
		}
		return fmt.Sprintf("%s: BEGIN and %s ignore the caller's deadline and cancellation; %sbegin it with %s", head, what, first, f.variant())
	case f.request:
		if f.ctx.blank != "" {
			return fmt.Sprintf("%s builds a request with no context, though %s: sending it ignores the caller's deadline and cancellation; %sbuild it with %s",
				f.api, f.ctx.blank, first, f.variant())
		}
		return fmt.Sprintf("%s builds a request with no context, though %s (%s) is in scope: sending it ignores the caller's deadline and cancellation; build it with %s",
			f.api, f.ctx.expr, f.ctx.from, f.variant())
	}
	if n := len(f.related); n > 0 && f.twin.Chain {
		return fmt.Sprintf("%s: it and the %d call%s on its result ignore the caller's deadline and cancellation; %scall %s", head, n, plural(n), first, f.variant())
	}
	return fmt.Sprintf("%s: %s ignores the caller's deadline and cancellation; %scall %s", head, f.what, first, f.variant())
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// fix rewrites the call to its variant where the replacement is
// mechanical and type-checks: Query(q, args...) → QueryContext(ctx, q,
// args...), Begin() → BeginTx(ctx, nil), NewRequest(m, u, b) →
// NewRequestWithContext(ctx, m, u, b), db.Find(&x) →
// db.WithContext(ctx).Find(&x).
func (d *dropper) fix(f *dropped) (analysis.SuggestedFix, bool) {
	t := f.twin
	ce := d.calls[f.pos]
	if t == nil || t.Advice != "" || ce == nil || f.ctx.blank != "" {
		// A parameter named _ must be named first, which may clash with
		// other names: the message says so, the user edits.
		return analysis.SuggestedFix{}, false
	}
	twin := d.twinOf(f.pos, f.callee, t)
	if twin == nil {
		return analysis.SuggestedFix{}, false
	}
	var sel *ast.Ident
	var x ast.Expr
	switch fun := ast.Unparen(ce.Fun).(type) {
	case *ast.SelectorExpr:
		sel, x = fun.Sel, fun.X
	case *ast.Ident:
		sel = fun
	default:
		return analysis.SuggestedFix{}, false
	}
	if t.Chain {
		if x == nil {
			return analysis.SuggestedFix{}, false
		}
		// WithContext must be a method of the receiver's type.
		if _, isFn := types.Unalias(twin.Type()).(*types.Signature); !isFn {
			return analysis.SuggestedFix{}, false
		}
		return analysis.SuggestedFix{
			Message:   fmt.Sprintf("call %s(%s) first", t.Name, f.ctx.expr),
			TextEdits: []analysis.TextEdit{{Pos: x.End(), End: x.End(), NewText: []byte("." + t.Name + "(" + f.ctx.expr + ")")}},
		}, true
	}
	// The variant must accept the call's arguments after the context.
	ts := twin.Type().(*types.Signature)
	if ts.Params().Len() < 1+len(ce.Args) && !ts.Variadic() {
		return analysis.SuggestedFix{}, false
	}
	for i, a := range ce.Args {
		at := d.info.TypeOf(a)
		if at == nil {
			return analysis.SuggestedFix{}, false
		}
		j := i + 1
		var pt types.Type
		switch {
		case ts.Variadic() && j >= ts.Params().Len()-1:
			pt = ts.Params().At(ts.Params().Len() - 1).Type()
			if !ce.Ellipsis.IsValid() {
				pt = pt.(*types.Slice).Elem()
			}
		case j < ts.Params().Len():
			pt = ts.Params().At(j).Type()
		default:
			return analysis.SuggestedFix{}, false
		}
		if !types.AssignableTo(at, pt) {
			return analysis.SuggestedFix{}, false
		}
	}
	if t.Tail != "" && ce.Ellipsis.IsValid() {
		return analysis.SuggestedFix{}, false
	}
	head := f.ctx.expr
	switch {
	case len(ce.Args) > 0:
		head += ", "
	case t.Tail != "":
		head += ", " + t.Tail // Begin() → BeginTx(ctx, nil): one edit
	}
	edits := []analysis.TextEdit{
		{Pos: sel.Pos(), End: sel.End(), NewText: []byte(t.Name)},
		{Pos: ce.Lparen + 1, End: ce.Lparen + 1, NewText: []byte(head)},
	}
	if t.Tail != "" && len(ce.Args) > 0 {
		edits = append(edits, analysis.TextEdit{Pos: ce.Rparen, End: ce.Rparen, NewText: []byte(", " + t.Tail)})
	}
	return analysis.SuggestedFix{Message: "call " + f.variant(), TextEdits: edits}, true
}

// droppedDiagnostics returns the dropped-context findings, leaving out
// the calls another finding of the rule already names.
func (c *checker) droppedDiagnostics(span func(token.Pos) (token.Pos, token.Pos)) []analysis.Diagnostic {
	taken := map[token.Pos]bool{}
	for _, f := range c.findings {
		for _, h := range f.hits {
			taken[h.pos] = true
		}
	}
	d := c.dropper
	var ds []analysis.Diagnostic
	for _, f := range c.drops {
		if taken[f.pos] {
			continue
		}
		diag := analysis.Diagnostic{Message: f.message(), Category: CategoryDropped}
		diag.Pos, diag.End = span(f.pos)
		slices.SortFunc(f.related, func(a, b relPos) int { return cmp.Or(c.comparePos(a.pos, b.pos), strings.Compare(a.msg, b.msg)) })
		for i, r := range f.related {
			if i == maxRelated {
				break
			}
			pos, end := span(r.pos)
			diag.Related = append(diag.Related, analysis.RelatedInformation{Pos: pos, End: end, Message: r.msg})
		}
		if fix, ok := d.fix(f); ok {
			diag.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		ds = append(ds, diag)
	}
	return ds
}

// maxHijackDepth bounds the steps hijacked follows a function value
// through (conversions, parameters, cells, closures, calls).
const maxHijackDepth = 24

// hijacked reports whether instr, in fn, runs only after the connection
// of the request being served has been hijacked: a Hijack call
// (http.Hijacker's, or any method Hijack() (net.Conn, *bufio.ReadWriter,
// error)) precedes it in fn, or fn is a function literal whose every call
// does (a dial function handed to a websocket handler that hijacks before
// dialling). After Hijack the server stops reading the connection, so the
// request's context is no longer cancelled when the client goes away; it
// is cancelled only when ServeHTTP returns (net/http's Hijacker doc,
// server.go hijackLocked → abortPendingRead). A call made with it then is
// bounded by nothing the context adds: passing r.Context() changes
// nothing, and a dropped-context finding would be wrong.
func (c *checker) hijacked(fn *ssa.Function, instr ssa.Instruction, depth int) bool {
	if fn == nil || depth > maxHijackDepth {
		return false
	}
	if hijackBefore(fn, instr) {
		return true
	}
	if fn.Parent() == nil {
		return false // a declared function: its callers are not followed
	}
	return c.litCalledAfterHijack(fn, depth+1)
}

// hijackBefore reports whether a Hijack call of fn dominates instr.
func hijackBefore(fn *ssa.Function, instr ssa.Instruction) bool {
	ib := instr.Block()
	if ib == nil {
		return false
	}
	for _, b := range fn.Blocks {
		for i, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok || !isHijack(&call.Call) {
				continue
			}
			if b == ib {
				if i < slices.Index(b.Instrs, instr) {
					return true
				}
				continue
			}
			if b.Dominates(ib) {
				return true
			}
		}
	}
	return false
}

// isHijack reports whether cc calls a method Hijack() (net.Conn,
// *bufio.ReadWriter, error).
func isHijack(cc *ssa.CallCommon) bool {
	var name string
	switch {
	case cc.IsInvoke():
		name = cc.Method.Name()
	case cc.StaticCallee() != nil && cc.Signature().Recv() != nil:
		name = cc.StaticCallee().Name()
	default:
		return false
	}
	sig := cc.Signature()
	return name == "Hijack" && sig.Params().Len() == 0 && sig.Results().Len() == 3 &&
		lint.IsNamed(sig.Results().At(0).Type(), "net", "Conn") &&
		lint.IsNamed(sig.Results().At(1).Type(), "bufio", "ReadWriter")
}

// litCalledAfterHijack reports whether the function literal lit is only
// called after a Hijack: each of its values (the literal, or a closure of
// it) is called where hijacked holds, or handed to a function of the
// package whose parameter is (calledAfterHijack). A value that is stored,
// returned or handed elsewhere is not followed: false.
func (c *checker) litCalledAfterHijack(lit *ssa.Function, depth int) bool {
	var vals []ssa.Value
	if len(lit.FreeVars) == 0 {
		vals = append(vals, lit) // used as a value directly (its referrers)
	}
	for _, mc := range c.closures[lit] {
		vals = append(vals, mc)
	}
	if len(vals) == 0 {
		return false
	}
	for _, v := range vals {
		if !c.calledAfterHijack(v, depth) {
			return false
		}
	}
	return true
}

// calledAfterHijack reports whether every use of the function value v is
// a call where hijacked holds, or hands it to a function of the package
// (whose parameter is followed), or to a closure (whose free variable
// is); any other use (a store, a return, a call of another package) is
// not followed: false.
func (c *checker) calledAfterHijack(v ssa.Value, depth int) bool {
	refs := v.Referrers()
	if refs == nil || len(*refs) == 0 || depth > maxHijackDepth {
		return false
	}
	for _, ref := range *refs {
		switch ref := ref.(type) {
		case ssa.CallInstruction:
			cc := ref.Common()
			if cc.Value == v && !cc.IsInvoke() {
				if _, isCall := ref.(*ssa.Call); !isCall || !c.hijacked(ref.Parent(), ref, depth+1) {
					return false
				}
				continue
			}
			fn := c.localCallee(cc)
			if fn == nil {
				return false
			}
			// Args and Params both hold the receiver first.
			idx := slices.Index(cc.Args, v)
			if idx < 0 || idx >= len(fn.Params) || !c.calledAfterHijack(fn.Params[idx], depth+1) {
				return false
			}
		case *ssa.MakeClosure:
			i := slices.Index(ref.Bindings, v)
			anon := ref.Fn.(*ssa.Function)
			if i < 0 || i >= len(anon.FreeVars) || !c.calledAfterHijack(anon.FreeVars[i], depth+1) {
				return false
			}
		case *ssa.ChangeType:
			if !c.calledAfterHijack(ref, depth+1) {
				return false
			}
		case *ssa.Store:
			// A parameter captured by a closure is spilled to a cell.
			cell, ok := ref.Addr.(*ssa.Alloc)
			if !ok || ref.Val != v || !c.cellCalledAfterHijack(cell, depth+1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// cellCalledAfterHijack is calledAfterHijack for the values loaded from a
// variable's cell (an Alloc, or the free variable of a closure that
// captures it).
func (c *checker) cellCalledAfterHijack(cell ssa.Value, depth int) bool {
	refs := cell.Referrers()
	if refs == nil || depth > maxHijackDepth {
		return false
	}
	for _, ref := range *refs {
		switch ref := ref.(type) {
		case *ssa.UnOp:
			if ref.Op != token.MUL || !c.calledAfterHijack(ref, depth+1) {
				return false
			}
		case *ssa.Store:
			// The value stored is judged where it is made.
		case *ssa.MakeClosure:
			i := slices.Index(ref.Bindings, cell)
			anon := ref.Fn.(*ssa.Function)
			if i < 0 || i >= len(anon.FreeVars) || !c.cellCalledAfterHijack(anon.FreeVars[i], depth+1) {
				return false
			}
		default:
			return false
		}
	}
	return true
}
