package catalog

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/graph/topology"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// TestSchemaKinds checks that the kinds a topology may declare a remote
// API of (settings.remotes) are the catalogue's.
func TestSchemaKinds(t *testing.T) {
	m := regexp.MustCompile(`(?m)^\s*kind\?:\s*(.+)$`).FindAllStringSubmatch(string(topology.Schema()), -1)
	var got []string
	for _, line := range m {
		if strings.Contains(line[1], `"bolt"`) {
			for _, k := range regexp.MustCompile(`"([a-z]+)"`).FindAllStringSubmatch(line[1], -1) {
				got = append(got, k[1])
			}
		}
	}
	want := KindNames()
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the schema's remote kinds are %q, the catalogue's %q", got, want)
	}
}

// TestCatalogue checks every entry: its library registered, its package
// path under one of the library's, no API listed twice, and notes that say
// something.
func TestCatalogue(t *testing.T) {
	seen := map[string]string{}
	for _, l := range Libraries() {
		if l.Name == "" || l.Notes == "" || l.Versions == "" || len(l.Paths) == 0 {
			t.Errorf("library %q: name, notes, versions and paths are required", l.Name)
		}
		for _, a := range l.APIs {
			pkg := strings.TrimSuffix(a.Pkg, "/...")
			if !l.Has(pkg) {
				t.Errorf("%s: API %s.%s.%s is in none of its packages %v", l.Name, a.Pkg, a.Type, a.Name, l.Paths)
			}
			key := a.Pkg + "." + a.Type + "." + a.Name
			if other, dup := seen[key]; dup {
				t.Errorf("API %s is listed by %s and %s", key, other, l.Name)
			}
			seen[key] = l.Name
			if a.Library() != l {
				t.Errorf("API %s does not know its library", key)
			}
		}
		for _, ad := range l.Addrs {
			if _, _, _, err := lint.ParseEntry(ad.Func); err != nil {
				t.Errorf("%s: Addr %q: %v", l.Name, ad.Func, err)
			}
		}
	}
}

// probePaths returns package paths to ask the catalogue about: every path
// of every library and of every entry, a package below each, one beside
// each (a longer name that shares the prefix), and their parents.
func probePaths() []string {
	var out []string
	add := func(p string) {
		out = append(out, p, p+"/sub", p+"/sub/deeper", p+"x", p+"x/sub")
		if i := strings.LastIndexByte(p, '/'); i > 0 {
			out = append(out, p[:i])
		}
	}
	for _, l := range Libraries() {
		for _, p := range l.Paths {
			add(p)
		}
		for _, a := range l.APIs {
			add(strings.TrimSuffix(a.Pkg, "/..."))
		}
	}
	return append(out, "fmt", "net/http", "example.com/app", "")
}

// TestIndexedLookups checks the catalogue's indexed answers against the
// plain reading of the tables: the library of a path is the one with the
// longest path holding it, and a package has entries when one is written
// for it or for a tree it is below.
func TestIndexedLookups(t *testing.T) {
	c := index()
	for _, path := range probePaths() {
		var want *Library
		best := -1
		for _, l := range c.libs {
			for _, p := range l.Paths {
				if (path == p || strings.HasPrefix(path, p+"/")) && len(p) > best {
					want, best = l, len(p)
				}
			}
		}
		if got := LibraryOf(path); got != want {
			t.Errorf("LibraryOf(%q) = %v, want %v", path, name(got), name(want))
		}
		if got := Modelled(path); got != (want != nil) {
			t.Errorf("Modelled(%q) = %v, want %v", path, got, want != nil)
		}
		for _, l := range c.libs {
			has := slices.ContainsFunc(l.Paths, func(p string) bool { return path == p || strings.HasPrefix(path, p+"/") })
			if l.Has(path) != has {
				t.Errorf("%s.Has(%q) = %v, want %v", l.Name, path, !has, has)
			}
		}
		wantEntries := len(c.byPath[path]) > 0
		for _, a := range c.trees {
			if strings.HasPrefix(path, strings.TrimSuffix(a.Pkg, "...")) {
				wantEntries = true
			}
		}
		if got := c.hasEntries(path); got != wantEntries {
			t.Errorf("hasEntries(%q) = %v, want %v", path, got, wantEntries)
		}
		if got := len(entriesOf(path)) > 0; got != wantEntries {
			t.Errorf("entriesOf(%q) has entries: %v, want %v", path, got, wantEntries)
		}
	}
}

func name(l *Library) string {
	if l == nil {
		return "nil"
	}
	return l.Name
}

// BenchmarkLibraryOf measures the questions rules ask of the catalogue for
// every call and package: which library a path is, whether it is
// modelled, whether it has entries.
func BenchmarkLibraryOf(b *testing.B) {
	paths := probePaths()
	c := index()
	b.ResetTimer()
	for i := range b.N {
		p := paths[i%len(paths)]
		LibraryOf(p)
		c.hasEntries(p)
	}
}

// TestUnmodelledTelemetry checks which imports make a package's telemetry
// unknown: an instrumentation library the table does not model, not a
// modelled one, its option subpackages, or the runtime's metrics.
func TestUnmodelledTelemetry(t *testing.T) {
	for path, want := range map[string]bool{
		"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp":                       false,
		"go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc/filters": false,
		"go.opentelemetry.io/contrib/instrumentation/runtime":                                 false,
		"go.opentelemetry.io/contrib/instrumentation/github.com/aws/aws-sdk-go-v2/otelaws":    true,
		"go.opentelemetry.io/contrib/instrumentation/net/http/httptrace/otelhttptrace":        true,
		"gopkg.in/DataDog/dd-trace-go.v1/contrib/google.golang.org/grpc":                      true,
		"github.com/XSAM/otelsql":                        false,
		"github.com/prometheus/client_golang/prometheus": false,
		"net/http": false,
		"github.com/go-kit/kit/tracing/opentracing": true,
	} {
		if got := UnmodelledTelemetry(path); got != want {
			t.Errorf("UnmodelledTelemetry(%q) = %v, want %v", path, got, want)
		}
	}
}
