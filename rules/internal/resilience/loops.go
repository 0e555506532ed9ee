package resilience

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"github.com/faultline-dev/faultline/rules/internal/ir"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

// Bound is what stops a retry loop.
type Bound int

// Bounds of retry loops.
const (
	BoundNone     Bound = iota // only success leaves the loop
	BoundCounter               // an attempt counter, incremented and compared
	BoundDeadline              // the clock is compared with a deadline
	BoundContext               // the context's Done or Err is checked
	BoundUnknown               // the loop can stop on a condition faultline does not follow
)

// Delay is the wait between attempts.
type Delay int

// Delays between attempts.
const (
	DelayNone    Delay = iota // no wait, or a zero one
	DelayFixed                // the same constant every time
	DelayGrowing              // grows with the attempts (backoff)
	DelayUnknown              // a wait faultline cannot classify
)

// Loop is a hand-written retry loop: a loop around a remote call that
// goes round again when the call fails and leaves when it succeeds.
type Loop struct {
	Header *ssa.BasicBlock          // the block the loop's back edges go to
	Blocks map[*ssa.BasicBlock]bool // the blocks of the loop
	Call   ssa.CallInstruction      // the remote call retried
	Target remote.Target
	// Stmt is the for or range statement of the loop, when found.
	Stmt ast.Stmt
	// Wait is the first wait between attempts (a time.Sleep, a timer
	// receive), when there is one.
	Wait token.Pos

	Bound    Bound
	Attempts int // attempts, when an attempt counter is compared with a constant

	Delay  Delay
	Jitter bool // the delay holds randomness
	// Unslept reports a backoff computed in the loop (NextBackOff, a
	// doubled duration) that no wait uses.
	Unslept bool
	// UnusedJitter reports randomness computed in the loop that the
	// delay does not use.
	UnusedJitter bool
	// Reconnect reports a reconnect loop: a loop that re-opens a
	// long-lived gRPC stream (see Result.LongLivedStream) when opening it
	// fails, and goes round again when the stream ends rather than
	// leaving. Its Bound is BoundUnknown: such a loop is meant to run for
	// the life of the process.
	Reconnect bool
}

// keyword is the range of a statement's keyword.
type keyword struct{ pos, end token.Pos }

// Pos returns the start of the keyword.
func (k keyword) Pos() token.Pos { return k.pos }

// End returns the end of the keyword.
func (k keyword) End() token.Pos { return k.end }

// At returns where a finding about the loop goes: its for keyword, or the
// retried call (from call, the reporter's range of it) when the statement
// is not found.
func (l *Loop) At(call analysis.Range) analysis.Range {
	if l.Stmt != nil {
		return keyword{l.Stmt.Pos(), l.Stmt.Pos() + token.Pos(len("for"))}
	}
	return call
}

// Loops tells which hand-written retry loops a package has: loops around
// a remote call that go round again when it fails and leave when it
// succeeds, with what stops them and what they wait between attempts. It
// also knows which functions wait (time.Sleep, a timer), the delay of a
// loop that calls them.
type Loops struct {
	*pkgIndex

	// Tables, complete for funcs: a function that is absent has none.
	loops      map[*ssa.Function][]*Loop
	reconnects map[*ssa.Function][]*Loop
	sleeps     map[*ssa.Function]bool
}

// newLoops computes the tables of the waits and retry loops of a package.
func newLoops(ix *pkgIndex) *Loops {
	lp := &Loops{pkgIndex: ix, loops: map[*ssa.Function][]*Loop{}, reconnects: map[*ssa.Function][]*Loop{}, sleeps: map[*ssa.Function]bool{}}
	lp.solveSleeps()
	lp.findAllLoops()
	return lp
}

// In returns the hand-written retry loops of fn.
func (lp *Loops) In(fn *ssa.Function) []*Loop {
	if lp == nil || fn == nil {
		return nil
	}
	return lp.retryLoops(fn)
}

var (
	sleepFuncs = lint.NewFuncSet("time.Sleep", "time.After", "time.NewTimer", "time.NewTicker", "time.Tick",
		"(*time.Timer).Reset", "(*time.Ticker).Reset", "time.AfterFunc")
	clockFuncs = lint.NewFuncSet("time.Now", "time.Since", "time.Until", "(time.Time).After", "(time.Time).Before",
		"(time.Time).Sub", "(time.Time).Compare")
	ctxFuncs     = lint.NewFuncSet("(context.Context).Err", "(context.Context).Done", "(context.Context).Deadline")
	backoffNexts = lint.NewFuncSet(
		"(github.com/cenkalti/backoff/v4.BackOff).NextBackOff",
		"(github.com/cenkalti/backoff/v5.BackOff).NextBackOff",
		"(*github.com/cenkalti/backoff/v4.ExponentialBackOff).NextBackOff",
		"(*github.com/cenkalti/backoff/v5.ExponentialBackOff).NextBackOff",
		"(github.com/sethvargo/go-retry.Backoff).Next",
		"(k8s.io/apimachinery/pkg/util/wait.Backoff).Step",
		"(*k8s.io/apimachinery/pkg/util/wait.Backoff).Step",
	)
	pureFuncs = lint.NewFuncSet("math.Pow", "math.Min", "math.Max", "math.Floor", "math.Ceil", "math.Round",
		"math.Exp2", "math.Abs", "(time.Duration).Seconds", "(time.Duration).Milliseconds", "(time.Duration).Nanoseconds",
		"(time.Duration).Truncate", "(time.Duration).Round")
)

// isRandPkg reports whether path is a package of random numbers.
func isRandPkg(path string) bool {
	return path == "math/rand" || path == "math/rand/v2" || path == "crypto/rand"
}

// Reconnects returns the reconnect loops of fn, a function of this
// package: loops that re-open a long-lived gRPC stream when opening it
// fails (Loop.Reconnect). They are not retry loops (In): they do not leave
// when the call succeeds, and run unbounded by design.
func (lp *Loops) Reconnects(fn *ssa.Function) []*Loop {
	if lp == nil || fn == nil {
		return nil
	}
	return lp.reconnects[fn]
}

func (lp *Loops) retryLoops(fn *ssa.Function) []*Loop {
	if lp.inPkg[fn] {
		return lp.loops[fn]
	}
	return lp.findLoops(fn) // not of this package: computed, never stored
}

// findAllLoops fills the table of retry loops.
func (lp *Loops) findAllLoops() {
	for _, fn := range lp.funcs {
		ls := lp.findLoops(fn)
		if len(ls) > 0 {
			lp.loops[fn] = ls
		}
		if rs := lp.findReconnects(fn, ls); len(rs) > 0 {
			lp.reconnects[fn] = rs
		}
	}
}

// opensStream reports whether fn opens a bidirectional or server gRPC
// stream.
func opensStream(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok {
				if k := StreamKindOf(call); k == BidiStream || k == ServerStream {
					return true
				}
			}
		}
	}
	return false
}

// findReconnects finds the reconnect loops of fn: an innermost loop
// around the opening of a bidirectional or server gRPC stream (a stream
// opened in a loop is long-lived: see Result.LongLivedStream) that goes
// round again when the opening fails, and is not already one of the retry
// loops retries.
func (lp *Loops) findReconnects(fn *ssa.Function, retries []*Loop) []*Loop {
	if !opensStream(fn) {
		return nil
	}
	var out []*Loop
	nls := naturalLoops(fn)
	for _, nl := range nls {
		innermost := func(b *ssa.BasicBlock) bool {
			for _, other := range nls {
				if other != nl && other.blocks[b] && len(other.blocks) < len(nl.blocks) {
					return false
				}
			}
			return true
		}
	calls:
		for _, b := range ordered(nl.blocks) {
			if !innermost(b) {
				continue
			}
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if k := StreamKindOf(call); k != BidiStream && k != ServerStream {
					continue
				}
				for _, r := range retries {
					if r.Call == call {
						continue calls
					}
				}
				errVal := errResult(call)
				if errVal == nil {
					continue
				}
				for _, bb := range ordered(nl.blocks) {
					iff, ok := bb.Instrs[len(bb.Instrs)-1].(*ssa.If)
					if !ok {
						continue
					}
					errSucc, _, ok := errBranches(iff, errVal)
					if !ok || !continues(nl, errSucc) {
						continue
					}
					t, ok := lp.remote.Classify(call.Common())
					if !ok {
						t = remote.Target{Callee: ir.Callee(call.Common()), Fact: &remote.Fact{}}
					}
					l := &Loop{Header: nl.header, Blocks: nl.blocks, Call: call, Target: t,
						Stmt: lp.loopStmt(call.Pos()), Bound: BoundUnknown, Reconnect: true}
					lp.loopDelay(l, retryPath(nl, errSucc, call.Block()))
					out = append(out, l)
					break calls
				}
			}
		}
	}
	return out
}

// naturalLoop is a loop of the control-flow graph.
type naturalLoop struct {
	header  *ssa.BasicBlock
	latches []*ssa.BasicBlock
	blocks  map[*ssa.BasicBlock]bool
}

// naturalLoops finds the loops of fn from its back edges (an edge to a
// block that dominates its source), merged by header.
func naturalLoops(fn *ssa.Function) []*naturalLoop {
	byHeader := map[*ssa.BasicBlock]*naturalLoop{}
	var order []*naturalLoop
	for _, b := range fn.Blocks {
		for _, s := range b.Succs {
			if !s.Dominates(b) {
				continue
			}
			l := byHeader[s]
			if l == nil {
				l = &naturalLoop{header: s, blocks: map[*ssa.BasicBlock]bool{s: true}}
				byHeader[s] = l
				order = append(order, l)
			}
			l.latches = append(l.latches, b)
			searchBlocks(b, preds, func(x *ssa.BasicBlock) step {
				if l.blocks[x] {
					return prune
				}
				l.blocks[x] = true
				return descend
			})
		}
	}
	return order
}

// searchTurn searches the blocks of the loop reachable from start
// without going round again (the header is not entered), and reports
// whether found holds for one of them.
func (nl *naturalLoop) searchTurn(start *ssa.BasicBlock, found func(*ssa.BasicBlock) bool) bool {
	return searchBlocks(start, succs, func(x *ssa.BasicBlock) step {
		switch {
		case !nl.blocks[x] || x == nl.header:
			return prune
		case found(x):
			return halt
		}
		return descend
	})
}

func (lp *Loops) findLoops(fn *ssa.Function) []*Loop {
	nls := naturalLoops(fn)
	var out []*Loop
	for _, nl := range nls {
		// Only the calls whose innermost loop is this one.
		innermost := func(b *ssa.BasicBlock) bool {
			for _, other := range nls {
				if other != nl && other.blocks[b] && len(other.blocks) < len(nl.blocks) {
					return false
				}
			}
			return true
		}
		for _, b := range fn.Blocks {
			if !nl.blocks[b] || !innermost(b) {
				continue
			}
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				l := lp.retryLoop(nl, call)
				if l != nil {
					out = append(out, l)
					goto next
				}
			}
		}
	next:
	}
	return out
}

// retryLoop returns the retry loop nl makes of call, or nil when the call
// is not remote or the loop does not go round on its failure and leave on
// its success.
func (lp *Loops) retryLoop(nl *naturalLoop, call ssa.CallInstruction) *Loop {
	t, ok := lp.remote.Classify(call.Common())
	if !ok {
		// A retry or breaker library run in a loop is retried too.
		callee := ir.Callee(call.Common())
		e, isEntry := entryOf(callee)
		if !isEntry || e.Role != Runs {
			return nil
		}
		t, ok = remote.Target{Callee: callee, Fact: &remote.Fact{}}, true
	}
	if t.API != nil && (t.API.Consume || t.API.Kind == remote.DNS) {
		return nil
	}
	errVal := errResult(call)
	if errVal == nil {
		return nil
	}
	var okExit *ssa.If
	var retryFrom *ssa.BasicBlock
	for _, b := range ordered(nl.blocks) {
		iff, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		errSucc, okSucc, ok := errBranches(iff, errVal)
		if !ok {
			continue
		}
		if continues(nl, errSucc) && leaves(nl, okSucc) && !lp.moreWorkAfter(nl, okSucc, call) && !polls(nl, okSucc) {
			okExit, retryFrom = iff, errSucc
			break
		}
	}
	if okExit == nil || lp.varies(nl, call) || failsOver(nl, call, retryFrom) {
		return nil
	}
	l := &Loop{Header: nl.header, Blocks: nl.blocks, Call: call, Target: t, Stmt: lp.loopStmt(call.Pos())}
	l.Bound, l.Attempts = lp.loopBound(nl, okExit, call)
	lp.loopDelay(l, retryPath(nl, retryFrom, call.Block()))
	return l
}

// ordered returns the blocks of a set in the order of their function.
func ordered(set map[*ssa.BasicBlock]bool) []*ssa.BasicBlock {
	out := make([]*ssa.BasicBlock, 0, len(set))
	for b := range set {
		out = append(out, b)
	}
	slices.SortFunc(out, func(a, b *ssa.BasicBlock) int { return a.Index - b.Index })
	return out
}

// retryPath returns the blocks of the loop that run between a failed
// attempt (from) and the next one (the block of the call), round the
// loop's back edge included.
func retryPath(nl *naturalLoop, from, callBlock *ssa.BasicBlock) map[*ssa.BasicBlock]bool {
	path := map[*ssa.BasicBlock]bool{}
	searchBlocks(from, succs, func(x *ssa.BasicBlock) step {
		if !nl.blocks[x] {
			return prune
		}
		path[x] = true
		if x == callBlock {
			return prune
		}
		return descend
	})
	return path
}

// polls reports whether the loop can go round again after a successful
// call on a condition other than an HTTP response status: polling an
// operation until it is done, not retrying a failure.
func polls(nl *naturalLoop, okSucc *ssa.BasicBlock) bool {
	return nl.searchTurn(okSucc, func(x *ssa.BasicBlock) bool {
		iff, ok := x.Instrs[len(x.Instrs)-1].(*ssa.If)
		if !ok {
			return false
		}
		s := x.Succs
		goesOn := continues(nl, s[0]) || continues(nl, s[1])
		canLeave := leaves(nl, s[0]) || leaves(nl, s[1])
		return goesOn && canLeave && !httpStatusCond(iff.Cond)
	})
}

// httpStatusCond reports whether cond reads an HTTP response's status:
// a retry on a 5xx or 429 answer.
func httpStatusCond(cond ssa.Value) bool {
	found := false
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || depth > 6 || seen[v] || found {
			return
		}
		seen[v] = true
		if fa, ok := v.(*ssa.FieldAddr); ok && lint.IsNamed(fa.X.Type(), "net/http", "Response") {
			if f := ir.FieldVar(fa); f != nil && (f.Name() == "StatusCode" || f.Name() == "Status") {
				found = true
				return
			}
		}
		instr, ok := v.(ssa.Instruction)
		if !ok {
			return
		}
		var ops []*ssa.Value
		for _, op := range instr.Operands(ops) {
			if op != nil {
				walk(*op, depth+1)
			}
		}
	}
	walk(cond, 0)
	return found
}

// errResult returns the error result of a call, or nil.
func errResult(call ssa.CallInstruction) ssa.Value {
	c, ok := call.(*ssa.Call)
	if !ok {
		return nil
	}
	res := c.Call.Signature().Results()
	if res.Len() == 0 || !isError(res.At(res.Len()-1).Type()) {
		return nil
	}
	if res.Len() == 1 {
		return c
	}
	for _, ref := range *c.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == res.Len()-1 {
			return ex
		}
	}
	return nil
}

func isError(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }

// errBranches returns the successors of iff taken when errVal is not nil
// and when it is, if iff tests errVal against nil (directly or through a
// phi that merges it).
func errBranches(iff *ssa.If, errVal ssa.Value) (errSucc, okSucc *ssa.BasicBlock, ok bool) {
	bin, isBin := iff.Cond.(*ssa.BinOp)
	if !isBin || (bin.Op != token.EQL && bin.Op != token.NEQ) {
		return nil, nil, false
	}
	x := bin.X
	if isNil(x) {
		x = bin.Y
	} else if !isNil(bin.Y) {
		return nil, nil, false
	}
	if !sameOrMerged(x, errVal) {
		return nil, nil, false
	}
	s := iff.Block().Succs
	if bin.Op == token.NEQ {
		return s[0], s[1], true
	}
	return s[1], s[0], true
}

// sameOrMerged reports whether x is v or a phi (of phis) with v among its
// edges.
func sameOrMerged(x, v ssa.Value) bool {
	seen := map[ssa.Value]bool{}
	var walk func(x ssa.Value, depth int) bool
	walk = func(x ssa.Value, depth int) bool {
		if x == v {
			return true
		}
		if depth > 3 || seen[x] {
			return false
		}
		seen[x] = true
		if phi, ok := x.(*ssa.Phi); ok {
			for _, e := range phi.Edges {
				if walk(e, depth+1) {
					return true
				}
			}
		}
		return false
	}
	return walk(x, 0)
}

// continues reports whether from b the loop can go round again: b is the
// header, or a latch can be reached within the loop without passing it.
func continues(nl *naturalLoop, b *ssa.BasicBlock) bool {
	if !nl.blocks[b] {
		return false
	}
	return searchBlocks(b, succs, func(x *ssa.BasicBlock) step {
		switch {
		case x == nl.header || slices.Contains(nl.latches, x):
			return halt
		case !nl.blocks[x]:
			return prune
		}
		return descend
	})
}

// leaves reports whether from b the loop can be left without going round
// again.
func leaves(nl *naturalLoop, b *ssa.BasicBlock) bool {
	return searchBlocks(b, succs, func(x *ssa.BasicBlock) step {
		switch {
		case !nl.blocks[x]:
			return halt
		case x == nl.header:
			return prune
		}
		return descend
	})
}

// moreWorkAfter reports whether, after the call succeeds, the loop can
// go round again through another remote call: a loop that processes
// work (fetch, handle, commit), not one that retries.
func (lp *Loops) moreWorkAfter(nl *naturalLoop, okSucc *ssa.BasicBlock, call ssa.CallInstruction) bool {
	return nl.searchTurn(okSucc, func(b *ssa.BasicBlock) bool {
		if !continues(nl, b) {
			return false
		}
		for _, instr := range b.Instrs {
			if c, ok := instr.(ssa.CallInstruction); ok && c != call {
				if _, remote := lp.remote.Classify(c.Common()); remote {
					return true
				}
			}
		}
		return false
	})
}

// loopStmt returns the innermost for or range statement around pos.
func (lp *Loops) loopStmt(pos token.Pos) ast.Stmt {
	var best ast.Stmt
	for _, f := range lp.pass.Files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil || pos < n.Pos() || pos >= n.End() {
				return false
			}
			switch n := n.(type) {
			case *ast.ForStmt:
				best = n
			case *ast.RangeStmt:
				best = n
			case *ast.FuncLit:
				best = nil // a loop outside a literal does not hold its calls
			}
			return true
		})
	}
	return best
}

// varies reports whether the call's receiver or arguments change from one
// iteration to the next (a loop over replicas or items, not a retry).
func (lp *Loops) varies(nl *naturalLoop, call ssa.CallInstruction) bool {
	c := call.Common()
	vals := slices.Clone(c.Args)
	if c.IsInvoke() {
		vals = append(vals, c.Value)
	}
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int) bool
	walk = func(v ssa.Value, depth int) bool {
		if v == nil || depth > 8 || seen[v] {
			return false
		}
		seen[v] = true
		if remote.IsContext(v.Type()) {
			return false
		}
		instr, ok := v.(ssa.Instruction)
		if !ok || instr.Block() == nil || !nl.blocks[instr.Block()] {
			return false
		}
		if phi, ok := v.(*ssa.Phi); ok && phi.Block() == nl.header {
			return !isError(phi.Type()) && !constPhi(phi)
		}
		if c, ok := v.(ssa.CallInstruction); ok && c != call {
			if _, remote := lp.remote.Classify(c.Common()); remote {
				return true // data fetched in the loop: a new item each time
			}
		}
		var ops []*ssa.Value
		for _, op := range instr.Operands(ops) {
			if op != nil && walk(*op, depth+1) {
				return true
			}
		}
		return false
	}
	for _, a := range vals {
		if walk(a, 0) {
			return true
		}
	}
	return false
}

// failsOver reports whether the loop fails over from one candidate to the
// next instead of retrying one dependency. The exact criterion:
//
//  1. the call's target (its receiver, or an argument that is not a
//     context) is derived from a value picked inside the loop by another
//     call that is not remote (the picker: tp.pick(), lb.Next());
//  2. the loop leaves when the picker has no candidate left: the picked
//     value is compared with nil or its zero value, or the picker's
//     boolean result is tested, and the branch for "none" leaves the loop;
//  3. between a failure and the back edge the loop hands the picked value
//     itself to a call (as receiver or argument, not boxed in an
//     interface as a logger takes it) or stores into it: it marks the
//     failed candidate (remote.inactivate(), delete(active, ep)) so that
//     the next pick skips it.
//
// Such a loop is taken to try each candidate once, skipping those that
// failed, and to stop when none is left: no dependency is retried. Loops that index or range over a list
// of endpoints are told apart earlier (varies: the target changes with
// the iteration). A picker that may hand out the same target again, with
// no candidate marked or no exit when none is left, is still a retry.
func failsOver(nl *naturalLoop, call ssa.CallInstruction, retryFrom *ssa.BasicBlock) bool {
	afterFailure := map[*ssa.BasicBlock]bool{}
	nl.searchTurn(retryFrom, func(x *ssa.BasicBlock) bool {
		afterFailure[x] = true
		return false
	})
	for _, p := range picks(nl, call) {
		if exhaustedExit(nl, p) && marked(afterFailure, p, call) {
			return true
		}
	}
	return false
}

// picks returns the values picked inside the loop by a call other than
// call that call's target is derived from: the picker's result, or the
// result of a picker with several.
func picks(nl *naturalLoop, call ssa.CallInstruction) []ssa.Value {
	c := call.Common()
	vals := slices.Clone(c.Args)
	if c.IsInvoke() {
		vals = append(vals, c.Value)
	}
	seen := map[ssa.Value]bool{}
	var out []ssa.Value
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || depth > 8 || seen[v] || remote.IsContext(v.Type()) {
			return
		}
		seen[v] = true
		instr, ok := v.(ssa.Instruction)
		if !ok || instr.Block() == nil || !nl.blocks[instr.Block()] {
			return
		}
		switch x := v.(type) {
		case *ssa.Call:
			if ssa.CallInstruction(x) != call && !isBuiltinCall(&x.Call) {
				out = append(out, x)
			}
			return
		case *ssa.Extract:
			if t, ok := x.Tuple.(*ssa.Call); ok {
				if ssa.CallInstruction(t) != call && !isBuiltinCall(&t.Call) {
					out = append(out, x)
				}
				return
			}
		case *ssa.Phi, *ssa.Const:
			return
		}
		var ops []*ssa.Value
		for _, op := range instr.Operands(ops) {
			if op != nil {
				walk(*op, depth+1)
			}
		}
	}
	for _, v := range vals {
		walk(v, 0)
	}
	return out
}

func isBuiltinCall(c *ssa.CallCommon) bool {
	_, ok := c.Value.(*ssa.Builtin)
	return ok
}

// exhaustedExit reports whether the loop leaves when the picked value p
// says no candidate is left: p compared with nil or its zero value, or
// the boolean result of p's picker tested.
func exhaustedExit(nl *naturalLoop, p ssa.Value) bool {
	for _, ref := range *p.Referrers() {
		bin, ok := ref.(*ssa.BinOp)
		if !ok || (bin.Op != token.EQL && bin.Op != token.NEQ) {
			continue
		}
		other := bin.Y
		if other == p {
			other = bin.X
		}
		if !isZeroConst(other) {
			continue
		}
		none := 0 // the If successor taken when p is "none"
		if bin.Op == token.NEQ {
			none = 1
		}
		if condLeaves(nl, bin, none) {
			return true
		}
	}
	// ep, ok := picker(): the ok result.
	if ex, ok := p.(*ssa.Extract); ok {
		for _, ref := range *ex.Tuple.(*ssa.Call).Referrers() {
			okv, isEx := ref.(*ssa.Extract)
			if !isEx || okv == ex || !types.Identical(okv.Type().Underlying(), types.Typ[types.Bool]) {
				continue
			}
			if condLeaves(nl, okv, 1) {
				return true
			}
			for _, r2 := range *okv.Referrers() {
				if not, isNot := r2.(*ssa.UnOp); isNot && not.Op == token.NOT && condLeaves(nl, not, 0) {
					return true
				}
			}
		}
	}
	return false
}

// condLeaves reports whether an If on cond leaves the loop directly
// through its successor succ.
func condLeaves(nl *naturalLoop, cond ssa.Value, succ int) bool {
	for _, ref := range *cond.Referrers() {
		if iff, ok := ref.(*ssa.If); ok && iff.Cond == cond && nl.blocks[iff.Block()] && leavesDirectly(nl, iff.Block().Succs[succ]) {
			return true
		}
	}
	return false
}

// isZeroConst reports whether v is nil or the zero constant of its type.
func isZeroConst(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok {
		return false
	}
	if c.IsNil() || c.Value == nil {
		return c.IsNil()
	}
	switch c.Value.Kind() {
	case constant.String:
		return constant.StringVal(c.Value) == ""
	case constant.Int, constant.Float:
		return constant.Sign(c.Value) == 0
	}
	return false
}

// marked reports whether, in the blocks after a failure, the picked value
// p itself is handed to a call other than the retried one (as receiver or
// argument, not boxed in an interface) or stored into.
func marked(afterFailure map[*ssa.BasicBlock]bool, p ssa.Value, call ssa.CallInstruction) bool {
	for _, ref := range *p.Referrers() {
		if ref.Block() == nil || !afterFailure[ref.Block()] {
			continue
		}
		switch u := ref.(type) {
		case ssa.CallInstruction:
			if u == call {
				continue
			}
			c := u.Common()
			if (c.IsInvoke() && c.Value == p) || slices.Contains(c.Args, p) {
				return true
			}
		case *ssa.FieldAddr:
			for _, r2 := range *u.Referrers() {
				if st, ok := r2.(*ssa.Store); ok && st.Addr == u && afterFailure[st.Block()] {
					return true
				}
			}
		}
	}
	return false
}

// constPhi reports whether every edge of phi is the same constant or phi
// itself.
func constPhi(phi *ssa.Phi) bool {
	var c *ssa.Const
	for _, e := range phi.Edges {
		if e == phi {
			continue
		}
		ec, ok := e.(*ssa.Const)
		if !ok || (c != nil && ec.Value != nil && c.Value != nil && ec.Value.ExactString() != c.Value.ExactString()) {
			return false
		}
		c = ec
	}
	return true
}

// loopBound finds what can stop the loop other than success.
func (lp *Loops) loopBound(nl *naturalLoop, okExit *ssa.If, call ssa.CallInstruction) (Bound, int) {
	best, attempts := BoundNone, 0
	note := func(b Bound) {
		if best == BoundNone || (best == BoundUnknown && b != BoundNone) {
			best = b
		}
	}
	callResults := resultsOf(call)
	for _, b := range ordered(nl.blocks) {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case *ssa.If:
				if instr == okExit {
					continue
				}
				s := instr.Block().Succs
				exitIdx := -1
				for i, succ := range s {
					if leavesDirectly(nl, succ) {
						exitIdx = i
					}
				}
				if exitIdx < 0 {
					continue
				}
				bound, n := condBound(nl, instr.Cond, callResults)
				note(bound)
				if bound == BoundCounter && n > 0 {
					attempts = n
				}
			case *ssa.Select:
				for _, st := range instr.States {
					if st.Dir == types.RecvOnly && lp.isCtxOrDeadlineChan(nl, st.Chan) {
						note(BoundContext)
					}
				}
			case *ssa.UnOp:
				if instr.Op == token.ARROW && lp.isCtxOrDeadlineChan(nl, instr.X) {
					note(BoundContext)
				}
			}
		}
	}
	return best, attempts
}

// leavesDirectly reports whether every path from b leaves the loop before
// going round again.
func leavesDirectly(nl *naturalLoop, b *ssa.BasicBlock) bool {
	return !nl.blocks[b] || (leaves(nl, b) && !continues(nl, b))
}

// resultsOf returns the values a call produces: the call and its extracts.
func resultsOf(call ssa.CallInstruction) map[ssa.Value]bool {
	out := map[ssa.Value]bool{}
	if c, ok := call.(*ssa.Call); ok {
		out[c] = true
		for _, ref := range *c.Referrers() {
			if ex, ok := ref.(*ssa.Extract); ok {
				out[ex] = true
			}
		}
	}
	return out
}

// condBound classifies an exit condition of a loop: an attempt counter, a
// clock, a context, only the retried call's results (no bound), or
// something else (unknown).
func condBound(nl *naturalLoop, cond ssa.Value, callResults map[ssa.Value]bool) (Bound, int) {
	found := BoundNone
	attempts := 0
	unknown := false
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || seen[v] {
			return
		}
		seen[v] = true
		if depth > 8 {
			unknown = true
			return
		}
		if callResults[v] {
			return
		}
		switch x := v.(type) {
		case *ssa.Const:
			return
		case *ssa.Phi:
			if c := counterOf(nl, x); c != nil {
				found = BoundCounter
				return
			}
			for _, e := range x.Edges {
				walk(e, depth+1)
			}
			return
		case *ssa.BinOp:
			if isCompare(x.Op) {
				if n, ok := counterCompare(nl, x); ok {
					found = BoundCounter
					attempts = n
					return
				}
			}
			walk(x.X, depth+1)
			walk(x.Y, depth+1)
			return
		case *ssa.UnOp:
			if x.Op == token.MUL {
				if a, ok := x.X.(*ssa.Alloc); ok && allocCounter(nl, a) {
					found = BoundCounter
					return
				}
				if _, ok := x.X.(*ssa.Alloc); !ok {
					unknown = true
					return
				}
			}
			walk(x.X, depth+1)
			return
		case *ssa.Call:
			fn := staticFunc(&x.Call)
			switch {
			case clockFuncs.Has(fn):
				found = BoundDeadline
				return
			case ctxFuncs.Has(fn):
				found = BoundContext
				return
			case fn != nil && fn.Pkg() != nil && (fn.Pkg().Path() == "errors" || fn.Pkg().Path() == "strings"):
				for _, a := range x.Call.Args {
					walk(a, depth+1)
				}
				return
			}
			unknown = true
			return
		case *ssa.Field, *ssa.FieldAddr, *ssa.Extract, *ssa.Convert, *ssa.ChangeType, *ssa.TypeAssert, *ssa.MakeInterface, *ssa.ChangeInterface, *ssa.Index, *ssa.IndexAddr, *ssa.Lookup:
			var ops []*ssa.Value
			for _, op := range x.(ssa.Instruction).Operands(ops) {
				if op != nil {
					walk(*op, depth+1)
				}
			}
			return
		case *ssa.Alloc:
			return
		}
		unknown = true
	}
	walk(cond, 0)
	switch {
	case found != BoundNone:
		return found, attempts
	case unknown:
		return BoundUnknown, 0
	}
	return BoundNone, 0
}

func isCompare(op token.Token) bool {
	switch op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
		return true
	}
	return false
}

// counter is an integer phi of a loop header that the loop increments or
// decrements by a constant.
type counter struct {
	init  int64
	known bool // init is a constant
	step  int64
}

// counterOf returns the counter phi is, or nil.
func counterOf(nl *naturalLoop, phi *ssa.Phi) *counter {
	if !nl.blocks[phi.Block()] {
		return nil
	}
	b, ok := phi.Type().Underlying().(*types.Basic)
	if !ok || b.Info()&types.IsInteger == 0 {
		return nil
	}
	c := &counter{}
	stepped := false
	for i, e := range phi.Edges {
		pred := phi.Block().Preds[i]
		if nl.blocks[pred] {
			bin, ok := e.(*ssa.BinOp)
			if !ok || (bin.X != phi && bin.Y != phi) {
				if e == phi {
					continue
				}
				return nil
			}
			other := bin.Y
			if bin.Y == phi {
				other = bin.X
			}
			n, ok := constInt(other)
			if !ok || n == 0 {
				return nil
			}
			switch bin.Op {
			case token.ADD:
				c.step = n
			case token.SUB:
				c.step = -n
			default:
				return nil
			}
			stepped = true
		} else if n, ok := constInt(e); ok {
			c.init, c.known = n, true
		}
	}
	if !stepped {
		return nil
	}
	return c
}

// counterCompare recognises a comparison of a counter (or its next value)
// with a bound, and returns the number of attempts when both the start
// and the bound are constants.
func counterCompare(nl *naturalLoop, bin *ssa.BinOp) (int, bool) {
	find := func(v ssa.Value) *counter {
		if phi, ok := v.(*ssa.Phi); ok {
			return counterOf(nl, phi)
		}
		if b, ok := v.(*ssa.BinOp); ok {
			for _, x := range []ssa.Value{b.X, b.Y} {
				if phi, ok := x.(*ssa.Phi); ok {
					if c := counterOf(nl, phi); c != nil {
						return c
					}
				}
			}
		}
		return nil
	}
	op, limit := bin.Op, bin.Y
	c := find(bin.X)
	if c == nil {
		c = find(bin.Y)
		limit = bin.X
		switch op { // n > i is i < n
		case token.LSS:
			op = token.GTR
		case token.LEQ:
			op = token.GEQ
		case token.GTR:
			op = token.LSS
		case token.GEQ:
			op = token.LEQ
		}
	}
	if c == nil {
		return 0, false
	}
	n, ok := constInt(limit)
	if !ok || !c.known || c.step == 0 {
		return 0, true
	}
	span := n - c.init
	if c.step < 0 {
		span = -span
	}
	switch op {
	case token.LSS, token.GTR, token.NEQ, token.EQL, token.GEQ:
		if op == token.GEQ && c.step > 0 {
			span++
		}
	case token.LEQ:
		span++
	}
	steps := span / abs(c.step)
	if steps <= 0 || steps > 1000 {
		return 0, true
	}
	return int(steps), true
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// allocCounter reports whether the loop adds a constant to the variable a
// (a counter captured by a closure, so not in SSA registers).
func allocCounter(nl *naturalLoop, a *ssa.Alloc) bool {
	for _, ref := range *a.Referrers() {
		st, ok := ref.(*ssa.Store)
		if !ok || st.Addr != a || st.Block() == nil {
			continue
		}
		bin, ok := st.Val.(*ssa.BinOp)
		if !ok || (bin.Op != token.ADD && bin.Op != token.SUB) {
			continue
		}
		for _, x := range []ssa.Value{bin.X, bin.Y} {
			if ld, ok := x.(*ssa.UnOp); ok && ld.Op == token.MUL && ld.X == a {
				return true
			}
		}
	}
	return false
}

// isCtxOrDeadlineChan reports whether ch is a context's Done channel, or
// a timer channel made before the loop (an overall deadline).
func (lp *Loops) isCtxOrDeadlineChan(nl *naturalLoop, ch ssa.Value) bool {
	found := false
	lp.origins(ch, func(o ssa.Value) {
		call, ok := o.(*ssa.Call)
		if !ok {
			return
		}
		fn := staticFunc(&call.Call)
		if ctxFuncs.Has(fn) {
			found = true
		}
		if (fn != nil && fn.FullName() == "time.After") && (call.Block() == nil || !nl.blocks[call.Block()]) {
			found = true
		}
	})
	return found
}

// loopDelay finds the waits of a retry loop and classifies their delay.
func (lp *Loops) loopDelay(l *Loop, path map[*ssa.BasicBlock]bool) {
	nl := &naturalLoop{header: l.Header, blocks: l.Blocks}
	var waits []ssa.Value
	hasWait, unknownWait := false, false
	randInLoop, nextInLoop := false, false
	for _, b := range ordered(path) {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case ssa.CallInstruction:
				c := instr.Common()
				fn := staticFunc(c)
				switch {
				case sleepFuncs.Has(fn):
					hasWait = true
					noteWait(l, instr.Pos())
					if fn.Name() == "AfterFunc" {
						unknownWait = true
						continue
					}
					waits = append(waits, ir.Arg(c, 0))
				case backoffNexts.Has(fn):
					nextInLoop = true
				case fn != nil && fn.Pkg() != nil && isRandPkg(fn.Pkg().Path()):
					randInLoop = true
				case fn != nil:
					switch lp.funcSleeps(c) {
					case 2:
						hasWait, unknownWait = true, true
						noteWait(l, instr.Pos())
					}
				}
			case *ssa.UnOp:
				if instr.Op == token.ARROW {
					if d, ok := lp.timerChanDelay(instr.X); ok {
						hasWait = true
						noteWait(l, instr.Pos())
						if d == nil {
							unknownWait = true
						} else {
							waits = append(waits, d)
						}
					}
				}
			case *ssa.Select:
				for _, st := range instr.States {
					if st.Dir != types.RecvOnly {
						continue
					}
					if d, ok := lp.timerChanDelay(st.Chan); ok {
						hasWait = true
						noteWait(l, st.Pos)
						if d == nil {
							unknownWait = true
						} else {
							waits = append(waits, d)
						}
					}
				}
			}
		}
	}
	if !hasWait {
		l.Delay = DelayNone
		l.Unslept = nextInLoop || growingDuration(nl)
		return
	}
	d := DelayUnknown
	if !unknownWait {
		d = DelayNone
		for _, w := range waits {
			kind, jitter := classifyDelay(nl, w)
			if jitter {
				l.Jitter = true
			}
			if kind > d {
				d = kind
			}
		}
	}
	l.Delay = d
	l.UnusedJitter = randInLoop && !l.Jitter && d == DelayFixed
}

// noteWait records the first wait of a loop in source order.
func noteWait(l *Loop, pos token.Pos) {
	if pos.IsValid() && (!l.Wait.IsValid() || pos < l.Wait) {
		l.Wait = pos
	}
}

// timerChanDelay reports whether ch is the channel of a timer or ticker
// (time.After(d), t.C of time.NewTimer(d)), and returns d when known.
func (lp *Loops) timerChanDelay(ch ssa.Value) (ssa.Value, bool) {
	var d ssa.Value
	ok := false
	lp.origins(ch, func(o ssa.Value) {
		switch o := o.(type) {
		case *ssa.Call:
			if fn := staticFunc(&o.Call); fn != nil && (fn.FullName() == "time.After" || fn.FullName() == "time.Tick") {
				ok, d = true, ir.Arg(&o.Call, 0)
			}
		case *ssa.UnOp:
			fa, isFA := o.X.(*ssa.FieldAddr)
			if !isFA || (!lint.IsNamed(fa.X.Type(), "time", "Timer") && !lint.IsNamed(fa.X.Type(), "time", "Ticker")) {
				return
			}
			ok = true
			lp.origins(fa.X, func(t ssa.Value) {
				if call, isCall := t.(*ssa.Call); isCall {
					if fn := staticFunc(&call.Call); fn != nil && (fn.FullName() == "time.NewTimer" || fn.FullName() == "time.NewTicker") {
						d = ir.Arg(&call.Call, 0)
					}
				}
			})
		}
	})
	return d, ok
}

// classifyDelay classifies the duration d a loop waits.
func classifyDelay(nl *naturalLoop, d ssa.Value) (Delay, bool) {
	if d == nil {
		return DelayUnknown, false
	}
	growing, jitter, unknown, nonzero := false, false, false, false
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || seen[v] {
			return
		}
		seen[v] = true
		if depth > 10 {
			unknown = true
			return
		}
		switch x := v.(type) {
		case *ssa.Const:
			if n, ok := constInt(x); !ok || n != 0 {
				nonzero = true
			}
		case *ssa.Phi:
			if nl.blocks[x.Block()] && !constPhi(x) {
				growing = true
			}
			for _, e := range x.Edges {
				walk(e, depth+1)
			}
		case *ssa.BinOp:
			walk(x.X, depth+1)
			walk(x.Y, depth+1)
		case *ssa.Convert:
			walk(x.X, depth+1)
		case *ssa.ChangeType:
			walk(x.X, depth+1)
		case *ssa.UnOp:
			if x.Op == token.MUL {
				if a, ok := x.X.(*ssa.Alloc); ok {
					for _, ref := range *a.Referrers() {
						if st, ok := ref.(*ssa.Store); ok && st.Addr == a {
							if st.Block() != nil && nl.blocks[st.Block()] {
								growing = true
							}
							walk(st.Val, depth+1)
						}
					}
					return
				}
				unknown = true
				return
			}
			walk(x.X, depth+1)
		case *ssa.Call:
			fn := staticFunc(&x.Call)
			switch {
			case fn != nil && fn.Pkg() != nil && isRandPkg(fn.Pkg().Path()):
				jitter, nonzero = true, true
			case backoffNexts.Has(fn):
				growing, jitter, nonzero = true, true, true
			case pureFuncs.Has(fn) || isBuiltin(&x.Call, "min", "max"):
				for _, a := range x.Call.Args {
					walk(a, depth+1)
				}
			default:
				unknown = true
			}
		default:
			unknown = true
		}
	}
	walk(d, 0)
	switch {
	case jitter && !growing:
		return DelayFixed, true
	case growing:
		return DelayGrowing, jitter
	case unknown:
		return DelayUnknown, false
	case !nonzero:
		return DelayNone, false
	}
	return DelayFixed, false
}

func isBuiltin(c *ssa.CallCommon, names ...string) bool {
	b, ok := c.Value.(*ssa.Builtin)
	return ok && slices.Contains(names, b.Name())
}

// growingDuration reports whether the loop doubles (or otherwise
// multiplies) a duration from one iteration to the next.
func growingDuration(nl *naturalLoop) bool {
	for _, instr := range nl.header.Instrs {
		phi, ok := instr.(*ssa.Phi)
		if !ok {
			continue
		}
		if n, ok := types.Unalias(phi.Type()).(*types.Named); !ok || n.Obj().Pkg() == nil || n.Obj().Pkg().Path() != "time" || n.Obj().Name() != "Duration" {
			continue
		}
		for i, e := range phi.Edges {
			if nl.blocks[nl.header.Preds[i]] {
				if bin, ok := e.(*ssa.BinOp); ok && (bin.Op == token.MUL || bin.Op == token.SHL || bin.Op == token.ADD) {
					return true
				}
			}
		}
	}
	return false
}

// funcSleeps reports whether the function a call invokes waits: 2 yes, 1
// no, 0 unknown.
func (lp *Loops) funcSleeps(c *ssa.CallCommon) int8 {
	if sf := c.StaticCallee(); sf != nil && sf.Pkg == lp.irr.Pkg && len(sf.Blocks) > 0 {
		if lp.sleepsLocal(ir.Origin(sf)) {
			return 2
		}
		return 1
	}
	fn := staticFunc(c)
	if fn == nil || fn.Pkg() == nil {
		return 0
	}
	if f := lp.importedFact(fn); f != nil && f.Sleeps {
		return 2
	}
	return 1
}

// sleepsLocal reports whether a function of this package waits, directly
// or through the functions it calls or the literals it holds.
func (lp *Loops) sleepsLocal(fn *ssa.Function) bool {
	if lp.inPkg[fn] {
		return lp.sleeps[fn]
	}
	// Not in the table: its own waits, and the table for its callees.
	if lp.waitsItself(fn) {
		return true
	}
	for _, g := range lp.localCallees(fn) {
		if lp.inPkg[g] && lp.sleeps[g] {
			return true
		}
	}
	return false
}

// solveSleeps fills the table of functions that wait: those that wait
// themselves, and every function that calls one of them or holds one as a
// literal, transitively. It is the exact closure, whatever the cycles
// among the calls: a memo that answers "does not wait" for a function
// still being looked at made the answer depend on which function was
// asked about first.
func (lp *Loops) solveSleeps() {
	callers := map[*ssa.Function][]*ssa.Function{}
	var waits []*ssa.Function
	for _, fn := range lp.funcs {
		for _, g := range lp.localCallees(fn) {
			callers[g] = append(callers[g], fn)
		}
		if lp.waitsItself(fn) {
			waits = append(waits, fn)
		}
	}
	callersOf := func(fn *ssa.Function) []*ssa.Function { return callers[fn] }
	search(waits, callersOf, func(fn *ssa.Function) step {
		lp.sleeps[fn] = true
		return descend
	})
}

// localCallees returns the functions of this package that fn calls
// statically and the literals it holds.
func (lp *Loops) localCallees(fn *ssa.Function) []*ssa.Function {
	var out []*ssa.Function
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if call, ok := instr.(ssa.CallInstruction); ok {
				if sf := call.Common().StaticCallee(); sf != nil && sf.Pkg == lp.irr.Pkg && len(sf.Blocks) > 0 {
					out = append(out, ir.Origin(sf))
				}
			}
		}
	}
	return append(out, fn.AnonFuncs...)
}

// waitsItself reports whether fn waits by itself: time.Sleep, a timer, a
// function of another package that waits, a receive from a timer's
// channel.
func (lp *Loops) waitsItself(fn *ssa.Function) bool {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch instr := instr.(type) {
			case ssa.CallInstruction:
				c := instr.Common()
				if sf := c.StaticCallee(); sf != nil && sf.Pkg == lp.irr.Pkg && len(sf.Blocks) > 0 {
					continue // a local callee: the closure follows it
				}
				if sleepFuncs.Has(staticFunc(c)) || lp.funcSleeps(c) == 2 {
					return true
				}
			case *ssa.UnOp:
				if instr.Op == token.ARROW {
					if _, ok := lp.timerChanDelay(instr.X); ok {
						return true
					}
				}
			case *ssa.Select:
				for _, st := range instr.States {
					if _, ok := lp.timerChanDelay(st.Chan); ok {
						return true
					}
				}
			}
		}
	}
	return false
}
