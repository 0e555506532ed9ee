package callsites

import (
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"github.com/faultline-dev/faultline/rules/internal/ir"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Returns is the object fact of an exported function that returns a
// client or an address built from what it is given or reads: the evidence
// of its Index-th result. Hints naming the function's own parameters
// ("param pkg.Dial#0") are replaced, at each call in another package, by
// the evidence of the argument passed there, so platform.OpenPostgres(dsn)
// called with os.Getenv("DATABASE_URL") gives a *sql.DB with that
// variable and the driver OpenPostgres opens.
type Returns struct {
	Index int
	Hints []Hint
}

// AFact marks Returns as a fact.
func (*Returns) AFact() {}

func (r *Returns) String() string {
	var hs []string
	for _, h := range r.Hints {
		hs = append(hs, h.String())
	}
	return "returns#" + strconv.Itoa(r.Index) + "(" + strings.Join(hs, " ") + ")"
}

// exportReturns exports a Returns fact on every exported function of the
// package whose first tracked result carries evidence.
func (t *tracer) exportReturns() {
	for _, fn := range t.irr.SrcFuncs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || fn.Blocks == nil || !obj.Exported() || fn.TypeParams().Len() > 0 {
			continue
		}
		if recv := fn.Signature.Recv(); recv != nil && !exportedType(recv.Type()) {
			continue
		}
		res := fn.Signature.Results()
		for i := range res.Len() {
			typ := res.At(i).Type()
			if !t.tracked(typ) {
				continue
			}
			var hs []Hint
			// The function's own parameters stay symbolic: each caller
			// in another package puts its argument's evidence in their
			// place, and this package's callers must not lend theirs.
			t.symbolic = ir.Origin(fn)
			t.returns(fn, i, func(v ssa.Value) { hs = append(hs, t.valueHints(v)...) })
			t.symbolic = nil
			hs = evidence(hs)
			// A string that is only a field of something is not evidence
			// worth a fact (String methods); an address read or passed is.
			if isString(typ) && !slices.ContainsFunc(hs, func(h Hint) bool { return h.Kind != Field }) {
				break
			}
			if len(hs) > 0 {
				t.pass.ExportObjectFact(obj, &Returns{Index: i, Hints: hs})
			}
			break
		}
	}
}

// returned returns the evidence of the idx-th result of a call to an
// exported function of another package that carries a Returns fact, its
// own parameters replaced by the evidence of this call's arguments.
func (t *tracer) returned(c *ssa.CallCommon, idx int) ([]Hint, bool) {
	obj := staticObj(c)
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == t.pass.Pkg {
		return nil, false
	}
	var r Returns
	if !t.pass.ImportObjectFact(obj, &r) || r.Index != idx {
		return nil, false
	}
	prefix := obj.FullName() + "#"
	var out []Hint
	for _, h := range r.Hints {
		if rest, ok := strings.CutPrefix(h.Value, prefix); ok && h.Kind == Param {
			if i, err := strconv.Atoi(rest); err == nil {
				if a := ir.Arg(c, i); a != nil {
					out = append(out, t.valueHints(a)...)
				}
			}
			continue
		}
		out = append(out, h)
	}
	return out, true
}

// valueHints returns the evidence a value carries, by its type: a string's
// or a client's (what it was built with).
func (t *tracer) valueHints(v ssa.Value) []Hint {
	typ := v.Type()
	switch {
	case isString(typ), isStringSlice(typ):
		return t.strings(v)
	case isSQLType(typ):
		return t.dbHints(v)
	case isConnType(typ):
		return t.grpcConnHints(v)
	case isRedisType(typ):
		return t.redisHints(v)
	case isKafkaType(typ):
		return t.kafkaHints(v)
	case t.isGRPCClient(typ):
		return t.grpcClientHints(v)
	}
	return nil
}

// tracked reports whether values of type typ carry target evidence that
// crosses packages: strings, and the clients valueHints follows.
func (t *tracer) tracked(typ types.Type) bool {
	return isString(typ) || isStringSlice(typ) || isSQLType(typ) || isConnType(typ) ||
		isRedisType(typ) || isKafkaType(typ) || t.isGRPCClient(typ)
}

// redisPkgs are the go-redis packages whose clients redisHints follows.
var redisPkgs = []string{"github.com/redis/go-redis/v9", "github.com/go-redis/redis/v8"}

func isRedisType(t types.Type) bool {
	for _, pkg := range redisPkgs {
		for _, n := range []string{"Client", "ClusterClient", "UniversalClient", "Ring"} {
			if lint.IsNamed(t, pkg, n) {
				return true
			}
		}
	}
	return false
}

func isKafkaType(t types.Type) bool {
	for _, n := range []string{"Writer", "Reader"} {
		if lint.IsNamed(t, "github.com/segmentio/kafka-go", n) {
			return true
		}
	}
	return false
}

// isGRPCClient reports whether typ is a generated gRPC client interface:
// one whose methods invoke gRPC methods.
func (t *tracer) isGRPCClient(typ types.Type) bool {
	named, ok := types.Unalias(typ).(*types.Named)
	if !ok {
		return false
	}
	iface, ok := named.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for i := range iface.NumMethods() {
		if t.grpcMethod(iface.Method(i)) != nil {
			return true
		}
	}
	return false
}

// exportedType reports whether a receiver type is an exported named type
// (or a pointer to one): only then can other packages call its methods
// statically.
func exportedType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Exported()
}

// GRPCService is the object fact of a generated service descriptor
// (Payment_ServiceDesc) and of the exported functions that register gRPC
// services on a server, directly (the generated RegisterPaymentServer) or
// through other registration functions (a handler's Register method): the
// fully qualified gRPC service names, sorted.
type GRPCService struct {
	Names []string
}

// AFact marks GRPCService as a fact.
func (*GRPCService) AFact() {}

func (s *GRPCService) String() string { return "serves(" + strings.Join(s.Names, " ") + ")" }

var registerService = lint.NewFuncSet(
	"(google.golang.org/grpc.ServiceRegistrar).RegisterService",
	"(*google.golang.org/grpc.Server).RegisterService",
)

// libraryRegistrations are the generated registration functions of
// libraries that register a gRPC service the analysis must know without
// reading the library's bodies (dependencies are read as declarations
// only): gRPC's standard health service, which orchestrators' probes call.
var libraryRegistrations = map[string]string{
	"google.golang.org/grpc/health/grpc_health_v1.RegisterHealthServer": "grpc.health.v1.Health",
}

// registrations exports the GRPCService facts of this package's service
// descriptors and registration functions, and returns the gRPC services
// the package itself registers, sorted: those registered by its functions
// that other packages cannot call and that no function of the package
// calls (main, init, handlers passed as values). A registration inside an
// exported function belongs to the package that calls it.
func (t *tracer) registrations() []string {
	descs := t.serviceDescs()

	// What each function registers, itself or through the package's own
	// functions.
	regs, callers := throughCalls(t, nil, func(c *ssa.CallCommon, _ ssa.Instruction) []string {
		return t.registered(c, descs)
	})
	var out []string
	for _, fn := range t.irr.SrcFuncs {
		names := regs[fn]
		if fn.Parent() != nil || len(names) == 0 {
			continue
		}
		slices.Sort(names)
		names = slices.Compact(names)
		if obj, ok := fn.Object().(*types.Func); ok && callable(fn, obj) {
			t.pass.ExportObjectFact(obj, &GRPCService{Names: names})
			continue
		}
		if len(callers[fn]) == 0 {
			out = append(out, names...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// callable reports whether other packages can call fn statically: an
// exported function, or an exported method of an exported type.
func callable(fn *ssa.Function, obj *types.Func) bool {
	if !obj.Exported() {
		return false
	}
	if recv := fn.Signature.Recv(); recv != nil {
		return exportedType(recv.Type())
	}
	return true
}

// serviceDescs returns the gRPC service descriptors of the package:
// package variables whose ServiceName the initialiser sets to a constant.
// It exports their GRPCService facts.
func (t *tracer) serviceDescs() map[*ssa.Global]string {
	descs := map[*ssa.Global]string{}
	initFn := t.irr.Pkg.Func("init")
	if initFn == nil {
		return descs
	}
	allocs := map[*ssa.Alloc]string{}
	for _, b := range initFn.Blocks {
		for _, instr := range b.Instrs {
			st, ok := instr.(*ssa.Store)
			if !ok {
				continue
			}
			if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
				if f := ir.FieldVar(fa); f != nil && f.Name() == "ServiceName" && lint.IsNamed(fa.X.Type(), "google.golang.org/grpc", "ServiceDesc") {
					if name, ok := ir.ConstString(st.Val); ok {
						switch x := fa.X.(type) {
						case *ssa.Global:
							descs[x] = name
						case *ssa.Alloc:
							allocs[x] = name
						}
					}
				}
			}
			// A descriptor built in a temporary and copied whole.
			if g, ok := st.Addr.(*ssa.Global); ok {
				if ld, ok := st.Val.(*ssa.UnOp); ok && ld.Op == token.MUL {
					if a, ok := ld.X.(*ssa.Alloc); ok && allocs[a] != "" {
						descs[g] = allocs[a]
					}
				}
			}
		}
	}
	globals := make([]*ssa.Global, 0, len(descs))
	for g := range descs {
		globals = append(globals, g)
	}
	slices.SortFunc(globals, func(a, b *ssa.Global) int { return int(a.Pos() - b.Pos()) })
	for _, g := range globals {
		if v, ok := g.Object().(*types.Var); ok {
			t.pass.ExportObjectFact(v, &GRPCService{Names: []string{descs[g]}})
		}
	}
	return descs
}

// registered returns the gRPC services a call registers: RegisterService
// with a known descriptor, or a function of another package that
// registers some.
func (t *tracer) registered(c *ssa.CallCommon, descs map[*ssa.Global]string) []string {
	var s GRPCService
	if registerService.Has(ir.Callee(c)) {
		g, _ := ir.Arg(c, 0).(*ssa.Global)
		if g == nil {
			return nil
		}
		if name, ok := descs[g]; ok {
			return []string{name}
		}
		if v, ok := g.Object().(*types.Var); ok && v.Pkg() != t.pass.Pkg && t.pass.ImportObjectFact(v, &s) {
			return s.Names
		}
		return nil
	}
	obj := staticObj(c)
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == t.pass.Pkg {
		return nil
	}
	if name, ok := libraryRegistrations[obj.Pkg().Path()+"."+obj.Name()]; ok {
		return []string{name}
	}
	if t.pass.ImportObjectFact(obj, &s) {
		return s.Names
	}
	return nil
}
