package servertimeout

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("servertimeout", docMD)

// Analyzer reports HTTP servers with no read timeout.
var Analyzer = &analysis.Analyzer{
	Name:       "servertimeout",
	Doc:        doc.AnalyzerDoc(),
	URL:        lint.URL("servertimeout"),
	Run:        run,
	Requires:   []*analysis.Analyzer{ir.Analyzer},
	ResultType: lint.ResultType,
}

// Rule is servertimeout's catalogue entry.
var Rule = &lint.Rule{
	Name:     "servertimeout",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Warning,
	Analyzer: Analyzer,
}

// packageServe are the helpers that serve with a zero http.Server.
var packageServe = lint.NewFuncSet(
	"net/http.ListenAndServe",
	"net/http.ListenAndServeTLS",
	"net/http.Serve",
	"net/http.ServeTLS",
)

// serverServe are the methods that start serving an http.Server.
var serverServe = lint.NewFuncSet(
	"(*net/http.Server).ListenAndServe",
	"(*net/http.Server).ListenAndServeTLS",
	"(*net/http.Server).Serve",
	"(*net/http.Server).ServeTLS",
)

// readBounds are the fields that bound the read of a request's headers.
var readBounds = []string{"ReadHeaderTimeout", "ReadTimeout"}

func run(pass *analysis.Pass) (any, error) {
	r := lint.NewReporter(pass, "servertimeout")
	irr, _ := pass.ResultOf[ir.Analyzer].(*ir.IR)
	if irr == nil {
		return r.Result(), nil
	}
	for _, fn := range irr.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				callee := staticFunc(call.Common())
				switch {
				case packageServe.Has(callee):
					reportPackageServe(pass, r, call, callee)
				case serverServe.Has(callee):
					srv := call.Common().Args[0]
					if setsAny(srv, readBounds, map[ssa.Value]bool{}) == unset {
						at := r.AtCall(call.Pos())
						r.Report(analysis.Diagnostic{
							Pos:     at.Pos(),
							End:     at.End(),
							Message: "http.Server starts serving with neither ReadHeaderTimeout nor ReadTimeout set: a slow or stalled client holds its connection and goroutine forever; set ReadHeaderTimeout",
						})
					}
				}
			}
		}
	}
	return r.Result(), nil
}

func staticFunc(c *ssa.CallCommon) *types.Func {
	if sf := c.StaticCallee(); sf != nil {
		if f, ok := sf.Object().(*types.Func); ok {
			return f
		}
	}
	return nil
}

// setState is what is known of a field set.
type setState int

const (
	unknown setState = iota // the value comes from somewhere faultline does not follow
	unset                   // every origin of the value leaves the fields zero
	set                     // some origin sets one of the fields
)

// setsAny reports whether one of fields is assigned on the struct v points
// to, following v back through local allocations (a composite literal and
// any later field assignment count), phi nodes and calls of functions of
// this package that return it. Values from parameters, globals and fields
// are unknown: the rule stays silent rather than guess.
func setsAny(v ssa.Value, fields []string, seen map[ssa.Value]bool) setState {
	if seen[v] {
		return unset
	}
	seen[v] = true
	switch v := v.(type) {
	case *ssa.Alloc:
		return allocSets(v, fields)
	case *ssa.Phi:
		st := unset
		for _, e := range v.Edges {
			switch setsAny(e, fields, seen) {
			case set:
				return set
			case unknown:
				st = unknown
			}
		}
		return st
	case *ssa.Call:
		callee := v.Call.StaticCallee()
		if callee == nil || callee.Blocks == nil || callee.Signature.Results().Len() != 1 {
			return unknown
		}
		st := unset
		for _, b := range callee.Blocks {
			if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok {
				switch setsAny(ret.Results[0], fields, seen) {
				case set:
					return set
				case unknown:
					st = unknown
				}
			}
		}
		return st
	}
	return unknown
}

// allocSets inspects every use of an allocation: field stores, and escapes
// (passed to a function, stored elsewhere) after which faultline cannot
// see all assignments.
func allocSets(a *ssa.Alloc, fields []string) setState {
	st := unset
	for _, ref := range *a.Referrers() {
		switch ref := ref.(type) {
		case *ssa.FieldAddr:
			name := fieldName(ref)
			for _, f := range fields {
				if name == f && storesNonZero(ref) {
					return set
				}
			}
		case *ssa.Call:
			// Passed to a helper that may configure it.
			if ref.Call.Value != a && !isServe(ref) {
				st = unknown
			}
		case *ssa.Store:
			if ref.Val == a {
				st = unknown // escapes into a variable faultline does not follow
			}
		}
	}
	return st
}

func isServe(c *ssa.Call) bool { return serverServe.Has(staticFunc(&c.Call)) }

func fieldName(fa *ssa.FieldAddr) string {
	st := fa.X.Type().Underlying().(*types.Pointer).Elem().Underlying().(*types.Struct)
	return st.Field(fa.Field).Name()
}

// storesNonZero reports whether the field address is stored a value that is
// not the constant zero.
func storesNonZero(fa *ssa.FieldAddr) bool {
	for _, ref := range *fa.Referrers() {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == fa {
			if c, ok := st.Val.(*ssa.Const); ok && c.IsNil() {
				continue
			}
			if c, ok := st.Val.(*ssa.Const); ok && c.Value != nil && c.Value.String() == "0" {
				continue
			}
			return true
		}
	}
	return false
}

// reportPackageServe reports a call of http.ListenAndServe and its kin,
// with a fix for the two forms that take an address.
func reportPackageServe(pass *analysis.Pass, r *lint.Reporter, call ssa.CallInstruction, callee *types.Func) {
	at := r.AtCall(call.Pos())
	d := analysis.Diagnostic{
		Pos:     at.Pos(),
		End:     at.End(),
		Message: "http." + callee.Name() + " serves with a zero http.Server, which has no timeouts: a slow or stalled client holds its connection forever; use an http.Server with ReadHeaderTimeout",
	}
	if fix, ok := listenFix(pass, call, callee); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	r.Report(d)
}

// listenFix rewrites http.ListenAndServe(addr, h) into
// (&http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: 10 * time.Second}).ListenAndServe().
func listenFix(pass *analysis.Pass, call ssa.CallInstruction, callee *types.Func) (analysis.SuggestedFix, bool) {
	if callee.Name() != "ListenAndServe" && callee.Name() != "ListenAndServeTLS" {
		return analysis.SuggestedFix{}, false
	}
	file, expr := callExprAt(pass, call.Pos())
	if expr == nil {
		return analysis.SuggestedFix{}, false
	}
	sel, ok := expr.Fun.(*ast.SelectorExpr)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	httpName := exprText(pass, sel.X)
	timeName, importEdit := importName(pass, file, "time")
	args := make([]string, len(expr.Args))
	for i, a := range expr.Args {
		args[i] = exprText(pass, a)
	}
	// ListenAndServe(addr, handler); ListenAndServeTLS(addr, certFile, keyFile, handler).
	handler, method := args[1], "ListenAndServe()"
	if callee.Name() == "ListenAndServeTLS" {
		handler, method = args[3], "ListenAndServeTLS("+args[1]+", "+args[2]+")"
	}
	lit := httpName + ".Server{Addr: " + args[0] + ", Handler: " + handler + ", ReadHeaderTimeout: 10 * " + timeName + ".Second}"
	edits := []analysis.TextEdit{{Pos: expr.Pos(), End: expr.End(), NewText: []byte("(&" + lit + ")." + method)}}
	if importEdit != nil {
		edits = append(edits, *importEdit)
	}
	return analysis.SuggestedFix{Message: "Use an http.Server with ReadHeaderTimeout", TextEdits: edits}, true
}

func callExprAt(pass *analysis.Pass, pos token.Pos) (*ast.File, *ast.CallExpr) {
	for _, f := range pass.Files {
		if f.Pos() > pos || pos > f.End() {
			continue
		}
		var found *ast.CallExpr
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && c.Lparen == pos {
				found = c
			}
			return found == nil
		})
		return f, found
	}
	return nil, nil
}

func exprText(pass *analysis.Pass, e ast.Node) string {
	file := pass.Fset.File(e.Pos())
	if content, err := pass.ReadFile(file.Name()); err == nil {
		start, end := file.Offset(e.Pos()), file.Offset(e.End())
		if start >= 0 && end <= len(content) {
			return string(content[start:end])
		}
	}
	if x, ok := e.(ast.Expr); ok {
		return types.ExprString(x)
	}
	return ""
}

// importName returns the name under which f imports path, and an edit that
// adds the import when f lacks it.
func importName(pass *analysis.Pass, f *ast.File, path string) (string, *analysis.TextEdit) {
	for _, spec := range f.Imports {
		if p, _ := strconv.Unquote(spec.Path.Value); p == path {
			if spec.Name != nil {
				return spec.Name.Name, nil
			}
			return path, nil
		}
	}
	// Add it to the first import declaration.
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return path, &analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + strconv.Quote(path))}
		}
		// A single unparenthesised import becomes a group of two.
		return path, &analysis.TextEdit{Pos: gd.Pos(), End: gd.End(),
			NewText: []byte("import (\n\t" + exprText(pass, gd.Specs[0]) + "\n\t" + strconv.Quote(path) + "\n)")}
	}
	return path, nil
}
