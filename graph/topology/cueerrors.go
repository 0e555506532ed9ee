package topology

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/faultline-dev/faultline/graph"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/literal"
	"cuelang.org/go/cue/token"
)

// cueErr is one error of CUE's, at a path of the topology.
type cueErr struct {
	p      fieldPath
	format string
	args   []any
	user   []token.Pos // positions in the topology's files, in file order
	schema bool        // some position is in the schema
}

// schemaErrors evaluates the topology unified with #Topology, exactly as
// `cue vet` does, and reports CUE's errors in plain words: one error per
// field, with the user's position.
func (l *loader) schemaErrors(ctx *cue.Context) {
	v := ctx.BuildInstance(l.instance(true))
	err := v.Validate(cue.Concrete(true))
	if err == nil {
		err = v.Err()
	}
	if err == nil {
		return
	}
	var errs []*cueErr
	for _, e := range errors.Errors(err) {
		format, args := e.Msg()
		if strings.HasSuffix(format, "errors in empty disjunction:") {
			continue // a header; the disjuncts' errors follow
		}
		ce := &cueErr{p: l.errPath(e.Path()), format: format, args: args}
		for _, p := range append([]token.Pos{e.Position()}, e.InputPositions()...) {
			switch {
			case l.isUser(p):
				if !slices.Contains(ce.user, p) {
					ce.user = append(ce.user, p)
				}
			case p.IsValid() && p.Filename() == schemaName:
				ce.schema = true
			}
		}
		slices.SortFunc(ce.user, l.comparePos)
		errs = append(errs, ce)
	}
	// One report per path; a path with errors below it is explained by them
	// (a struct given to `bool | #Breaker` with a wrong field in it).
	byPath := map[string][]*cueErr{}
	hasBelow := map[string]bool{}
	var order []string
	for _, e := range errs {
		k := e.p.String()
		if byPath[k] == nil {
			order = append(order, k)
		}
		byPath[k] = append(byPath[k], e)
		for n := range len(e.p) {
			hasBelow[e.p[:n].String()] = true
		}
	}
	for _, k := range order {
		if k == "" || !hasBelow[k] {
			l.cueError(byPath[k])
		}
	}
}

// errPath converts the path of a CUE error to a path of the topology:
// labels unquoted, list indices written "[i]".
func (l *loader) errPath(elems []string) fieldPath {
	p := make(fieldPath, 0, len(elems))
	sh := schemaShape()
	for _, e := range elems {
		if strings.HasPrefix(e, `"`) {
			if s, err := literal.Unquote(e); err == nil {
				e = s
			}
		}
		if sh != nil && sh.isList {
			if _, err := strconv.Atoi(e); err == nil {
				e = "[" + e + "]"
			}
		}
		p = append(p, e)
		if sh != nil {
			sh = sh.at(fieldPath{e})
		}
	}
	return p
}

// cueError reports the errors CUE found at one path.
func (l *loader) cueError(group []*cueErr) {
	e := group[0]
	p := e.p
	var first token.Pos
	for _, g := range group {
		if len(g.user) > 0 && (!first.IsValid() || l.before(g.user[0], first)) {
			first = g.user[0]
		}
	}
	pos := l.pos(first)
	if !pos.IsValid() {
		pos = l.posOf(p)
	}
	if e.format == "field not allowed" && len(p) > 0 {
		l.unknownField(p, schemaShape().at(p[:len(p)-1]), pos)
		return
	}
	if e.format == "builtin package %q undefined" && len(e.args) == 1 {
		l.errs.add("", pos, fmt.Sprintf("import %q: CUE's standard library has no such package", e.args[0]),
			`a topology can import CUE's standard library only, such as "strings" or "list"`)
		return
	}
	name := displayName(p)
	key := "value|" + p.String()

	uv := l.uv.LookupPath(p.cuePath())
	switch {
	case len(p) > 0 && uv.Exists() && uv.Err() != nil:
		// The user's own values disagree, before the schema is applied.
		if strings.HasPrefix(e.format, "conflicting values") && len(e.user) >= 2 && len(e.args) >= 2 {
			at := make([]string, len(e.user))
			for i, u := range e.user {
				at[i] = l.pos(u).String()
			}
			l.errs.add(key, pos,
				fmt.Sprintf("%s has conflicting values %v and %v", name, e.args[0], e.args[1]),
				"written at "+strings.Join(at, " and ")+": keep one")
			return
		}
	case strings.HasPrefix(e.format, "incomplete value"):
		got, _ := l.gotValue(uv)
		l.errs.add(key, pos, fmt.Sprintf("%s has no concrete value (got %s)", name, got),
			"give it a value, not a type or a constraint")
		return
	case e.schema:
		if sh := schemaShape().at(p); sh != nil && sh.desc != "" {
			msg := fmt.Sprintf("%s must be %s", name, sh.desc)
			hint := ""
			if uv.Exists() && uv.Err() == nil {
				got, gotStr := l.gotValue(uv)
				msg += " (got " + got + ")"
				if sh.enum != nil && gotStr != "" {
					if n := graph.Nearest(gotStr, sh.enum); n != "" {
						hint = fmt.Sprintf("did you mean %s?", n)
					}
				}
			}
			if len(p) == 0 {
				hint = "write fields such as services: NAME: {…} at the top level"
			}
			l.errs.add(key, pos, msg, hint)
			return
		}
	}
	msg := fmt.Sprintf(e.format, e.args...)
	if len(p) > 0 {
		msg = name + ": " + msg
	}
	l.errs.add(key+"|"+msg, pos, msg, "")
}

// gotValue describes the user's value at a path for a message, and returns
// it as a string when it is one.
func (l *loader) gotValue(v cue.Value) (string, string) {
	if !v.Exists() {
		return "nothing", ""
	}
	switch k := v.IncompleteKind(); {
	case k == cue.StructKind:
		return "a struct", ""
	case k == cue.ListKind:
		return "a list", ""
	case k == cue.StringKind && v.IsConcrete():
		s, _ := v.String()
		return short(strconv.Quote(s)), s
	}
	return short(formatValue(v)), ""
}

// formatValue formats v as CUE.
func formatValue(v cue.Value) string { return fmt.Sprintf("%v", v) }

// short cuts a value shown in a message to one line of reasonable length.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

// displayName names the value at p in a message: its label, with the
// label of its list before an index, as in provides[1].
func displayName(p fieldPath) string {
	if len(p) == 0 {
		return "the topology"
	}
	name := p[len(p)-1]
	for i := len(p) - 2; i >= 0 && strings.HasPrefix(name, "["); i-- {
		name = p[i] + name
	}
	return name
}
