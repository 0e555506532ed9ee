package valueflow_test

import (
	"go/constant"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
	"github.com/faultline-dev/faultline/rules/internal/stubs"
	"github.com/faultline-dev/faultline/rules/internal/valueflow"
)

// probe reports valueflow's answer at every call check(v, "path") of the
// package under test, so fixtures can state the expected answer with a
// want comment. Special paths ask other questions:
//
//	"$req"        RequestContext(v)
//	"$ctx"        Context(v)
//	"$transport"  ClientTransport(v)
//	"$origins"    Origins(v): how many, and whether complete
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "report valueflow answers at check calls",
	Requires: []*analysis.Analyzer{ir.Analyzer, valueflow.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		irr, _ := pass.ResultOf[ir.Analyzer].(*ir.IR)
		vf := pass.ResultOf[valueflow.Analyzer].(*valueflow.Result)
		check, _ := pass.Pkg.Scope().Lookup("check").(*types.Func)
		if irr == nil || check == nil {
			return nil, nil
		}
		for _, fn := range irr.SrcFuncs {
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					call, ok := instr.(*ssa.Call)
					if !ok || call.Call.StaticCallee() == nil || call.Call.StaticCallee().Object() != check {
						continue
					}
					v := call.Call.Args[0]
					if mi, ok := v.(*ssa.MakeInterface); ok {
						v = mi.X
					}
					c, ok := call.Call.Args[1].(*ssa.Const)
					if !ok {
						continue
					}
					path := constant.StringVal(c.Value)
					var answer string
					switch path {
					case "$req":
						answer = "req=" + vf.RequestContext(v).String()
					case "$ctx":
						answer = "ctx=" + vf.Context(v).String()
					case "$transport":
						t := vf.ClientTransport(v)
						answer = "dial=" + t.Dial.String() + " tls=" + t.TLSHandshake.String() + " header=" + t.ResponseHeader.String()
					case "$origins":
						os, complete := vf.Origins(v)
						var kinds []string
						for _, o := range os {
							if o.Literal {
								kinds = append(kinds, "literal")
							} else {
								kinds = append(kinds, "call")
							}
						}
						answer = "origins=" + strings.Join(kinds, ",")
						if complete {
							answer += " complete"
						}
					default:
						answer = path + "=" + vf.State(v, path).String()
					}
					pass.Reportf(call.Pos(), "%s", answer)
				}
			}
		}
		return nil, nil
	},
}

func TestFacts(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), valueflow.Analyzer, "lib")
}

func TestAnswers(t *testing.T) {
	ruletest.Run(t, stubs.TestData(t), probe, "app")
}
