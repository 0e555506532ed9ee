package deps

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// CallerName names the declared function fn belongs to, for messages:
// "Checkout", "(*Client).Charge".
func CallerName(fn *ssa.Function, pkg *types.Package) string {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return fn.Name()
	}
	sig := obj.Type().(*types.Signature)
	if sig.Recv() != nil {
		return "(" + types.TypeString(sig.Recv().Type(), types.RelativeTo(pkg)) + ")." + obj.Name()
	}
	return obj.Name()
}

// Before orders positions by file name, then offset: the order of
// token.Pos values across files is the order go/packages happened to
// parse them in, which varies from run to run, so a choice between
// positions of several files must not use it.
func Before(fset *token.FileSet, a, b token.Pos) bool {
	pa, pb := fset.Position(a), fset.Position(b)
	if pa.Filename != pb.Filename {
		return pa.Filename < pb.Filename
	}
	return pa.Offset < pb.Offset
}

// CompositeLit returns the composite literal whose brace is at lbrace
// (where SSA positions the allocation of &http.Client{…}), with its &
// when it has one, or nil: the range a finding at a client's
// construction covers.
func CompositeLit(pass *analysis.Pass, lbrace token.Pos) ast.Node {
	var found ast.Node
	for _, f := range pass.Files {
		if lbrace < f.FileStart || lbrace > f.FileEnd {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil || n == nil || lbrace < n.Pos() || lbrace >= n.End() {
				return false
			}
			if u, ok := n.(*ast.UnaryExpr); ok && u.Op == token.AND {
				if lit, ok := u.X.(*ast.CompositeLit); ok && lit.Lbrace == lbrace {
					found = u
					return false
				}
			}
			if lit, ok := n.(*ast.CompositeLit); ok && lit.Lbrace == lbrace {
				found = lit
				return false
			}
			return true
		})
	}
	return found
}
