package resilience_test

import (
	"fmt"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/libtest"
	"github.com/faultline-dev/faultline/rules/internal/lint"
	"github.com/faultline-dev/faultline/rules/internal/resilience"
	"github.com/faultline-dev/faultline/rules/internal/ruletest"
)

// grpcProbe reports, at each call of a generated gRPC client of the
// fixtures, what resilience answers about it: the protections its
// connection gives (ClientGuard) and the retries inside it
// (InnerRetries), which callsites, nestedretry and the graph read; and,
// at each function of the package, the gRPC part of the fact it exports
// for other packages ("fact grpc(...)"); and, at each service config with
// a retryPolicy, the retry configuration retrybackoff judges
// ("config ×N growing jitter").
var grpcProbe = &analysis.Analyzer{
	Name:     "grpcprobe",
	Doc:      "report resilience's answers about gRPC calls (test)",
	Requires: []*analysis.Analyzer{resilience.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := lint.ResultOf[*resilience.Result](pass)
		for _, cfg := range res.RetryConfigs().All() {
			if cfg.API != "the service config's retryPolicy" {
				continue
			}
			delay := map[resilience.Delay]string{resilience.DelayFixed: "fixed", resilience.DelayGrowing: "growing"}[cfg.Delay]
			if cfg.Jitter {
				delay += " jitter"
			}
			pass.Reportf(cfg.Pos, "config ×%d %s", cfg.Attempts, delay)
		}
		for _, fn := range res.Funcs() {
			if obj, ok := fn.Object().(*types.Func); ok {
				if f := resilience.LocalFact(res, obj); f != nil && f.GRPC != nil {
					pass.Reportf(obj.Pos(), "fact %s", f.GRPC)
				}
			}
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					call, ok := instr.(ssa.CallInstruction)
					if !ok {
						continue
					}
					callee := ir.Callee(call.Common())
					if callee == nil || callee.Pkg() == nil || !strings.HasSuffix(callee.Pkg().Path(), "pb") {
						continue
					}
					if strings.HasPrefix(callee.Name(), "New") {
						continue
					}
					var layers []string
					for _, l := range res.Protections().InnerRetries(call) {
						layers = append(layers, fmt.Sprintf("%s ×%d", l.Via, l.Attempts))
					}
					pass.Reportf(call.Pos(), "guard=%s retries=[%s]", res.Protections().ClientGuard(call).Kinds, strings.Join(layers, ", "))
				}
			}
		}
		return nil, nil
	},
}

// TestLibraries checks, with the real grpc-go and go-grpc-middleware,
// what the options of a gRPC connection give its calls (grpcconn/retries)
// and the facts of helpers that return dial options, call options,
// interceptors and connections, for other packages (grpcconn/platform).
// One analysis, so that the libraries are loaded once.
func TestLibraries(t *testing.T) {
	ruletest.Run(t, libtest.Dir(t), grpcProbe, "example.com/libs/grpcconn/platform", "example.com/libs/grpcconn/retries")
}
