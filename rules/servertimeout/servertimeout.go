package servertimeout

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/valueflow"
	"github.com/faultline-dev/faultline/rules/internal/valueflow/edit"
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
	Requires:   []*analysis.Analyzer{ir.Analyzer, valueflow.Analyzer},
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

func run(pass *analysis.Pass) (any, error) {
	r := lint.NewReporter(pass, "servertimeout")
	irr, _ := pass.ResultOf[ir.Analyzer].(*ir.IR)
	vf, _ := pass.ResultOf[valueflow.Analyzer].(*valueflow.Result)
	if irr == nil || vf == nil {
		return r.Result(), nil
	}
	for _, fn := range irr.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				callee := remote.Callee(call.Common())
				switch {
				case packageServe.Has(callee):
					reportPackageServe(pass, r, call, callee)
				case serverServe.Has(callee):
					srv, _, ok := valueflow.MethodCall(call.Common())
					if !ok || vf.ServerReadTimeout(srv) != valueflow.Unset {
						continue
					}
					pos, end := edit.CallRange(pass, call.Pos())
					d := analysis.Diagnostic{
						Pos:     pos,
						End:     end,
						Message: "http.Server starts serving with neither ReadHeaderTimeout nor ReadTimeout set: a slow or stalled client holds its connection and goroutine forever; set ReadHeaderTimeout",
					}
					if fix, ok := literalFix(pass, vf, srv); ok {
						d.SuggestedFixes = []analysis.SuggestedFix{fix}
					}
					r.Report(d)
				}
			}
		}
	}
	return r.Result(), nil
}

// literalFix adds ReadHeaderTimeout: 10 * time.Second to the http.Server
// literal the server is built from, when it has exactly that one origin.
func literalFix(pass *analysis.Pass, vf *valueflow.Result, srv ssa.Value) (analysis.SuggestedFix, bool) {
	os, complete := vf.Origins(srv)
	if !complete || len(os) != 1 || !os[0].Literal {
		return analysis.SuggestedFix{}, false
	}
	file, lit := edit.CompositeLit(pass, os[0].Value.Pos())
	if lit == nil || !lint.IsNamed(pass.TypesInfo.TypeOf(lit), "net/http", "Server") || edit.KeyedField(lit, "ReadTimeout") != nil {
		return analysis.SuggestedFix{}, false
	}
	timeName, imp, ok := edit.Import(pass, file, "time")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	e, ok := edit.SetField(pass, lit, "ReadHeaderTimeout", "10 * "+timeName+".Second")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return edit.Fix("Set ReadHeaderTimeout to 10 seconds", imp, e), true
}

// reportPackageServe reports a call of http.ListenAndServe and its kin,
// with a fix for the two forms that take an address.
func reportPackageServe(pass *analysis.Pass, r *lint.Reporter, call ssa.CallInstruction, callee *types.Func) {
	pos, end := edit.CallRange(pass, call.Pos())
	d := analysis.Diagnostic{
		Pos:     pos,
		End:     end,
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
	file, expr := edit.Call(pass, call.Pos())
	if expr == nil || expr.Ellipsis.IsValid() {
		return analysis.SuggestedFix{}, false
	}
	sel, ok := expr.Fun.(*ast.SelectorExpr)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	httpName := edit.Text(pass, sel.X)
	timeName, imp, ok := edit.Import(pass, file, "time")
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	args := make([]string, len(expr.Args))
	for i, a := range expr.Args {
		args[i] = edit.Text(pass, a)
	}
	// ListenAndServe(addr, handler); ListenAndServeTLS(addr, certFile, keyFile, handler).
	handler, method := args[1], "ListenAndServe()"
	if callee.Name() == "ListenAndServeTLS" {
		handler, method = args[3], "ListenAndServeTLS("+args[1]+", "+args[2]+")"
	}
	lit := httpName + ".Server{Addr: " + args[0] + ", Handler: " + handler + ", ReadHeaderTimeout: 10 * " + timeName + ".Second}"
	e := analysis.TextEdit{Pos: expr.Pos(), End: expr.End(), NewText: []byte("(&" + lit + ")." + method)}
	return edit.Fix("Use an http.Server with ReadHeaderTimeout", imp, e), true
}
