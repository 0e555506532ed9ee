package telemetry

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// Hand-written metrics: a call is observed when, on its error path in the
// same function, a Prometheus counter, histogram or summary records
// something (`if err != nil { failures.WithLabelValues("payment").Inc();
// return err }`). A metric registered and never touched there (observed on
// the success path only, or not at all) observes nothing of the failure.

// metricOps are the recording methods, by the identity of the interface
// (or type) method: a *CounterVec's WithLabelValues returns a Counter,
// whose Inc is (prometheus.Counter).Inc.
var metricOps = lint.NewFuncSet(
	"(github.com/prometheus/client_golang/prometheus.Counter).Inc",
	"(github.com/prometheus/client_golang/prometheus.Counter).Add",
	"(github.com/prometheus/client_golang/prometheus.Observer).Observe",
	"(github.com/prometheus/client_golang/prometheus.Histogram).Observe",
	"(github.com/prometheus/client_golang/prometheus.Summary).Observe",
	"(github.com/prometheus/client_golang/prometheus.ExemplarAdder).AddWithExemplar",
	"(github.com/prometheus/client_golang/prometheus.ExemplarObserver).ObserveWithExemplar",
	"(github.com/go-kit/kit/metrics.Counter).Add",
	"(github.com/go-kit/kit/metrics.Histogram).Observe",
)

// metricOnError reports whether a metric is recorded on the error path of
// call: in the blocks its `err != nil` branch reaches before the function
// returns, or in a function of the package called there.
func metricOnError(call ssa.CallInstruction) bool {
	v, ok := call.(ssa.Value)
	if !ok {
		return false
	}
	errv := errResult(v)
	if errv == nil {
		return false
	}
	for _, ref := range *errv.Referrers() {
		bin, ok := ref.(*ssa.BinOp)
		if !ok || (bin.Op != token.NEQ && bin.Op != token.EQL) || !isNilConst(bin.X, bin.Y, errv) {
			continue
		}
		for _, r2 := range *bin.Referrers() {
			iff, ok := r2.(*ssa.If)
			if !ok {
				continue
			}
			succ := iff.Block().Succs[0] // err != nil: the true branch
			if bin.Op == token.EQL {
				succ = iff.Block().Succs[1]
			}
			if recordsFrom(succ, iff.Block()) {
				return true
			}
		}
	}
	return false
}

// errResult returns the error result of a call's value, or nil.
func errResult(v ssa.Value) ssa.Value {
	switch t := v.Type().(type) {
	case *types.Tuple:
		if t.Len() == 0 || !isError(t.At(t.Len()-1).Type()) {
			return nil
		}
		for _, ref := range *v.Referrers() {
			if ex, ok := ref.(*ssa.Extract); ok && ex.Index == t.Len()-1 {
				return ex
			}
		}
	default:
		if isError(t) {
			return v
		}
	}
	return nil
}

func isError(t types.Type) bool { return types.Identical(t, types.Universe.Lookup("error").Type()) }

// isNilConst reports whether one of x, y is v and the other the nil constant.
func isNilConst(x, y, v ssa.Value) bool {
	other := y
	if y == v {
		other = x
	} else if x != v {
		return false
	}
	k, ok := other.(*ssa.Const)
	return ok && k.IsNil()
}

// recordsFrom reports whether the blocks reachable from start, without
// coming back through stop, record a metric.
func recordsFrom(start, stop *ssa.BasicBlock) bool {
	seen := map[*ssa.BasicBlock]bool{stop: true}
	work := []*ssa.BasicBlock{start}
	for len(work) > 0 && len(seen) < 64 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if seen[b] {
			continue
		}
		seen[b] = true
		for _, instr := range b.Instrs {
			c, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
			if records(c.Common(), 0) {
				return true
			}
		}
		work = append(work, b.Succs...)
	}
	return false
}

// records reports whether a call records a metric, itself or through a
// function of the same package it calls (a recordFailure helper).
func records(c *ssa.CallCommon, depth int) bool {
	if metricOps.Has(ir.Callee(c)) {
		return true
	}
	sf := c.StaticCallee()
	if sf == nil || depth > 2 || len(sf.Blocks) == 0 || sf.Pkg == nil || sf.Pkg.Pkg == nil || ir.Modelled(sf.Pkg.Pkg.Path()) {
		return false
	}
	for _, b := range sf.Blocks {
		for _, instr := range b.Instrs {
			if ci, ok := instr.(ssa.CallInstruction); ok && records(ci.Common(), depth+1) {
				return true
			}
		}
	}
	return false
}
