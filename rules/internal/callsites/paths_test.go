package callsites_test

import (
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/rules/internal/callsites"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
)

// showPaths reports the path each HTTP call site records and the routes
// the package serves.
var showPaths = &analysis.Analyzer{
	Name:     "paths",
	Doc:      "show HTTP paths and routes",
	Requires: []*analysis.Analyzer{callsites.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		calls := pass.ResultOf[callsites.Analyzer].(*callsites.Calls)
		at := func(file string, line int) token.Pos {
			for _, f := range pass.Files {
				tf := pass.Fset.File(f.Pos())
				if tf.Name() == file && line <= tf.LineCount() {
					return tf.LineStart(line)
				}
			}
			return token.NoPos
		}
		for _, s := range calls.Sites {
			if s.Kind != "http" {
				continue
			}
			if s.Path == "" {
				pass.Reportf(at(s.File, s.Line), "no path")
				continue
			}
			pass.Reportf(at(s.File, s.Line), "path %q %s", s.Method, s.Path)
		}
		for _, r := range calls.Routes {
			pass.Reportf(at(r.File, r.Line), "serves %q %s by %s", r.Method, r.Path, r.Handler)
		}
		return nil, nil
	},
}

// TestPaths checks the path hints of HTTP calls (a literal path after a
// base URL, fmt.Sprintf, url.JoinPath, a request's URL; traps: a path from
// a variable, a base with no slash) and the routes a package serves.
func TestPaths(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), showPaths, "paths")
}
