package ctxdeadline

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Message consumers as roots (issue 21, part 2).
//
// Work that starts from a queue has no caller to give it a deadline. The
// context a message's handler runs its remote calls with is the
// consumer's: long-lived, cancelled at shutdown or rebalance, never
// bounded per message. A remote call reached with it waits as long as the
// dependency takes, and the consumer's later messages wait behind it.
// Four shapes, all from the catalogue's data (catalog/consumers.go):
//
//   - a library hands the handler a context: sarama's
//     ConsumerGroupSession.Context() in ConsumeClaim, watermill's
//     Message.Context(). The origin is that call, as a request
//     context's is r.Context().
//   - a loop that waits for the next message (kafka-go's ReadMessage and
//     FetchMessage, franz-go's PollFetches, SQS ReceiveMessage, NATS
//     NextMsg) or receives messages from a channel of a library's message
//     type (amqp091 deliveries, sarama's claim.Messages()): a call made
//     in the innermost loop that holds the read, with a context that
//     comes from outside the loop and has no deadline, is made per
//     message with the loop's context. The origin is the read.
//   - a callback the library calls per message (a function literal
//     whose only parameter is a message: NATS Subscribe, JetStream
//     Consume, watermill handlers) that uses a context captured from the
//     function that registers it. The origin is the callback.
//   - a handler the library calls per message with a context of its
//     own as the first parameter (catalog.ConsumerCallbacks: Pub/Sub's
//     Receive, watermill's cqrs handlers). The origin is that parameter.
//
// A context created inside the loop or handler (context.Background())
// keeps its own finding (an error, as anywhere). A context bounded once
// outside the loop (a deadline shared by every message) is a deadline:
// the consumer then fails loudly when it expires, it does not hang, and
// the rule stays silent on it. A loop's context that comes from a
// parameter is reported here instead of being passed up to the callers:
// bounding the caller's context would stop the consumer, the fix is a
// deadline per message.

// CategoryConsumer is the Diagnostic.Category of findings whose context
// is a message consumer's: a remote call made, while handling a message,
// with a context that has no deadline per message.
const CategoryConsumer = "consumer-context"

var (
	consumerCtxFuncs  = funcSet(catalog.ConsumerContexts, func(cc catalog.ConsumerContext) []string { return []string{cc.Func} })
	consumerBounders  = funcSet(catalog.ConsumerContexts, func(cc catalog.ConsumerContext) []string { return cc.Bounders })
	consumerReplacers = funcSet(catalog.ConsumerContexts, func(cc catalog.ConsumerContext) []string { return cc.Replacers })
	consumerCallbacks = funcSet(catalog.ConsumerCallbacks, func(cb catalog.ConsumerCallback) []string { return []string{cb.Func} })
	callbackBounders  = funcSet(catalog.ConsumerCallbacks, func(cb catalog.ConsumerCallback) []string { return cb.Bounders })
	messageReads      = funcSet(catalog.MessageReads, func(r catalog.MessageRead) []string { return []string{r.Func} })
)

// funcSet is the set of the functions names gives for the catalogue's
// entries.
func funcSet[E any](entries []E, names func(E) []string) *lint.FuncSet {
	var all []string
	for _, e := range entries {
		all = append(all, names(e)...)
	}
	return lint.NewFuncSet(all...)
}

// consumerContext returns the catalogue's entry for fn.
func consumerContext(fn *types.Func) (catalog.ConsumerContext, bool) {
	e, ok := consumerCtxFuncs.Entry(fn)
	if !ok {
		return catalog.ConsumerContext{}, false
	}
	i := slices.IndexFunc(catalog.ConsumerContexts, func(cc catalog.ConsumerContext) bool { return cc.Func == e })
	return catalog.ConsumerContexts[i], true
}

// messageRead returns the catalogue's entry for fn.
func messageRead(fn *types.Func) (catalog.MessageRead, bool) {
	e, ok := messageReads.Entry(fn)
	if !ok {
		return catalog.MessageRead{}, false
	}
	i := slices.IndexFunc(catalog.MessageReads, func(r catalog.MessageRead) bool { return r.Func == e })
	return catalog.MessageReads[i], true
}

// messageType returns the catalogue's entry for the message type t.
func messageType(t types.Type) (catalog.MessageType, bool) {
	_, ptr := types.Unalias(t).(*types.Pointer)
	for _, m := range catalog.MessageTypes {
		if m.Pointer == ptr && lint.IsNamed(t, m.Pkg, m.Name) {
			return m, true
		}
	}
	return catalog.MessageType{}, false
}

// consumerState is what the checker learns of the package's consumers.
type consumerState struct {
	bounded  map[string]bool               // ConsumerContext.Func: a bounding middleware is used in the package
	replaces map[*ssa.Function]bool        // the function replaces a consumer context
	loops    map[*ssa.Function][]*msgLoop  // consumer loops, innermost first
	origins  map[any]*origin               // per anchor: one finding per loop or handler
	handlers map[*ssa.Function]*msgHandler // message handlers (function literals)
	// callbacks are the package's functions handed to a library that
	// calls them per message with a context of its own (Pub/Sub's
	// Receive, watermill's cqrs handlers), and boundedCb the callbacks'
	// Func whose bounding middleware the package uses.
	callbacks map[*ssa.Function]*catalog.ConsumerCallback
	boundedCb map[string]bool
}

// msgLoop is a natural loop that waits for messages.
type msgLoop struct {
	body   map[*ssa.BasicBlock]bool
	anchor ssa.Instruction // the read, or the receive
	label  string
	stall  string
}

// msgHandler is a function literal a library calls per message.
type msgHandler struct {
	label, stall string
}

func (c *checker) consumers() *consumerState {
	if c.cons != nil {
		return c.cons
	}
	s := &consumerState{
		bounded:   map[string]bool{},
		replaces:  map[*ssa.Function]bool{},
		loops:     map[*ssa.Function][]*msgLoop{},
		origins:   map[any]*origin{},
		handlers:  map[*ssa.Function]*msgHandler{},
		callbacks: map[*ssa.Function]*catalog.ConsumerCallback{},
		boundedCb: map[string]bool{},
	}
	c.cons = s
	for _, st := range c.sites {
		callee := ir.Callee(st.call.Common())
		if b, ok := callbackBounders.Entry(callee); ok {
			for _, cb := range catalog.ConsumerCallbacks {
				if slices.Contains(cb.Bounders, b) {
					s.boundedCb[cb.Func] = true
				}
			}
		}
		if e, ok := consumerCallbacks.Entry(callee); ok {
			i := slices.IndexFunc(catalog.ConsumerCallbacks, func(cb catalog.ConsumerCallback) bool { return cb.Func == e })
			cb := &catalog.ConsumerCallbacks[i]
			sig := callee.Type().(*types.Signature)
			if fn := c.funcValue(ir.ArgOf(st.call.Common(), sig.Params().Len(), cb.Arg)); fn != nil && s.callbacks[fn] == nil {
				s.callbacks[fn] = cb
			}
		}
		if b, ok := consumerBounders.Entry(callee); ok {
			for _, cc := range catalog.ConsumerContexts {
				if slices.Contains(cc.Bounders, b) {
					s.bounded[cc.Func] = true
				}
			}
		}
		if consumerReplacers.Has(callee) {
			s.replaces[st.fn] = true
		}
	}
	for fn := range c.inPkg {
		s.loops[fn] = c.messageLoops(fn)
		if fn.Parent() != nil && len(fn.Params) == 1 {
			if m, ok := messageType(fn.Params[0].Type()); ok {
				s.handlers[fn] = &msgHandler{label: "the context that a " + m.Label + " handler literal in " + funcLabel(fn.Parent()) + " captures", stall: m.Stall}
			}
		}
	}
	return s
}

// consumerCall is the flow of a call of a library function that returns
// a consumer's context (sarama's session.Context(), watermill's
// msg.Context()), and whether call is one.
func (c *checker) consumerCall(call *ssa.Call, callee *types.Func, idx int) (*flow, bool) {
	cc, ok := consumerContext(callee)
	if !ok {
		return nil, false
	}
	s := c.consumers()
	if idx != 0 || s.bounded[cc.Func] || s.replaces[call.Parent()] {
		return none, true
	}
	return &flow{origins: []entry{{o: &origin{pos: call.Pos(), kind: consumerCtx, what: cc.Label, stall: cc.Stall, fn: call.Parent()}}}}, true
}

// messageLoops returns the natural loops of fn that wait for messages,
// innermost (smallest) first.
func (c *checker) messageLoops(fn *ssa.Function) []*msgLoop {
	var anchors []*msgLoop
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if l := anchorOf(instr); l != nil {
				anchors = append(anchors, l)
			}
		}
	}
	if len(anchors) == 0 {
		return nil
	}
	// Natural loops: a back edge n → h where h dominates n; the body is
	// h and the blocks that reach n without passing through h. Loops of
	// one header are merged.
	bodies := map[*ssa.BasicBlock]map[*ssa.BasicBlock]bool{}
	for _, n := range fn.Blocks {
		for _, h := range n.Succs {
			if !h.Dominates(n) {
				continue
			}
			body := bodies[h]
			if body == nil {
				body = map[*ssa.BasicBlock]bool{h: true}
				bodies[h] = body
			}
			stack := []*ssa.BasicBlock{n}
			for len(stack) > 0 {
				x := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if body[x] {
					continue
				}
				body[x] = true
				stack = append(stack, x.Preds...)
			}
		}
	}
	var out []*msgLoop
	for _, a := range anchors {
		var best map[*ssa.BasicBlock]bool
		for _, h := range fn.Blocks { // in order, for determinism
			body := bodies[h]
			if body != nil && body[a.anchor.Block()] && (best == nil || len(body) < len(best)) {
				best = body
			}
		}
		if best != nil {
			a.body = best
			out = append(out, a)
		}
	}
	slices.SortStableFunc(out, func(a, b *msgLoop) int { return len(a.body) - len(b.body) })
	return out
}

// anchorOf returns the consumer loop instr would anchor: a message read
// of the catalogue, or a receive of a library's message from a channel
// (a range over it, a receive, a select case).
func anchorOf(instr ssa.Instruction) *msgLoop {
	switch x := instr.(type) {
	case ssa.CallInstruction:
		if r, ok := messageRead(ir.Callee(x.Common())); ok {
			return &msgLoop{anchor: instr, label: r.Label, stall: r.Stall}
		}
	case *ssa.UnOp:
		if x.Op == token.ARROW {
			if m, ok := chanMessage(x.X.Type()); ok {
				return &msgLoop{anchor: instr, label: "loop over " + m.Label + " messages", stall: m.Stall}
			}
		}
	case *ssa.Select:
		for _, st := range x.States {
			if st.Dir != types.RecvOnly {
				continue
			}
			if m, ok := chanMessage(st.Chan.Type()); ok {
				return &msgLoop{anchor: instr, label: "loop over " + m.Label + " messages", stall: m.Stall}
			}
		}
	}
	return nil
}

// chanMessage reports whether t is a channel of a library's messages.
func chanMessage(t types.Type) (catalog.MessageType, bool) {
	ch, ok := t.Underlying().(*types.Chan)
	if !ok {
		return catalog.MessageType{}, false
	}
	return messageType(ch.Elem())
}

// consumerOrigin returns the consumer origin of a context used at s, when
// s is a call made per message (in a consumer loop, or in a message
// handler) with a context that comes from outside the loop or handler
// and has no deadline (fl, not empty); nil otherwise. A flow that already
// holds a consumer's context is left as it is.
func (c *checker) consumerOrigin(s site, arg ssa.Value, fl *flow) *origin {
	if fl.empty() || slices.ContainsFunc(fl.origins, func(e entry) bool { return e.o.kind == consumerCtx }) {
		return nil
	}
	return c.scopeOrigin(s.fn, s.call.Block(), arg, 0)
}

// scopeOrigin is consumerOrigin for the context v used in block b of fn.
func (c *checker) scopeOrigin(fn *ssa.Function, b *ssa.BasicBlock, v ssa.Value, depth int) *origin {
	if b == nil || depth > 4 {
		return nil
	}
	s := c.consumers()
	root := ctxRoot(v, 0)
	for _, l := range s.loops[fn] {
		if !l.body[b] {
			continue
		}
		if outside(root, l.body) {
			return c.loopOrigin(fn, l)
		}
		return nil // the context is made in the loop: its own origin decides
	}
	fv, ok := root.(*ssa.FreeVar)
	if !ok {
		return nil
	}
	i := slices.Index(fn.FreeVars, fv)
	for _, mc := range c.closures[fn] {
		if i >= 0 && i < len(mc.Bindings) {
			if o := c.scopeOrigin(mc.Parent(), mc.Block(), mc.Bindings[i], depth+1); o != nil {
				return o
			}
		}
	}
	if h := s.handlers[fn]; h != nil {
		o := s.origins[fn]
		if o == nil {
			o = &origin{pos: fn.Pos(), kind: consumerCtx, what: h.label, stall: h.stall, fn: fn, anchor: "the library calls this handler for each message"}
			s.origins[fn] = o
		}
		return o
	}
	return nil
}

// loopOrigin is the origin of the consumer loop l of fn: one per loop.
func (c *checker) loopOrigin(fn *ssa.Function, l *msgLoop) *origin {
	s := c.consumers()
	o := s.origins[l.anchor]
	if o == nil {
		pos := l.anchor.Pos()
		if call, ok := l.anchor.(ssa.CallInstruction); ok {
			pos = call.Pos()
		}
		if !pos.IsValid() {
			pos = fn.Pos()
		}
		o = &origin{pos: pos, kind: consumerCtx, what: fmt.Sprintf("the context used in the %s in %s", l.label, funcLabel(fn)), stall: l.stall, fn: fn, anchor: "the loop waits for each message here"}
		s.origins[l.anchor] = o
	}
	return o
}

// outside reports whether the value v is defined outside the blocks of a
// loop: a parameter, a free variable, a global, or an instruction of
// another block.
func outside(v ssa.Value, body map[*ssa.BasicBlock]bool) bool {
	switch v := v.(type) {
	case *ssa.Parameter, *ssa.FreeVar, *ssa.Global:
		return true
	case ssa.Instruction:
		return !body[v.Block()]
	}
	return false
}

// ctxRoot follows a context (or request) back through the derivations
// that add no deadline (WithValue, WithCancel, requests built with it,
// interface conversions) to the value it comes from.
func ctxRoot(v ssa.Value, depth int) ssa.Value {
	for ; depth < 16; depth++ {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeInterface:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		case *ssa.UnOp:
			// A variable captured by a closure lives in a cell: the cell
			// (an Alloc, or the free variable that holds its address)
			// says where the variable is declared.
			if x.Op == token.MUL {
				switch x.X.(type) {
				case *ssa.Alloc, *ssa.FreeVar:
					return x.X
				}
			}
			return v
		case *ssa.Phi:
			var r ssa.Value
			for _, e := range x.Edges {
				if e == x {
					continue
				}
				er := ctxRoot(e, depth+1)
				if r != nil && er != r {
					return v
				}
				r = er
			}
			if r == nil {
				return v
			}
			return r
		case *ssa.Extract:
			if call, ok := x.Tuple.(*ssa.Call); ok {
				if a := derivedFrom(call, x.Index); a != nil {
					v = a
					continue
				}
			}
		case *ssa.Call:
			if a := derivedFrom(x, 0); a != nil {
				v = a
				continue
			}
		}
		return v
	}
	return v
}

// derivedFrom returns the context a call's result idx derives from with
// no deadline added (context.WithValue, WithCancel, a request built with
// it), or nil.
func derivedFrom(call *ssa.Call, idx int) ssa.Value {
	callee := ir.Callee(&call.Call)
	e, ok := ctxFuncs.Entry(callee)
	if !ok {
		return nil
	}
	b := ctxTable[e]
	if idx != b.result || (b.how != hDerive && b.how != hReqBuild) {
		return nil
	}
	return argOfFunc(&call.Call, callee, b.arg)
}

// consumerMessage is the message of a consumer-context finding.
func consumerMessage(o *origin, f *finding, target, cons string) string {
	reaches := "it reaches " + target
	if f.derived != "" {
		reaches += " (" + f.derived + " adds no deadline)"
	}
	return fmt.Sprintf("%s has no deadline per message: %s: %s, and %s; derive a context with context.WithTimeout for each message", o.what, reaches, cons, o.stall)
}

// funcValue returns the function of this package a function value is
// made from: a function literal (a closure of it), a declared function,
// or a method value (its bound wrapper resolved to the method); nil
// otherwise.
func (c *checker) funcValue(v ssa.Value) *ssa.Function {
	v = ir.Peel(v)
	if mc, ok := v.(*ssa.MakeClosure); ok {
		v = mc.Fn
	}
	if x, ok := v.(*ssa.Function); ok {
		if fn := c.resolve(x); c.inPkg[fn] {
			return fn
		}
	}
	return nil
}

// callbackCtxFlow is the flow of the context parameter p of a function
// a library calls per message (ConsumerCallbacks): the consumer's
// context, with no deadline per message, unless the package uses the
// library's bounding middleware.
func (c *checker) callbackCtxFlow(p *ssa.Parameter) (*flow, bool) {
	fn := p.Parent()
	s := c.consumers()
	cb := s.callbacks[fn]
	if cb == nil || ir.ParamIndex(p) != 0 {
		return nil, false
	}
	if s.boundedCb[cb.Func] || s.replaces[fn] {
		return none, true
	}
	what := cb.Label + " in " + funcLabel(fn)
	if fn.Parent() != nil {
		what = cb.Label + " in a handler literal in " + funcLabel(fn.Parent())
	}
	return &flow{origins: []entry{{o: &origin{pos: p.Pos(), kind: consumerCtx, what: what, stall: cb.Stall, fn: fn, anchor: "the library calls this handler for each message, with this context"}}}}, true
}
