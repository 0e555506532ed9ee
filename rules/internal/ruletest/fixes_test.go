package ruletest

import (
	"go/ast"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// renamer reports each call of a function named Old with a fix that
// calls New instead.
var renamer = &analysis.Analyzer{
	Name: "renamer",
	Doc:  "replace calls of Old by calls of New (test)",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "Old" {
					pass.Report(analysis.Diagnostic{
						Pos:     call.Pos(),
						Message: "call of Old",
						SuggestedFixes: []analysis.SuggestedFix{{
							Message:   "call New",
							TextEdits: []analysis.TextEdit{{Pos: id.Pos(), End: id.End(), NewText: []byte("New")}},
						}},
					})
				}
				return true
			})
		}
		return nil, nil
	},
}

// TestRunWithSuggestedFixes checks a fix whose result is the golden file,
// and that one whose result is not fails.
func TestRunWithSuggestedFixes(t *testing.T) {
	RunWithSuggestedFixes(t, abs(t, "testdata"), renamer, "fixgood")

	rec := &recorder{TB: t}
	RunWithSuggestedFixes(rec, abs(t, "testdata"), renamer, "fixbad")
	if len(rec.errors) != 1 || !strings.Contains(rec.errors[0], "all fixes: unexpected ") || !strings.Contains(rec.errors[0], "Newer()") {
		t.Errorf("errors %q, want one that shows the fixed file is not the golden one", rec.errors)
	}
}
