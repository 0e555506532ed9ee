package spof

import (
	"fmt"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// TestBlastRadiusSize checks that a finding's size does not grow with the
// system's: of 200 entrypoints that a single point of failure takes down,
// the message names 3 and the related positions point at 3, while the
// finding's Entrypoints list all 200.
func TestBlastRadiusSize(t *testing.T) {
	var spec strings.Builder
	spec.WriteString("service gw replicas=3\ndatastore db\ngw -> db timeout=1s\n")
	for i := range 200 {
		fmt.Fprintf(&spec, "entry e%03d gw timeout=5s\n", i)
	}
	g, err := graphtest.Parse(spec.String())
	if err != nil {
		t.Fatal(err)
	}
	p := lint.NewGraphPass(Rule, g)
	check(p)
	fs := p.Findings()
	if len(fs) != 1 {
		t.Fatalf("%d findings, want 1", len(fs))
	}
	f := fs[0]
	if want := "db (datastore, ha single) is a single point of failure for 200 of 200 entrypoints: e000, e001, e002 and 197 more"; !strings.HasPrefix(f.Message, want) {
		t.Errorf("message %q, want it to start with %q", f.Message, want)
	}
	if len(f.Entrypoints) != 200 || len(f.Related) != 3 {
		t.Errorf("%d entrypoints, %d related positions; want 200 and 3", len(f.Entrypoints), len(f.Related))
	}
}
