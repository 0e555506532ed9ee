package graphtest

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// recorder is a reporter that keeps what it is told.
type recorder struct{ errs []string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestParseWants(t *testing.T) {
	tests := []struct {
		line string
		want []string // regexps; nil: no want on the line
		err  bool
	}{
		{line: `a: 1 // want "x"`, want: []string{"x"}},
		{line: "a: 1 // want `x\\(y` \"z\"", want: []string{`x\(y`, "z"}},
		{line: `a: 1 // want "a \(b\) \"c\""`, want: []string{`a \(b\) "c"`}},
		{line: `host: ["http://x"] // want "y"`, want: []string{"y"}},
		{line: `a: 1 // wanted "x"`},
		{line: `a: 1 // a comment`},
		{line: `a: 1 // want x`, err: true},
		{line: `a: 1 // want "x`, err: true},
		{line: `a: 1 // want "("`, err: true},
		{line: `a: 1 // want`, err: true},
	}
	for _, tt := range tests {
		ws, err := parseWants("f.cue", []byte("x\n"+tt.line), "//")
		if (err != nil) != tt.err {
			t.Errorf("%s: error %v, want error %v", tt.line, err, tt.err)
			continue
		}
		var got []string
		for _, w := range ws {
			if w.line != 2 || w.file != "f.cue" {
				t.Errorf("%s: want at %s:%d", tt.line, w.file, w.line)
			}
			got = append(got, w.re.String())
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: wants %q, want %q", tt.line, got, tt.want)
		}
	}
}

// fixed returns a rule that reports the given findings.
func fixed(fs ...lint.Finding) *lint.Rule {
	r := &lint.Rule{Name: "fixed", Severity: lint.Warning}
	r.Check = func(p *lint.GraphPass) {
		for _, f := range fs {
			p.Report(f)
		}
	}
	return r
}

func at(line int) graph.Pos { return graph.Pos{File: SpecFile, Line: line, Col: 1} }

func TestCheck(t *testing.T) {
	const spec = "service a # want `boom`\nservice b\na -> b"
	tests := []struct {
		name     string
		findings []lint.Finding
		errs     []string // substrings of the errors expected, in order
	}{
		{name: "matched", findings: []lint.Finding{{Message: "boom here", Pos: at(1), Service: "a"}}},
		{
			name:     "unexpected and missing",
			findings: []lint.Finding{{Message: "boom", Pos: at(2), Service: "a"}},
			errs:     []string{"spec.txt:2:1: unexpected finding: boom", "spec.txt:1: no finding matches"},
		},
		{
			name:     "wrong message",
			findings: []lint.Finding{{Message: "bang", Pos: at(1), Service: "a"}},
			errs:     []string{"unexpected finding: bang", "no finding matches"},
		},
		{
			name: "one want, two findings",
			findings: []lint.Finding{
				{Message: "boom", Pos: at(1), Service: "a", Subject: "1"},
				{Message: "boom", Pos: at(1), Service: "a", Subject: "2"},
			},
			errs: []string{"unexpected finding: boom"},
		},
		{
			name: "invalid findings",
			findings: []lint.Finding{
				{Message: "Boom", Pos: at(1), Service: "a"},
				{Message: "boom.", Pos: at(1), Service: "zz", Subject: "x"},
				{Message: "boom\nboom", Pos: graph.Pos{}, Service: "a", Subject: "y"},
				{Message: "", Pos: at(1), Service: "a", Subject: "z"},
			},
			errs: []string{
				"starts with a capital",
				"ends with a period", `service "zz" is not a node`,
				"spans lines", "has no position",
				"empty message",
				"unexpected finding", "unexpected finding", "unexpected finding",
			},
		},
		{
			name: "paths and subjects",
			findings: []lint.Finding{
				{Message: "boom", Pos: at(1), Service: "a", Entry: "web", Path: []string{"b", "a"}, Related: []lint.Related{{}}},
				{Message: "x", Pos: at(3), Service: "a", Entry: "web", Path: []string{"b", "a"}},
			},
			errs: []string{
				`entry "web" is not an entrypoint`, "no edge b -> a", "related location",
				`entry "web" is not an entrypoint`, "no edge b -> a", "same subject",
				"unexpected finding: x",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := Parse(spec)
			if err != nil {
				t.Fatal(err)
			}
			wants, err := parseWants(SpecFile, []byte(spec), "#")
			if err != nil {
				t.Fatal(err)
			}
			var r recorder
			check(&r, fixed(tt.findings...), g, wants)
			if len(r.errs) != len(tt.errs) {
				t.Fatalf("errors:\n%s\nwant %d", strings.Join(r.errs, "\n"), len(tt.errs))
			}
			for i, e := range tt.errs {
				if !strings.Contains(r.errs[i], e) {
					t.Errorf("error %d = %q, want it to contain %q", i, r.errs[i], e)
				}
			}
		})
	}
}

func TestCheckNondeterministic(t *testing.T) {
	n := 0
	rule := &lint.Rule{Name: "flaky", Check: func(p *lint.GraphPass) {
		n++
		p.Report(lint.Finding{Message: fmt.Sprint("run ", n), Pos: at(1), Service: "a"})
	}}
	g, _ := Parse("service a")
	var r recorder
	check(&r, rule, g, nil)
	if len(r.errs) == 0 || !strings.Contains(r.errs[0], "not deterministic") {
		t.Errorf("errors %q, want a determinism error first", r.errs)
	}
}

func TestParse(t *testing.T) {
	g, err := Parse(`
settings maxAmplification=4 sharedFateMin=2
entry web front timeout=2s
service front replicas=3 zones=a,b regions=eu requestTimeout=1s tier=critical
datastore db ha=quorum
queue q deadLetter=dlq
external pay
service old code
front -> db timeout=1s deadline=3s attempts=3 backoff=exponential jitter budget=0.2 breaker propagates # c
front -> pay soft fallback=x group=g mesh protocol=grpc idempotent=false; front -> q async
old -> pay calls=bounded,unbounded,guarded,unknown
`)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 5 || len(g.Edges) != 4 || len(g.Entrypoints) != 1 {
		t.Fatalf("%d nodes, %d edges, %d entrypoints", len(g.Nodes), len(g.Edges), len(g.Entrypoints))
	}
	if s := g.Settings; s.MaxAmplification != 4 || s.SharedFateMin != 2 {
		t.Errorf("settings %+v", s)
	}
	front := g.Node("front")
	if front.Replicas != 3 || len(front.Zones) != 2 || front.Regions[0] != "eu" || front.Server.RequestTimeout.String() != "1s" ||
		front.Tier != "critical" || front.FieldPos("replicas") != (graph.Pos{File: SpecFile, Line: 4, Col: 15}) {
		t.Errorf("front = %+v", front)
	}
	if old := g.Node("old"); old.ReplicasKnown || old.Source != graph.FromCode {
		t.Errorf("old = %+v", old)
	}
	db := g.Edge("front", "db")
	if db.Timeout.String() != "1s" || db.Deadline.String() != "3s" || db.Retries != (graph.Retries{Attempts: 3, Backoff: "exponential", Jitter: true, Budget: 0.2}) ||
		!db.Breaker || !db.PropagatesDeadline || db.FieldPos("retries").Col != 36 || db.FieldPos("fallback") != db.Pos {
		t.Errorf("front -> db = %+v", db)
	}
	pay := g.Edge("front", "pay")
	if pay.Criticality != graph.Soft || pay.Fallback != "x" || pay.Group != "g" || pay.Via != graph.ViaMesh ||
		pay.Protocol != "grpc" || pay.Idempotent || g.Edge("front", "q").Mode != graph.ModeAsync || g.Edge("front", "q").Pos.Col < 60 {
		t.Errorf("front -> pay = %+v", pay)
	}
	calls := g.Edge("old", "pay").Calls
	if len(calls) != 4 || calls[0].Bound != graph.Yes || calls[1].Bound != graph.No || calls[2].Breaker != graph.Yes || calls[3].Bound != graph.Unknown {
		t.Errorf("calls = %+v", calls)
	}
	for _, bad := range []string{"frobnicate x", "service", "service a\nservice a", "a -> b colour=red", "entry web", "service a replicas=x", "settings speed=1"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
}

func TestGenerate(t *testing.T) {
	a, b := Generate(200, 5, 7), Generate(200, 5, 7)
	if !reflect.DeepEqual(a, b) {
		t.Error("Generate is not deterministic")
	}
	if len(a.Nodes) != 200+41+11+5 || len(a.Edges) < 500 || len(a.Entrypoints) != 20 {
		t.Errorf("%d nodes, %d edges, %d entrypoints", len(a.Nodes), len(a.Edges), len(a.Entrypoints))
	}
	var groups, cyclic int
	for _, e := range a.Edges {
		if e.Group != "" {
			groups++
		}
	}
	c := a.Components(nil)
	for k := range c.Len() {
		if c.Cyclic(k) {
			cyclic++
		}
	}
	if groups == 0 || cyclic == 0 {
		t.Errorf("%d grouped edges, %d cycles: the generator should make both", groups, cyclic)
	}
}
