package faultline_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/rules"
)

// TestReadmeRules checks that the README's rules table lists every rule of
// the catalogue with its severity, side and summary, and nothing else.
func TestReadmeRules(t *testing.T) {
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	section := ""
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "## ") {
			section = line
		}
		if section == "## Rules" && strings.HasPrefix(line, "| `") {
			got = append(got, line)
		}
	}
	var want []string
	for _, r := range rules.All() {
		side := "code"
		switch {
		case r.Analyzer != nil && r.Check != nil:
			side = "code+graph"
		case r.Check != nil:
			side = "graph"
		}
		want = append(want, fmt.Sprintf("| `%s` | %s | %s | %s |", r.Name, r.Severity, side, r.Summary))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("README.md's rules table is out of date; it should read:\n%s", strings.Join(want, "\n"))
	}
}
