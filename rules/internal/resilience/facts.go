package resilience

import (
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/remote"
)

// Layer is one retrying part of a call: a retrying client, an
// interceptor, a service config, a retry library, a function that retries.
type Layer struct {
	Via      string // "retryablehttp", "the service config's retryPolicy", …
	Attempts int    // attempts per call, 0 when unknown
}

// RetryingCall returns the retries that happen inside a call, innermost
// last: a retry library running its function, a retrying client
// (retryablehttp, go-redis, kafka-go's Writer, a gRPC connection with a
// retry interceptor or retryPolicy), or a function that retries. It
// returns nil when the call does not retry.
func (r *Result) RetryingCall(call ssa.CallInstruction) []Layer {
	if r == nil || r.irr == nil {
		return nil
	}
	return r.retryingCall(call)
}

func (r *Result) retryingCall(call ssa.CallInstruction) []Layer {
	c := call.Common()
	callee := staticFunc(c)
	if callee == nil {
		return nil
	}
	if e, ok := r.entry(callee); ok && e.Role == Runs {
		p := r.runsProtection(call, e, callee)
		if p.Kinds&Retry != 0 {
			return []Layer{{Via: remote.FuncName(callee), Attempts: p.Attempts}}
		}
		return nil
	}
	// A helper that runs a remote function argument with retries.
	for i := range c.Args {
		fnArg := arg(c, i)
		if fnArg == nil {
			break
		}
		if _, ok := fnArg.Type().Underlying().(*types.Signature); !ok || !r.remoteFuncValue(fnArg) {
			continue
		}
		if p := r.argProtection(call, i); p.Kinds&Retry != 0 {
			return []Layer{{Via: remote.FuncName(callee), Attempts: p.Attempts}}
		}
	}
	if callee.Pkg() != nil && callee.Pkg().Path() == rhttp && callee.Name() != "NewRequest" && callee.Name() != "NewRequestWithContext" {
		if _, ok := remote.Lookup(callee); ok {
			if recv := receiver(c); recv != nil {
				return r.retryLayers(recv)
			}
			return []Layer{{Via: "retryablehttp", Attempts: 5}}
		}
	}
	if t, ok := r.remote.Classify(c); ok && t.API == nil {
		if sf := c.StaticCallee(); sf != nil && sf.Pkg == r.irr.Pkg && len(sf.Blocks) > 0 {
			if rt := r.retryingFunc(origin(sf)); rt != nil {
				return []Layer{{Via: rt.Via, Attempts: rt.Attempts}}
			}
			return nil
		}
		if f := r.importedFact(callee); f != nil && f.Retries != nil {
			return []Layer{{Via: f.Retries.Via, Attempts: f.Retries.Attempts}}
		}
	}
	if _, ok := r.remote.Classify(c); ok {
		if recv := receiver(c); recv != nil {
			return r.retryLayers(recv)
		}
	}
	return nil
}

// remoteFuncValue reports whether the function value v performs remote
// operations: a literal or function of this package with a remote fact.
func (r *Result) remoteFuncValue(v ssa.Value) bool {
	found := false
	r.origins(v, func(o ssa.Value) {
		var fn *ssa.Function
		switch o := o.(type) {
		case *ssa.Function:
			fn = o
		case *ssa.MakeClosure:
			fn, _ = o.Fn.(*ssa.Function)
		}
		if fn != nil && r.remote.Func(origin(fn)) != nil {
			found = true
		}
	})
	return found
}

// Product multiplies the attempts of layers; 0 when one is unknown.
func Product(layers []Layer) int {
	p := 1
	for _, l := range layers {
		if l.Attempts <= 0 {
			return 0
		}
		p *= l.Attempts
	}
	return p
}

var maxAttemptsRE = regexp.MustCompile(`"maxAttempts"\s*:\s*"?(\d+)`)

// RetryLayers returns the retrying layers a client value carries.
func (r *Result) RetryLayers(v ssa.Value) []Layer {
	if r == nil || r.irr == nil || v == nil {
		return nil
	}
	return r.retryLayers(v)
}

func (r *Result) retryLayers(v ssa.Value) []Layer {
	var out []Layer
	seen := map[ssa.Value]bool{}
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || depth > 8 || seen[v] {
			return
		}
		seen[v] = true
		r.origins(unembed(v), func(o ssa.Value) {
			switch o := o.(type) {
			case *ssa.Call:
				c := &o.Call
				f := staticFunc(c)
				if f == nil {
					return
				}
				if cfg := r.retryConfig(o); cfg != nil && f.Pkg() != nil && (f.Pkg().Path() == grpcRetry1 || f.Pkg().Path() == grpcRetry2 || f.Pkg().Path() == failsafeRP || f.Name() == "Build") {
					via := "the failsafe-go retry policy"
					if f.Pkg().Path() == grpcRetry1 || f.Pkg().Path() == grpcRetry2 {
						via = "the go-grpc-middleware retry interceptor"
					}
					if cfg.Attempts != 1 {
						out = append(out, Layer{Via: via, Attempts: cfg.Attempts})
					}
					return
				}
				switch {
				case grpcServiceConfig.Has(f):
					if s, ok := constString(arg(c, 0)); ok && strings.Contains(s, "retryPolicy") {
						n := 0
						if m := maxAttemptsRE.FindStringSubmatch(s); m != nil {
							n, _ = strconv.Atoi(m[1])
							n = min(n, 5) // grpc-go caps maxAttempts at 5
						}
						out = append(out, Layer{Via: "the service config's retryPolicy", Attempts: n})
					}
				case calleeIn(f, rhttp, "NewClient"):
					out = append(out, Layer{Via: "retryablehttp", Attempts: r.retryMax(o, 4)})
				case calleeIn(f, "github.com/redis/go-redis/v9", "NewClient", "NewClusterClient", "NewFailoverClient", "NewUniversalClient"),
					calleeIn(f, "github.com/go-redis/redis/v8", "NewClient", "NewClusterClient", "NewFailoverClient", "NewUniversalClient"):
					n := 4
					r.origins(arg(c, 0), func(opt ssa.Value) {
						if k, ok := r.storedConst(opt, "MaxRetries"); ok {
							n = int(k) + 1
							if k < 0 {
								n = 1
							}
						}
					})
					if n > 1 {
						out = append(out, Layer{Via: "go-redis (MaxRetries)", Attempts: n})
					}
				default:
					if e, ok := r.entry(f); ok && e.Role == Builds && e.From != Fixed {
						if e.From == Recv {
							walk(receiver(c), depth+1)
						}
						for i := e.Arg; arg(c, i) != nil; i++ {
							walk(arg(c, i), depth+1)
						}
						return
					}
					if f.Pkg() != nil && !ir.Modelled(f.Pkg().Path()) {
						for _, a := range c.Args {
							if isGRPCConn(a.Type()) {
								walk(a, depth+1)
							}
						}
					}
				}
			case *ssa.Alloc:
				elem := o.Type().(*types.Pointer).Elem()
				switch typeKey(elem) {
				case rhttp + ".Client":
					out = append(out, Layer{Via: "retryablehttp", Attempts: r.retryMax(o, 0)})
				case "github.com/segmentio/kafka-go.Writer":
					n := 10
					if k, ok := r.storedConst(o, "MaxAttempts"); ok && k > 0 {
						n = int(k)
					}
					if n > 1 {
						out = append(out, Layer{Via: "kafka-go's Writer (MaxAttempts)", Attempts: n})
					}
				case "net/http.Client", rhttp + ".RoundTripper":
					st := elem.Underlying().(*types.Struct)
					for i := range st.NumFields() {
						if n := st.Field(i).Name(); n == "Transport" || n == "Client" {
							for _, sv := range r.storesTo(o, st.Field(i)) {
								walk(sv, depth+1)
							}
						}
					}
				default:
					if _, ok := elem.Underlying().(*types.Array); ok {
						for _, e := range arrayElems(o) {
							walk(e, depth+1)
						}
					}
				}
			}
		})
	}
	walk(v, 0)
	// A retryablehttp client with RetryMax 0 does not retry.
	var kept []Layer
	for _, l := range out {
		if l.Attempts != 1 {
			kept = append(kept, l)
		}
	}
	return kept
}

// retryMax returns the attempts of the retryablehttp client built at o:
// RetryMax+1, with def as RetryMax when it is never assigned.
func (r *Result) retryMax(o ssa.Value, def int) int {
	if k, ok := r.storedConst(o, "RetryMax"); ok {
		return int(k) + 1
	}
	for _, f := range r.fieldStoresNamed(o, "RetryMax") {
		_ = f
		return 0 // assigned something that is not a constant
	}
	return def + 1
}

// fieldStoresNamed returns the stores into field name of the value built
// at o.
func (r *Result) fieldStoresNamed(o ssa.Value, name string) []*ssa.Store {
	var out []*ssa.Store
	for f, stores := range r.fieldStores {
		if f.Name() != name {
			continue
		}
		for _, s := range stores {
			fa := s.Addr.(*ssa.FieldAddr)
			hit := fa.X == o
			if !hit {
				r.origins(fa.X, func(x ssa.Value) { hit = hit || x == o })
			}
			if hit {
				out = append(out, s)
			}
		}
	}
	return out
}

// unembed peels the selection of an embedded field off a method receiver
// (rdb.Get is rdb.cmdable.Get), so the value the user built is followed.
func unembed(v ssa.Value) ssa.Value {
	for range 4 {
		switch x := v.(type) {
		case *ssa.UnOp:
			if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
				if f := fieldVar(fa); f != nil && f.Embedded() {
					v = fa.X
					continue
				}
			}
		case *ssa.Field:
			if st, ok := x.X.Type().Underlying().(*types.Struct); ok && st.Field(x.Field).Embedded() {
				v = x.X
				continue
			}
		}
		return v
	}
	return v
}

// retryingFunc returns the retries inside a function of this package, from
// the table solveRetrying fills.
func (r *Result) retryingFunc(fn *ssa.Function) *Retrying { return r.retrying[fn] }

// solveRetrying fills the table of the package's remote functions that
// retry: the least fixpoint, from "does not retry" everywhere, of
// computeRetrying, round after round in the order of r.funcs until
// nothing changes, so that functions that call each other get the same
// answer whichever is asked about first.
func (r *Result) solveRetrying() {
	var nodes []*ssa.Function
	for _, fn := range r.funcs {
		if r.remote.Func(fn) != nil {
			nodes = append(nodes, fn)
		}
	}
	for range maxRounds {
		changed := false
		for _, fn := range nodes {
			rt, old := r.computeRetrying(fn), r.retrying[fn]
			if (rt == nil) != (old == nil) || (rt != nil && *rt != *old) {
				if rt == nil {
					delete(r.retrying, fn)
				} else {
					r.retrying[fn] = rt
				}
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

// computeRetrying returns the retries inside a function of this package:
// a retry loop, or a call that retries, from the current tables.
func (r *Result) computeRetrying(fn *ssa.Function) *Retrying {
	name := shortName(fn)
	if ls := r.retryLoops(fn); len(ls) > 0 {
		return &Retrying{Attempts: ls[0].Attempts, Via: "the retry loop in " + name}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if ls := r.retryingCall(call); len(ls) > 0 {
				via := ls[len(ls)-1].Via
				if !strings.Contains(via, " in ") {
					via += " in " + name
				}
				return &Retrying{Attempts: Product(ls), Via: via}
			}
		}
	}
	return nil
}

// shortName names a function for messages: "pkg.F", "(*pkg.T).M"; a
// literal by the function it is declared in.
func shortName(fn *ssa.Function) string {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		return remote.FuncName(obj)
	}
	return fn.Name()
}

// exportFacts exports the facts of the package's functions.
func (r *Result) exportFacts() {
	for _, fn := range r.irr.SrcFuncs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || obj.Pkg() != r.pass.Pkg {
			continue
		}
		f := &Fact{}
		off := 0
		if fn.Signature.Recv() != nil {
			off = 1
		}
		for i := off; i < len(fn.Params); i++ {
			if _, ok := fn.Params[i].Type().Underlying().(*types.Signature); !ok {
				continue
			}
			if p := r.paramGuard(fn, i-off); p.Kinds != 0 {
				f.Params = append(f.Params, ParamGuard{Index: i - off, Protection: p})
			}
		}
		if r.remote.Func(fn) != nil {
			f.Retries = r.retryingFunc(fn)
		}
		f.Sleeps = r.sleepsLocal(fn)
		if len(f.Params) > 0 || f.Retries != nil || f.Sleeps {
			r.local[obj] = f
			r.pass.ExportObjectFact(obj, f)
		}
	}
}

// exportSleepFacts marks, in a package not analysed in SSA (one that
// cannot reach the network), the functions that wait, so that retry loops
// calling a helper such as util.Backoff(attempt) see their delay.
func exportSleepFacts(r *Result) {
	pass := r.pass
	if len(pass.Files) == 0 || ir.Modelled(pass.Pkg.Path()) || inGOROOT(pass) {
		return
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			sleeps := false
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || sleeps {
					return !sleeps
				}
				var id *ast.Ident
				switch fun := ast.Unparen(call.Fun).(type) {
				case *ast.Ident:
					id = fun
				case *ast.SelectorExpr:
					id = fun.Sel
				}
				if id == nil {
					return true
				}
				callee, ok := pass.TypesInfo.Uses[id].(*types.Func)
				if !ok {
					return true
				}
				if sleepFuncs.Has(callee) {
					sleeps = true
				} else if f := r.importedFact(callee); f != nil && f.Sleeps {
					sleeps = true
				}
				return true
			})
			if sleeps {
				f := &Fact{Sleeps: true}
				r.local[obj] = f
				pass.ExportObjectFact(obj, f)
			}
		}
	}
}

var goroot = func() string {
	if root := build.Default.GOROOT; root != "" {
		if abs, err := filepath.EvalSymlinks(root); err == nil {
			return filepath.Join(abs, "src") + string(filepath.Separator)
		}
		return filepath.Join(root, "src") + string(filepath.Separator)
	}
	return ""
}()

// inGOROOT reports whether the package's files are in the standard library.
func inGOROOT(pass *analysis.Pass) bool {
	if goroot == "" || len(pass.Files) == 0 {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	if abs, err := filepath.EvalSymlinks(name); err == nil {
		name = abs
	}
	return strings.HasPrefix(name, goroot)
}
