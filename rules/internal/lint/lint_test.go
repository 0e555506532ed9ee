package lint

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"testing"
)

func TestParseDirective(t *testing.T) {
	tests := []struct {
		text   string
		ok     bool
		rules  []string
		reason string
	}{
		{"//faultline:ignore httptimeout debug endpoint on localhost", true, []string{"httptimeout"}, "debug endpoint on localhost"},
		{"//faultline:ignore spof,cascade -- accepted for the beta", true, []string{"spof", "cascade"}, "accepted for the beta"},
		{"//faultline:ignore httptimeout", true, []string{"httptimeout"}, ""},
		{"//faultline:ignore", true, nil, ""},
		{"//faultline:ignored httptimeout x", false, nil, ""},
		{"// faultline:ignore httptimeout x", true, []string{"httptimeout"}, "x"},
		{"//\t faultline:ignore a,b r", true, []string{"a", "b"}, "r"},
		{"// faultline:ignored x", false, nil, ""},
		{"// see faultline:ignore in the README", false, nil, ""},
		{"/* faultline:ignore httptimeout x */", false, nil, ""},
		{"//nolint:faultline", false, nil, ""},
	}
	for _, tt := range tests {
		d, ok := ParseDirective(tt.text)
		if ok != tt.ok || !slices.Equal(d.Rules, tt.rules) || d.Reason != tt.reason {
			t.Errorf("ParseDirective(%q) = %q, %q, %v; want %q, %q, %v", tt.text, d.Rules, d.Reason, ok, tt.rules, tt.reason, tt.ok)
		}
	}
}

func TestDirectiveApplies(t *testing.T) {
	d := Directive{File: "a.go", Line: 10, Rules: []string{"x", "y"}, Reason: "r"}
	for _, tt := range []struct {
		rule string
		line int
		want bool
	}{{"x", 10, true}, {"y", 11, true}, {"x", 12, false}, {"x", 9, false}, {"z", 10, false}} {
		if got := d.Applies(tt.rule, "a.go", tt.line); got != tt.want {
			t.Errorf("Applies(%s, %d) = %v, want %v", tt.rule, tt.line, got, tt.want)
		}
	}
	d.Reason = ""
	if d.Applies("x", "a.go", 10) {
		t.Error("a directive without a reason must not suppress")
	}
}

func TestFuncSetIdentity(t *testing.T) {
	const src = `package p

import (
	"net/http"
	web "net/http"
)

type Client struct{}

func (Client) Do(*http.Request) {}

func Get(string) {}

var _ = web.Get
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	set := NewFuncSet("net/http.Get", "(*net/http.Client).Do", "(net/http.RoundTripper).*")
	httpPkg := pkg.Imports()[0]
	httpGet := httpPkg.Scope().Lookup("Get").(*types.Func)
	if !set.Has(httpGet) {
		t.Error("http.Get not in the set")
	}
	if set.Has(pkg.Scope().Lookup("Get").(*types.Func)) {
		t.Error("p.Get matched http.Get by name")
	}
	local := pkg.Scope().Lookup("Client").(*types.TypeName)
	if set.Has(MethodOf(local, "Do")) {
		t.Error("p.Client.Do matched http.Client.Do by name")
	}
	client := httpPkg.Scope().Lookup("Client").(*types.TypeName)
	if !set.Has(MethodOf(client, "Do")) {
		t.Error("(*http.Client).Do not in the set")
	}
	rt := httpPkg.Scope().Lookup("RoundTripper").(*types.TypeName)
	if !set.Has(MethodOf(rt, "RoundTrip")) {
		t.Error("wildcard (net/http.RoundTripper).* does not hold RoundTrip")
	}
}

func TestParseEntryErrors(t *testing.T) {
	for _, e := range []string{"", "Get", "net/http.", "(*net/http.Client)", "(Client).Do"} {
		if _, err := ParseFuncSet([]string{e}); err == nil {
			t.Errorf("ParseFuncSet(%q) succeeded", e)
		}
	}
	if _, err := ParseFuncSet([]string{"example.com/platform/resilience.Do", "(*example.com/x.Breaker).Run"}); err != nil {
		t.Error(err)
	}
}

func TestParseDoc(t *testing.T) {
	good := "# x: a summary\n\nText.\n\n## Why it matters\n\n## How to fix\n\n## Bad\n\n## Good\n"
	d, err := ParseDoc(good)
	if err != nil || d.Name != "x" || d.Summary != "a summary" {
		t.Fatalf("ParseDoc = %+v, %v", d, err)
	}
	for _, bad := range []string{"x: summary\n", "# x: ends with a period.\n## Why it matters\n## How to fix\n## Bad\n## Good\n", "# x: no sections\n"} {
		if _, err := ParseDoc(bad); err == nil {
			t.Errorf("ParseDoc(%q) succeeded", bad)
		}
	}
}

func TestShortFunc(t *testing.T) {
	for in, want := range map[string]string{
		"example.com/shop/services/catalog.load":     "catalog.load",
		"(*example.com/shop/catalog.server).list":    "(*catalog.server).list",
		"(example.com/shop/pb.PaymentClient).Charge": "(pb.PaymentClient).Charge",
		"main.run":              "main.run",
		"(*net/http.Client).Do": "(*http.Client).Do",
	} {
		if got := ShortFunc(in); got != want {
			t.Errorf("ShortFunc(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParseDirective checks that no comment makes the parser panic and
// that a directive it accepts with a reason names at least one rule.
func FuzzParseDirective(f *testing.F) {
	for _, s := range []string{"//faultline:ignore a,b reason", "//faultline:ignore", "//faultline:ignore  -- x", "//faultline:ignore ,,, r", "// \tfaultline:ignore ,,, r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, ok := ParseDirective(text)
		if !ok {
			return
		}
		rest := strings.TrimLeft(strings.TrimPrefix(text, "//"), " \t")
		if d.Reason != "" && len(d.Rules) == 0 && !strings.HasPrefix(strings.TrimSpace(strings.TrimPrefix(rest, DirectivePrefix[2:])), ",") {
			t.Errorf("%q: a reason %q but no rule", text, d.Reason)
		}
		for _, r := range d.Rules {
			if r == "" || strings.ContainsAny(r, ", \t") {
				t.Errorf("%q: malformed rule name %q", text, r)
			}
		}
	})
}

// TestParseEntryDottedPath checks an entry whose package path's last
// element holds a dot: the function is after the last dot.
func TestParseEntryDottedPath(t *testing.T) {
	for _, c := range []struct{ e, pkg, typ, name string }{
		{"github.com/nats-io/nats.go.Connect", "github.com/nats-io/nats.go", "", "Connect"},
		{"(*github.com/nats-io/nats.go.Conn).Request", "github.com/nats-io/nats.go", "Conn", "Request"},
		{"net/http.Get", "net/http", "", "Get"},
		{"fmt.Println", "fmt", "", "Println"},
	} {
		pkg, typ, name, err := ParseEntry(c.e)
		if err != nil || pkg != c.pkg || typ != c.typ || name != c.name {
			t.Errorf("ParseEntry(%q) = %q %q %q %v, want %q %q %q", c.e, pkg, typ, name, err, c.pkg, c.typ, c.name)
		}
	}
	for _, bad := range []string{"Connect", "example.com/x.", "example.com/x", "(*x.T)"} {
		if _, _, _, err := ParseEntry(bad); err == nil {
			t.Errorf("ParseEntry(%q) succeeded", bad)
		}
	}
}

func TestParseNolint(t *testing.T) {
	for _, tt := range []struct {
		text   string
		ok     bool
		rules  []string
		reason string
	}{
		{"//nolint:faultline", true, []string{"faultline"}, "//nolint:faultline"},
		{"//nolint:errcheck,httptimeout // the debug client", true, []string{"errcheck", "httptimeout"}, "the debug client"},
		{"//nolint:faultline because", true, []string{"faultline"}, "//nolint:faultline because"},
		{"//nolint", false, nil, ""}, // every linter: not read
		{"//nolint:", false, nil, ""},
		{"// nolint:faultline", false, nil, ""},
		{"//faultline:ignore x y", false, nil, ""},
	} {
		d, ok := ParseNolint(tt.text)
		if ok != tt.ok || (ok && (!slices.Equal(d.Rules, tt.rules) || d.Reason != tt.reason || !d.Nolint)) {
			t.Errorf("ParseNolint(%q) = %q, %q, %v; want %q, %q, %v", tt.text, d.Rules, d.Reason, ok, tt.rules, tt.reason, tt.ok)
		}
	}
}

// TestNolintLines checks the lines a //nolint comment covers: its own line
// after code, the whole declaration or statement below it otherwise, and
// nothing when -nolint=false.
func TestNolintLines(t *testing.T) {
	const src = `package p

func a() { //nolint:faultline
	_ = 1
}

//nolint:httptimeout // the whole function
func b() {
	_ = 2
}

func c() {
	//nolint:faultline
	if true {
		_ = 3
	}
	_ = 4 //nolint:errcheck
	_ = 5
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	ds := ParseDirectives(fset, f, false)
	covered := func(rule string, line int) bool {
		for i := range ds {
			if ds[i].Applies(rule, "p.go", line) {
				return true
			}
		}
		return false
	}
	for _, tt := range []struct {
		rule string
		line int
		want bool
	}{
		{"x", 3, true}, {"x", 4, false}, // after code: its line only
		{"httptimeout", 8, true}, {"httptimeout", 10, true}, {"httptimeout", 11, false}, {"x", 9, false},
		{"x", 14, true}, {"x", 15, true}, {"x", 16, true}, {"x", 17, false}, // the if statement
		{"x", 17, false}, {"errcheck", 17, true}, {"x", 18, false},
	} {
		if got := covered(tt.rule, tt.line); got != tt.want {
			t.Errorf("%s at line %d: covered = %v, want %v", tt.rule, tt.line, got, tt.want)
		}
	}
	if ds := ParseDirectives(fset, f, true); len(ds) != 0 {
		t.Errorf("with nolint off, ParseDirectives = %d directives, want 0", len(ds))
	}
}
