package callsites

import (
	"go/token"
	"go/types"
	"net"
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/catalog"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
	"github.com/faultline-dev/faultline/rules/internal/telemetry"
)

// maxDepth bounds how far values are followed back.
const maxDepth = 12

// tracer follows values back through one package's SSA to where they come
// from: constants, environment variables, flags, parameters and fields.
type tracer struct {
	pass  *analysis.Pass
	irr   *ir.IR
	judge *telemetry.Judge // the calls' telemetry
	rem   *remote.Result   // the remote APIs: the catalogue's and the run's own
	// symbolic is the exported function whose Returns fact is being
	// computed: its parameters are left as hints, not followed to this
	// package's callers.
	symbolic *ssa.Function
	local    map[*types.Func]*GRPCMethod
	// servingMethods are the methods of other packages that start
	// servers (Serving facts), for interface calls; built on first use.
	servingMethods []servingMethod

	// Indexes built on first use.
	fieldStores  map[*types.Var][]ssa.Value
	globalStores map[*ssa.Global][]ssa.Value
	callers      map[*ssa.Function][]*ssa.CallCommon
	callSites    map[*ssa.Function][]ssa.Instruction // the calls of each function of the package
	flagVars     map[*ssa.Global]flagBinding         // globals bound by flag.StringVar(&g, name, …)
	flagFields   map[*types.Var]flagBinding          // struct fields bound by flag.StringVar(&cfg.F, name, …)

	// One query (the hints of one call) may walk values through nested
	// walks (a concatenation inside a phi inside a field…): they share one
	// visited set and one step budget, so cycles through loops end.
	qDepth  int
	qBudget int
	// qBuilt holds the values of a library whose makers the query has
	// followed (builtFrom), with the library: the evidence of each is in
	// the query's answer once, however many paths lead back to it.
	qBuilt map[builtKey]bool
}

// builtKey is a value of a library followed back to its makers.
type builtKey struct {
	v   ssa.Value
	lib *catalog.Library
}

// maxSteps bounds the values one query visits.
const maxSteps = 4000

// enter starts a query, or joins the one under way; call the returned
// function when done.
func (t *tracer) enter() func() {
	if t.qDepth == 0 {
		t.qBudget = maxSteps
		clear(t.qBuilt)
	}
	t.qDepth++
	return func() { t.qDepth-- }
}

func newTracer(pass *analysis.Pass, irr *ir.IR) *tracer {
	return &tracer{pass: pass, irr: irr, rem: lint.ResultOf[*remote.Result](pass), local: map[*types.Func]*GRPCMethod{}}
}

var (
	getenv    = lint.NewFuncSet("os.Getenv", "os.LookupEnv")
	flagFuncs = lint.NewFuncSet(flagEntries()...)
	passThru  = lint.NewFuncSet( // string functions whose result carries their first argument's target
		"strings.TrimSpace", "strings.TrimSuffix", "strings.TrimPrefix", "strings.TrimRight", "strings.TrimLeft",
		"strings.ToLower", "strings.Clone", "net/url.JoinPath", "net.JoinHostPort", "net/url.Parse",
		"(*net/url.URL).String", "(*net/url.URL).JoinPath", "(*net/url.URL).ResolveReference",
		"path.Join", "strings.Join",
	)
	anyArgs   = lint.NewFuncSet("fmt.Sprintf", "fmt.Sprint", "cmp.Or", "strings.Split", "strings.Fields")
	newReq    = lint.NewFuncSet("net/http.NewRequest", "github.com/hashicorp/go-retryablehttp.NewRequest")
	newReqCtx = lint.NewFuncSet("net/http.NewRequestWithContext", "github.com/hashicorp/go-retryablehttp.NewRequestWithContext")
	reqCopy   = lint.NewFuncSet("(*net/http.Request).WithContext", "(*net/http.Request).Clone")
	sqlOpen   = lint.NewFuncSet("database/sql.Open", "github.com/XSAM/otelsql.Open") // otelsql.Open takes the same driver name and DSN
	grpcDial  = lint.NewFuncSet("google.golang.org/grpc.NewClient", "google.golang.org/grpc.Dial", "google.golang.org/grpc.DialContext")
	kafkaTCP  = lint.NewFuncSet("github.com/segmentio/kafka-go.TCP")
	pgxOpen   = lint.NewFuncSet("github.com/jackc/pgx/v5/pgxpool.New", "github.com/jackc/pgx/v5.Connect",
		"github.com/jackc/pgx/v4/pgxpool.Connect", "github.com/jackc/pgx/v4.Connect")
)

func (t *tracer) index() {
	if t.fieldStores != nil {
		return
	}
	t.fieldStores = map[*types.Var][]ssa.Value{}
	t.globalStores = map[*ssa.Global][]ssa.Value{}
	t.callers = map[*ssa.Function][]*ssa.CallCommon{}
	t.callSites = map[*ssa.Function][]ssa.Instruction{}
	t.flagVars = map[*ssa.Global]flagBinding{}
	t.flagFields = map[*types.Var]flagBinding{}
	rr := lint.ResultOf[*resilience.Result](t.pass)
	for _, fn := range t.irr.SrcFuncs {
		// Test code outside _test.go files (a func(t *testing.T) in an
		// integration-test package, a fixture's methods, what only tests
		// call) stores and passes test values: "https://sector" is no
		// dependency of the service.
		if rr.TestCode().Contains(fn) {
			continue
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				switch instr := instr.(type) {
				case *ssa.Store:
					switch addr := instr.Addr.(type) {
					case *ssa.FieldAddr:
						if f := ir.FieldVar(addr); f != nil {
							t.fieldStores[f] = append(t.fieldStores[f], instr.Val)
						}
					case *ssa.Global:
						t.globalStores[addr] = append(t.globalStores[addr], instr.Val)
					}
				case ssa.CallInstruction:
					c := instr.Common()
					if sf := c.StaticCallee(); sf != nil {
						t.callers[ir.Origin(sf)] = append(t.callers[ir.Origin(sf)], c)
						t.callSites[ir.Origin(sf)] = append(t.callSites[ir.Origin(sf)], instr)
					}
					if fd, ok := flagDefOf(staticObj(c)); ok && fd.ptr {
						name, _ := ir.ConstString(ir.Arg(c, fd.name))
						fb := flagBinding{name: name, def: ir.Arg(c, fd.def)}
						switch p := ir.Arg(c, 0).(type) {
						case *ssa.Global:
							t.flagVars[p] = fb
						case *ssa.FieldAddr:
							if f := ir.FieldVar(p); f != nil {
								t.flagFields[f] = fb
							}
						}
					}
				}
			}
		}
	}
	// Package-level initialisers live in init, which SrcFuncs holds only
	// through its literals: scan it too.
	if initFn := t.irr.Pkg.Func("init"); initFn != nil {
		for _, b := range initFn.Blocks {
			for _, instr := range b.Instrs {
				if st, ok := instr.(*ssa.Store); ok {
					if g, ok := st.Addr.(*ssa.Global); ok {
						t.globalStores[g] = append(t.globalStores[g], st.Val)
					}
					if fa, ok := st.Addr.(*ssa.FieldAddr); ok {
						if f := ir.FieldVar(fa); f != nil {
							t.fieldStores[f] = append(t.fieldStores[f], st.Val)
						}
					}
				}
			}
		}
	}
}

func staticObj(c *ssa.CallCommon) *types.Func {
	if sf := c.StaticCallee(); sf != nil {
		if f, ok := ir.Origin(sf).Object().(*types.Func); ok {
			return f
		}
	}
	return nil
}

// sources calls visit for each value v may come from, looking through
// copies, conversions, phis, loads of variables and fields (to what is
// stored in them in this package), results of this package's functions,
// and parameters (to the arguments of this package's callers). Parameters
// and fields are also reported as symbolic hints for the engine to resolve.
func (t *tracer) sources(v ssa.Value, visit func(ssa.Value), hint func(Hint)) {
	t.index()
	defer t.enter()()
	// Each walk has its own visited set: two walks of one query may well
	// start from the same value for different reasons (the database a
	// library opened, then the options it was given). The query's step
	// budget, shared, bounds them all.
	seen := map[ssa.Value]bool{}
	// entered maps a function of this package whose results are being
	// followed to the call they are followed from: its parameters are that
	// call's arguments, not those of every caller (a helper such as
	// expand(s) called with the admin address in one place and a
	// configured URL in another must not mix the two).
	entered := map[*ssa.Function]*ssa.CallCommon{}
	var walk func(v ssa.Value, depth int)
	through := func(sf *ssa.Function, c *ssa.CallCommon, idx, depth int) {
		key := ir.Origin(sf)
		prev, had := entered[key]
		entered[key] = c
		t.returns(sf, idx, func(r ssa.Value) { walk(r, depth+1) })
		if had {
			entered[key] = prev
		} else {
			delete(entered, key)
		}
	}
	walk = func(v ssa.Value, depth int) {
		if v == nil || depth > maxDepth || t.qBudget <= 0 {
			return
		}
		if p, ok := v.(*ssa.Parameter); ok && entered[ir.Origin(p.Parent())] != nil {
			// In a call's frame: this parameter is that call's argument,
			// whatever other frames made of it.
			t.qBudget--
			walk(ir.Arg(entered[ir.Origin(p.Parent())], ir.ParamIndex(p)), depth+1)
			return
		}
		if seen[v] {
			return
		}
		seen[v] = true
		t.qBudget--
		switch v := v.(type) {
		case *ssa.Phi:
			for _, e := range v.Edges {
				walk(e, depth+1)
			}
		case *ssa.MakeInterface:
			walk(v.X, depth+1)
		case *ssa.ChangeType:
			walk(v.X, depth+1)
		case *ssa.Convert:
			walk(v.X, depth+1)
		case *ssa.ChangeInterface:
			walk(v.X, depth+1)
		case *ssa.TypeAssert:
			walk(v.X, depth+1)
		case *ssa.Slice:
			walk(v.X, depth+1)
		case *ssa.Extract:
			if call, ok := v.Tuple.(*ssa.Call); ok {
				if sf := call.Call.StaticCallee(); sf != nil && sf.Blocks != nil && sf.Pkg == t.irr.Pkg {
					through(sf, &call.Call, v.Index, depth)
					return
				}
				if hs, ok := t.returned(&call.Call, v.Index); ok {
					for _, h := range hs {
						hint(h)
					}
					return
				}
			}
			walk(v.Tuple, depth+1)
		case *ssa.Call:
			if sf := v.Call.StaticCallee(); sf != nil && sf.Blocks != nil && sf.Pkg == t.irr.Pkg && sf.Signature.Results().Len() == 1 {
				through(sf, &v.Call, 0, depth)
				return
			}
			if v.Call.Signature().Results().Len() == 1 {
				if hs, ok := t.returned(&v.Call, 0); ok {
					for _, h := range hs {
						hint(h)
					}
					return
				}
			}
			visit(v)
		case *ssa.UnOp:
			if v.Op != token.MUL {
				visit(v)
				return
			}
			switch x := v.X.(type) {
			case *ssa.Global:
				if fb, ok := t.flagVars[x]; ok {
					if fb.name != "" {
						hint(Hint{Flag, fb.name})
					}
					walk(fb.def, depth+1)
				}
				for _, s := range t.globalStores[x] {
					walk(s, depth+1)
				}
			case *ssa.FieldAddr:
				t.field(x.X.Type(), ir.FieldVar(x), fieldKey(x), func(s ssa.Value) { walk(s, depth+1) }, hint)
			case *ssa.Alloc:
				stored := false
				for _, ref := range *x.Referrers() {
					if st, ok := ref.(*ssa.Store); ok && st.Addr == x {
						walk(st.Val, depth+1)
						stored = true
					}
				}
				if !stored {
					// A struct built field by field (a composite literal
					// passed by value): the caller reads its fields.
					visit(v)
				}
			default:
				walk(v.X, depth+1) // a pointer from flag.String, say
			}
		case *ssa.Field:
			st, _ := v.X.Type().Underlying().(*types.Struct)
			if st != nil {
				f := st.Field(v.Field)
				t.field(v.X.Type(), f, qualifiedField(v.X.Type(), f), func(s ssa.Value) { walk(s, depth+1) }, hint)
			}
		case *ssa.Parameter:
			fn := v.Parent()
			idx := ir.ParamIndex(v)
			// Only exported functions have callers in other packages;
			// an unexported one's callers are all here.
			if fn.Parent() == nil {
				if obj, ok := fn.Object().(*types.Func); ok && idx >= 0 && obj.Exported() {
					hint(Hint{Param, obj.FullName() + "#" + strconv.Itoa(idx)})
				}
			}
			if ir.Origin(fn) == t.symbolic {
				return
			}
			for _, c := range t.callers[ir.Origin(fn)] {
				walk(ir.Arg(c, idx), depth+1)
			}
		case *ssa.FreeVar:
			// A captured variable: what the closure was made with.
			fn := v.Parent()
			i := freeVarIndex(v)
			for _, ref := range referrersOf(fn) {
				if mc, ok := ref.(*ssa.MakeClosure); ok && i < len(mc.Bindings) {
					walk(mc.Bindings[i], depth+1)
				}
			}
		default:
			visit(v)
		}
	}
	walk(v, 0)
}

// field follows a struct field to the values stored into it in this
// package, and reports it as a symbolic hint when the field's struct is
// declared elsewhere (its values are bound there or by its users).
//
// A field bound to a flag (flag.StringVar(&cfg.Addr, "addr", …)) gives
// the flag and its default; a field whose tag names an environment
// variable (`env:"PAYMENT_ADDR"`, `envconfig:"PAYMENT_ADDR"`, as the
// configuration loaders caarlos0/env, sethvargo/go-envconfig and
// kelseyhightower/envconfig read them) gives that variable.
func (t *tracer) field(structType types.Type, f *types.Var, key string, walk func(ssa.Value), hint func(Hint)) {
	if f == nil {
		return
	}
	// Only exported fields can be set by other packages' code.
	if key != "" && f.Exported() {
		hint(Hint{Field, key})
	}
	if env := envTag(structType, f); env != "" {
		hint(Hint{Env, env})
	}
	if fb, ok := t.flagFields[f]; ok {
		if fb.name != "" {
			hint(Hint{Flag, fb.name})
		}
		walk(fb.def)
	}
	for _, s := range t.fieldStores[f] {
		walk(s)
	}
}

// envTag returns the environment variable the struct tag of field f
// names, or "".
func envTag(structType types.Type, f *types.Var) string {
	if structType == nil {
		return ""
	}
	if p, ok := structType.Underlying().(*types.Pointer); ok {
		structType = p.Elem()
	}
	st, ok := structType.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := range st.NumFields() {
		if st.Field(i) != f {
			continue
		}
		tag := reflect.StructTag(st.Tag(i))
		for _, key := range []string{"env", "envconfig"} {
			name, _, _ := strings.Cut(tag.Get(key), ",")
			if name != "" && name != "-" {
				return name
			}
		}
	}
	return ""
}

// returns calls visit with the idx-th result of every return of fn.
func (t *tracer) returns(fn *ssa.Function, idx int, visit func(ssa.Value)) {
	for _, b := range fn.Blocks {
		if len(b.Instrs) == 0 {
			continue
		}
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && idx < len(ret.Results) {
			visit(ret.Results[idx])
		}
	}
}

// strings returns the target evidence carried by a string (or []string)
// value: literals, environment variables, flags, and symbolic parameters
// and fields.
func (t *tracer) strings(v ssa.Value) []Hint {
	defer t.enter()()
	var hs []Hint
	add := func(h Hint) { hs = append(hs, h) }
	var visit func(ssa.Value)
	visit = func(src ssa.Value) {
		switch src := src.(type) {
		case *ssa.Const:
			if s, ok := ir.ConstString(src); ok {
				hs = append(hs, literalHints(s)...)
			}
		case *ssa.BinOp:
			if src.Op == token.ADD {
				t.sources(src.X, visit, add)
				t.sources(src.Y, visit, add)
			}
		case *ssa.Call:
			c := &src.Call
			obj := staticObj(c)
			switch {
			case getenv.Has(obj):
				if k, ok := ir.ConstString(ir.Arg(c, 0)); ok {
					add(Hint{Env, k})
				}
			case flagFuncs.Has(obj):
				fd, _ := flagDefOf(obj)
				if fd.ptr {
					break
				}
				if name, ok := ir.ConstString(ir.Arg(c, fd.name)); ok {
					add(Hint{Flag, name})
				}
				t.sources(ir.Arg(c, fd.def), visit, add)
			case passThru.Has(obj):
				recv := ir.Receiver(c)
				if recv == nil {
					recv = ir.Arg(c, 0)
				}
				t.sources(recv, visit, add)
			case anyArgs.Has(obj):
				for i := range len(c.Args) {
					t.sources(ir.Arg(c, i), visit, add)
				}
			case kafkaTCP.Has(obj):
				t.sources(ir.Arg(c, 0), visit, add)
			}
		case *ssa.Alloc:
			// The backing array of a variadic or slice literal: its elements.
			for _, ref := range *src.Referrers() {
				if ia, ok := ref.(*ssa.IndexAddr); ok {
					for _, r := range *ia.Referrers() {
						if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
							t.sources(st.Val, visit, add)
						}
					}
				}
			}
		}
	}
	t.sources(v, visit, add)
	return hs
}

// literalHints classifies a string constant: a URL or host:port gives a
// host; anything else that looks like a name is kept as a literal for the
// caller to interpret (a topic, an exchange).
func literalHints(s string) []Hint {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " \t\n%{}") {
		return nil
	}
	if u, err := url.Parse(s); err == nil && u.Host != "" && u.Scheme != "" {
		return []Hint{{Host, u.Host}}
	}
	if host, port, err := net.SplitHostPort(s); err == nil && host != "" {
		if _, err := strconv.Atoi(port); err == nil {
			return []Hint{{Host, s}}
		}
	}
	if strings.HasPrefix(s, "/") || strings.HasPrefix(s, ":") {
		return nil // a path or a bare port
	}
	return []Hint{{"literal", s}}
}

// requestHints follows an *http.Request to the URL it was built with.
func (t *tracer) requestHints(req ssa.Value) []Hint {
	defer t.enter()()
	var hs []Hint
	t.sources(req, func(src ssa.Value) {
		call, ok := src.(*ssa.Call)
		if !ok {
			return
		}
		c := &call.Call
		switch obj := staticObj(c); {
		case newReq.Has(obj):
			hs = append(hs, t.strings(ir.Arg(c, 1))...)
		case newReqCtx.Has(obj):
			hs = append(hs, t.strings(ir.Arg(c, 2))...)
		case reqCopy.Has(obj):
			hs = append(hs, t.requestHints(ir.Receiver(c))...)
		}
	}, func(h Hint) { hs = append(hs, h) })
	return hostsOnly(hs)
}

// hostsOnly drops literal strings that are not hosts (paths, methods).
func hostsOnly(hs []Hint) []Hint {
	var out []Hint
	for _, h := range hs {
		if h.Kind != "literal" {
			out = append(out, h)
		}
	}
	return out
}

// dbHints follows a *sql.DB (or Tx, Conn, Stmt) to sql.Open.
func (t *tracer) dbHints(db ssa.Value) []Hint {
	defer t.enter()()
	var hs []Hint
	t.sources(db, func(src ssa.Value) {
		call, ok := src.(*ssa.Call)
		if !ok {
			return
		}
		c := &call.Call
		if sqlOpen.Has(staticObj(c)) {
			if d, ok := ir.ConstString(ir.Arg(c, 0)); ok {
				hs = append(hs, Hint{Driver, d})
			}
			hs = append(hs, hostsOnly(t.strings(ir.Arg(c, 1)))...)
			return
		}
		if obj := staticObj(c); pgxOpen.Has(obj) {
			hs = append(hs, Hint{Driver, "pgx"})
			hs = append(hs, hostsOnly(t.strings(ir.Arg(c, 1)))...)
			return
		}
		// db.BeginTx, db.Conn, db.Prepare…: back to the receiver.
		if r := ir.Receiver(c); r != nil && isSQLType(r.Type()) {
			hs = append(hs, t.dbHints(r)...)
			return
		}
		// A database opened by a library the catalogue knows (sqlx.Open,
		// gorm's DB()): what that library was given.
		if callee := ir.Callee(c); callee != nil && callee.Pkg() != nil {
			if lib := catalog.LibraryOf(callee.Pkg().Path()); lib != nil && len(lib.Addrs) > 0 {
				hs = append(hs, t.builtFrom(src, lib)...)
			}
		}
	}, t.keep(&hs))
	return hs
}

// keep returns a hint callback for sources that keeps the evidence found
// on the way (parameters, fields, flags, what constructors in other
// packages return) in *hs.
func (t *tracer) keep(hs *[]Hint) func(Hint) {
	return func(h Hint) {
		if h.Kind != "literal" {
			*hs = append(*hs, h)
		}
	}
}

func isSQLType(t types.Type) bool {
	for _, n := range []string{"DB", "Tx", "Conn", "Stmt"} {
		if lint.IsNamed(t, "database/sql", n) {
			return true
		}
	}
	for _, pkg := range []string{"github.com/jackc/pgx/v5", "github.com/jackc/pgx/v4"} {
		if lint.IsNamed(t, pkg, "Conn") || lint.IsNamed(t, pkg+"/pgxpool", "Pool") {
			return true
		}
	}
	return false
}

// structHints follows a config struct (or a pointer to one) to the string
// fields named, and returns their evidence; topicFields become topics.
func (t *tracer) structHints(v ssa.Value, fields, topicFields []string) []Hint {
	defer t.enter()()
	var hs []Hint
	t.sources(v, func(src ssa.Value) {
		var alloc *ssa.Alloc
		switch src := src.(type) {
		case *ssa.Alloc:
			alloc = src
		case *ssa.UnOp:
			alloc, _ = src.X.(*ssa.Alloc)
		}
		if alloc == nil {
			if call, ok := src.(*ssa.Call); ok {
				// A constructor taking the config: NewWriter(cfg), NewClient(opts).
				for _, a := range call.Call.Args {
					hs = append(hs, t.structHints(a, fields, topicFields)...)
				}
			}
			return
		}
		for _, ref := range *alloc.Referrers() {
			fa, ok := ref.(*ssa.FieldAddr)
			if !ok {
				continue
			}
			name := ir.FieldVar(fa).Name()
			isTopic := contains(topicFields, name)
			if !isTopic && !contains(fields, name) {
				continue
			}
			for _, r := range *fa.Referrers() {
				st, ok := r.(*ssa.Store)
				if !ok || st.Addr != fa {
					continue
				}
				for _, h := range t.strings(st.Val) {
					if isTopic && h.Kind == "literal" {
						h.Kind = Topic
					}
					if h.Kind != "literal" {
						hs = append(hs, h)
					}
				}
			}
		}
	}, t.keep(&hs))
	return hs
}

func (t *tracer) redisHints(client ssa.Value) []Hint {
	return t.structHints(ir.Unembed(client), []string{"Addr", "Addrs"}, nil)
}

func (t *tracer) kafkaHints(rw ssa.Value) []Hint {
	return t.structHints(rw, []string{"Addr", "Brokers"}, []string{"Topic"})
}

// grpcClientHints follows a generated client (pb.NewPaymentClient(conn)) to
// its connection and that to the dial target.
func (t *tracer) grpcClientHints(client ssa.Value) []Hint {
	defer t.enter()()
	var hs []Hint
	t.sources(client, func(src ssa.Value) {
		if alloc, ok := src.(*ssa.Alloc); ok {
			for _, conn := range connFields(alloc) {
				hs = append(hs, t.grpcConnHints(conn)...)
			}
			return
		}
		call, ok := src.(*ssa.Call)
		if !ok {
			return
		}
		c := &call.Call
		for i, a := range c.Args {
			if isConnType(a.Type()) {
				hs = append(hs, t.grpcConnHints(c.Args[i])...)
			}
		}
	}, t.keep(&hs))
	return hs
}

// connFields returns the connections stored into the fields of a client
// struct allocated by a generated constructor of this package
// (&driverServiceClient{cc}).
func connFields(alloc *ssa.Alloc) []ssa.Value {
	var out []ssa.Value
	for _, ref := range *alloc.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		for _, r := range *fa.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == fa && isConnType(st.Val.Type()) {
				out = append(out, st.Val)
			}
		}
	}
	return out
}

// grpcConnHints follows a *grpc.ClientConn to grpc.NewClient/Dial.
func (t *tracer) grpcConnHints(conn ssa.Value) []Hint {
	defer t.enter()()
	var hs []Hint
	t.sources(conn, func(src ssa.Value) {
		call, ok := src.(*ssa.Call)
		if !ok {
			return
		}
		c := &call.Call
		if obj := staticObj(c); grpcDial.Has(obj) {
			idx := 0
			if obj.Name() == "DialContext" {
				idx = 1
			}
			hs = append(hs, hostsOnly(t.strings(ir.Arg(c, idx)))...)
		}
	}, t.keep(&hs))
	return hs
}

func isConnType(t types.Type) bool {
	return lint.IsNamed(t, "google.golang.org/grpc", "ClientConn") || lint.IsNamed(t, "google.golang.org/grpc", "ClientConnInterface")
}

// fieldKey names the field of a FieldAddr as "pkg/path.Type.Field", or ""
// for fields of unnamed structs.
func fieldKey(fa *ssa.FieldAddr) string {
	f := ir.FieldVar(fa)
	if f == nil {
		return ""
	}
	return qualifiedField(fa.X.Type().Underlying().(*types.Pointer).Elem(), f)
}

func qualifiedField(t types.Type, f *types.Var) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !n.Obj().Exported() {
		return "" // other packages cannot name the type to set the field
	}
	return n.Obj().Pkg().Path() + "." + n.Obj().Name() + "." + f.Name()
}

func freeVarIndex(v *ssa.FreeVar) int {
	for i, fv := range v.Parent().FreeVars {
		if fv == v {
			return i
		}
	}
	return -1
}

// referrersOf returns the instructions that refer to the function value fn
// (MakeClosure among them), found in its parent.
func referrersOf(fn *ssa.Function) []ssa.Instruction {
	parent := fn.Parent()
	if parent == nil {
		return nil
	}
	var out []ssa.Instruction
	for _, b := range parent.Blocks {
		for _, instr := range b.Instrs {
			if mc, ok := instr.(*ssa.MakeClosure); ok && mc.Fn == fn {
				out = append(out, instr)
			}
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// flagDef says where a flag definition function takes the flag's name and
// its default value, and whether its first argument is the variable it
// binds (the …Var forms).
type flagDef struct {
	name, def int
	ptr       bool
}

// flagBinding is a variable bound to a flag: the flag's name and default.
type flagBinding struct {
	name string
	def  ssa.Value
}

// flagDefs are the string flag definitions of the standard library's flag
// package and of spf13/pflag (which cobra commands use), by function name.
var flagDefs = map[string]flagDef{
	"String":     {0, 1, false},
	"StringP":    {0, 2, false},
	"StringVar":  {1, 2, true},
	"StringVarP": {1, 3, true},
}

// flagEntries lists the flag definitions for a FuncSet.
func flagEntries() []string {
	var out []string
	for _, pkg := range []string{"flag", "github.com/spf13/pflag"} {
		for name := range flagDefs {
			if pkg == "flag" && strings.HasSuffix(name, "P") {
				continue
			}
			out = append(out, pkg+"."+name, "(*"+pkg+".FlagSet)."+name)
		}
	}
	return out
}

// flagDefOf returns how the flag definition fn takes its arguments.
func flagDefOf(fn *types.Func) (flagDef, bool) {
	if !flagFuncs.Has(fn) {
		return flagDef{}, false
	}
	fd, ok := flagDefs[fn.Name()]
	return fd, ok
}
