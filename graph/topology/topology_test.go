package topology

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/faultline-dev/faultline/graph"
)

var update = flag.Bool("update", false, "rewrite the golden sections of the testdata archives")

// A fixture is a txtar archive: the topology's files, then a golden section
// out/graph.txt (the topology loads, and this is the graph) or
// out/errors.txt (it does not, and these are the errors). The archive's
// comment may hold lines "dir: D" (load directory D instead of ".") and
// "root: R" (Options.Root).
type fixture struct {
	file      string
	ar        *txtar.Archive
	fsys      fstest.MapFS
	dir, root string
}

func readFixtures(t testing.TB, glob string) []*fixture {
	t.Helper()
	names, err := filepath.Glob(glob)
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures %s: %v", glob, err)
	}
	var fs []*fixture
	for _, name := range names {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		fx := &fixture{file: name, ar: ar, fsys: fstest.MapFS{}, dir: "."}
		for _, line := range strings.Split(string(ar.Comment), "\n") {
			if v, ok := strings.CutPrefix(line, "dir: "); ok {
				fx.dir = strings.TrimSpace(v)
			}
			if v, ok := strings.CutPrefix(line, "root: "); ok {
				fx.root = strings.TrimSpace(v)
			}
		}
		for _, f := range ar.Files {
			if !strings.HasPrefix(f.Name, "out/") {
				fx.fsys[f.Name] = &fstest.MapFile{Data: f.Data}
			}
		}
		fs = append(fs, fx)
	}
	return fs
}

func (fx *fixture) load() (*graph.Graph, error) {
	return LoadFS(fx.fsys, fx.dir, Options{Root: fx.root})
}

func (fx *fixture) golden(name string) ([]byte, bool) {
	for _, f := range fx.ar.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// check compares got with the golden section, or rewrites it under -update.
func (fx *fixture) check(t *testing.T, name, got string) {
	t.Helper()
	want, _ := fx.golden(name)
	if got == string(want) {
		return
	}
	if *update {
		for i := range fx.ar.Files {
			if fx.ar.Files[i].Name == name {
				fx.ar.Files[i].Data = []byte(got)
			}
		}
		if err := os.WriteFile(fx.file, txtar.Format(fx.ar), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s differs from %s; got:\n%s\nwant:\n%s", name, fx.file, got, want)
}

func TestGoodTopologies(t *testing.T) {
	for _, fx := range readFixtures(t, "testdata/good/*.txtar") {
		t.Run(strings.TrimSuffix(filepath.Base(fx.file), ".txtar"), func(t *testing.T) {
			g, err := fx.load()
			if err != nil {
				t.Fatalf("load: %v", err)
			}
			fx.check(t, "out/graph.txt", dump(g))
			checkIndexed(t, g)
		})
	}
}

func TestBadTopologies(t *testing.T) {
	for _, fx := range readFixtures(t, "testdata/errors/*.txtar") {
		t.Run(strings.TrimSuffix(filepath.Base(fx.file), ".txtar"), func(t *testing.T) {
			g, err := fx.load()
			if err == nil {
				t.Fatalf("load succeeded; graph:\n%s", dump(g))
			}
			if g != nil {
				t.Errorf("a graph is returned with the errors")
			}
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("error is %T, not Errors: %v", err, err)
			}
			checkErrors(t, errs)
			fx.check(t, "out/errors.txt", err.Error()+"\n")
		})
	}
}

// checkErrors checks the properties every error list has: positions in the
// topology's files, sorted, one line each, no CUE noise.
func checkErrors(t *testing.T, errs Errors) {
	t.Helper()
	if len(errs) == 0 {
		t.Fatal("empty Errors")
	}
	for i, e := range errs {
		if !e.Pos.IsValid() {
			t.Errorf("error without a position: %v", e)
		}
		if strings.Contains(e.Pos.File, "<faultline>") {
			t.Errorf("error points into the schema: %v", e)
		}
		s := e.Error()
		if strings.Contains(s, "\n") || strings.Contains(s, "empty disjunction") || strings.Contains(s, "_|_") {
			t.Errorf("error is not one clear line: %q", s)
		}
		if i > 0 && compareErr(errs[i-1], e) > 0 {
			t.Errorf("errors not sorted: %v before %v", errs[i-1], e)
		}
	}
}

func compareErr(a, b *Error) int {
	if c := strings.Compare(a.Pos.File, b.Pos.File); c != 0 {
		return c
	}
	if a.Pos.Line != b.Pos.Line {
		return a.Pos.Line - b.Pos.Line
	}
	return a.Pos.Col - b.Pos.Col
}

// checkIndexed checks that the graph is sorted and indexed, and that every
// node, edge and entrypoint has a position, as do the fields it lists.
func checkIndexed(t *testing.T, g *graph.Graph) {
	t.Helper()
	for i, n := range g.Nodes {
		if g.NodeIndex(n.Name) != i {
			t.Errorf("node %s not indexed", n.Name)
		}
		if !n.Pos.IsValid() || n.Source != graph.FromTopology || !n.ReplicasKnown {
			t.Errorf("node %s: pos %v source %v known %v", n.Name, n.Pos, n.Source, n.ReplicasKnown)
		}
		for f, p := range n.Fields {
			if !p.IsValid() {
				t.Errorf("node %s field %s has no position", n.Name, f)
			}
		}
	}
	for _, e := range g.Edges {
		if g.Edge(e.From, e.To) != e {
			t.Errorf("edge %s not indexed", e.Key())
		}
		if !e.Pos.IsValid() || e.Source != graph.FromTopology {
			t.Errorf("edge %s: pos %v source %v", e.Key(), e.Pos, e.Source)
		}
		for f, p := range e.Fields {
			if !p.IsValid() {
				t.Errorf("edge %s field %s has no position", e.Key(), f)
			}
		}
	}
	for _, ep := range g.Entrypoints {
		if g.Entrypoint(ep.Name) != ep || !ep.Pos.IsValid() {
			t.Errorf("entrypoint %s not indexed or without position", ep.Name)
		}
	}
}

// dump prints every non-zero exported field of the graph, one per line.
func dump(g *graph.Graph) string {
	var b strings.Builder
	for _, n := range g.Nodes {
		fmt.Fprintf(&b, "node %s\n", n.Name)
		dumpStruct(&b, reflect.ValueOf(n).Elem(), "Name")
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "edge %s\n", e.Key())
		dumpStruct(&b, reflect.ValueOf(e).Elem(), "From", "To")
	}
	for _, ep := range g.Entrypoints {
		fmt.Fprintf(&b, "entrypoint %s\n", ep.Name)
		dumpStruct(&b, reflect.ValueOf(ep).Elem(), "Name")
	}
	if !reflect.ValueOf(g.Settings).IsZero() {
		b.WriteString("settings\n")
		dumpStruct(&b, reflect.ValueOf(g.Settings))
	}
	return b.String()
}

func dumpStruct(b *strings.Builder, v reflect.Value, skip ...string) {
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() || slices.Contains(skip, f.Name) || v.Field(i).IsZero() {
			continue
		}
		fmt.Fprintf(b, "  %s: %s\n", f.Name, repr(v.Field(i)))
	}
}

func repr(v reflect.Value) string {
	if s, ok := v.Interface().(fmt.Stringer); ok && v.Kind() != reflect.Pointer {
		return s.String()
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return "nil"
		}
		return repr(v.Elem())
	case reflect.Struct:
		var parts []string
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() && !v.Field(i).IsZero() {
				parts = append(parts, f.Name+"="+repr(v.Field(i)))
			}
		}
		return "{" + strings.Join(parts, " ") + "}"
	case reflect.Slice:
		parts := make([]string, v.Len())
		for i := range parts {
			parts[i] = repr(v.Index(i))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k.String() + "@" + repr(v.MapIndex(k))
		}
		return "{" + strings.Join(parts, " ") + "}"
	case reflect.String:
		return strconv.Quote(v.String())
	}
	return fmt.Sprint(v.Interface())
}

// mapFS returns a file system holding one topology file.
func mapFS(src string) fs.FS {
	return fstest.MapFS{"topology.cue": &fstest.MapFile{Data: []byte(src)}}
}

// TestSettingsOnly loads configuration files: settings alone, whose
// settings.ignore subjects name nodes declared elsewhere, are accepted; a
// service is an error at its position; exclude globs are checked.
func TestSettingsOnly(t *testing.T) {
	fsys := fstest.MapFS{
		"ok.cue":   {Data: []byte("settings: {\n\tignore: [{rule: \"spof\", subject: \"payment\", reason: \"managed\"}]\n\texclude: [\"test/**\"]\n\tseverity: nobreaker: \"note\"\n}\n")},
		"bad.cue":  {Data: []byte("settings: disable: [\"spof\"]\nservices: web: {}\n")},
		"glob.cue": {Data: []byte("settings: exclude: [\"/abs/**\"]\n")},
	}
	g, err := LoadFS(fsys, "ok.cue", Options{SettingsOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if s := g.Settings; len(s.Ignore) != 1 || s.Ignore[0].Subject != "payment" || s.Exclude[0] != "test/**" || s.Severity["nobreaker"] != "note" {
		t.Errorf("settings = %+v", s)
	}
	if _, err := LoadFS(fsys, "ok.cue", Options{}); err == nil || !strings.Contains(err.Error(), `subject "payment"`) {
		t.Errorf("as a topology, an ignore subject must name a node: %v", err)
	}
	if _, err := LoadFS(fsys, "bad.cue", Options{SettingsOnly: true}); err == nil || !strings.Contains(err.Error(), "bad.cue:2:1: services in a configuration file") {
		t.Errorf("bad.cue: %v", err)
	}
	if _, err := LoadFS(fsys, "glob.cue", Options{SettingsOnly: true}); err == nil || !strings.Contains(err.Error(), "drop the leading /") {
		t.Errorf("glob.cue: %v", err)
	}
}
