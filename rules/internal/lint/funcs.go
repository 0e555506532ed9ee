package lint

import (
	"fmt"
	"go/types"
	"strings"
)

// FuncSet is a set of functions and methods written as data, in the form
// types.Func.FullName prints them:
//
//	net/http.ListenAndServe
//	(*net/http.Server).ListenAndServe
//	(net/http.RoundTripper).RoundTrip
//	(github.com/redis/go-redis/v9.cmdable).*     every method of the type
//
// Membership is decided by object identity: an entry is resolved to the
// *types.Func of the package being analysed (once per package) and compared
// with the callee, so an import alias, a shadowing identifier or a method of
// another type with the same name can never match.
type FuncSet struct {
	byPath map[string][]funcEntry
	value  map[string]string // entry -> value, for FuncMap

	resolved PkgMemo[*resolvedSet]
}

type funcEntry struct {
	raw  string
	typ  string // "" for package-level functions
	name string // "*" for every method
}

// resolvedSet is a set's entries in one package, keyed by name: a memo
// value that held the package's objects would keep the package, its key,
// alive for ever (see PkgMemo).
type resolvedSet struct {
	funcs map[FuncKey]string // -> raw entry
	types map[string]string  // wildcard entries, by type name -> raw entry
}

// A FuncKey names a function or method within its package, without
// holding it.
type FuncKey struct{ Recv, Name string }

// KeyOf returns the key of fn (its generic origin's) within its package.
func KeyOf(fn *types.Func) FuncKey {
	k := FuncKey{Name: fn.Name()}
	if tn := RecvTypeName(fn); tn != nil {
		k.Recv = tn.Name()
	}
	return k
}

// NewFuncSet returns the set of the given entries. It panics on a malformed
// entry: tables are part of the program.
func NewFuncSet(entries ...string) *FuncSet {
	s := &FuncSet{byPath: map[string][]funcEntry{}}
	for _, e := range entries {
		path, fe, err := parseEntry(e)
		if err != nil {
			panic(err)
		}
		s.byPath[path] = append(s.byPath[path], fe)
	}
	return s
}

// ParseFuncSet is NewFuncSet for entries from users (flags, settings): it
// returns an error instead of panicking.
func ParseFuncSet(entries []string) (*FuncSet, error) {
	s := &FuncSet{byPath: map[string][]funcEntry{}}
	for _, e := range entries {
		path, fe, err := parseEntry(e)
		if err != nil {
			return nil, err
		}
		s.byPath[path] = append(s.byPath[path], fe)
	}
	return s, nil
}

// ParseEntry splits an entry, "(*pkg/path.Type).Method" or
// "pkg/path.Func", into its package path, type ("" for a function) and
// name ("*" for every method).
func ParseEntry(e string) (pkgPath, typ, name string, err error) {
	path, fe, err := parseEntry(e)
	return path, fe.typ, fe.name, err
}

// Resolves reports whether entry e names a function, a method or (with
// "*") a type of pkg: whether a declaration made with it can apply.
func Resolves(e string, pkg *types.Package) bool {
	_, typ, name, err := ParseEntry(e)
	if err != nil || pkg == nil {
		return false
	}
	if typ == "" {
		_, ok := pkg.Scope().Lookup(name).(*types.Func)
		return ok
	}
	tn, ok := pkg.Scope().Lookup(typ).(*types.TypeName)
	if !ok {
		return false
	}
	return name == "*" || MethodOf(tn, name) != nil || methodSetHas(tn, name)
}

// methodSetHas reports whether *T (or T) has a method name, promoted ones
// included.
func methodSetHas(tn *types.TypeName, name string) bool {
	for _, t := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
		if sel := types.NewMethodSet(t).Lookup(tn.Pkg(), name); sel != nil {
			return true
		}
	}
	return false
}

// parseEntry splits "(*pkg/path.Type).Method" or "pkg/path.Func".
func parseEntry(e string) (string, funcEntry, error) {
	bad := func() (string, funcEntry, error) {
		return "", funcEntry{}, fmt.Errorf("%q is not a function: write pkg/path.Func or (*pkg/path.Type).Method", e)
	}
	fe := funcEntry{raw: e}
	if strings.HasPrefix(e, "(") {
		recv, name, ok := strings.Cut(e[1:], ").")
		if !ok || name == "" {
			return bad()
		}
		recv = strings.TrimPrefix(recv, "*")
		dot := strings.LastIndex(recv, ".")
		if dot <= 0 || dot == len(recv)-1 {
			return bad()
		}
		fe.typ, fe.name = recv[dot+1:], name
		return recv[:dot], fe, nil
	}
	// A function's name has no dot; a package path's last element may
	// (github.com/nats-io/nats.go.Connect): split at the last dot.
	slash := strings.LastIndex(e, "/")
	dot := strings.LastIndex(e, ".")
	if dot <= slash+1 || strings.HasSuffix(e, ".") {
		return bad()
	}
	fe.name = e[dot+1:]
	return e[:dot], fe, nil
}

// Has reports whether fn is in the set.
func (s *FuncSet) Has(fn *types.Func) bool {
	_, ok := s.Entry(fn)
	return ok
}

// Entry returns the entry fn matches.
func (s *FuncSet) Entry(fn *types.Func) (string, bool) {
	if s == nil || fn == nil || fn.Pkg() == nil {
		return "", false
	}
	fn = fn.Origin()
	if _, ok := s.byPath[fn.Pkg().Path()]; !ok {
		return "", false
	}
	r := s.resolve(fn.Pkg())
	k := KeyOf(fn)
	if e, ok := r.funcs[k]; ok {
		return e, true
	}
	if k.Recv != "" {
		if e, ok := r.types[k.Recv]; ok {
			return e, true
		}
	}
	return "", false
}

// Empty reports whether the set has no entries.
func (s *FuncSet) Empty() bool { return s == nil || len(s.byPath) == 0 }

func (s *FuncSet) resolve(pkg *types.Package) *resolvedSet {
	return s.resolved.Get(pkg, func() *resolvedSet { return s.resolveIn(pkg) })
}

func (s *FuncSet) resolveIn(pkg *types.Package) *resolvedSet {
	r := &resolvedSet{funcs: map[FuncKey]string{}, types: map[string]string{}}
	for _, e := range s.byPath[pkg.Path()] {
		if e.typ == "" {
			if f, ok := pkg.Scope().Lookup(e.name).(*types.Func); ok {
				r.funcs[KeyOf(f)] = e.raw
			}
			continue
		}
		tn, ok := pkg.Scope().Lookup(e.typ).(*types.TypeName)
		if !ok {
			continue
		}
		if e.name == "*" {
			r.types[tn.Name()] = e.raw
			continue
		}
		// A method an interface embeds from another package is looked up
		// in that package's set, never in this one.
		if m := MethodOf(tn, e.name); m != nil && m.Pkg() == pkg {
			r.funcs[KeyOf(m)] = e.raw
		}
	}
	return r
}

// MethodOf returns the method called name declared on the named type tn
// (for an interface: declared in it or in an interface it embeds), or nil.
func MethodOf(tn *types.TypeName, name string) *types.Func {
	named, ok := types.Unalias(tn.Type()).(*types.Named)
	if !ok {
		return nil
	}
	if iface, ok := named.Underlying().(*types.Interface); ok {
		for i := range iface.NumMethods() {
			if m := iface.Method(i); m.Name() == name {
				return m
			}
		}
		return nil
	}
	for i := range named.NumMethods() {
		if m := named.Method(i); m.Name() == name {
			return m
		}
	}
	return nil
}

// RecvTypeName returns the type name of a method's receiver (pointer or
// not), or nil for functions.
func RecvTypeName(fn *types.Func) *types.TypeName {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil
	}
	t := types.Unalias(sig.Recv().Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	if n, ok := t.(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

// IsNamed reports whether t (or *t) is the named type pkg.name.
func IsNamed(t types.Type, pkg, name string) bool {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, ok := t.(*types.Named)
	if !ok {
		return false
	}
	obj := n.Origin().Obj()
	return obj.Name() == name && obj.Pkg() != nil && obj.Pkg().Path() == pkg
}

// ShortFunc shortens a function's full name for messages by dropping the
// directories of its import path: "example.com/shop/services/catalog.load"
// becomes "catalog.load" and "(*example.com/shop/catalog.server).list"
// becomes "(*catalog.server).list".
func ShortFunc(fullName string) string {
	prefix, rest := "", fullName
	switch {
	case strings.HasPrefix(rest, "(*"):
		prefix, rest = "(*", rest[2:]
	case strings.HasPrefix(rest, "("):
		prefix, rest = "(", rest[1:]
	}
	if i := strings.LastIndexByte(rest, '/'); i >= 0 {
		rest = rest[i+1:]
	}
	return prefix + rest
}
