package resilience

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Telemetry that does not travel with a value as it is built: package
// variables that hold instrumentation (grpc_prometheus' interceptors), calls
// that instrument a client after it was built (redisotel.InstrumentTracing(rdb),
// ClientOptions.SetMonitor), and fields whose setting instruments a
// configuration (pgx ConnConfig.Tracer). The last two mark the values the
// instrumented object comes from: a receiver whose origins include one is
// observed.

var (
	telVars = func() map[string]bool {
		m := map[string]bool{}
		for _, a := range catalog.TelemetryAPIs {
			if a.Role == catalog.TelVar {
				m[a.Name] = true
			}
		}
		return m
	}()
	telMarks = func() *lint.FuncSet {
		var names []string
		for _, a := range catalog.TelemetryAPIs {
			if a.Role == catalog.TelMarks || a.Role == catalog.TelSets {
				names = append(names, a.Name)
			}
		}
		return lint.NewFuncSet(names...)
	}()
	telMarkArg = func() map[string]int {
		m := map[string]int{}
		for _, a := range catalog.TelemetryAPIs {
			switch a.Role {
			case catalog.TelMarks:
				m[a.Name] = a.Args
			case catalog.TelSets:
				m[a.Name] = -1
			}
		}
		return m
	}()
	telFields = func() map[string]bool {
		m := map[string]bool{}
		for _, a := range catalog.TelemetryAPIs {
			if a.Role == catalog.TelField {
				m[a.Name] = true
			}
		}
		return m
	}()
)

// globalKinds returns the protections of a package variable of a library.
func globalKinds(g *ssa.Global) Kind {
	if g.Pkg == nil || g.Pkg.Pkg == nil {
		return 0
	}
	if telVars[g.Pkg.Pkg.Path()+"."+g.Name()] {
		return Telemetry
	}
	return 0
}

// implementsRoundTripper reports whether t (or a pointer to it) is an
// http.RoundTripper.
func implementsRoundTripper(t types.Type) bool { return roundTripperShape(t) }

// roundTripperShape reports whether t has a method RoundTrip(*http.Request)
// (*http.Response, error), or is the interface.
func roundTripperShape(t types.Type) bool {
	if lint.IsNamed(t, "net/http", "RoundTripper") {
		return true
	}
	ms := types.NewMethodSet(t)
	if _, ok := t.(*types.Pointer); !ok {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	sel := ms.Lookup(nil, "RoundTrip")
	if sel == nil {
		return false
	}
	sig, ok := sel.Type().(*types.Signature)
	return ok && sig.Params().Len() == 1 && sig.Results().Len() == 2 &&
		lint.IsNamed(sig.Params().At(0).Type(), "net/http", "Request") &&
		lint.IsNamed(sig.Results().At(0).Type(), "net/http", "Response")
}

// telemetryMarked reports whether the value is one that a call or a
// field store of the package instruments in place.
func (pt *Protections) telemetryMarked(v ssa.Value) bool {
	if pt.telMarked == nil {
		// While the marks are computed, the kinds of a setter's argument
		// are asked (SetMonitor's monitor): they see no marks, which
		// they do not depend on, instead of asking for the marks again.
		pt.telMarked = map[ssa.Value]bool{}
		pt.telMarked = pt.findTelemetryMarks()
	}
	return pt.telMarked[v]
}

// findTelemetryMarks returns the origins of the objects the package
// instruments after building them.
func (pt *Protections) findTelemetryMarks() map[ssa.Value]bool {
	marked := map[ssa.Value]bool{}
	mark := func(obj ssa.Value) {
		if obj == nil {
			return
		}
		pt.origins(rootOf(obj), func(o ssa.Value) { marked[o] = true })
	}
	for _, fn := range pt.funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case ssa.CallInstruction:
					c := instr.Common()
					callee := ir.Callee(c)
					name, ok := telMarks.Entry(callee)
					if !ok {
						continue
					}
					idx := telMarkArg[name]
					if idx < 0 {
						// A setter: the receiver (the client, for a
						// method promoted from an embedded field) is
						// instrumented when what it is given is
						// telemetry.
						if recv := ir.Receiver(c); recv != nil && pt.argsKinds(c, 0)&Telemetry != 0 {
							pt.origins(ir.Unembed(recv), func(o ssa.Value) { marked[o] = true })
						}
						continue
					}
					if a := ir.Arg(c, idx); a != nil {
						// The client itself: wherever it comes from
						// (a variable, a field set earlier).
						pt.origins(ir.Peel(a), func(o ssa.Value) { marked[o] = true })
					}
				case *ssa.Store:
					fa, ok := instr.Addr.(*ssa.FieldAddr)
					if !ok || isNil(instr.Val) {
						continue
					}
					f := ir.FieldVar(fa)
					st := ir.Peel(fa.X).Type()
					if p, ok := st.Underlying().(*types.Pointer); ok {
						st = p.Elem()
					}
					if f == nil || !telFields[ir.TypeKey(st)+"."+f.Name()] {
						continue
					}
					mark(fa.X)
				}
			}
		}
	}
	return marked
}

// rootOf returns the object whose part v addresses: the struct a field of
// which v is (or was loaded from), the value itself otherwise.
func rootOf(v ssa.Value) ssa.Value {
	for range 8 {
		switch x := ir.Peel(v).(type) {
		case *ssa.FieldAddr:
			v = x.X
		case *ssa.Field:
			v = x.X
		case *ssa.UnOp:
			if x.Op != token.MUL {
				return x
			}
			if _, ok := x.X.(*ssa.FieldAddr); !ok {
				return x
			}
			v = x.X
		default:
			return ir.Peel(v)
		}
	}
	return v
}

// carries returns the telemetry that the first result of fn carries when
// it is a client, a transport or a connection of a library faultline
// models (or an http.RoundTripper): for the Fact, so that a client built
// in one package and used in another keeps its instrumentation.
func (pt *Protections) carries(fn *ssa.Function) Kind {
	res := fn.Signature.Results()
	if res.Len() == 0 || len(fn.Blocks) == 0 {
		return 0
	}
	t := res.At(0).Type()
	if !carrierType(t) {
		return 0
	}
	var k Kind
	returns(fn, 0, func(v ssa.Value) { k |= pt.kindsOf(v) & Telemetry })
	return k
}

// carrierType reports whether values of type t can carry a client's
// telemetry: a type of a modelled client library, an http.RoundTripper.
func carrierType(t types.Type) bool {
	key := ir.TypeKey(t)
	if key == "" {
		return false
	}
	if lint.IsNamed(t, "net/http", "RoundTripper") || lint.IsNamed(t, "net/http", "Client") {
		return true
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			n, _ = types.Unalias(p.Elem()).(*types.Named)
		}
	}
	if n == nil || n.Obj().Pkg() == nil {
		return false
	}
	return ir.Modelled(n.Obj().Pkg().Path())
}

// GRPCConnOptions returns the dial options of the connections v may be (a
// connection, or a generated client built on one), followed through
// helpers and facts; complete is false when some option cannot be seen,
// found when no dial is in view.
func (pt *Protections) GRPCConnOptions(v ssa.Value) (opts []GRPCOption, complete, found bool) {
	if pt == nil || v == nil {
		return nil, false, false
	}
	return pt.grpcConnOptions(v)
}

// StoresTo returns the values stored into field f of the struct a points
// to, in its literal and later through any pointer that comes from a
// (c := &http.Client{}; c.Transport = t).
func (pt *Protections) StoresTo(a *ssa.Alloc, f *types.Var) []ssa.Value {
	if pt == nil {
		return nil
	}
	return pt.storesTo(a, f)
}

// GlobalStores returns the values the package stores into a package
// variable (its own or another package's: http.DefaultTransport).
func (pt *Protections) GlobalStores(g *ssa.Global) []ssa.Value {
	if pt == nil {
		return nil
	}
	return pt.globalStores[g]
}

// KindsOf returns the protections a value carries (a transport, a client,
// an option), as ClientGuard reads a receiver.
func (pt *Protections) KindsOf(v ssa.Value) Kind {
	if pt == nil || v == nil {
		return 0
	}
	return pt.kindsOf(v)
}
