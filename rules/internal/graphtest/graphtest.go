// Package graphtest is the test harness of faultline's graph rules, the
// counterpart of analysistest for rules that read the system graph.
//
// Run loads each txtar archive of a rule's testdata as a CUE topology,
// runs the rule and compares its findings with the `// want "regexp"`
// comments written on the lines where findings must be reported. RunSpec
// does the same for a graph written in the compact text form of Parse,
// for table tests that do not need CUE. Both also hold every finding to
// the rules all findings must follow (a one-line, lower-case message with
// no final period, a valid position, a subject that no other finding of
// the run shares, a path made of real edges) and check that two runs give
// the same findings.
package graphtest

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/topology"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

var update = flag.Bool("update", false, "rewrite the out/findings.txt goldens of graph rule tests")

// Golden is the archive file that, when present, holds the expected
// findings as `file:line:col: message` lines.
const Golden = "out/findings.txt"

// Findings runs rule over g and returns what it reports.
func Findings(rule *lint.Rule, g *graph.Graph) []lint.Finding {
	pass := lint.NewGraphPass(rule, g)
	rule.Check(pass)
	return pass.Findings()
}

// Run runs rule over every txtar archive that pattern (a filepath.Glob
// pattern such as "testdata/*.txtar") matches, one subtest per archive
// named after the file. Each archive holds a CUE topology (topology.cue,
// maybe more .cue files) with `// want "regexp"` comments, and optionally
// the golden Golden, which `go test -update` rewrites.
func Run(t *testing.T, rule *lint.Rule, pattern string) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no test archives match %s", pattern)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) { runArchive(t, rule, file) })
	}
}

func runArchive(t *testing.T, rule *lint.Rule, file string) {
	ar, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	topo := &txtar.Archive{}
	var wants []*want
	golden := -1
	for i, f := range ar.Files {
		if f.Name == Golden {
			golden = i
			continue
		}
		if strings.HasPrefix(f.Name, "out/") {
			continue
		}
		topo.Files = append(topo.Files, f)
		if path.Ext(f.Name) == ".cue" {
			ws, err := parseWants(f.Name, f.Data, "//")
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			wants = append(wants, ws...)
		}
	}
	fsys, err := txtar.FS(topo)
	if err != nil {
		t.Fatal(err)
	}
	g, err := topology.LoadFS(fsys, ".", topology.Options{})
	if err != nil {
		t.Fatalf("%s: loading the topology: %v", file, err)
	}
	got := check(t, rule, g, wants)

	if golden < 0 {
		return
	}
	text := formatFindings(got)
	if *update {
		if !bytes.Equal(ar.Files[golden].Data, text) {
			ar.Files[golden].Data = text
			if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	if !bytes.Equal(ar.Files[golden].Data, text) {
		t.Errorf("%s: findings differ from %s (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", file, Golden, text, ar.Files[golden].Data)
	}
}

// RunDoc checks the examples of a rule's documentation: the CUE blocks of
// its "## Bad" section must give at least one finding of the rule, and those
// of its "## Good" section none, so that the documentation shows what the
// rule does.
func RunDoc(t *testing.T, rule *lint.Rule) {
	t.Helper()
	for _, section := range []string{"Bad", "Good"} {
		blocks := cueBlocks(rule.Doc, "## "+section)
		if len(blocks) == 0 {
			t.Errorf("%s: doc.md has no cue example under ## %s", rule.Name, section)
		}
		for i, src := range blocks {
			ar := &txtar.Archive{Files: []txtar.File{{Name: "topology.cue", Data: []byte(src)}}}
			fsys, err := txtar.FS(ar)
			if err != nil {
				t.Fatal(err)
			}
			g, err := topology.LoadFS(fsys, ".", topology.Options{})
			if err != nil {
				t.Errorf("%s: ## %s example %d does not load: %v", rule.Name, section, i+1, err)
				continue
			}
			fs := Findings(rule, g)
			Validate(t, g, fs)
			switch {
			case section == "Bad" && len(fs) == 0:
				t.Errorf("%s: ## Bad example %d gives no finding", rule.Name, i+1)
			case section == "Good" && len(fs) > 0:
				t.Errorf("%s: ## Good example %d gives findings:\n%s", rule.Name, i+1, formatFindings(fs))
			}
		}
	}
}

// cueBlocks returns the ```cue code blocks of the Markdown section that
// starts with the heading line head.
func cueBlocks(md, head string) []string {
	_, rest, ok := strings.Cut(md, "\n"+head+"\n")
	if !ok {
		return nil
	}
	if end := strings.Index(rest, "\n## "); end >= 0 {
		rest = rest[:end]
	}
	var blocks []string
	for {
		_, after, ok := strings.Cut(rest, "```cue\n")
		if !ok {
			return blocks
		}
		block, tail, ok := strings.Cut(after, "```")
		if !ok {
			return blocks
		}
		blocks = append(blocks, block)
		rest = tail
	}
}

// RunSpec runs rule over the graph that spec describes in the text form of
// Parse, whose `# want "regexp"` comments state the expected findings, and
// returns the findings.
func RunSpec(t testing.TB, rule *lint.Rule, spec string) []lint.Finding {
	t.Helper()
	g, err := Parse(spec)
	if err != nil {
		t.Fatal(err)
	}
	wants, err := parseWants(SpecFile, []byte(spec), "#")
	if err != nil {
		t.Fatal(err)
	}
	return check(t, rule, g, wants)
}

// formatFindings writes findings as `file:line:col: message` lines.
func formatFindings(fs []lint.Finding) []byte {
	var b bytes.Buffer
	for _, f := range fs {
		fmt.Fprintf(&b, "%s: %s\n", f.Pos, f.Message)
	}
	return b.Bytes()
}

// reporter is the part of testing.TB the checks use, so that the harness
// can be tested with a recorder.
type reporter interface {
	Helper()
	Errorf(format string, args ...any)
}

// check runs rule over g, validates every finding, and matches findings
// against wants.
func check(t reporter, rule *lint.Rule, g *graph.Graph, wants []*want) []lint.Finding {
	t.Helper()
	got := Findings(rule, g)
	if again := Findings(rule, g); !reflect.DeepEqual(got, again) {
		t.Errorf("two runs of %s gave different findings: the rule is not deterministic", rule.Name)
	}
	Validate(t, g, got)
	matchWants(t, got, wants)
	return got
}

// Validate checks the rules every graph finding must follow: a message of
// one line that starts in lower case and has no final period, a valid
// position, a service that is a node, a path of real edges that starts at
// the entrypoint's service, valid related positions, and a subject (the
// explicit one, or entry|service|target|path) that no other finding
// shares, since the subject is what fingerprints and baselines key on.
func Validate(t reporter, g *graph.Graph, findings []lint.Finding) {
	t.Helper()
	subjects := map[string]bool{}
	for _, f := range findings {
		where := f.Pos.String() + ": " + f.Message
		msg := f.Message
		r, _ := utf8.DecodeRuneInString(msg)
		switch {
		case msg == "":
			t.Errorf("%s: empty message", where)
		case strings.ContainsAny(msg, "\n\r"):
			t.Errorf("%s: message spans lines", where)
		case unicode.IsUpper(r):
			t.Errorf("%s: message starts with a capital", where)
		case strings.HasSuffix(msg, "."):
			t.Errorf("%s: message ends with a period", where)
		}
		if !f.Pos.IsValid() {
			t.Errorf("%s: finding has no position", where)
		}
		if f.Service == "" || g.Node(f.Service) == nil {
			t.Errorf("%s: service %q is not a node", where, f.Service)
		}
		if f.Target != "" && g.Node(f.Target) == nil {
			t.Errorf("%s: target %q is not a node", where, f.Target)
		}
		if f.Entry != "" {
			ep := g.Entrypoint(f.Entry)
			if ep == nil {
				t.Errorf("%s: entry %q is not an entrypoint", where, f.Entry)
			} else if len(f.Path) > 0 && f.Path[0] != ep.Service {
				t.Errorf("%s: path %v does not start at %s's service %s", where, f.Path, f.Entry, ep.Service)
			}
		}
		for i := 1; i < len(f.Path); i++ {
			if g.Edge(f.Path[i-1], f.Path[i]) == nil {
				t.Errorf("%s: path %v: no edge %s -> %s", where, f.Path, f.Path[i-1], f.Path[i])
			}
		}
		for _, rel := range f.Related {
			if !rel.Pos.IsValid() || rel.Message == "" {
				t.Errorf("%s: related location %+v has no position or message", where, rel)
			}
		}
		subject := f.Subject
		if subject == "" {
			subject = f.Entry + "|" + f.Service + "|" + f.Target + "|" + strings.Join(f.Path, ">")
		}
		if subjects[subject] {
			t.Errorf("%s: another finding has the same subject %q", where, subject)
		}
		subjects[subject] = true
	}
}

// want is one expected finding: a regexp for the message, at a line.
type want struct {
	file    string
	line    int
	re      *regexp.Regexp
	matched bool
}

// parseWants returns the expectations written in src after the comment
// marker: `want` followed by one or more quoted regexps (see
// regexpLiteral), each of which one finding on that line must match.
func parseWants(file string, src []byte, marker string) ([]*want, error) {
	var ws []*want
	for i, line := range strings.Split(string(src), "\n") {
		rest, ok := "", false
		for j := 0; ; j++ {
			k := strings.Index(line[j:], marker)
			if k < 0 {
				break
			}
			j += k
			after := strings.TrimLeft(line[j+len(marker):], " \t")
			if r, found := strings.CutPrefix(after, "want"); found && (r == "" || r[0] == ' ' || r[0] == '\t') {
				rest, ok = strings.TrimSpace(r), true
				break
			}
		}
		if !ok {
			continue
		}
		if rest == "" {
			return nil, fmt.Errorf("%s:%d: want needs a quoted regexp", file, i+1)
		}
		for rest != "" {
			pattern, n, err := regexpLiteral(rest)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", file, i+1, err)
			}
			re, err := regexp.Compile(pattern)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", file, i+1, err)
			}
			ws = append(ws, &want{file: file, line: i + 1, re: re})
			rest = strings.TrimSpace(rest[n:])
		}
	}
	return ws, nil
}

// regexpLiteral reads the quoted regexp at the start of s and returns it
// and the length of the literal. A back-quoted regexp is taken as written;
// in a double-quoted one `\"` stands for a quote and every other backslash
// is kept, so regexp escapes such as `\(` need no doubling.
func regexpLiteral(s string) (string, int, error) {
	switch {
	case strings.HasPrefix(s, "`"):
		end := strings.IndexByte(s[1:], '`')
		if end < 0 {
			return "", 0, fmt.Errorf("unterminated regexp %s", s)
		}
		return s[1 : 1+end], end + 2, nil
	case strings.HasPrefix(s, `"`):
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			switch c := s[i]; {
			case c == '"':
				return b.String(), i + 1, nil
			case c == '\\' && i+1 < len(s) && s[i+1] == '"':
				b.WriteByte('"')
				i++
			default:
				b.WriteByte(c)
			}
		}
		return "", 0, fmt.Errorf("unterminated regexp %s", s)
	}
	return "", 0, fmt.Errorf("want needs quoted regexps, got %s", s)
}

// matchWants pairs each finding with an unmatched want on its line whose
// regexp matches its message, and reports findings and wants left over.
func matchWants(t reporter, findings []lint.Finding, wants []*want) {
	t.Helper()
	for _, f := range findings {
		i := slices.IndexFunc(wants, func(w *want) bool {
			return !w.matched && w.file == f.Pos.File && w.line == f.Pos.Line && w.re.MatchString(f.Message)
		})
		if i < 0 {
			t.Errorf("%s: unexpected finding: %s", f.Pos, f.Message)
			continue
		}
		wants[i].matched = true
	}
	for _, w := range wants {
		if !w.matched {
			t.Errorf("%s:%d: no finding matches %q", w.file, w.line, w.re)
		}
	}
}
