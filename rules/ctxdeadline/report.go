package ctxdeadline

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

// maxRelated bounds the remote calls listed as related locations.
const maxRelated = 3

// report reports one finding per origin, in source order, naming the
// first remote call it reaches and listing the others as related
// locations.
func (c *checker) report(r *lint.Reporter) {
	calls := c.callExprs()
	span := func(pos token.Pos) (token.Pos, token.Pos) {
		if ce := calls[pos]; ce != nil {
			return ce.Pos(), ce.End()
		}
		return pos, token.NoPos
	}
	var ds []analysis.Diagnostic
	evidence := map[token.Pos]*lint.Evidence{} // for refine
	for _, f := range c.findings {
		if remote.TestHelper(f.o.fn) {
			continue // test code outside _test.go files: see remote.TestHelper
		}
		slices.SortFunc(f.hits, func(a, b hit) int {
			return cmp.Or(c.comparePos(a.pos, b.pos), strings.Compare(a.desc, b.desc))
		})
		d := analysis.Diagnostic{Message: c.message(f, f.hits[0])}
		d.Pos, d.End = span(f.o.pos)
		if f.o.anchor != "" {
			// A consumer's loop or callback: the read itself waits by
			// design, the call is what lacks a deadline.
			d.Pos, d.End = span(f.hits[0].pos)
		}
		switch f.o.kind {
		case requestCtx:
			d.Category = CategoryRequest
		case incomingCtx:
			d.Category = CategoryIncoming
		case consumerCtx:
			d.Category = CategoryConsumer
		}
		for i, h := range f.hits {
			if i == maxRelated {
				break
			}
			if i == 0 && f.o.anchor != "" {
				continue // the finding's own position
			}
			pos, end := span(h.pos)
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, End: end, Message: "the context reaches " + h.desc + " here"})
		}
		if f.o.anchor != "" {
			pos, end := span(f.o.pos)
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, End: end, Message: f.o.anchor})
		}
		if r := f.hits[0].ready; r.what != "" && r.pos.IsValid() {
			pos, end := span(r.pos)
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos, End: end, Message: "the call waits for the server to become ready: " + r.what})
		}
		if c.system {
			evidence[d.Pos] = &lint.Evidence{Sites: sitesOf(f), Entry: f.o.entry}
		}
		ds = append(ds, d)
	}
	ds = append(ds, c.droppedDiagnostics(span)...)
	slices.SortFunc(ds, func(a, b analysis.Diagnostic) int {
		return cmp.Or(c.comparePos(a.Pos, b.Pos), strings.Compare(a.Message, b.Message))
	})
	for _, d := range ds {
		r.ReportEvidence(d, evidence[d.Pos])
	}
}

// comparePos orders positions by file name and offset: the order of
// token.Pos values across files depends on the order the driver parsed
// them in, which go/packages does concurrently.
func (c *checker) comparePos(a, b token.Pos) int {
	pa, pb := c.pass.Fset.Position(a), c.pass.Fset.Position(b)
	return cmp.Or(strings.Compare(pa.Filename, pb.Filename), cmp.Compare(pa.Offset, pb.Offset))
}

// callExprs indexes the package's call expressions by the position of
// their left parenthesis, which is the position SSA gives a call, so that
// findings can span the whole call.
func (c *checker) callExprs() map[token.Pos]*ast.CallExpr {
	m := map[token.Pos]*ast.CallExpr{}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if ce, ok := n.(*ast.CallExpr); ok {
				m[ce.Lparen] = ce
			}
			return true
		})
	}
	return m
}

// message says where the context comes from, which remote call it
// reaches, what happens without a deadline, and how to fix it.
func (c *checker) message(f *finding, h hit) string {
	o := f.o
	none := "with no deadline"
	if f.derived != "" {
		none += " (" + f.derived + " adds none)"
	}
	reach := h.desc + " " + none
	target := h.desc
	cons := consequence(h)
	if h.ready.what != "" {
		// WaitForReady: the call queues while the server is down.
		reach = h.desc + ", which waits for the server to become ready " + none
		target = h.desc + ", which waits for the server to become ready with no deadline"
		cons = h.ready.what + " makes the call wait for as long as the server is down or unreachable, and a hung server blocks it forever"
	}
	if h.kind == remote.HTTP {
		switch h.transport {
		case TransportHeader:
			cons = "only the transport's ResponseHeaderTimeout bounds the request, so a server that stalls once it has sent its headers blocks it forever"
		case TransportUnknown:
			cons = "nothing in view bounds the request: unless its transport bounds the wait, a server that stops responding blocks it forever"
		}
	}
	if msg, ok := frameworkMessage(o, f, target, reach, cons); ok {
		return msg
	}
	switch o.kind {
	case consumerCtx:
		return consumerMessage(o, f, target, cons)
	case droppedCtx:
		return fmt.Sprintf("context.WithoutCancel drops the deadline of its parent: the context reaches %s: %s; bound it with context.WithTimeout", reach, cons)
	case helperCtx:
		return fmt.Sprintf("%s returns a context with no deadline (%s) that reaches %s: %s; derive a context with context.WithTimeout", o.what, o.inner, target, cons)
	case incomingCtx:
		reaches := "it reaches " + target
		if f.derived != "" {
			reaches += " (" + f.derived + " adds no deadline)"
		}
		return fmt.Sprintf("the incoming context of %s has no deadline when its caller sets none, and a caller does: %s: %s; derive it with context.WithTimeout, or set a deadline in every caller", o.what, reaches, cons)
	case requestCtx:
		reaches := "it reaches " + target
		if f.derived != "" {
			reaches += " (" + f.derived + " adds no deadline)"
		}
		return fmt.Sprintf("the request context of %s has no deadline unless the handler is wrapped by http.TimeoutHandler: %s: %s; derive it with context.WithTimeout or wrap the handler with http.TimeoutHandler", o.what, reaches, cons)
	}
	if name := ctxParamName(o.fn); name != "" {
		return fmt.Sprintf("%s drops the deadline of %s: it reaches %s: %s; pass %s on (context.WithoutCancel(%s) for work that must outlive it) and bound it with context.WithTimeout", o.what, name, reach, cons, name, name)
	}
	if reqName := requestParamName(o.fn); reqName != "" {
		return fmt.Sprintf("%s drops the request's context: it reaches %s: %s; derive the context from %s.Context() with context.WithTimeout", o.what, reach, cons, reqName)
	}
	return fmt.Sprintf("%s reaches %s: %s; derive a context with context.WithTimeout", o.what, reach, cons)
}

// consequence says what a missing deadline means for the call hit.
func consequence(h hit) string {
	if h.hang != "" {
		return h.hang
	}
	return h.kind.Hang()
}

// ctxParamName returns the name of the first context parameter of fn or
// of the functions enclosing it, or "".
func ctxParamName(fn *ssa.Function) string {
	for ; fn != nil; fn = fn.Parent() {
		for _, p := range fn.Params {
			if remote.IsContext(p.Type()) && p.Name() != "_" && p.Name() != "" {
				return p.Name()
			}
		}
	}
	return ""
}

// requestParamName returns the name of the *http.Request parameter of fn
// or of the functions enclosing it, or "".
func requestParamName(fn *ssa.Function) string {
	for ; fn != nil; fn = fn.Parent() {
		for _, p := range fn.Params {
			if lint.IsNamed(p.Type(), "net/http", "Request") && isRequest(p.Type()) && p.Name() != "_" {
				return p.Name()
			}
		}
	}
	return ""
}
