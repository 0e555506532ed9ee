package dialtimeout

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
	"github.com/faultline-dev/faultline/rules/internal/valueflow"
	"github.com/faultline-dev/faultline/rules/internal/valueflow/edit"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("dialtimeout", docMD)

// Analyzer reports connections dialed with no bound.
var Analyzer = &analysis.Analyzer{
	Name:       "dialtimeout",
	Doc:        doc.AnalyzerDoc(),
	URL:        lint.URL("dialtimeout"),
	Run:        run,
	Requires:   []*analysis.Analyzer{config.Analyzer, ir.Analyzer, valueflow.Analyzer, resilience.Analyzer},
	ResultType: lint.ResultType,

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// CategoryBlockingDial marks blocking gRPC dials, which wait forever
// rather than for the operating system's connect timeout.
const CategoryBlockingDial = "blocking-dial"

// Rule is dialtimeout's catalogue entry.
var Rule = &lint.Rule{
	Name:       "dialtimeout",
	Summary:    doc.Summary,
	Doc:        docMD,
	Severity:   lint.Warning,
	Categories: map[string]lint.Severity{CategoryBlockingDial: lint.Error},
	Analyzer:   Analyzer,
}

const grpcPkg = "google.golang.org/grpc"

var (
	netDial    = lint.NewFuncSet("net.Dial")
	netDialTCP = lint.NewFuncSet("net.DialTCP")
	netDialTO  = lint.NewFuncSet("net.DialTimeout")
	dialerDial = lint.NewFuncSet("(*net.Dialer).Dial")
	tlsDial    = lint.NewFuncSet("crypto/tls.Dial")
	tlsWith    = lint.NewFuncSet("crypto/tls.DialWithDialer")
	tlsDialer  = lint.NewFuncSet("(*crypto/tls.Dialer).Dial")
	smtpDial   = lint.NewFuncSet("net/smtp.Dial", "net/smtp.SendMail")
	rpcDial    = lint.NewFuncSet("net/rpc.Dial", "net/rpc.DialHTTP", "net/rpc.DialHTTPPath", "net/rpc/jsonrpc.Dial")
	kafkaDial  = lint.NewFuncSet("(*github.com/segmentio/kafka-go.Dialer).Dial")

	grpcDial        = lint.NewFuncSet(grpcPkg + ".Dial")
	grpcDialContext = lint.NewFuncSet(grpcPkg + ".DialContext")
	grpcWaitChange  = lint.NewFuncSet("(*" + grpcPkg + ".ClientConn).WaitForStateChange")
	grpcGetState    = lint.NewFuncSet("(*" + grpcPkg + ".ClientConn).GetState")
)

// connectClause is the consequence of dialing with no timeout.
const connectClause = "connecting to an unreachable host blocks until the operating system gives up, minutes on Linux"

func run(pass *analysis.Pass) (any, error) {
	r := lint.NewReporter(pass, "dialtimeout")
	irr := lint.ResultOf[*ir.IR](pass)
	vf := lint.ResultOf[*valueflow.Result](pass)
	if irr == nil || vf == nil {
		return r.Result(), nil
	}
	c := &checker{r: r, vf: vf, ix: edit.NewIndex(pass)}
	if res := lint.ResultOf[*resilience.Result](pass); res != nil {
		c.pt = res.Protections()
	}
	for _, fn := range irr.SrcFuncs {
		if remote.TestHelper(fn) {
			continue // test code outside _test.go files
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if call, ok := instr.(ssa.CallInstruction); ok {
					c.check(call)
				}
			}
		}
	}
	return r.Result(), nil
}

type checker struct {
	r  *lint.Reporter
	vf *valueflow.Result
	ix *edit.Index
	pt *resilience.Protections // the gRPC options of dials
}

func (c *checker) check(call ssa.CallInstruction) {
	common := call.Common()
	callee := ir.Callee(common)
	if callee == nil {
		return
	}
	recv, args, ok := valueflow.MethodCall(common)
	if !ok {
		return
	}
	name := remote.FuncName(callee)
	switch {
	case netDial.Has(callee):
		if len(args) == 2 && !connectionless(args[0]) && !localAddr(args[1], 0) {
			c.report(call, "", "net.Dial has no timeout: "+connectClause+"; use net.DialTimeout or a net.Dialer with Timeout", c.dialTimeoutFix(call))
		}
	case netDialTO.Has(callee):
		if len(args) == 3 && !connectionless(args[0]) && isZero(args[2]) {
			c.report(call, "", "net.DialTimeout with a zero timeout has no timeout: "+connectClause+"; pass a positive timeout", nil)
		}
	case netDialTCP.Has(callee):
		if len(args) == 3 && localAddr(args[2], 0) {
			return
		}
		c.report(call, "", "net.DialTCP has no timeout: "+connectClause+"; dial with a net.Dialer with Timeout", nil)
	case dialerDial.Has(callee):
		if len(args) == 2 && !connectionless(args[0]) && c.vf.DialerTimeout(recv) == valueflow.Unset {
			c.report(call, "", "(*net.Dialer).Dial on a net.Dialer with neither Timeout nor Deadline: "+connectClause+"; set the dialer's Timeout", c.dialerFix(recv))
		}
	case tlsDial.Has(callee):
		c.report(call, "", "tls.Dial has no timeout: "+connectClause+", and a server that stalls the TLS handshake blocks forever; use tls.DialWithDialer with a net.Dialer with Timeout", c.tlsDialFix(call))
	case tlsWith.Has(callee):
		if len(args) == 4 && c.vf.DialerTimeout(args[0]) == valueflow.Unset {
			c.report(call, "", "tls.DialWithDialer with a net.Dialer with neither Timeout nor Deadline: "+connectClause+", and a server that stalls the TLS handshake blocks forever; set the dialer's Timeout", c.dialerFix(args[0]))
		}
	case tlsDialer.Has(callee):
		if len(args) == 2 {
			st := valueflow.Unset
			for _, f := range []string{"NetDialer.Timeout", "NetDialer.Deadline"} {
				if s := c.vf.State(recv, f).State; s != valueflow.Unset {
					st = s
				}
			}
			if st == valueflow.Unset {
				c.report(call, "", "(*tls.Dialer).Dial with no NetDialer Timeout or Deadline: "+connectClause+", and a server that stalls the TLS handshake blocks forever; set NetDialer to a net.Dialer with Timeout or use DialContext with a deadline", nil)
			}
		}
	case smtpDial.Has(callee):
		c.report(call, "", name+" has no timeout and net/smtp offers none: "+connectClause+", and a server that stalls blocks every command forever; dial with a net.Dialer with Timeout, set a deadline on the connection and use smtp.NewClient", nil)
	case rpcDial.Has(callee):
		if len(args) == 0 || !connectionless(args[0]) {
			c.report(call, "", name+" has no timeout: "+connectClause+"; dial the connection with net.DialTimeout and wrap it with rpc.NewClient (net/rpc calls themselves have no timeout either)", nil)
		}
	case kafkaDial.Has(callee):
		if len(args) == 2 && c.vf.DialerTimeout(recv) == valueflow.Unset && c.vf.State(recv, "DialFunc").State == valueflow.Unset {
			c.report(call, "", "(*kafka.Dialer).Dial on a kafka.Dialer with neither Timeout nor Deadline: connecting to an unreachable broker blocks until the operating system gives up, and a stalled broker forever; set the dialer's Timeout (kafka.DefaultDialer has 10s)", nil)
		}
	case grpcDial.Has(callee):
		if len(args) == 2 {
			if opt := c.blocksForever(call); opt != nil {
				c.reportBlocking(call, opt, "grpc.Dial with "+opt.Describe()+" and no timeout blocks until the connection is up: an unreachable server hangs the caller forever; add grpc.WithTimeout, use grpc.DialContext with a context deadline, or grpc.NewClient, which does not block")
			}
		}
	case grpcDialContext.Has(callee):
		if len(args) == 3 && c.vf.Context(args[0]).HasNoDeadline() {
			if opt := c.blocksForever(call); opt != nil {
				c.reportBlocking(call, opt, "grpc.DialContext with "+opt.Describe()+" and a context with no deadline blocks until the connection is up: an unreachable server hangs the caller forever; give the context a deadline, add grpc.WithTimeout, or use grpc.NewClient, which does not block")
			}
		}
	case grpcWaitChange.Has(callee):
		if len(args) == 2 && c.vf.Context(args[0]).HasNoDeadline() && waitsForReady(call.Block(), false) {
			c.reportWait(call, recv, "(*grpc.ClientConn).WaitForStateChange in a loop that waits for the connection to be ready, with a context with no deadline, blocks until the connection is up: an unreachable server hangs the caller forever; give the context a deadline (context.WithTimeout), or do not wait: the calls' own deadlines bound the wait for the connection")
		}
	case grpcGetState.Has(callee):
		if waitsForReady(call.Block(), true) && stateReadyCheck(call) && c.firstGetState(call) && !waitsForChange(call.Block()) {
			c.reportWait(call, recv, "a loop that waits for the connection to be Ready, with no other exit, blocks until the connection is up: an unreachable server hangs the caller forever; stop at a deadline or after a number of tries, or do not wait: the calls' own deadlines bound the wait for the connection")
		}
	}
}

func (c *checker) report(call ssa.CallInstruction, category, msg string, fix *analysis.SuggestedFix) {
	pos, end := c.ix.CallRange(call.Pos())
	d := analysis.Diagnostic{Pos: pos, End: end, Category: category, Message: msg}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	c.r.Report(d)
}

// reportBlocking reports a blocking dial, with the place that adds the
// blocking option as related information.
func (c *checker) reportBlocking(call ssa.CallInstruction, opt *resilience.GRPCOption, msg string) {
	pos, end := c.ix.CallRange(call.Pos())
	d := analysis.Diagnostic{Pos: pos, End: end, Category: CategoryBlockingDial, Message: msg}
	if opt.Pos.IsValid() {
		rp, re := c.ix.CallRange(opt.Pos)
		what := opt.Name + " is added here"
		if opt.From != "" {
			what = opt.From + " adds " + opt.Name
		}
		d.Related = []analysis.RelatedInformation{{Pos: rp, End: re, Message: what}}
	}
	c.r.Report(d)
}

// reportWait reports a loop that waits for a connection to be ready, with
// the dial of the connection as related information when in view.
func (c *checker) reportWait(call ssa.CallInstruction, conn ssa.Value, msg string) {
	pos, end := c.ix.CallRange(call.Pos())
	d := analysis.Diagnostic{Pos: pos, End: end, Category: CategoryBlockingDial, Message: msg}
	if dial := dialOf(conn); dial != nil {
		rp, re := c.ix.CallRange(dial.Pos())
		d.Related = []analysis.RelatedInformation{{Pos: rp, End: re, Message: "the connection is created here; " + remote.FuncName(ir.Callee(dial.Common())) + " connects in the background"}}
	}
	c.r.Report(d)
}

// connectionless reports whether network is a constant naming a network
// whose dial does not wait for a peer: UDP and raw IP send nothing to
// connect, and a Unix socket's connect fails at once when its listener is
// missing or busy.
func connectionless(network ssa.Value) bool {
	k, ok := network.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return false
	}
	n := constant.StringVal(k.Value)
	switch n {
	case "udp", "udp4", "udp6", "unix", "unixgram", "unixpacket":
		return true
	}
	return strings.HasPrefix(n, "ip:") || strings.HasPrefix(n, "ip4:") || strings.HasPrefix(n, "ip6:")
}

var (
	listenerAddr = lint.NewFuncSet("(net.Listener).Addr", "(*net.TCPListener).Addr", "(*net.UnixListener).Addr")
	addrString   = lint.NewFuncSet("(net.Addr).String", "(*net.TCPAddr).String")
)

// localAddr reports whether a dial's address is this process's own
// listener (l.Addr(), or its String) or a loopback literal: the kernel
// completes such a connect at once, or refuses it at once, so it cannot
// wait on an unreachable host.
func localAddr(v ssa.Value, depth int) bool {
	if depth > 4 {
		return false
	}
	switch v := v.(type) {
	case *ssa.TypeAssert:
		return localAddr(v.X, depth+1)
	case *ssa.ChangeType:
		return localAddr(v.X, depth+1)
	case *ssa.MakeInterface:
		return localAddr(v.X, depth+1)
	case *ssa.Extract:
		return localAddr(v.Tuple, depth+1)
	case *ssa.Call:
		callee := ir.Callee(&v.Call)
		switch {
		case listenerAddr.Has(callee):
			return true
		case addrString.Has(callee):
			if recv, _, ok := valueflow.MethodCall(&v.Call); ok {
				return localAddr(recv, depth+1)
			}
		}
	case *ssa.Const:
		if v.Value == nil || v.Value.Kind() != constant.String {
			return false
		}
		// host:port only: a bare name is not an address net.Dial takes.
		addr := constant.StringVal(v.Value)
		if _, _, err := net.SplitHostPort(addr); err != nil {
			return false
		}
		return remote.Local(addr)
	}
	return false
}

// isZero reports whether v is the constant zero.
func isZero(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	return ok && (k.Value == nil || k.Value.Kind() == constant.Int && constant.Sign(k.Value) == 0)
}

// blocksForever returns the option that makes a gRPC dial block
// (grpc.WithBlock, grpc.WithReturnConnectionError) when there is no
// grpc.WithTimeout, and nil otherwise. Options faultline cannot enumerate
// (a parameter of an exported function, a helper of another package that
// has no fact) may hold a timeout: the answer is then nil.
func (c *checker) blocksForever(call ssa.CallInstruction) *resilience.GRPCOption {
	opts, complete := c.pt.GRPCDialOptions(call)
	if !complete {
		return nil
	}
	var block *resilience.GRPCOption
	for i := range opts {
		switch opts[i].Effect {
		case resilience.GRPCDialTimeout:
			return nil
		case resilience.GRPCBlock:
			if block == nil {
				block = &opts[i]
			}
		}
	}
	return block
}

// waitsForReady reports whether b is in a loop that waits for a gRPC
// connection to be Ready: a loop one of whose exits is taken when
// GetState() is (or is not) connectivity.Ready. With only, every exit of
// the loop is such a check: nothing else ends the wait.
func waitsForReady(b *ssa.BasicBlock, only bool) bool {
	loop := loopOf(b)
	if loop == nil {
		return false
	}
	ready, other := false, false
	for blk := range loop {
		for _, s := range blk.Succs {
			if loop[s] {
				continue
			}
			// An edge out of the loop.
			if iff, ok := blk.Instrs[len(blk.Instrs)-1].(*ssa.If); ok && readyCompare(iff.Cond) {
				ready = true
			} else {
				other = true
			}
		}
	}
	return ready && (!only || !other)
}

// loopOf returns the blocks of the innermost cycle through b (the blocks
// reachable from b that reach it), or nil when b is in no loop.
func loopOf(b *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	fwd := map[*ssa.BasicBlock]bool{}
	var down func(x *ssa.BasicBlock)
	down = func(x *ssa.BasicBlock) {
		for _, s := range x.Succs {
			if !fwd[s] {
				fwd[s] = true
				down(s)
			}
		}
	}
	down(b)
	if !fwd[b] {
		return nil
	}
	loop := map[*ssa.BasicBlock]bool{}
	var up func(x *ssa.BasicBlock)
	up = func(x *ssa.BasicBlock) {
		for _, p := range x.Preds {
			if fwd[p] && !loop[p] {
				loop[p] = true
				up(p)
			}
		}
	}
	loop[b] = true
	up(b)
	return loop
}

// readyCompare reports whether cond compares the state of a connection
// (GetState()) with connectivity.Ready.
func readyCompare(cond ssa.Value) bool {
	bin, ok := cond.(*ssa.BinOp)
	if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return false
	}
	return isReady(bin.X) && isState(bin.Y) || isReady(bin.Y) && isState(bin.X)
}

const connectivityPkg = "google.golang.org/grpc/connectivity"

func isReady(v ssa.Value) bool {
	k, ok := v.(*ssa.Const)
	if !ok || k.Value == nil || !lint.IsNamed(k.Type(), connectivityPkg, "State") {
		return false
	}
	n, ok := constant.Int64Val(k.Value)
	return ok && n == 2 // connectivity.Ready
}

// isState reports whether v is the state of a connection: a GetState()
// call, or a variable (phi) that holds one.
func isState(v ssa.Value) bool {
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value) bool
	walk = func(v ssa.Value) bool {
		if seen[v] {
			return true
		}
		seen[v] = true
		switch v := v.(type) {
		case *ssa.Call:
			return grpcGetState.Has(ir.Callee(&v.Call))
		case *ssa.Phi:
			for _, e := range v.Edges {
				if !walk(e) {
					return false
				}
			}
			return true
		}
		return false
	}
	return walk(v)
}

// stateReadyCheck reports whether the result of a GetState call is
// compared with connectivity.Ready (directly or through a variable).
func stateReadyCheck(call ssa.CallInstruction) bool {
	v, ok := call.(*ssa.Call)
	if !ok {
		return false
	}
	seen := map[ssa.Value]bool{}
	var used func(v ssa.Value) bool
	used = func(v ssa.Value) bool {
		if seen[v] || v.Referrers() == nil {
			return false
		}
		seen[v] = true
		for _, ref := range *v.Referrers() {
			switch ref := ref.(type) {
			case *ssa.BinOp:
				if readyCompare(ref) {
					return true
				}
			case *ssa.Phi:
				if used(ref) {
					return true
				}
			}
		}
		return false
	}
	return used(v)
}

// waitsForChange reports whether the loop through b calls
// WaitForStateChange (reported there).
func waitsForChange(b *ssa.BasicBlock) bool {
	for blk := range loopOf(b) {
		for _, instr := range blk.Instrs {
			if cc, ok := instr.(ssa.CallInstruction); ok && grpcWaitChange.Has(ir.Callee(cc.Common())) {
				return true
			}
		}
	}
	return false
}

// firstGetState reports whether call is the first GetState of its block,
// so that a loop is reported once.
func (c *checker) firstGetState(call ssa.CallInstruction) bool {
	for _, instr := range call.Block().Instrs {
		if cc, ok := instr.(ssa.CallInstruction); ok && grpcGetState.Has(ir.Callee(cc.Common())) {
			return cc == call
		}
	}
	return false
}

// dialOf returns the grpc.NewClient, Dial or DialContext call a connection
// comes from in this function, when it has one.
func dialOf(conn ssa.Value) ssa.CallInstruction {
	v := ir.Peel(conn)
	if ex, ok := v.(*ssa.Extract); ok {
		v = ex.Tuple
	}
	call, ok := v.(*ssa.Call)
	if !ok {
		return nil
	}
	if fn := ir.Callee(&call.Call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == grpcPkg &&
		(fn.Name() == "NewClient" || fn.Name() == "Dial" || fn.Name() == "DialContext") {
		return call
	}
	return nil
}

// dialTimeoutFix rewrites net.Dial(n, a) into net.DialTimeout(n, a,
// 10*time.Second).
func (c *checker) dialTimeoutFix(call ssa.CallInstruction) *analysis.SuggestedFix {
	file, expr := c.ix.Call(call.Pos())
	if expr == nil || len(expr.Args) != 2 || expr.Ellipsis.IsValid() {
		return nil
	}
	sel, ok := expr.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	timeName, imp, ok := c.ix.Import(file, "time")
	if !ok {
		return nil
	}
	edits := []analysis.TextEdit{
		{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("DialTimeout")},
		{Pos: expr.Rparen, End: expr.Rparen, NewText: []byte(", 10*" + timeName + ".Second")},
	}
	fix := edit.Fix("Use net.DialTimeout with a 10 second timeout", imp, edits...)
	return &fix
}

// tlsDialFix rewrites tls.Dial(n, a, cfg) into tls.DialWithDialer(
// &net.Dialer{Timeout: 10 * time.Second}, n, a, cfg).
func (c *checker) tlsDialFix(call ssa.CallInstruction) *analysis.SuggestedFix {
	file, expr := c.ix.Call(call.Pos())
	if expr == nil || len(expr.Args) != 3 || expr.Ellipsis.IsValid() {
		return nil
	}
	sel, ok := expr.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	timeName, timeImp, ok := c.ix.Import(file, "time")
	if !ok {
		return nil
	}
	netName, netImp, ok := c.ix.Import(file, "net")
	if !ok {
		return nil
	}
	edits := []analysis.TextEdit{
		{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("DialWithDialer")},
		{Pos: expr.Lparen + 1, End: expr.Lparen + 1, NewText: []byte("&" + netName + ".Dialer{Timeout: 10 * " + timeName + ".Second}, ")},
	}
	if netImp != nil {
		edits = append(edits, *netImp)
	}
	fix := edit.Fix("Use tls.DialWithDialer with a 10 second dial timeout", timeImp, edits...)
	return &fix
}

// dialerFix adds Timeout: 10 * time.Second to the net.Dialer literal the
// dialer comes from, when it has exactly one origin, a literal.
func (c *checker) dialerFix(dialer ssa.Value) *analysis.SuggestedFix {
	os, complete := c.vf.Origins(dialer)
	if !complete || len(os) != 1 || !os[0].Literal {
		return nil
	}
	a, ok := os[0].Value.(*ssa.Alloc)
	if !ok || !isNetDialer(a.Type()) {
		return nil
	}
	file, lit := c.ix.CompositeLit(a.Pos())
	if lit == nil || edit.KeyedField(lit, "Deadline") != nil {
		return nil
	}
	timeName, imp, ok := c.ix.Import(file, "time")
	if !ok {
		return nil
	}
	e, ok := c.ix.SetField(lit, "Timeout", fmt.Sprintf("10 * %s.Second", timeName))
	if !ok {
		return nil
	}
	fix := edit.Fix("Set the dialer's Timeout to 10 seconds", imp, e)
	return &fix
}

func isNetDialer(t types.Type) bool { return lint.IsNamed(t, "net", "Dialer") }
