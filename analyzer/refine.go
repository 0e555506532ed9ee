package analyzer

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules"
)

// refine applies the Refine hooks of the rules that ran to their code
// findings, once the code is joined to the graph g: rules whose findings
// depend on the whole system (a request bounded by every caller, a
// dependency the topology declares soft, a context with no deadline when
// a caller sends none) drop what g shows is not a problem, and may name
// the cause upstream as related positions. It returns the findings kept.
func refine(fs []Finding, ran []*rules.Rule, g *graph.Graph) []Finding {
	fs, _ = refineGroups(fs, ran, g)
	return fs
}

// refineGroups is refine, and the groups of findings one problem upstream
// causes: for each finding at the top of a chain that Refine linked
// (Verdict.Upstream) with at least one other, the summary line its rule
// words.
func refineGroups(fs []Finding, ran []*rules.Rule, g *graph.Graph) ([]Finding, []Group) {
	var groups []Group
	drop := make([]bool, len(fs))
	for _, r := range ran {
		if r.Refine == nil || r.Analyzer == nil {
			continue
		}
		var idx []int
		var cfs []rules.CodeFinding
		for i, f := range fs {
			if f.Rule != r.Name || f.pkg == "" {
				continue // not a code finding of this rule
			}
			cf := rules.CodeFinding{Category: f.category, Service: f.Service, Pos: graph.Pos{File: f.File, Line: f.Line, Col: f.Column}, Sites: f.sites, Entry: f.via, Message: f.Message, Suppressed: f.Suppression != nil}
			for _, rel := range f.Related {
				cf.Related = append(cf.Related, graph.Pos{File: rel.File, Line: rel.Line, Col: rel.Column})
			}
			idx = append(idx, i)
			cfs = append(cfs, cf)
		}
		if len(cfs) == 0 {
			continue
		}
		vs := r.Refine(g, cfs)
		for j, v := range vs {
			f := &fs[idx[j]]
			drop[idx[j]] = v.Drop
			for _, rel := range v.Related {
				f.Related = append(f.Related, Related{File: rel.Pos.File, Line: rel.Pos.Line, Column: rel.Pos.Col, Message: rel.Message})
			}
		}
		var chained []Group
		if r.Group != nil {
			chained = chains(r, cfs, vs)
			groups = append(groups, chained...)
		}
		if r.ServiceGroup != nil {
			groups = append(groups, serviceGroups(r, g, cfs, vs, chained)...)
		}
	}
	out := fs[:0]
	for i, f := range fs {
		if !drop[i] {
			out = append(out, f)
		}
	}
	slices.SortStableFunc(groups, func(a, b Group) int { return strings.Compare(a.Top, b.Top) })
	return out, groups
}

// Group is the findings of one rule that one problem upstream causes
// across services: fixing the top finding clears them all.
type Group struct {
	Rule    string `json:"rule"`
	Message string `json:"message"` // the summary line, as the rule words it
	// Top is the finding at the top (where the fix goes), Findings every
	// finding of the group, the top first, as "file:line".
	Top      string   `json:"top"`
	Findings []string `json:"findings"`
	Calls    int      `json:"calls"`    // the remote calls they reach
	Services int      `json:"services"` // the services those calls are made in
}

// serviceGroups groups, per service and category, the findings of rule r
// kept by the verdicts vs that no chain holds, where the rule's
// ServiceGroup words them as one problem.
func serviceGroups(r *rules.Rule, g *graph.Graph, cfs []rules.CodeFinding, vs []rules.Verdict, chained []Group) []Group {
	inChain := map[string]bool{}
	for _, c := range chained {
		for _, f := range c.Findings {
			inChain[f] = true
		}
	}
	type key struct{ service, category string }
	by := map[key][]int{}
	for i, f := range cfs {
		if vs[i].Drop || f.Suppressed || f.Service == "" || inChain[fmt.Sprintf("%s:%d", f.Pos.File, f.Pos.Line)] {
			continue
		}
		k := key{f.Service, f.Category}
		by[k] = append(by[k], i)
	}
	keys := slices.SortedFunc(maps.Keys(by), func(a, b key) int {
		return cmp.Or(strings.Compare(a.service, b.service), strings.Compare(a.category, b.category))
	})
	var out []Group
	for _, k := range keys {
		n := g.Node(k.service)
		if n == nil {
			continue
		}
		ms := by[k]
		slices.SortFunc(ms, func(a, b int) int {
			return cmp.Or(strings.Compare(cfs[a].Pos.File, cfs[b].Pos.File), cmp.Compare(cfs[a].Pos.Line, cfs[b].Pos.Line), cmp.Compare(cfs[a].Pos.Col, cfs[b].Pos.Col))
		})
		fs := make([]rules.CodeFinding, len(ms))
		for i, m := range ms {
			fs[i] = cfs[m]
		}
		msg := r.ServiceGroup(n, fs)
		if msg == "" {
			continue
		}
		calls := map[graph.Pos]bool{}
		var names []string
		for _, f := range fs {
			names = append(names, fmt.Sprintf("%s:%d", f.Pos.File, f.Pos.Line))
			for _, p := range f.Related {
				calls[p] = true
			}
		}
		out = append(out, Group{Rule: r.Name, Message: msg, Top: names[0], Findings: slices.Compact(names), Calls: len(calls), Services: 1})
	}
	return out
}

// chains groups the findings of rule r kept by the verdicts vs along
// their Upstream links.
func chains(r *rules.Rule, cfs []rules.CodeFinding, vs []rules.Verdict) []Group {
	top := func(i int) int {
		for range len(cfs) {
			u := vs[i].Upstream - 1
			if u < 0 || u >= len(cfs) || vs[u].Drop {
				return i
			}
			i = u
		}
		return i
	}
	members := map[int][]int{}
	var tops []int
	for i := range cfs {
		if vs[i].Drop || cfs[i].Suppressed {
			continue
		}
		t := top(i)
		if _, ok := members[t]; !ok {
			tops = append(tops, t)
		}
		members[t] = append(members[t], i)
	}
	var out []Group
	for _, t := range tops {
		ms := members[t]
		if len(ms) < 2 {
			continue
		}
		slices.SortFunc(ms, func(a, b int) int {
			if a == t {
				return -1
			}
			if b == t {
				return 1
			}
			return cmp.Or(strings.Compare(cfs[a].Pos.File, cfs[b].Pos.File), cmp.Compare(cfs[a].Pos.Line, cfs[b].Pos.Line))
		})
		calls := map[graph.Pos]bool{}
		services := map[string]bool{}
		var names []string
		for _, m := range ms {
			f := cfs[m]
			names = append(names, fmt.Sprintf("%s:%d", f.Pos.File, f.Pos.Line))
			// The remote calls each finding reports (its related
			// positions, before Refine adds the cause upstream).
			for _, p := range f.Related {
				calls[p] = true
			}
			if f.Service != "" {
				services[f.Service] = true
			}
		}
		out = append(out, Group{
			Rule: r.Name, Message: r.Group(cfs[t], len(calls), len(services)), Top: names[0], Findings: names,
			Calls: len(calls), Services: len(services),
		})
	}
	return out
}
