package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/analyzer"
)

// TestSummaryPaths checks that the summary's lines of grouped findings
// write positions relative to the directory faultline runs in, as the
// text output does, whatever -C says.
func TestSummaryPaths(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	res := &analyzer.Result{
		Root: filepath.Join(wd, "sys"), Packages: 2,
		Groups: []analyzer.Group{{
			Rule: "ctxdeadline", Message: "frontend's request context at services/frontend/main.go:51 reaches 2 calls",
			Top: "services/frontend/main.go:51", Findings: []string{"services/frontend/main.go:51", "services/checkout/main.go:29"},
		}},
	}
	got := summary(res, nil, 0)
	want := "faultline: frontend's request context at sys/services/frontend/main.go:51 reaches 2 calls (2 findings: sys/services/frontend/main.go:51, sys/services/checkout/main.go:29)"
	if !strings.Contains(got, want) {
		t.Errorf("summary:\n%s\nwant a line\n%s", got, want)
	}
	res.Root = wd
	if got := summary(res, nil, 0); !strings.Contains(got, "at services/frontend/main.go:51 ") {
		t.Errorf("from the root itself:\n%s", got)
	}
}
