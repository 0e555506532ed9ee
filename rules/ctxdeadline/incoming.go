package ctxdeadline

import (
	"fmt"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

// CategoryIncoming is the Diagnostic.Category of findings whose context is
// the incoming context of a gRPC method. A gRPC deadline travels with the
// call, so that context has one exactly when the caller set one: these
// findings are reported only to a driver that joins the code to the whole
// system (Config.System), whose Refine keeps them when a caller is seen
// calling the service with a context that has no deadline, and drops them
// otherwise (no caller known, or every caller bounded). Under go vet the
// incoming context is its caller's business, as before.
const CategoryIncoming = "incoming-context"

// grpcRegistrar is the first parameter of a generated RegisterXServer.
func grpcRegistrar(t types.Type) bool {
	return lint.IsNamed(t, "google.golang.org/grpc", "ServiceRegistrar") || lint.IsNamed(t, "google.golang.org/grpc", "Server")
}

// incomingParam reports whether p is the incoming context of a unary gRPC
// method: the first parameter after the receiver of a method
// (ctx, *Request) (*Response, error) that implements a method of a
// generated server interface (see serverIfaces). It returns the method's
// full name ("/pkg.Service/Method") when the generated code declares it
// (the <Service>_<Method>_FullMethodName constant), or "". Streaming
// methods take their context from the stream: see streamParam.
func (c *checker) incomingParam(p *ssa.Parameter) (string, bool) {
	fn := p.Parent()
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Signature.Recv() == nil || len(fn.Params) != 3 || fn.Params[1] != p {
		return "", false
	}
	sig := fn.Signature
	if sig.Results().Len() != 2 {
		return "", false
	}
	ptr, ok := types.Unalias(sig.Params().At(1).Type()).(*types.Pointer)
	if !ok {
		return "", false
	}
	req, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok || req.Obj().Pkg() == nil {
		return "", false
	}
	return c.implements(obj, req.Obj().Pkg())
}

// implements returns the full name of the method of a generated server
// interface of one of pkgs that the method obj implements, with its
// signature, on a receiver that implements the whole interface.
func (c *checker) implements(obj *types.Func, pkgs ...*types.Package) (string, bool) {
	sig := obj.Signature()
	recv := sig.Recv().Type()
	for _, pkg := range pkgs {
		for _, iface := range c.serverIfaces(pkg) {
			m, _, _ := types.LookupFieldOrMethod(iface, false, nil, obj.Name())
			mf, ok := m.(*types.Func)
			if !ok || !types.Identical(stripRecv(mf.Signature()), stripRecv(sig)) {
				continue
			}
			if types.Implements(recv, iface.Underlying().(*types.Interface)) {
				return fullMethodName(iface, obj.Name()), true
			}
		}
	}
	return "", false
}

// streamParam reports whether p is the stream of a streaming gRPC method:
// the last parameter of a method (*Request, Svc_ListServer) error (a
// server stream) or (Svc_ChatServer) error (a client or bidirectional
// stream) that implements a method of a generated server interface (see
// serverIfaces), the stream being a grpc.ServerStream, whose Context() is
// the method's incoming context. It returns the method's full name, as
// incomingParam does. The generated package is the one that declares the
// stream's type (an interface of its own in protoc-gen-go-grpc before
// 1.4, an alias of grpc.ServerStreamingServer[T] and its kin since) or
// the request's, or else one that this package imports.
func (c *checker) streamParam(p *ssa.Parameter) (string, bool) {
	fn := p.Parent()
	obj, ok := fn.Object().(*types.Func)
	if !ok || fn.Signature.Recv() == nil || len(fn.Params) < 2 || len(fn.Params) > 3 || fn.Params[len(fn.Params)-1] != p {
		return "", false
	}
	sig := fn.Signature
	if sig.Results().Len() != 1 || !isServerStream(p.Type()) {
		return "", false
	}
	var pkgs []*types.Package
	for i := range sig.Params().Len() {
		t := sig.Params().At(i).Type()
		if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
			t = ptr.Elem()
		}
		var tn *types.TypeName
		switch t := t.(type) {
		case *types.Alias:
			tn = t.Obj()
		case *types.Named:
			tn = t.Obj()
		}
		if tn != nil && tn.Pkg() != nil && !slices.Contains(pkgs, tn.Pkg()) {
			pkgs = append(pkgs, tn.Pkg())
		}
	}
	// Written with grpc's generic types (grpc.ServerStreamingServer[T]),
	// the stream names no generated package, nor does a client stream's
	// method name a request: the server interface is then one of a
	// package this one imports (or this one).
	for _, pkg := range append(c.pass.Pkg.Imports(), c.pass.Pkg) {
		if !slices.Contains(pkgs, pkg) {
			pkgs = append(pkgs, pkg)
		}
	}
	return c.implements(obj, pkgs...)
}

// isServerStream reports whether t is a grpc.ServerStream: an interface
// with its methods (generated stream interfaces embed it).
func isServerStream(t types.Type) bool {
	if !types.IsInterface(t) {
		return false
	}
	ms := types.NewMethodSet(t)
	for _, name := range []string{"Context", "SendMsg", "RecvMsg", "SetHeader", "SendHeader", "SetTrailer"} {
		if !hasMethod(ms, name) {
			return false
		}
	}
	return true
}

// hasMethod reports whether the method set has a method name.
func hasMethod(ms *types.MethodSet, name string) bool {
	for i := range ms.Len() {
		if ms.At(i).Obj().Name() == name {
			return true
		}
	}
	return false
}

// streamContext returns, under Config.System, the incoming context that
// call reads: stream.Context() on the stream parameter of a streaming
// gRPC method (see streamParam).
func (c *checker) streamContext(call *ssa.Call, callee *types.Func) (*flow, bool) {
	if !c.system || callee == nil || callee.Name() != "Context" || !call.Call.IsInvoke() {
		return nil, false
	}
	p, ok := ir.Peel(call.Call.Value).(*ssa.Parameter)
	if !ok || !remote.IsContext(call.Type()) {
		return nil, false
	}
	method, ok := c.streamParam(p)
	if !ok {
		return nil, false
	}
	fn := p.Parent()
	return &flow{origins: []entry{{o: &origin{pos: call.Pos(), kind: incomingCtx, what: grpcMethodLabel(fn), fn: call.Parent(), entry: method}}}}, true
}

// fullMethodName returns the value of the constant that generated code
// declares for a method of the server interface iface
// (PaymentService_Charge_FullMethodName for PaymentServiceServer.Charge),
// or "".
func fullMethodName(iface *types.Named, method string) string {
	svc := strings.TrimSuffix(iface.Obj().Name(), "Server")
	k, ok := iface.Obj().Pkg().Scope().Lookup(svc + "_" + method + "_FullMethodName").(*types.Const)
	if !ok || k.Val().Kind() != constant.String {
		return ""
	}
	return constant.StringVal(k.Val())
}

// serverIfaces returns the gRPC server interfaces that the generated code
// of pkg declares: the second parameter of each RegisterXServer(s
// grpc.ServiceRegistrar, srv XServer).
func (c *checker) serverIfaces(pkg *types.Package) []*types.Named {
	if ifs, ok := c.servers[pkg]; ok {
		return ifs
	}
	var ifs []*types.Named
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		if !strings.HasPrefix(name, "Register") {
			continue
		}
		fn, ok := scope.Lookup(name).(*types.Func)
		if !ok {
			continue
		}
		sig := fn.Signature()
		if sig.Params().Len() != 2 || !grpcRegistrar(sig.Params().At(0).Type()) {
			continue
		}
		if n, ok := types.Unalias(sig.Params().At(1).Type()).(*types.Named); ok && types.IsInterface(n) && n.Obj().Pkg() == pkg {
			ifs = append(ifs, n)
		}
	}
	c.servers[pkg] = ifs
	return ifs
}

// stripRecv returns sig without its receiver, to compare a method with an
// interface's.
func stripRecv(sig *types.Signature) *types.Signature {
	return types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
}

// maxAt bounds the positions a sink keeps (Sink.At).
const maxAt = 8

// chainAt is Sink.At for a use at s whose calls below s are below: the
// call at s first.
func (c *checker) chainAt(s site, below string) string {
	at := c.pass.Fset.Position(s.call.Pos()).String()
	if below == "" {
		return at
	}
	if strings.Count(below, "\n") >= maxAt-1 {
		below = below[:strings.LastIndexByte(below, '\n')]
	}
	return at + "\n" + below
}

// sitesOf returns the positions of the calls the finding f's context
// passes through, for refine.
func sitesOf(f *finding) []token.Position {
	var out []token.Position
	for _, h := range f.hits {
		for _, s := range strings.Split(h.at, "\n") {
			if p, ok := parsePosition(s); ok && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// parsePosition parses "file:line:col".
func parsePosition(s string) (token.Position, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return token.Position{}, false
	}
	j := strings.LastIndexByte(s[:i], ':')
	if j < 0 {
		return token.Position{}, false
	}
	line, err1 := strconv.Atoi(s[j+1 : i])
	col, err2 := strconv.Atoi(s[i+1:])
	if err1 != nil || err2 != nil {
		return token.Position{}, false
	}
	return token.Position{Filename: s[:j], Line: line, Column: col}, true
}

// grpcMethodLabel names a gRPC method for messages.
func grpcMethodLabel(fn *ssa.Function) string {
	return "gRPC method " + funcLabel(fn)
}

// refine judges ctxdeadline's findings on the system graph g.
//
// A request-context finding is dropped for a service whose requests are
// bounded upstream (boundedUpstream): every caller bounds them, so the
// handlers' contexts are cancelled when the caller gives up.
//
// An incoming-context finding is kept only when a caller is seen calling
// its service with a context that has no deadline: an edge into the
// service whose call site is one that another kept finding of this rule
// reaches (a request context of an unbounded service, a
// context.Background(), another gRPC method's incoming context that is
// itself kept), or, for an edge the topology declares with no call in the
// code, one with no timeout, no deadline and no bounded propagation (an
// entrypoint with no timeout declared is not evidence: the users' clients
// may set deadlines faultline cannot see). The kept finding names that caller's call as
// a related position. Incoming contexts are judged to a fixed point, so a
// missing deadline travels down a chain of services; with no caller known
// the finding is dropped, as a deadline set by an unseen caller cannot be
// ruled out.
func refine(g *graph.Graph, fs []lint.CodeFinding) []lint.Verdict {
	out := make([]lint.Verdict, len(fs))
	memo := map[string]bool{}
	unbounded := map[graph.Pos]bool{}
	by := map[graph.Pos]int{} // the finding that reaches each unbounded call
	mark := func(i int) {
		f := fs[i]
		if f.Suppressed {
			return
		}
		sites := f.Sites
		if sites == nil {
			sites = f.Related
		}
		for _, p := range sites {
			unbounded[p] = true
			if _, ok := by[p]; !ok {
				by[p] = i
			}
		}
	}
	var pending []int
	for i, f := range fs {
		switch {
		case f.Category == CategoryIncoming:
			out[i].Drop = true
			if f.Service != "" {
				pending = append(pending, i)
			}
			continue
		case f.Category == CategoryRequest && f.Service != "" && boundedUpstream(g, f.Service, memo, map[string]bool{}):
			out[i].Drop = true
			continue
		}
		mark(i)
	}
	for changed := true; changed; {
		changed = false
		for _, i := range pending {
			if !out[i].Drop {
				continue
			}
			if cause, ok := unboundedCaller(g, fs[i].Service, fs[i].Entry, unbounded, memo); ok {
				out[i] = lint.Verdict{Related: []lint.Related{cause}}
				if j, ok := by[cause.Pos]; ok {
					out[i].Upstream = j + 1
				}
				mark(i)
				changed = true
			}
		}
	}
	return out
}

// unboundedCaller returns a caller of service s that calls it with no
// deadline (see refine), as a related position.
func unboundedCaller(g *graph.Graph, s, entry string, unbounded map[graph.Pos]bool, memo map[string]bool) (lint.Related, bool) {
	for _, e := range g.In(s) {
		if !e.Sync() {
			continue
		}
		if len(e.Calls) > 0 {
			for _, c := range e.Calls {
				if unbounded[c.Pos] && (entry == "" || c.Kind != "grpc" || c.API == entry) {
					return lint.Related{Pos: c.Pos, Message: fmt.Sprintf("%s calls %s here with a context that has no deadline", e.From, s)}, true
				}
			}
			continue
		}
		if e.Timeout > 0 || e.Deadline > 0 || e.TimeoutUnknown || (e.PropagatesDeadline && boundedUpstream(g, e.From, memo, map[string]bool{})) {
			continue
		}
		return lint.Related{Pos: e.Pos, Message: fmt.Sprintf("the topology declares %s → %s with no timeout or deadline", e.From, s)}, true
	}
	return lint.Related{}, false
}

// group words the summary line of the findings a missing deadline at top
// causes across services.
func group(top lint.CodeFinding, calls, services int) string {
	fix := "set a deadline there once (context.WithTimeout)"
	what := "context"
	switch top.Category {
	case CategoryRequest:
		what = "request context"
		fix = "bound the handler once (http.TimeoutHandler, or context.WithTimeout on its context)"
	case CategoryIncoming:
		what = "incoming context"
	}
	svc := top.Service
	if svc == "" {
		svc = "a service"
	}
	return fmt.Sprintf("%s's %s at %s:%d reaches %d call%s in %d service%s with no deadline: %s",
		svc, what, top.Pos.File, top.Pos.Line, calls, plural(calls), services, plural(services), fix)
}

// minServiceGroup is how many request-context findings of one service make
// a summary line of their own.
const minServiceGroup = 3

// serviceGroup words the summary line of a service's request-context
// findings (fs are of one category), when there are at least
// minServiceGroup: the handlers of its server run with no deadline, and
// one timeout at the server (http.TimeoutHandler, the framework's timeout
// middleware) bounds every one of them.
func serviceGroup(n *graph.Node, fs []lint.CodeFinding) string {
	if len(fs) < minServiceGroup || fs[0].Category != CategoryRequest {
		return ""
	}
	calls := map[graph.Pos]bool{}
	for _, f := range fs {
		for _, p := range f.Related {
			calls[p] = true
		}
	}
	where := ""
	if h := n.Health; h != nil && h.Server.Protocol == "http" && h.Server.Pos.File != "" {
		where = fmt.Sprintf(" at %s:%d", h.Server.Pos.File, h.Server.Pos.Line)
	}
	return fmt.Sprintf("%s's handlers reach %d call%s with request contexts that have no deadline: bound them once at the server%s (http.TimeoutHandler, or the framework's timeout middleware)",
		n.Name, len(calls), plural(len(calls)), where)
}
