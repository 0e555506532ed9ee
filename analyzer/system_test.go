package analyzer_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/rules"
)

var systemDir = filepath.Join("..", "testdata", "system")

// TestIncomingAcrossServices checks, on testdata/system (five services of
// one module, no topology), that a gRPC method's incoming context is
// judged by its callers in the code: frontend's handler calls checkout's
// PlaceOrder with a request context that has no deadline, so checkout's
// call of payment with that context is reported, naming frontend's call,
// and so is payment's database call, naming checkout's (the missing
// deadline travels down the chain). Silent: ConfirmReservation (no caller
// in the system), recommendations (its only caller sets a deadline) and
// inventory (frontend calls it under http.TimeoutHandler).
func TestIncomingAcrossServices(t *testing.T) {
	res, err := analyzer.Run(analyzer.Config{Dir: systemDir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.PackageErrors) > 0 {
		t.Fatalf("package errors: %v", res.PackageErrors)
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule != "ctxdeadline" {
			continue
		}
		s := fmt.Sprintf("%s:%d", f.File, f.Line)
		for _, r := range f.Related {
			if strings.Contains(r.Message, " calls ") {
				s += fmt.Sprintf(" <- %s:%d %s", r.File, r.Line, r.Message)
			}
		}
		got = append(got, s)
	}
	want := []string{
		"services/checkout/main.go:29 <- services/frontend/main.go:47 frontend calls checkout here with a context that has no deadline",
		"services/frontend/main.go:47",
		"services/payment/main.go:23 <- services/checkout/main.go:45 checkout calls payment here with a context that has no deadline",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ctxdeadline findings:\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// TestIncomingNotUnderVet checks that the same code under the go vet
// analyzers (no system to judge by) reports no incoming context: only
// frontend's request context.
func TestIncomingNotUnderVet(t *testing.T) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: systemDir}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	ctxdeadline := rules.Lookup("ctxdeadline").Analyzer
	g, err := checker.Analyze([]*analysis.Analyzer{ctxdeadline}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, act := range g.Roots {
		for _, d := range act.Diagnostics {
			p := act.Package.Fset.Position(d.Pos)
			got = append(got, fmt.Sprintf("%s:%d", filepath.Base(filepath.Dir(p.Filename)), p.Line))
		}
	}
	if want := []string{"frontend:47"}; !slices.Equal(got, want) {
		t.Errorf("ctxdeadline under vet: %v, want %v", got, want)
	}
}
