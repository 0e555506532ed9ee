package analyzer_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/rules"
)

var shopDir = filepath.Join("..", "testdata", "shop")

// oracleRow is one row of a table in testdata/shop/README.md.
type oracleRow struct {
	id      string
	rules   []string
	at      []string // file:line
	vetOnly bool     // reported only without the topology (as under go vet)
	silent  bool     // a counterpart: no finding of rules at any of at
	supp    bool     // reported, and suppressed
	merged  bool     // the same problem as a code finding: no finding of its own, a related position of one
	line    int      // the row's line in README.md
}

var (
	posRE  = regexp.MustCompile("`([A-Za-z0-9_./-]+\\.(?:go|cue):[0-9]+)`")
	ruleRE = regexp.MustCompile("`([a-z]+)`")
)

// readOracle reads the tables of the shop README that have a "reported at"
// or a "silent at" column.
func readOracle(t *testing.T) []oracleRow {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(shopDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []oracleRow
	ruleCol, atCol, silent := -1, -1, false
	for i, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "|") {
			ruleCol, atCol = -1, -1
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for j := range cells {
			cells[j] = strings.TrimSpace(cells[j])
		}
		if ruleCol < 0 && atCol < 0 && slices.Contains(cells, "#") {
			for j, c := range cells {
				switch c {
				case "rule", "rules":
					ruleCol = j
				case "reported at":
					atCol, silent = j, false
				case "silent at":
					atCol, silent = j, true
				}
			}
			if ruleCol < 0 || atCol < 0 {
				ruleCol, atCol = -1, -1
			}
			continue
		}
		if atCol < 0 || strings.HasPrefix(cells[0], "---") || len(cells) <= max(ruleCol, atCol) {
			continue
		}
		r := oracleRow{id: cells[0], silent: silent, line: i + 1}
		for _, m := range ruleRE.FindAllStringSubmatch(cells[ruleCol], -1) {
			r.rules = append(r.rules, m[1])
		}
		for _, m := range posRE.FindAllStringSubmatch(cells[atCol], -1) {
			r.at = append(r.at, m[1])
		}
		r.vetOnly = strings.Contains(cells[ruleCol], "go vet") || strings.Contains(cells[ruleCol], "without topology")
		r.supp = strings.Contains(cells[ruleCol], "suppressed")
		r.merged = strings.Contains(cells[ruleCol], "(merged)")
		if len(r.rules) == 0 || len(r.at) == 0 || (!silent && (len(r.rules) != 1 || len(r.at) != 1)) {
			t.Fatalf("README.md:%d: row %s: want one rule and one position in a reported row, rules and positions in a silent one", r.line, r.id)
		}
		rows = append(rows, r)
	}
	if len(rows) < 40 {
		t.Fatalf("README.md: read only %d oracle rows: has the table layout changed?", len(rows))
	}
	return rows
}

func key(rule, pos string) string { return rule + " " + pos }

func findingKeys(fs []analyzer.Finding, suppressed bool) map[string]string {
	m := map[string]string{}
	for _, f := range fs {
		if f.File == "" || (f.Suppression != nil) != suppressed {
			continue
		}
		m[key(f.Rule, fmt.Sprintf("%s:%d", f.File, f.Line))] = f.Pos() + ": " + f.Message
	}
	return m
}

// TestShopOracle runs faultline on the sample system and holds it to the
// tables of testdata/shop/README.md: every mistake reported where the table
// says, nothing reported that the tables do not list, counterparts silent,
// and the same output on a second run. Findings are compared by rule and
// line (two on one line are one row: retryamp and cascade report once per
// entrypoint). The rows marked go vet are checked against a run without the
// topology, the closest in-process equivalent of go vet (shop_vet.txtar
// runs the real go vet).
func TestShopOracle(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses a whole module")
	}
	rows := readOracle(t)

	check, err := analyzer.Run(analyzer.Config{Dir: shopDir})
	if err != nil {
		t.Fatal(err)
	}
	if len(check.PackageErrors) > 0 {
		t.Fatalf("package errors: %v", check.PackageErrors)
	}
	vet, err := analyzer.Run(analyzer.Config{Dir: shopDir, NoTopology: true})
	if err != nil {
		t.Fatal(err)
	}

	got := findingKeys(check.Findings, false)
	gotSupp := findingKeys(check.Findings, true)
	gotVet := findingKeys(vet.Findings, false)
	want := map[string]bool{}
	for _, r := range rows {
		switch {
		case r.silent:
			for _, rule := range r.rules {
				for _, at := range r.at {
					for _, m := range []map[string]string{got, gotVet, gotSupp} {
						if msg, ok := m[key(rule, at)]; ok {
							t.Errorf("README.md:%d: %s: %s must be silent at %s, but reports\n\t%s", r.line, r.id, rule, at, msg)
						}
					}
				}
			}
		case r.vetOnly:
			if _, ok := gotVet[key(r.rules[0], r.at[0])]; !ok {
				t.Errorf("README.md:%d: %s: without the topology, want %s at %s; not reported", r.line, r.id, r.rules[0], r.at[0])
			}
			if msg, ok := got[key(r.rules[0], r.at[0])]; ok {
				t.Errorf("README.md:%d: %s: with the topology, want no %s at %s; got\n\t%s", r.line, r.id, r.rules[0], r.at[0], msg)
			}
		case r.merged:
			if msg, ok := got[key(r.rules[0], r.at[0])]; ok {
				t.Errorf("README.md:%d: %s: want %s at %s merged into a code finding; reported on its own:\n\t%s", r.line, r.id, r.rules[0], r.at[0], msg)
			}
			if !relatedAt(check.Findings, r.at[0]) {
				t.Errorf("README.md:%d: %s: no finding names %s as related", r.line, r.id, r.at[0])
			}
		case r.supp:
			if _, ok := gotSupp[key(r.rules[0], r.at[0])]; !ok {
				t.Errorf("README.md:%d: %s: want a suppressed %s at %s; not found", r.line, r.id, r.rules[0], r.at[0])
			}
		default:
			want[key(r.rules[0], r.at[0])] = true
			if _, ok := got[key(r.rules[0], r.at[0])]; !ok {
				t.Errorf("README.md:%d: %s: want %s at %s; not reported", r.line, r.id, r.rules[0], r.at[0])
			}
		}
	}
	// Nothing reported that no row lists: with the topology, only the
	// rows of check; without it, any reported row.
	listed := map[string]bool{}
	for _, r := range rows {
		if !r.silent && !r.merged {
			listed[key(r.rules[0], r.at[0])] = true
		}
	}
	for _, run := range []struct {
		name     string
		got      map[string]string
		expected map[string]bool
	}{{"", got, want}, {" without the topology", gotVet, listed}} {
		for _, msg := range unlisted(run.got, run.expected) {
			t.Errorf("reported%s, but in no table of testdata/shop/README.md:\n\t%s", run.name, msg)
		}
	}
	// Every rule of the catalogue fires on the sample, with or without
	// the topology.
	fired := map[string]bool{}
	for _, m := range []map[string]string{got, gotVet} {
		for k := range m {
			rule, _, _ := strings.Cut(k, " ")
			fired[rule] = true
		}
	}
	for _, r := range rows {
		if r.merged && relatedAt(check.Findings, r.at[0]) {
			fired[r.rules[0]] = true // its finding is part of a code finding
		}
	}
	for _, r := range rules.All() {
		if !fired[r.Name] {
			t.Errorf("rule %s reports nothing on the sample system: give it a deliberate mistake", r.Name)
		}
	}
	nSupp := 0
	for _, r := range rows {
		if r.supp {
			nSupp++
		}
	}
	if len(gotSupp) != nSupp {
		t.Errorf("want %d suppressed findings (the rows marked suppressed), got %d: %v", nSupp, len(gotSupp), gotSupp)
	}

	again, err := analyzer.Run(analyzer.Config{Dir: shopDir})
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range []struct {
		name string
		a, b any
	}{{"findings", check.Findings, again.Findings}, {"graph", check.Graph, again.Graph}} {
		a, err := json.Marshal(part.a)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(part.b)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("two runs on the same input give different %s", part.name)
		}
	}
}

// unlisted returns the messages of the findings in got whose key is not
// in listed, sorted.
func unlisted(got map[string]string, listed map[string]bool) []string {
	var out []string
	for k, msg := range got {
		if !listed[k] {
			out = append(out, msg)
		}
	}
	slices.Sort(out)
	return out
}

// relatedAt reports whether a finding names file:line at (as "file:line")
// as a related position.
func relatedAt(fs []analyzer.Finding, at string) bool {
	for _, f := range fs {
		for _, r := range f.Related {
			if fmt.Sprintf("%s:%d", r.File, r.Line) == at {
				return true
			}
		}
	}
	return false
}
