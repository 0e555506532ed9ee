package resilience

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// StreamKind is the kind of a gRPC method as its generated client shows
// it.
type StreamKind int

// Kinds of gRPC methods.
const (
	NotStream    StreamKind = iota // a unary call, or not a gRPC stream
	ClientStream                   // ClientStreams only: Send, then CloseAndRecv
	ServerStream                   // ServerStreams only: one request, then Recv
	BidiStream                     // ClientStreams and ServerStreams: Send and Recv
)

// StreamKindOf returns the kind of stream the call of a generated gRPC
// client method opens, from the type it returns: protoc-gen-go-grpc
// derives it from the method's StreamDesc (ClientStreams, ServerStreams),
// as grpc.BidiStreamingClient, grpc.ServerStreamingClient and
// grpc.ClientStreamingClient, or as an interface of its own embedding
// grpc.ClientStream with Send, Recv or CloseAndRecv.
func StreamKindOf(call ssa.CallInstruction) StreamKind {
	sig := call.Common().Signature()
	if sig == nil || sig.Results().Len() != 2 {
		return NotStream
	}
	t := sig.Results().At(0).Type()
	if !types.IsInterface(t) || !isError(sig.Results().At(1).Type()) {
		return NotStream // generated stream clients are interfaces
	}
	ms := types.NewMethodSet(t)
	has := func(name string) bool { return hasMethod(ms, name) }
	if !has("RecvMsg") || !has("SendMsg") || !has("CloseSend") {
		return NotStream // not a grpc.ClientStream
	}
	switch {
	case has("CloseAndRecv"):
		return ClientStream
	case has("Send") && has("Recv"):
		return BidiStream
	case has("Recv"):
		return ServerStream
	}
	return NotStream
}

// hasMethod reports whether the method set has an exported method name.
func hasMethod(ms *types.MethodSet, name string) bool {
	for i := range ms.Len() {
		if ms.At(i).Obj().Name() == name {
			return true
		}
	}
	return false
}

// LongLivedStream reports whether the gRPC call opens a stream held for
// the life of a connection or a goroutine rather than for one request: a
// bidirectional stream (an xDS aggregated-discovery session, a chat), or
// a server stream (a watch, a subscription) opened in a loop (the
// reconnect loop that re-opens it when it ends) or in a function that runs
// as a goroutine (started with go in this package). A breaker does not fit
// such a stream: its failure is a broken connection, handled by
// reconnecting with backoff (see Loops.Reconnects). A client stream (an
// upload ended by CloseAndRecv) and a server stream read in a request are
// request/response calls.
func (r *Result) LongLivedStream(call ssa.CallInstruction) bool {
	if !r.Analysed() || call.Parent() == nil {
		return false
	}
	switch StreamKindOf(call) {
	case BidiStream:
		return true
	case ServerStream:
		return inLoop(call) || r.goroutine(call.Parent())
	}
	return false
}

// inLoop reports whether the call is in a loop of its function.
func inLoop(call ssa.CallInstruction) bool {
	for _, nl := range naturalLoops(call.Parent()) {
		if nl.blocks[call.Block()] {
			return true
		}
	}
	return false
}

// goroutine reports whether fn (or the function it is declared in) is
// started with go in this package.
func (ix *pkgIndex) goroutine(fn *ssa.Function) bool {
	for f := fn; f != nil; f = f.Parent() {
		for _, c := range ix.staticCalls[f] {
			if _, ok := c.(*ssa.Go); ok {
				return true
			}
		}
		for _, u := range ix.funcUses[f] {
			if mc, ok := u.(*ssa.MakeClosure); ok {
				for _, r := range referrersOf(mc) {
					if g, ok := r.(*ssa.Go); ok && g.Call.Value == mc {
						return true
					}
				}
			}
		}
	}
	return false
}

func referrersOf(v ssa.Value) []ssa.Instruction {
	if rs := v.Referrers(); rs != nil {
		return *rs
	}
	return nil
}
