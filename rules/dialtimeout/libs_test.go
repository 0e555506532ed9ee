package dialtimeout_test

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/faultline-dev/faultline/rules/dialtimeout"
	"github.com/faultline-dev/faultline/rules/internal/libtest"
)

// TestLibraries checks blocking gRPC dials whose options are
// values (slices, append chains, helpers of this package and of another,
// fields, globals, `...`) and NewClient followed by a loop that waits for
// the connection, with the real grpc-go; every finding names, as a related
// position, the line that adds the blocking option (or, for a wait loop,
// creates the connection).
func TestLibraries(t *testing.T) {
	results := analysistest.Run(t, libtest.Dir(t), dialtimeout.Analyzer, "example.com/libs/grpcconn/dial")
	n := 0
	for _, res := range results {
		for _, d := range res.Diagnostics {
			n++
			if d.Category != dialtimeout.CategoryBlockingDial {
				t.Errorf("%s: category %q, want %q", d.Message, d.Category, dialtimeout.CategoryBlockingDial)
			}
			if len(d.Related) == 0 {
				t.Errorf("%s: no related position", d.Message)
				continue
			}
			p := res.Pass.Fset.Position(d.Related[0].Pos)
			src, err := os.ReadFile(p.Filename)
			if err != nil {
				t.Fatal(err)
			}
			line := strings.Split(string(src), "\n")[p.Line-1]
			if !strings.Contains(line, "WithBlock") && !strings.Contains(line, "WithReturnConnectionError") &&
				!strings.Contains(line, "BlockingOptions") && !strings.Contains(line, "NewClient") {
				t.Errorf("%s: related %q at %s, a line that adds no blocking option: %s", d.Message, d.Related[0].Message, p, line)
			}
		}
	}
	if n == 0 {
		t.Error("no findings")
	}
}
