// Package catalog is faultline's knowledge of the client libraries Go
// services call through: which functions and methods leave the process,
// what kind of dependency they reach, which parameter carries the context
// that bounds them, and what the library's own defaults bound. It is data:
// one file per library family, each entry resolved to the types.Object of
// the package being analysed and compared by identity, never by name alone.
//
// Rules do not read this package's tables directly: remote marks the
// functions that reach the network, ctxdeadline asks which context a call
// hands on, callsites names the dependency a call reaches, and ir skips the
// bodies of the libraries listed here, whose behaviour the entries state.
//
// An entry says only what was read in the library's source (the version is
// in its Library); where a library's behaviour is not known, the entry is
// left out and faultline stays silent on its calls.
package catalog

import (
	"go/types"
	"slices"
	"strings"
	"sync"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Kind is the kind of remote operation an API performs.
type Kind string

// The kinds of remote operation. A kind is also the protocol of the edges
// its calls make (see Protocol).
const (
	HTTP     Kind = "http"
	GRPC     Kind = "grpc"
	SQL      Kind = "sql"
	Redis    Kind = "redis"
	Kafka    Kind = "kafka"
	AMQP     Kind = "amqp"
	NATS     Kind = "nats"
	Mongo    Kind = "mongodb"
	CQL      Kind = "cql"           // Cassandra, ScyllaDB
	Search   Kind = "elasticsearch" // Elasticsearch, OpenSearch
	Memcache Kind = "memcache"
	Etcd     Kind = "etcd"
	Consul   Kind = "consul"
	Bolt     Kind = "bolt" // Neo4j
	TCP      Kind = "tcp"
	SMTP     Kind = "smtp"
	RPC      Kind = "rpc"
	DNS      Kind = "dns"
	Cloud    Kind = "cloud"
)

// Kinds lists every kind, in a stable order.
func Kinds() []Kind {
	return []Kind{HTTP, GRPC, SQL, Redis, Kafka, AMQP, NATS, Mongo, CQL, Search, Memcache, Etcd, Consul, Bolt, TCP, SMTP, RPC, DNS, Cloud}
}

// KindNames lists the names of the kinds a user may declare an API of
// (every kind but DNS, which no remote dependency is).
func KindNames() []string {
	var out []string
	for _, k := range Kinds() {
		if k != DNS {
			out = append(out, string(k))
		}
	}
	return out
}

// NodeKind is the kind of node of the system graph a call of kind k
// reaches.
func (k Kind) NodeKind() graph.Kind {
	switch k {
	case SQL, Redis, Mongo, CQL, Search, Memcache, Etcd, Consul, Bolt:
		return graph.Datastore
	case Kafka, AMQP, NATS:
		return graph.Queue
	case Cloud:
		return graph.External // a managed service of a cloud provider
	}
	return graph.Service
}

// Hang says what a missing deadline means for a call of kind k, for
// messages: why nothing else bounds it.
func (k Kind) Hang() string {
	switch k {
	case GRPC:
		return "gRPC has no default deadline, so a hung server blocks the call forever"
	case SQL:
		return "a hung database or an exhausted connection pool blocks the call forever"
	case HTTP:
		return "nothing else bounds the request, so a server that stops responding blocks it forever"
	case Redis:
		return "the client's read timeout is disabled, so a hung server blocks the command forever" // go-redis; others say their own
	case Kafka:
		return "a broker that stops responding blocks the call forever"
	case Cloud:
		return "the SDK sets no timeout of its own on this call, so a hung endpoint blocks it forever"
	case TCP:
		return "the dialer has no timeout, so an unreachable host blocks the dial until the operating system gives up"
	case Mongo:
		return "the driver has no socket or operation timeout by default, so a hung server blocks the operation forever"
	case CQL:
		return "a query with no timeout waits for a hung node forever"
	case Search:
		return "the client's HTTP transport has no overall timeout, so a hung cluster blocks the request forever"
	case Memcache, Etcd, Consul, Bolt:
		return "nothing else bounds the call, so a hung server blocks it forever"
	case NATS:
		return "a request with no deadline waits for a reply forever"
	case AMQP:
		return "a broker that stops responding blocks the call forever"
	}
	return "a dependency that stops responding blocks the call forever"
}

// Protocol is the topology's protocol of an edge made of calls of kind k.
func (k Kind) Protocol() string {
	if k == RPC {
		return "tcp" // net/rpc: gob over a TCP connection
	}
	return string(k)
}

// API describes one function or method that performs a remote operation.
type API struct {
	// Pkg is the import path of the declaring package, or a tree of
	// packages written "root/..." (every service package of an SDK).
	Pkg string
	// Type is the receiver or interface type; "" for package-level
	// functions; "*" for every exported named type of the package.
	Type string
	// Name is the function or method; "*" for every method of Type whose
	// first parameter is a context.Context.
	Name string
	Kind Kind

	// Ctx is the index of the context.Context parameter (receiver not
	// counted), or -1 when the API takes none and so cannot be bounded by
	// a context deadline.
	Ctx int
	// Req is the index of an *http.Request (or retryablehttp.Request)
	// parameter whose context bounds the call, or -1.
	Req int
	// Consume marks APIs that wait for work to arrive (a queue consumer's
	// read): blocking forever on them is their purpose, not a hazard.
	Consume bool
	// Bound says what bounds a call when its context (or request) does
	// not: by default nothing.
	Bound Bound
	// Stream marks APIs that open a stream living as long as its context
	// (gRPC NewStream, watches): a stream is meant to stay open.
	Stream bool
	// CtxFrom names the method of the receiver's chain that gives a call
	// with no context parameter its context ("WithContext" for gorm and
	// gocql queries, "SetContext" for resty requests): the context of the
	// nearest such call on the receiver is the call's.
	CtxFrom string
	// Service names the managed service a Cloud API reaches ("s3",
	// "dynamodb", "gcs"): the node the call is an edge to. "*" names it
	// after the package, for an entry of a tree of packages.
	Service string
	// Twin, on an API that takes no context, names its variant that does
	// (QueryContext for Query, BeginTx for Begin): ctxdeadline's
	// dropped-context findings name it, and rewrite the call to it where
	// the replacement is mechanical. nil where the library has no such
	// variant, or one that does not bound the call (go-redis v6's
	// WithContext, whose context no command reads).
	Twin *Twin

	lib *Library
}

// Twin is the context-taking variant of a context-less API.
type Twin struct {
	// Name is the method of the same receiver, or the function of the same
	// package, that takes the context as its first argument and then the
	// API's own arguments (Tail after them); with Chain, the method of the
	// receiver that gives the context to the calls made on its result.
	Name string
	// Tail is the source of the arguments the variant takes after the
	// API's ("nil": Begin() → BeginTx(ctx, nil)).
	Tail string
	// Chain says the context is given on the receiver's chain, by calling
	// Name(ctx) before the API (gorm's db.WithContext(ctx).Find(&x)).
	Chain bool
	// Advice, when the replacement is not mechanical, says what to call
	// instead, with ctx standing for the context (http.Get →
	// "http.NewRequestWithContext(ctx, http.MethodGet, url, nil) sent with
	// Do"): the finding names it and offers no rewrite.
	Advice string
}

// Bound says what bounds an API's calls besides its context.
type Bound int

// The bounds of APIs.
const (
	// Nothing but the context (or the request's) bounds the call: with no
	// deadline it can wait forever.
	Nothing Bound = iota
	// Own: the library bounds the call itself (net.DialTimeout, a
	// client's default timeouts, a timeout parameter), whatever the
	// context: never reported for want of a deadline.
	Own
	// Unknown: settings faultline cannot see decide (driver options, a
	// connection's deadlines, a library whose behaviour was not read):
	// never reported.
	Unknown
)

// Library returns the library family the API belongs to.
func (a *API) Library() *Library { return a.lib }

// Hang says what a missing deadline means for a call of the API, for
// messages: its library's words, or its kind's.
func (a *API) Hang() string {
	if a.lib != nil && a.lib.Hang != "" {
		return a.lib.Hang
	}
	return a.Kind.Hang()
}

// Bounded reports whether something other than a context bounds the call,
// or may: the library itself, or settings faultline cannot see.
func (a *API) Bounded() bool { return a.Bound != Nothing }

// Library is one family of client libraries (several modules or major
// versions whose APIs are alike).
type Library struct {
	Name string // as `faultline libraries` lists it
	// Paths are the import paths of its modules: a package belongs to the
	// library when its path is one of them or below one.
	Paths []string
	// Versions says which versions the entries were read from.
	Versions string
	// Notes says, in a sentence or two, what the library's defaults bound
	// and what faultline does not know of it (and so never reports).
	Notes string
	// Hang says what a missing deadline means for the library's calls,
	// when the kind's words (Kind.Hang) do not fit it.
	Hang string
	// Engine names what the library's calls reach, for the nodes of the
	// system graph: "mongodb", "cassandra", "elasticsearch".
	Engine string
	APIs   []API
	// Addrs say where the code writes the address of what the library's
	// calls reach, and the topics they publish to: the evidence that ties
	// a call to a node of the system graph.
	Addrs []Addr
	// Bounds are the functions and methods that, when the client a call
	// goes through was built with one of them, bound every call the
	// client makes (mongo's options SetTimeout): as types.Func.FullName
	// writes them.
	Bounds []string
	// Serves are the methods of a server framework that start serving
	// HTTP, with what they serve (servertimeout).
	Serves []Serve

	bounds *lint.FuncSet
}

// BoundsSet returns Bounds as a set, or nil when there are none.
func (l *Library) BoundsSet() *lint.FuncSet {
	if l == nil {
		return nil
	}
	index()
	return l.bounds
}

// Addr is a function or method of a library whose arguments name what its
// client reaches: a constructor given the address (memcache.New(servers)),
// a builder of options (ApplyURI(uri)), or a call given a message with its
// topic (SendMessage(&ProducerMessage{Topic: t})).
type Addr struct {
	Func string // as types.Func.FullName writes it
	// Arg is the index of the argument (receiver not counted) that holds
	// the address, a []string of them, or a struct (or pointer to one)
	// with Fields; -1 for every argument from Variadic on.
	Arg int
	// Fields are the fields of a struct argument that hold it.
	Fields []string
	// Topic says the value names a topic or queue rather than a host.
	Topic bool
	// Driver says the argument before Arg names a database/sql driver
	// ("postgres", "mysql"), which tells the engine: sqlx.Open(driver, dsn).
	Driver bool
	// Engine is the engine the call implies, when it does by itself
	// (gorm's postgres.Open(dsn) reaches PostgreSQL).
	Engine string
}

// Has reports whether the package path belongs to the library.
func (l *Library) Has(path string) bool {
	for _, p := range l.Paths {
		if within(path, p) {
			return true
		}
	}
	return false
}

// within reports whether the package path is root or below it.
func within(path, root string) bool {
	return strings.HasPrefix(path, root) && (len(path) == len(root) || path[len(root)] == '/')
}

// up calls f with path and then with each path above it, parent first
// ("a/b/c", "a/b", "a"), until f returns true; it reports whether f did.
func up(path string, f func(string) bool) bool {
	for {
		if f(path) {
			return true
		}
		i := strings.LastIndexByte(path, '/')
		if i < 0 {
			return false
		}
		path = path[:i]
	}
}

// declaredLibrary is the library of the APIs a team declares itself.
var declaredLibrary = &Library{
	Name:  "settings.remotes",
	Notes: "The team's own client APIs, declared in the topology's settings.remotes (or go vet's -faultline.remotes).",
}

// Declared returns the API of a function the team declared remote: its
// kind, the index of its context parameter (or -1), whether it waits for
// work by design, and whether something other than its context bounds it.
func Declared(fn *types.Func, kind Kind, ctx int, waits, bounded bool) *API {
	a := &API{Kind: kind, Ctx: ctx, Req: -1, Consume: waits, Name: fn.Name(), lib: declaredLibrary}
	if fn.Pkg() != nil {
		a.Pkg = fn.Pkg().Path()
	}
	if tn := lint.RecvTypeName(fn); tn != nil {
		a.Type = tn.Name()
	}
	if bounded {
		a.Bound = Own
	}
	return a
}

// Libraries returns the library families the catalogue models, sorted by
// name.
func Libraries() []*Library { return slices.Clone(index().libs) }

// Modelled reports whether path belongs to a library of the catalogue, or
// to one whose code holds no call to model (protobuf, x/sys): faultline
// knows what such a library does from its tables and skips its bodies.
func Modelled(path string) bool { return LibraryOf(path) != nil }

// Lookup reports whether fn is a remote API of the catalogue, comparing the
// entries, resolved in fn's package, by object identity.
func Lookup(fn *types.Func) (*API, bool) {
	if fn == nil || fn.Pkg() == nil {
		return nil, false
	}
	fn = fn.Origin()
	res := resolve(fn.Pkg())
	if res == nil {
		return nil, false
	}
	k := lint.KeyOf(fn)
	if api, ok := res.funcs[k]; ok {
		return api, true
	}
	if k.Recv != "" {
		if api, ok := res.types[k.Recv]; ok && firstParamIsContext(fn) {
			return api, true
		}
	}
	return nil, false
}

// families lists every library family of the catalogue: each file
// registers its own, in an init function.
var families []*Library

// register adds library families to the catalogue.
func register(ls ...*Library) { families = append(families, ls...) }

// catalogue is the index of the tables, built once. Every question a rule
// asks of it (is this package modelled, which library is it, what are its
// entries) costs a few map lookups, however many libraries there are: the
// tables grow by family, the analysis of a package must not.
type catalogue struct {
	libs      []*Library
	byPath    map[string][]*API
	trees     []*API              // entries whose Pkg ends in "/...": every package below
	treeRoots map[string]bool     // the roots of trees
	roots     map[string]*Library // each path of each library: the library (of two, the first by name)
	addrs     map[string]*Addr    // by Func
	addrSet   *lint.FuncSet
}

var index = sync.OnceValue(func() *catalogue {
	c := &catalogue{libs: slices.Clone(families), byPath: map[string][]*API{}, treeRoots: map[string]bool{},
		roots: map[string]*Library{}, addrs: map[string]*Addr{}}
	slices.SortFunc(c.libs, func(a, b *Library) int { return strings.Compare(a.Name, b.Name) })
	var addrFuncs []string
	for _, l := range c.libs {
		for _, p := range l.Paths {
			if _, taken := c.roots[p]; !taken {
				c.roots[p] = l
			}
		}
		for i := range l.APIs {
			a := &l.APIs[i]
			a.lib = l
			if root, ok := strings.CutSuffix(a.Pkg, "/..."); ok {
				c.trees = append(c.trees, a)
				c.treeRoots[root] = true
				continue
			}
			c.byPath[a.Pkg] = append(c.byPath[a.Pkg], a)
		}
		if len(l.Bounds) > 0 {
			l.bounds = lint.NewFuncSet(l.Bounds...)
		}
		for i := range l.Addrs {
			c.addrs[l.Addrs[i].Func] = &l.Addrs[i]
			addrFuncs = append(addrFuncs, l.Addrs[i].Func)
		}
	}
	c.addrSet = lint.NewFuncSet(addrFuncs...)
	return c
})

// AddrOf returns the address evidence of fn, when fn is an Addr of a
// library of the catalogue.
func AddrOf(fn *types.Func) (*Addr, bool) {
	c := index()
	e, ok := c.addrSet.Entry(fn)
	if !ok {
		return nil, false
	}
	return c.addrs[e], true
}

// LibraryOf returns the library the package path belongs to, or nil: of
// two libraries whose paths hold it, the one with the longer, more
// specific path.
func LibraryOf(path string) *Library {
	c := index()
	var lib *Library
	up(path, func(p string) bool { // the longest path first
		lib = c.roots[p]
		return lib != nil
	})
	return lib
}

// hasEntries reports whether the catalogue has entries for the package
// path: its own or those of a tree of packages it is below.
func (c *catalogue) hasEntries(path string) bool {
	if len(c.byPath[path]) > 0 {
		return true
	}
	i := strings.LastIndexByte(path, '/')
	return i > 0 && up(path[:i], func(p string) bool { return c.treeRoots[p] })
}

// resolved is a package's entries, keyed by name: a memo value that held
// the package's objects would keep the package alive for ever (see
// lint.PkgMemo), and with it every module a run over several analyses.
type resolved struct {
	funcs map[lint.FuncKey]*API
	types map[string]*API // wildcard entries, by type name
}

var resolvedOf lint.PkgMemo[*resolved]

// resolve finds the objects of pkg's entries, once per package, and only
// for packages the catalogue has entries for: a run resolves the entries
// of the libraries its code calls, not the whole catalogue.
func resolve(pkg *types.Package) *resolved {
	if !index().hasEntries(pkg.Path()) {
		return nil
	}
	return resolvedOf.Get(pkg, func() *resolved {
		r := &resolved{funcs: map[lint.FuncKey]*API{}, types: map[string]*API{}}
		for _, a := range entriesOf(pkg.Path()) {
			switch {
			case a.Type == "":
				if f, ok := pkg.Scope().Lookup(a.Name).(*types.Func); ok {
					r.funcs[lint.KeyOf(f)] = a
				}
			case a.Type == "*":
				// Every named type of the package: the service clients of
				// an SDK, whatever their names.
				for _, name := range pkg.Scope().Names() {
					if tn, ok := pkg.Scope().Lookup(name).(*types.TypeName); ok && !tn.IsAlias() && tn.Exported() {
						if _, taken := r.types[tn.Name()]; !taken {
							r.types[tn.Name()] = a
						}
					}
				}
			default:
				tn, ok := pkg.Scope().Lookup(a.Type).(*types.TypeName)
				if !ok {
					continue
				}
				if a.Name == "*" {
					r.types[tn.Name()] = a
				} else if m := lint.MethodOf(tn, a.Name); m != nil && m.Pkg() == pkg {
					r.funcs[lint.KeyOf(m)] = a
				}
			}
		}
		return r
	})
}

// entriesOf returns the entries of the package path: those written for it,
// then those written for a tree of packages it is in ("…/service/..."),
// as copies naming it, with the managed service named after it when the
// entry says "*".
func entriesOf(path string) []*API {
	c := index()
	out := slices.Clip(c.byPath[path]) // appended to: the table's stays as it is
	for _, a := range c.trees {
		root := strings.TrimSuffix(a.Pkg, "/...")
		if path == root || !within(path, root) {
			continue
		}
		cp := *a
		cp.Pkg = path
		if cp.Service == "*" {
			rest := strings.TrimPrefix(path, root+"/")
			cp.Service, _, _ = strings.Cut(rest, "/")
		}
		out = append(out, &cp)
	}
	return out
}

func firstParamIsContext(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() > 0 && IsContext(sig.Params().At(0).Type())
}

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// Constructors of entries, for the tables.

func fn(pkg, name string, kind Kind, ctx int) API {
	return API{Pkg: pkg, Name: name, Kind: kind, Ctx: ctx, Req: -1}
}

func method(pkg, typ, name string, kind Kind, ctx int) API {
	return API{Pkg: pkg, Type: typ, Name: name, Kind: kind, Ctx: ctx, Req: -1}
}

func httpDo(pkg, typ, name string) API {
	return API{Pkg: pkg, Type: typ, Name: name, Kind: HTTP, Ctx: -1, Req: 0}
}

func wildcard(pkg, typ string, kind Kind) API {
	return API{Pkg: pkg, Type: typ, Name: "*", Kind: kind, Ctx: 0, Req: -1}
}

// consume marks an entry as a wait for work (see API.Consume).
func consume(a API) API { a.Consume = true; return a }

// bounded marks an entry as bounded by the library itself (see Own).
func bounded(a API) API { a.Bound = Own; return a }

// unknown marks an entry whose bound settings faultline cannot see decide
// (see Unknown).
func unknown(a API) API { a.Bound = Unknown; return a }

// stream marks an entry that opens a long-lived stream (see API.Stream).
func stream(a API) API { a.Stream = true; return a }

// twin names the variant of a context-less entry that takes the context
// first and the entry's arguments after it (see API.Twin).
func twin(a API, name string) API { a.Twin = &Twin{Name: name}; return a }

// advise says, for a context-less entry with no mechanical variant, what
// to call instead (see Twin.Advice).
func advise(a API, advice string) API { a.Twin = &Twin{Advice: advice}; return a }
