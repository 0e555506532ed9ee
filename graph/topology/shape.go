package topology

import (
	"slices"
	"strings"
	"sync"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/cuecontext"
)

// A shape is what the schema allows at one place of a topology, derived from
// #Topology once per process. The loader uses it to name the allowed fields
// of a struct (closedness and "did you mean" hints) and to say in words what
// a value must be when CUE rejects it.
type shape struct {
	fields map[string]*shape // the fields of a closed struct; nil if the value cannot be a struct
	names  []string          // the keys of fields, sorted
	elem   *shape            // the element of a list, or the value of a map ([string]: X)
	isMap  bool              // a struct of any labels, each an elem
	isList bool
	desc   string   // what a value must be, e.g. "an integer from 0 to 1000000"
	enum   []string // the allowed strings when the value is an enumeration
}

var (
	shapeOnce sync.Once
	topShape  *shape
)

// schemaShape returns the shape of #Topology.
func schemaShape() *shape {
	shapeOnce.Do(func() {
		ctx := cuecontext.New()
		v := ctx.CompileBytes(schemaCUE, cue.Filename(schemaName))
		if v.Err() != nil {
			panic("topology: the embedded schema does not compile: " + v.Err().Error())
		}
		topShape = shapeOf(v.LookupPath(cue.ParsePath("#Topology")), 0)
	})
	return topShape
}

// shapeOf derives the shape of schema value v.
func shapeOf(v cue.Value, depth int) *shape {
	s := &shape{}
	s.desc, s.enum = describe(v)
	if depth > 12 {
		return s
	}
	arms := []cue.Value{v}
	if op, args := v.Expr(); op == cue.OrOp {
		arms = args
	}
	for _, a := range arms {
		switch a.IncompleteKind() {
		case cue.StructKind:
			if p := a.LookupPath(cue.MakePath(cue.AnyString)); p.Exists() {
				s.isMap, s.elem = true, shapeOf(p, depth+1)
				continue
			}
			it, err := a.Fields(cue.Optional(true))
			if err != nil {
				continue
			}
			if s.fields == nil {
				s.fields = map[string]*shape{}
			}
			for it.Next() {
				name := it.Selector().Unquoted()
				s.fields[name] = shapeOf(it.Value(), depth+1)
				s.names = append(s.names, name)
			}
		case cue.ListKind:
			s.isList = true
			if e := a.LookupPath(cue.MakePath(cue.AnyIndex)); e.Exists() {
				s.elem = shapeOf(e, depth+1)
			}
		}
	}
	slices.Sort(s.names)
	return s
}

// at returns the shape at the given path below s (map keys and list indices
// match their element), or nil.
func (s *shape) at(p []string) *shape {
	for _, e := range p {
		switch {
		case s == nil:
			return nil
		case s.isMap || s.isList:
			s = s.elem
		default:
			s = s.fields[e]
		}
	}
	return s
}

// describe says in words what schema value v allows, and lists the allowed
// strings when v is an enumeration.
func describe(v cue.Value) (string, []string) {
	op, args := v.Expr()
	switch op {
	case cue.OrOp:
		var enum, parts []string
		for _, a := range args {
			if s, err := a.String(); err == nil && a.IsConcrete() {
				enum = append(enum, s)
			}
			d, _ := describe(a)
			parts = append(parts, d)
		}
		if len(enum) == len(args) {
			return "one of " + strings.Join(enum, "|"), enum
		}
		return joinOr(parts), nil
	case cue.AndOp:
		kind, bounds, limits := "", []string(nil), map[string]string{}
		for _, a := range flattenAnd(args) {
			if sym, n := bound(a); sym != "" {
				bounds = append(bounds, sym+" "+n)
				limits[sym] = n
			} else if kind == "" {
				kind, _ = describe(a)
			}
		}
		if kind == "" {
			kind = kindWord(v.IncompleteKind(), v)
		}
		switch {
		case len(bounds) == 0:
			return kind, nil
		case len(bounds) == 2 && limits[">="] != "" && limits["<="] != "":
			return kind + " from " + limits[">="] + " to " + limits["<="], nil
		}
		return kind + " " + strings.Join(bounds, " and "), nil
	}
	if sym, n := bound(v); sym != "" {
		return "a number " + sym + " " + n, nil
	}
	return kindWord(v.IncompleteKind(), v), nil
}

// flattenAnd returns the operands of nested conjunctions.
func flattenAnd(args []cue.Value) []cue.Value {
	var out []cue.Value
	for _, a := range args {
		if op, sub := a.Expr(); op == cue.AndOp {
			out = append(out, flattenAnd(sub)...)
		} else {
			out = append(out, a)
		}
	}
	return out
}

// bound returns the operator and the number of a bound such as >=0, or "".
func bound(v cue.Value) (sym, n string) {
	op, args := v.Expr()
	switch op {
	case cue.GreaterThanEqualOp:
		sym = ">="
	case cue.GreaterThanOp:
		sym = ">"
	case cue.LessThanEqualOp:
		sym = "<="
	case cue.LessThanOp:
		sym = "<"
	default:
		return "", ""
	}
	if len(args) != 1 {
		return "", ""
	}
	return sym, strings.TrimSpace(formatValue(args[0]))
}

func kindWord(k cue.Kind, v cue.Value) string {
	switch k {
	case cue.IntKind:
		return "an integer"
	case cue.NumberKind, cue.FloatKind:
		return "a number"
	case cue.StringKind:
		return "a string"
	case cue.BoolKind:
		return "a boolean"
	case cue.StructKind:
		return "a struct"
	case cue.ListKind:
		if e := v.LookupPath(cue.MakePath(cue.AnyIndex)); e.Exists() {
			d, enum := describe(e)
			if enum != nil {
				return "a list of " + strings.Join(enum, "|")
			}
			return "a list of " + plural(d)
		}
		return "a list"
	}
	return k.String()
}

// plural turns "a string" into "strings" and "an integer >= 0" into
// "integers >= 0".
func plural(d string) string {
	d = strings.TrimPrefix(strings.TrimPrefix(d, "an "), "a ")
	word, rest, _ := strings.Cut(d, " ")
	if rest != "" {
		return word + "s " + rest
	}
	return word + "s"
}

func joinOr(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}
