package config

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestParseWrappers(t *testing.T) {
	ws, err := ParseWrappers("retry:(*example.com/x.R).Run, breaker:example.com/platform/resilience.Do,,timeout:example.com/y.Call,breaker:example.com/platform/resilience.Do")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range ws {
		got = append(got, w.String())
	}
	want := "breaker:example.com/platform/resilience.Do retry:(*example.com/x.R).Run timeout:example.com/y.Call"
	if strings.Join(got, " ") != want {
		t.Errorf("ParseWrappers = %q, want %q (sorted, without duplicates)", strings.Join(got, " "), want)
	}
	for _, tt := range []struct{ value, err string }{
		{"example.com/x.Do", `want KIND:FUNC`},
		{"fuse:example.com/x.Do", `unknown kind "fuse"`},
		{"breaker:Do", `is not a function`},
		{"breaker:", ``},
		{"breaker:(*x.T)", ``},
	} {
		_, err := ParseWrappers(tt.value)
		if err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("ParseWrappers(%q) = %v, want an error containing %q", tt.value, err, tt.err)
		}
	}
}

// TestWithFlags checks go vet's way of configuring: the -wrappers flag of a
// configuration analyzer, added to its base, and a clear error on a bad
// value.
func TestWithFlags(t *testing.T) {
	a := WithFlags(&Config{Annotate: true})
	if err := a.Flags.Set("wrappers", "timeout:example.com/y.Call"); err != nil {
		t.Fatal(err)
	}
	if err := a.Flags.Set("wrappers", "fuse:x.Do"); err == nil {
		t.Error("a bad -wrappers value was accepted")
	}
	res, _ := a.Run(nil)
	c := res.(*Config)
	if !c.Annotate || len(c.Wrappers) != 1 || c.Wrappers[0].Func != "example.com/y.Call" {
		t.Errorf("config = %+v", c)
	}
	if other := WithFlags(&Config{}); other.Flags.Lookup("wrappers").Value.String() != "" {
		t.Error("two configuration analyzers share their flags")
	}
}

// TestBind checks that Bind copies exactly the analyzers that depend on
// the configuration, once each, and leaves the templates alone.
func TestBind(t *testing.T) {
	noop := func(*analysis.Pass) (any, error) { return nil, nil }
	plain := &analysis.Analyzer{Name: "plain", Doc: "x", Run: noop}
	shared := &analysis.Analyzer{Name: "shared", Doc: "x", Run: noop, Requires: []*analysis.Analyzer{Analyzer, plain}}
	a := &analysis.Analyzer{Name: "a", Doc: "x", Run: noop, Requires: []*analysis.Analyzer{shared}}
	b := &analysis.Analyzer{Name: "b", Doc: "x", Run: noop, Requires: []*analysis.Analyzer{shared, plain}}

	conf := With(&Config{Annotate: true})
	got := Bind([]*analysis.Analyzer{a, b, plain}, conf)
	ga, gb, gp := got[0], got[1], got[2]
	if ga == a || gb == b {
		t.Fatal("analyzers that depend on the configuration were not copied")
	}
	if gp != plain || gb.Requires[1] != plain {
		t.Error("an analyzer that does not depend on the configuration was copied")
	}
	if ga.Requires[0] != gb.Requires[0] {
		t.Error("a shared requirement was copied twice: the driver would run it twice")
	}
	if ga.Requires[0].Requires[0] != conf {
		t.Error("the configuration was not replaced")
	}
	if a.Requires[0] != shared || shared.Requires[0] != Analyzer {
		t.Error("the templates were changed")
	}
	if err := analysis.Validate(got); err != nil {
		t.Errorf("bound analyzers are not valid: %v", err)
	}
	if reflect.TypeOf(conf.ResultType) != reflect.TypeOf(Analyzer.ResultType) {
		t.Error("result types differ")
	}
}

func TestParseRemotes(t *testing.T) {
	rs, err := ParseRemotes("redis:(*example.com/platform/cache.Client).*, http:example.com/platform/httpx.Do:none,sql:(*example.com/x.DB).Query:1")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rs {
		got = append(got, r.String())
	}
	want := "redis:(*example.com/platform/cache.Client).* http:example.com/platform/httpx.Do:none sql:(*example.com/x.DB).Query:1"
	if strings.Join(got, " ") != want {
		t.Errorf("ParseRemotes = %q, want %q", strings.Join(got, " "), want)
	}
	if rs[0].Context != AutoContext || rs[1].Context != NoContext || rs[2].Context != 1 {
		t.Errorf("contexts = %d %d %d", rs[0].Context, rs[1].Context, rs[2].Context)
	}
	for _, tt := range []struct{ value, err string }{
		{"example.com/x.Do", "want KIND:FUNC"},
		{"redsi:example.com/x.Do", `unknown kind "redsi"`},
		{"dns:example.com/x.Do", `unknown kind "dns"`},
		{"redis:example.com/x.Do:-3", `context "-3"`},
		{"redis:Do", "is not a function"},
	} {
		if _, err := ParseRemotes(tt.value); err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("ParseRemotes(%q) = %v, want an error containing %q", tt.value, err, tt.err)
		}
	}
}
