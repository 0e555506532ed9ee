package retrybound

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/faultline-dev/faultline/rules/internal/config"
	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/remote"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
)

//go:embed doc.md
var docMD string

var doc = lint.MustParseDoc("retrybound", docMD)

// Analyzer reports retries with no attempt limit and no deadline.
var Analyzer = &analysis.Analyzer{
	Name:       "retrybound",
	Doc:        doc.AnalyzerDoc(),
	URL:        lint.URL("retrybound"),
	Run:        run,
	Requires:   []*analysis.Analyzer{config.Analyzer, ir.Analyzer, resilience.Analyzer},
	ResultType: lint.ResultType,

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// Rule is retrybound's catalogue entry.
var Rule = &lint.Rule{
	Name:     "retrybound",
	Summary:  doc.Summary,
	Doc:      docMD,
	Severity: lint.Error,
	Analyzer: Analyzer,
}

func run(pass *analysis.Pass) (any, error) {
	rep := lint.NewReporter(pass, "retrybound")
	res := lint.ResultOf[*resilience.Result](pass)
	if !res.Analysed() {
		return rep.Result(), nil
	}
	for _, fn := range res.Funcs() {
		if res.TestCode().Contains(fn) {
			continue // test helpers and harnesses: see resilience.TestCode
		}
		for _, l := range res.Loops().In(fn) {
			if l.Bound != resilience.BoundNone {
				continue
			}
			rep.Reportf(l.At(rep.AtCall(l.Call.Pos())), "",
				"the retry loop around %s has no attempt limit and no deadline: while the dependency is down it retries forever and holds the caller and its resources; count the attempts or stop at a deadline (ctx.Done, time.Since)",
				remote.FuncName(l.Target.Callee))
		}
	}
	for _, cfg := range res.RetryConfigs().All() {
		if res.TestCode().Contains(cfg.Fn) {
			continue
		}
		if cfg.Unbounded == "" {
			continue
		}
		rep.Reportf(rep.AtCall(cfg.Pos), "",
			"%s retries forever (%s): while the dependency is down every caller keeps retrying and never gives up; set an attempt limit or a deadline",
			cfg.API, cfg.Unbounded)
	}
	return rep.Result(), nil
}
