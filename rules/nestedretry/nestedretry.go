package nestedretry

import (
	_ "embed"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("nestedretry", docMD)

// Analyzer reports retrying calls made inside a retry.
var Analyzer = &analysis.Analyzer{
	Name:       "nestedretry",
	Doc:        doc.AnalyzerDoc(),
	URL:        lint.URL("nestedretry"),
	Run:        run,
	Requires:   []*analysis.Analyzer{config.Analyzer, ir.Analyzer, resilience.Analyzer},
	ResultType: lint.ResultType,

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// Rule is nestedretry's catalogue entry.
var Rule = &lint.Rule{
	Name:     "nestedretry",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Warning,
	Analyzer: Analyzer,
}

var dials = lint.NewFuncSet("google.golang.org/grpc.NewClient", "google.golang.org/grpc.Dial", "google.golang.org/grpc.DialContext")

func run(pass *analysis.Pass) (any, error) {
	rep := lint.NewReporter(pass, "nestedretry")
	res := lint.ResultOf[*resilience.Result](pass)
	if !res.Analysed() {
		return rep.Result(), nil
	}
	for _, fn := range res.Funcs() {
		if res.TestCode().Contains(fn) {
			continue // test helpers and harnesses: see resilience.TestCode
		}
		loops := res.Loops().In(fn)
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				if dials.Has(ir.Callee(call.Common())) {
					reportDial(rep, res, call)
					continue
				}
				inner := res.Protections().InnerRetries(call)
				if len(inner) == 0 {
					continue
				}
				outer, loop, ok := outerRetry(res, loops, call)
				if !ok {
					continue
				}
				at := rep.AtCall(call.Pos())
				if loop != nil {
					at = loop.At(at)
				}
				rep.Reportf(at, "",
					"retrying %s inside a retry multiplies the attempts: %s when the dependency fails; retry in one layer only (turn off the inner retries or drop the outer ones)",
					remote.FuncName(ir.Callee(call.Common())), product(outer, inner))
			}
		}
	}
	return rep.Result(), nil
}

// outerRetry returns the retry around call: a hand-written retry loop
// holding it, or a retry library or wrapper running the function it is in.
func outerRetry(res *resilience.Result, loops []*resilience.Loop, call ssa.CallInstruction) (resilience.Layer, *resilience.Loop, bool) {
	for _, l := range loops {
		if l.Blocks[call.Block()] {
			return resilience.Layer{Via: "here", Attempts: l.Attempts}, l, true
		}
	}
	if g := res.Protections().Guard(call); g.Kinds&resilience.Retry != 0 {
		return resilience.Layer{Via: "in " + g.Via, Attempts: g.Attempts}, nil, true
	}
	return resilience.Layer{}, nil, false
}

// product writes the multiplication: "3 attempts here × 5 attempts inside
// retryablehttp = 15 calls".
func product(outer resilience.Layer, inner []resilience.Layer) string {
	var parts []string
	term := func(n int, where string) string {
		if n <= 0 {
			return "retries " + where
		}
		return strconv.Itoa(n) + " attempts " + where
	}
	parts = append(parts, term(outer.Attempts, outer.Via))
	for _, l := range inner {
		parts = append(parts, term(l.Attempts, "inside "+l.Via))
	}
	s := strings.Join(parts, " × ")
	if total := resilience.Product(append([]resilience.Layer{outer}, inner...)); total > 0 {
		s += " = " + strconv.Itoa(total) + " calls"
	}
	return s
}

// reportDial reports a gRPC connection that retries twice: a retry
// interceptor on top of a service-config retryPolicy.
func reportDial(rep *lint.Reporter, res *resilience.Result, call ssa.CallInstruction) {
	v, ok := call.(*ssa.Call)
	if !ok {
		return
	}
	layers := res.RetryConfigs().Layers(v)
	if len(layers) < 2 {
		return
	}
	var parts []string
	for _, l := range layers {
		if l.Attempts > 0 {
			parts = append(parts, l.Via+" ("+strconv.Itoa(l.Attempts)+" attempts)")
		} else {
			parts = append(parts, l.Via)
		}
	}
	total := ""
	if n := resilience.Product(layers); n > 0 {
		total = " = " + strconv.Itoa(n) + " calls"
	}
	rep.Reportf(rep.AtCall(call.Pos()), "",
		"this connection retries in two layers, %s%s when the service fails; keep one: the retryPolicy (with retryThrottling) or the interceptor",
		strings.Join(parts, " × "), total)
}
