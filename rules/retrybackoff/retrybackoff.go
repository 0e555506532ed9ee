package retrybackoff

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

var doc = lint.MustParseDoc("retrybackoff", docMD)

// Analyzer reports retries with no delay, or a fixed delay with no jitter.
var Analyzer = &analysis.Analyzer{
	Name:       "retrybackoff",
	Doc:        doc.AnalyzerDoc(),
	URL:        lint.URL("retrybackoff"),
	Run:        run,
	Requires:   []*analysis.Analyzer{config.Analyzer, ir.Analyzer, resilience.Analyzer},
	ResultType: lint.ResultType,

	RunDespiteErrors: true, // packages with type errors are skipped by ir
}

// NoJitter is the category of findings about a fixed delay with no
// jitter: a note, where no delay at all is a warning.
const NoJitter = "nojitter"

// Rule is retrybackoff's catalogue entry.
var Rule = &lint.Rule{
	Name:       "retrybackoff",
	Summary:    doc.Summary,
	Doc:        docMD,
	Severity:   lint.Warning,
	Categories: map[string]lint.Severity{NoJitter: lint.Note},
	Analyzer:   Analyzer,
}

const (
	noDelayFix  = "wait between attempts with exponential backoff and jitter"
	noJitterFix = "add random jitter to the delay (and let it grow)"
)

func run(pass *analysis.Pass) (any, error) {
	rep := lint.NewReporter(pass, "retrybackoff")
	res := lint.ResultOf[*resilience.Result](pass)
	if !res.Analysed() {
		return rep.Result(), nil
	}
	for _, fn := range res.Funcs() {
		if res.TestCode().Contains(fn) {
			continue // test helpers and harnesses: see resilience.TestCode
		}
		for _, l := range res.Loops().In(fn) {
			at := l.At(rep.AtCall(l.Call.Pos()))
			waitAt := at
			if l.Wait.IsValid() {
				waitAt = rep.AtCall(l.Wait)
			}
			what := "the retry loop around " + remote.FuncName(l.Target.Callee)
			switch {
			case l.Delay == resilience.DelayNone && l.Unslept:
				rep.Reportf(at, "", "%s retries with no delay between attempts: the backoff it computes is never slept, so each failure is retried at once and the load on a struggling dependency multiplies; %s", what, noDelayFix)
			case l.Delay == resilience.DelayNone:
				rep.Reportf(at, "", "%s retries with no delay between attempts: each failure is retried at once, which multiplies the load on a struggling dependency; %s", what, noDelayFix)
			case l.Delay == resilience.DelayFixed && !l.Jitter && l.UnusedJitter:
				rep.Reportf(waitAt, NoJitter, "%s waits a fixed delay: the random jitter it computes is not added to the delay, so clients that failed together retry together, in waves; %s", what, noJitterFix)
			case l.Delay == resilience.DelayFixed && !l.Jitter:
				rep.Reportf(waitAt, NoJitter, "%s waits a fixed delay with no jitter: clients that failed together retry together, in waves; %s", what, noJitterFix)
			}
		}
	}
	for _, fn := range res.Funcs() {
		if res.TestCode().Contains(fn) {
			continue
		}
		for _, l := range res.Loops().Reconnects(fn) {
			at := l.At(rep.AtCall(l.Call.Pos()))
			waitAt := at
			if l.Wait.IsValid() {
				waitAt = rep.AtCall(l.Wait)
			}
			what := "the reconnect loop around " + remote.FuncName(l.Target.Callee)
			switch {
			case l.Delay == resilience.DelayNone && l.Unslept:
				rep.Reportf(at, "", "%s re-opens the stream with no delay when opening it fails: the backoff it computes is never slept, so every client of a restarting server reconnects at once, in a tight loop; %s", what, noDelayFix)
			case l.Delay == resilience.DelayNone:
				rep.Reportf(at, "", "%s re-opens the stream with no delay when opening it fails: every client of a restarting server reconnects at once, in a tight loop, and the storm keeps it down; %s", what, noDelayFix)
			case l.Delay == resilience.DelayFixed && !l.Jitter:
				rep.Reportf(waitAt, NoJitter, "%s waits a fixed delay with no jitter before re-opening the stream: the clients a server restart disconnected together reconnect together, in waves; %s", what, noJitterFix)
			}
		}
	}
	for _, cfg := range res.RetryConfigs().All() {
		if res.TestCode().Contains(cfg.Fn) {
			continue
		}
		at := rep.AtCall(cfg.Pos)
		why := ""
		if cfg.DelayWhy != "" {
			why = " (" + cfg.DelayWhy + ")"
		}
		switch {
		case cfg.Delay == resilience.DelayNone:
			rep.Reportf(at, "", "%s retries with no delay between attempts%s: each failure is retried at once, which multiplies the load on a struggling dependency; %s", cfg.API, why, noDelayFix)
		case cfg.Delay == resilience.DelayFixed && !cfg.Jitter:
			rep.Reportf(at, NoJitter, "%s waits a fixed delay with no jitter%s: clients that failed together retry together, in waves; %s", cfg.API, why, noJitterFix)
		}
	}
	return rep.Result(), nil
}
