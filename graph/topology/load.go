package topology

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"cuelang.org/go/cue"
	"cuelang.org/go/cue/ast"
	"cuelang.org/go/cue/build"
	"cuelang.org/go/cue/cuecontext"
	"cuelang.org/go/cue/errors"
	"cuelang.org/go/cue/literal"
	"cuelang.org/go/cue/parser"
	"cuelang.org/go/cue/token"

	"github.com/faultline-dev/faultline/graph"
)

// schemaName is the file name the embedded schema is compiled under. It
// cannot be the name of a user's file, so positions in it are recognised and
// never shown.
const schemaName = "<faultline>/schema.cue"

// srcFile is one file of a topology.
type srcFile struct {
	name string // relative to Options.Root, slash-separated: the name in positions
	data []byte
	ast  *ast.File
}

// loader holds the state of one load.
type loader struct {
	files []*srcFile
	rank  map[string]int // file name -> index in files
	errs  errList
	ix    *index
	uv    cue.Value // the user's package, evaluated with the schema's definitions in scope
	g     *graph.Graph

	// strict is set when CUE found the topology invalid: the data is then
	// read field by field, and unknown fields are also looked for in Go,
	// because CUE stops reporting them in a struct that has another error.
	strict bool
	// settingsOnly reads a configuration file (Options.SettingsOnly).
	settingsOnly bool

	kinds map[string]graph.Kind // node name -> kind
	nodes map[string]*graph.Node
}

// testForceStrict makes tests take the path of invalid topologies.
var testForceStrict bool

// panicPrefix starts the message of the error that replaces a panic.
const panicPrefix = "faultline could not evaluate the topology"

// load reads a topology from its files, sorted by name, within the time and
// memory limits of opts. dir names the topology (the directory given) in an
// error about all of it; a topology of one file is named by the file.
func load(files []*srcFile, dir string, opts Options) (*graph.Graph, error) {
	where := dir
	if len(files) == 1 {
		where = files[0].name
	}
	return withBudget(where, opts, func() (*graph.Graph, error) { return evaluate(files, opts.SettingsOnly) })
}

// evaluate reads a topology from its files, sorted by name.
func evaluate(files []*srcFile, settingsOnly bool) (g *graph.Graph, err error) {
	// The CUE evaluator is large and bad input is arbitrary: should it (or
	// this package) panic, the user gets an error, not a stack trace. The
	// fuzz test fails on this error, so it is not a place to hide bugs.
	defer func() {
		if r := recover(); r != nil {
			g, err = nil, Errors{{
				Pos:  graph.Pos{File: files[0].name, Line: 1, Col: 1},
				Msg:  fmt.Sprintf("%s: internal error: %v", panicPrefix, r),
				Hint: "please report this with the topology that causes it",
			}}
		}
	}()
	l := &loader{files: files, rank: map[string]int{}, settingsOnly: settingsOnly}
	for i, f := range files {
		l.rank[f.name] = i
	}
	if !l.parse() || !l.checkPackage() {
		return nil, l.errs.result()
	}
	ctx := cuecontext.New()
	inst := l.instance(false)
	l.uv = ctx.BuildInstance(inst)
	l.ix = newIndex(l.files)

	valid := l.uv.Err() == nil && l.uv.Validate(cue.Concrete(true)) == nil &&
		l.uv.LookupPath(cue.MakePath(cue.Def("#Topology"))).Subsume(l.uv, cue.Final()) == nil
	if !valid || testForceStrict {
		l.strict = true
		l.schemaErrors(ctx)
	}
	l.convert()
	if len(l.errs.list) > 0 {
		return nil, l.errs.result()
	}
	l.g.Index()
	return l.g, nil
}

// parse checks the bytes of every file and parses it.
func (l *loader) parse() bool {
	ok := true
	for _, f := range l.files {
		if i := bytes.IndexByte(f.data, 0); i >= 0 {
			l.errs.add("", bytePos(f, i), "file holds binary data (a NUL byte), not CUE text",
				"point faultline at the topology's .cue files only")
			ok = false
			continue
		}
		if !utf8.Valid(f.data) {
			l.errs.add("", bytePos(f, firstInvalidUTF8(f.data)), "file is not valid UTF-8 text",
				"save the file as UTF-8")
			ok = false
			continue
		}
		a, err := parser.ParseFile(f.name, f.data)
		if err != nil {
			for _, e := range errors.Errors(err) {
				format, args := e.Msg()
				l.errs.add("", l.pos(e.Position()), "syntax error: "+fmt.Sprintf(format, args...), "")
			}
			ok = false
			continue
		}
		f.ast = a
	}
	return ok
}

// bytePos returns the position of byte offset i of f.
func bytePos(f *srcFile, i int) graph.Pos {
	line := bytes.Count(f.data[:i], []byte{'\n'}) + 1
	col := i - bytes.LastIndexByte(f.data[:i], '\n')
	return graph.Pos{File: f.name, Line: line, Col: col}
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// checkPackage checks that the files form one package and import only CUE's
// standard library.
func (l *loader) checkPackage() bool {
	ok := true
	first, firstFile := "", ""
	for _, f := range l.files {
		if name := f.ast.PackageName(); name != "" && first == "" {
			first, firstFile = name, f.name
		}
	}
	for _, f := range l.files {
		name := f.ast.PackageName()
		switch {
		case name == "" && first != "":
			l.errs.add("", graph.Pos{File: f.name, Line: 1, Col: 1},
				fmt.Sprintf("file has no package clause, but %s is package %s", firstFile, first),
				fmt.Sprintf("a topology is one CUE package: add \"package %s\" at the top", first))
			ok = false
		case name != first:
			l.errs.add("", l.pos(packagePos(f.ast)),
				fmt.Sprintf("package %s differs from package %s of %s", name, first, firstFile),
				"a topology is one CUE package: use one package name in all its files")
			ok = false
		}
		for spec := range f.ast.ImportSpecs() {
			p, err := literal.Unquote(spec.Path.Value)
			if err != nil {
				continue // the parser reports it
			}
			if elem, _, _ := strings.Cut(p, "/"); strings.Contains(elem, ".") {
				l.errs.add("", l.pos(spec.Pos()), fmt.Sprintf("import %q is not supported", p),
					"a topology is self-contained: it can import CUE's standard library only, such as \"strings\"")
				ok = false
			}
		}
	}
	return ok
}

func packagePos(f *ast.File) token.Pos {
	for _, d := range f.Decls {
		if p, ok := d.(*ast.Package); ok {
			return p.Name.Pos()
		}
	}
	return token.NoPos
}

// instance returns a build instance of the user's files and the schema. With
// full set, the schema embeds #Topology in the package, as under `cue vet`;
// otherwise only its definitions are in scope, so that the user may refer to
// them (services: x: #Service & {…}) without paying for the unification.
func (l *loader) instance(full bool) *build.Instance {
	inst := build.NewContext().NewInstance("topology", nil)
	for _, f := range l.files {
		_ = inst.AddSyntax(f.ast) // the package clauses were checked
	}
	schema, err := parser.ParseFile(schemaName, schemaCUE)
	if err != nil {
		panic("topology: the embedded schema does not parse: " + err.Error())
	}
	// The schema joins the user's package, so that references to its
	// definitions resolve.
	if name := l.files[0].ast.PackageName(); name != "" {
		schema.Decls = append([]ast.Decl{&ast.Package{Name: ast.NewIdent(name)}}, schema.Decls...)
	}
	if !full {
		schema.Decls = slices.DeleteFunc(schema.Decls, func(d ast.Decl) bool {
			_, embed := d.(*ast.EmbedDecl)
			return embed
		})
	}
	_ = inst.AddSyntax(schema)
	return inst
}

// pos converts a CUE position; positions in the schema become the zero Pos.
func (l *loader) pos(p token.Pos) graph.Pos {
	if !l.isUser(p) {
		return graph.Pos{}
	}
	return graph.Pos{File: p.Filename(), Line: p.Line(), Col: p.Column()}
}

// isUser reports whether p is a position in one of the topology's files.
func (l *loader) isUser(p token.Pos) bool {
	if !p.IsValid() {
		return false
	}
	_, ok := l.rank[p.Filename()]
	return ok
}

// before reports whether user position p comes before q in file order.
func (l *loader) before(p, q token.Pos) bool { return l.comparePos(p, q) < 0 }

// comparePos orders user positions by file, then offset.
func (l *loader) comparePos(p, q token.Pos) int {
	return cmp.Or(cmp.Compare(l.rank[p.Filename()], l.rank[q.Filename()]), cmp.Compare(p.Offset(), q.Offset()))
}

// userPos returns the first position, in file order, where the user wrote a
// conjunct of v. v.Pos() of a value unified with the schema can point into
// the schema, and of a value merged from several places points at one of
// them, so the conjuncts are walked instead.
func (l *loader) userPos(v cue.Value, depth int) token.Pos {
	best := token.NoPos
	consider := func(p token.Pos) {
		if l.isUser(p) && (!best.IsValid() || l.before(p, best)) {
			best = p
		}
	}
	consider(v.Pos())
	if depth > 0 { // Expr of a leaf returns the leaf itself: depth ends it
		_, args := v.Expr()
		for _, a := range args {
			consider(l.userPos(a, depth-1))
		}
	}
	return best
}

// A fieldPath addresses a value of the topology: labels, and list indices
// written "[i]".
type fieldPath []string

func (p fieldPath) with(elems ...string) fieldPath {
	q := make(fieldPath, len(p), len(p)+len(elems))
	copy(q, p)
	return append(q, elems...)
}

func (p fieldPath) String() string { return strings.Join(p, ".") }

func indexElem(i int) string { return "[" + strconv.Itoa(i) + "]" }

func (p fieldPath) cuePath() cue.Path {
	sels := make([]cue.Selector, len(p))
	for i, e := range p {
		if n, ok := strings.CutPrefix(e, "["); ok {
			if k, err := strconv.Atoi(strings.TrimSuffix(n, "]")); err == nil {
				sels[i] = cue.Index(k)
				continue
			}
		}
		sels[i] = cue.Str(e)
	}
	return cue.MakePath(sels...)
}

// posOf returns where the value at p is written: the label, from the syntax
// index, when the path is spelled out in the source, and otherwise the first
// user conjunct of the evaluated value (a field made by a comprehension, or
// embedded from a hidden field or a definition). A path that leads nowhere
// (as in some of CUE's errors) gets the position of the nearest value above
// it, and at worst the start of the first file: every error has a position.
func (l *loader) posOf(p fieldPath) graph.Pos {
	for n := len(p); n > 0; n-- {
		if tp := l.ix.lookup(p[:n]); tp.IsValid() {
			return l.pos(tp)
		}
		if pos := l.pos(l.userPos(l.uv.LookupPath(p[:n].cuePath()), 4)); pos.IsValid() {
			return pos
		}
	}
	return graph.Pos{File: l.files[0].name, Line: 1, Col: 1}
}

// export returns the user's data as JSON-like Go values: the whole package at
// once when it is valid, and otherwise every value that can be exported,
// skipping those with errors (which CUE reports).
func (l *loader) export() map[string]any {
	if !l.strict {
		if m, ok := exportJSON(l.uv).(map[string]any); ok {
			return m
		}
	}
	m, _ := exportPartial(l.uv, 0).(map[string]any)
	return m
}

func exportJSON(v cue.Value) any {
	b, err := v.MarshalJSON()
	if err != nil {
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var x any
	if d.Decode(&x) != nil {
		return nil
	}
	return x
}

// exportPartial exports v, or, when v has errors, as much of it as has none.
func exportPartial(v cue.Value, depth int) any {
	if x := exportJSON(v); x != nil {
		return x
	}
	if depth > 20 {
		return nil
	}
	it, err := v.Fields() // works on a struct with errors below it
	if err != nil {
		return nil
	}
	m := map[string]any{}
	for it.Next() {
		sel := it.Selector()
		if !sel.IsString() {
			continue // not a field of the data: the value is in error
		}
		if x := exportPartial(it.Value(), depth+1); x != nil {
			m[sel.Unquoted()] = x
		}
	}
	return m
}

// errList collects errors, once each.
type errList struct {
	list Errors
	seen map[string]bool
}

// add records an error. Errors with the same non-empty key are recorded once.
func (l *errList) add(key string, pos graph.Pos, msg, hint string) {
	if key == "" {
		key = pos.String() + "\x00" + msg
	}
	if l.seen == nil {
		l.seen = map[string]bool{}
	}
	if l.seen[key] {
		return
	}
	l.seen[key] = true
	l.list = append(l.list, &Error{Pos: pos, Msg: msg, Hint: hint})
}

func (l *errList) result() error {
	if len(l.list) == 0 {
		return nil
	}
	slices.SortStableFunc(l.list, func(a, b *Error) int {
		return cmp.Or(
			strings.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			strings.Compare(a.Msg, b.Msg),
		)
	})
	return l.list
}
