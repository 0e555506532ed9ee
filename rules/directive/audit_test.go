package directive_test

import (
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/rules/directive"
	"github.com/faultline-dev/faultline/rules/internal/lint"
)

// suppressions says which suppressions a run used and which rules ran.
type suppressions struct {
	used map[*graph.Ignore]bool
	ran  map[string]bool
}

func (s suppressions) Used(ig *graph.Ignore) bool { return s.used[ig] }
func (s suppressions) UsedSetting(i int) bool     { return i == 0 }
func (s suppressions) Ran(rule string) bool       { return s.ran[rule] }

// TestAudit checks the topology's suppressions: used ones are silent;
// one without a reason, one naming an unknown rule, and one that silenced
// nothing are reported; suppressions of rules that did not run are not
// judged.
func TestAudit(t *testing.T) {
	g := &graph.Graph{Nodes: []*graph.Node{{Name: "c", Kind: graph.Service}}}
	g.Nodes[0].Ignore = []graph.Ignore{
		{Rule: "spof", Reason: "managed", Pos: graph.Pos{File: "t.cue", Line: 5}},
		{Rule: "zonespof", Reason: "", Pos: graph.Pos{File: "t.cue", Line: 6}},
		{Rule: "spfo", Reason: "typo", Pos: graph.Pos{File: "t.cue", Line: 7}},
		{Rule: "cascade", Reason: "stale", Pos: graph.Pos{File: "t.cue", Line: 8}},
		{Rule: "sharedfate", Reason: "did not run", Pos: graph.Pos{File: "t.cue", Line: 9}},
	}
	g.Settings.Ignore = []graph.SettingsIgnore{
		{Rule: "notimeout", Subject: "a->c", Reason: "batch job"},
		{Rule: "notimeout", Subject: "a->d", Reason: "gone"},
		{Rule: "notimeut", Subject: "a->d", Reason: "typo"},
	}
	g.Index()
	r := directive.New(nil, []string{"spof", "zonespof", "cascade", "sharedfate", "notimeout"})
	p := lint.NewGraphPass(r, g)
	p.Suppressions = suppressions{
		used: map[*graph.Ignore]bool{&g.Nodes[0].Ignore[0]: true},
		ran:  map[string]bool{"spof": true, "zonespof": true, "cascade": true, "notimeout": true},
	}
	r.Audit(p)
	var msgs []string
	for _, f := range p.Findings() {
		msgs = append(msgs, f.Message)
	}
	got := strings.Join(msgs, "\n")
	want := strings.Join([]string{
		`@faultline(ignore="zonespof") on c gives no reason: add reason="…" saying why the finding does not apply`,
		`@faultline(ignore="spfo") on c names an unknown rule (did you mean spof?): it suppresses nothing`,
		`@faultline(ignore="cascade") on c suppresses nothing: the finding it was written for is gone; remove it`,
		`settings.ignore entry for notimeout on "a->d" suppresses nothing; remove it`,
		`settings.ignore names an unknown rule "notimeut" (did you mean notimeout?)`,
	}, "\n")
	if got != want {
		t.Errorf("audit reported:\n%s\nwant:\n%s", got, want)
	}
}
