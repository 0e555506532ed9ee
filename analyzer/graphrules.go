package analyzer

import (
	"runtime"
	"sync"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// runGraphRules runs the graph rules among ran over g and returns their
// findings, in catalogue order.
func runGraphRules(ran []*rules.Rule, g *graph.Graph) []Finding {
	// The rules only read the graph: run them in parallel, then take their
	// findings in catalogue order, so the output does not depend on
	// scheduling.
	passes := make([]*rules.GraphPass, len(ran))
	shared := &rules.GraphShared{}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, r := range ran {
		if r.Check == nil {
			continue
		}
		passes[i] = rules.NewGraphPass(r, g)
		passes[i].Shared = shared
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			r.Check(passes[i])
		})
	}
	wg.Wait()
	n := 0
	for _, p := range passes {
		if p != nil {
			n += len(p.Findings())
		}
	}
	out := make([]Finding, 0, n)
	for i, r := range ran {
		if passes[i] != nil {
			for _, lf := range passes[i].Findings() {
				out = append(out, graphFinding(r, lf))
			}
		}
	}
	return out
}

// runAudits runs the audits of the rules among ran (the directive rule's
// check of the topology's suppressions), once every other finding has
// been through the suppressions sup applied.
func runAudits(ran []*rules.Rule, g *graph.Graph, sup *suppressor) []Finding {
	var out []Finding
	for _, r := range ran {
		if r.Audit == nil {
			continue
		}
		p := rules.NewGraphPass(r, g)
		p.Suppressions = sup
		r.Audit(p)
		for _, lf := range p.Findings() {
			out = append(out, graphFinding(r, lf))
		}
	}
	return out
}
