package analyzer

import (
	"cmp"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/topology"
	"github.com/faultline-dev/faultline/rules"
)

// The configuration file holds the topology's settings for users with no
// topology (or who keep the two apart): faultline.cue or .faultline.cue at
// the module root (or at the directory of several modules), or -config.
var configNames = []string{"faultline.cue", ".faultline.cue"}

// findConfig returns the configuration file of a run: the one named
// (relative to dir), or the one at base; "" when there is none.
func findConfig(dir, base, explicit string) (string, error) {
	if explicit != "" {
		p := explicit
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if fi, err := os.Stat(p); err != nil || fi.IsDir() {
			return "", inputErrorf("-config %s: no such file", explicit)
		}
		return p, nil
	}
	var found []string
	for _, n := range configNames {
		if fi, err := os.Lstat(filepath.Join(base, n)); err == nil && !fi.IsDir() {
			found = append(found, filepath.Join(base, n))
		}
	}
	if len(found) > 1 {
		return "", inputErrorf("both %s and %s configure faultline: keep one, or name it with -config", relSlash(dir, found[0]), relSlash(dir, found[1]))
	}
	if len(found) == 0 {
		return "", nil
	}
	return found[0], nil
}

// loadConfig reads the settings of a configuration file.
func loadConfig(path, root string, cfg Config) (*graph.Settings, error) {
	g, err := topology.Load(path, topology.Options{Root: root, Timeout: cfg.TopologyTimeout, MaxMemory: cfg.TopologyMemory, SettingsOnly: true})
	if err != nil {
		return nil, &InputError{err}
	}
	return &g.Settings, nil
}

// mergeSettings merges the settings of the topology and of the
// configuration file: lists (enable excepted) are joined; a threshold, a
// rule's severity or the enable list given in both must agree, or the
// conflict is an input error naming both places.
func mergeSettings(topo, conf *graph.Settings) (*graph.Settings, error) {
	switch {
	case topo == nil:
		return conf, nil
	case conf == nil:
		return topo, nil
	}
	m := *topo
	m.Fields = maps.Clone(topo.Fields)
	if m.Fields == nil {
		m.Fields = map[string]graph.Pos{}
	}
	for k, p := range conf.Fields {
		if _, ok := m.Fields[k]; !ok {
			m.Fields[k] = p
		}
	}
	var conflicts []string
	conflict := func(field, here, there string) {
		conflicts = append(conflicts, fmt.Sprintf("%s: settings.%s is %s here and %s at %s: set it in one of the two files", conf.Fields[field], field, here, there, topo.Fields[field]))
	}
	if conf.MaxAmplification > 0 {
		if topo.MaxAmplification > 0 && topo.MaxAmplification != conf.MaxAmplification {
			conflict("thresholds.maxAmplification", fmt.Sprint(conf.MaxAmplification), fmt.Sprint(topo.MaxAmplification))
		}
		m.MaxAmplification = conf.MaxAmplification
	}
	if conf.SharedFateMin > 0 {
		if topo.SharedFateMin > 0 && topo.SharedFateMin != conf.SharedFateMin {
			conflict("thresholds.sharedFateMin", fmt.Sprint(conf.SharedFateMin), fmt.Sprint(topo.SharedFateMin))
		}
		m.SharedFateMin = conf.SharedFateMin
	}
	if len(conf.Enable) > 0 {
		if len(topo.Enable) > 0 && !sameSet(topo.Enable, conf.Enable) {
			conflict("enable", "["+strings.Join(conf.Enable, ", ")+"]", "["+strings.Join(topo.Enable, ", ")+"]")
		}
		m.Enable = conf.Enable
	}
	if len(conf.Severity) > 0 {
		m.Severity = maps.Clone(topo.Severity)
		if m.Severity == nil {
			m.Severity = map[string]string{}
		}
		for _, r := range slices.Sorted(maps.Keys(conf.Severity)) {
			if s, ok := topo.Severity[r]; ok && s != conf.Severity[r] {
				conflict("severity."+r, fmt.Sprintf("%q", conf.Severity[r]), fmt.Sprintf("%q", s))
			}
			m.Severity[r] = conf.Severity[r]
		}
	}
	if len(conflicts) > 0 {
		return nil, inputErrorf("%s", strings.Join(conflicts, "\n"))
	}
	m.Disable = union(topo.Disable, conf.Disable)
	m.Exclude = union(topo.Exclude, conf.Exclude)
	m.Ignore = slices.Concat(topo.Ignore, conf.Ignore)
	m.Wrappers = slices.Concat(topo.Wrappers, conf.Wrappers)
	m.Remotes = slices.Concat(topo.Remotes, conf.Remotes)
	return &m, nil
}

func sameSet(a, b []string) bool {
	return slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b)))
}

func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// checkSettingsRules reports, as an input error, the rule names of the
// settings (enable, disable, severity) that name no rule.
func checkSettingsRules(s *graph.Settings) error {
	var errs []string
	check := func(field, name string) {
		if rules.Lookup(name) != nil {
			return
		}
		msg := fmt.Sprintf("%s: settings.%s names unknown rule %q", cmp.Or(s.Fields[field], s.Pos), field, name)
		if n := rules.Nearest(name); n != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", n)
		}
		errs = append(errs, msg+"; `faultline rules` lists them")
	}
	for _, r := range s.Enable {
		check("enable", r)
	}
	for _, r := range s.Disable {
		check("disable", r)
	}
	for _, r := range slices.Sorted(maps.Keys(s.Severity)) {
		check("severity."+r, r)
	}
	if len(errs) > 0 {
		return inputErrorf("%s", strings.Join(errs, "\n"))
	}
	return nil
}

// selectBySettings narrows the rules to run by the settings: enable (unless
// the command line gave -enable, which replaces it) and disable.
func selectBySettings(enabled []*rules.Rule, s *graph.Settings, cfg Config) []*rules.Rule {
	if s == nil {
		return enabled
	}
	return slices.DeleteFunc(slices.Clone(enabled), func(r *rules.Rule) bool {
		if len(cfg.Enable) == 0 && len(s.Enable) > 0 && !slices.Contains(s.Enable, r.Name) {
			return true
		}
		return slices.Contains(s.Disable, r.Name)
	})
}

// excluded reports whether file (relative to the root, slash-separated)
// lies in a path the settings exclude.
func excluded(s *graph.Settings, file string) bool {
	if s == nil || !strings.HasSuffix(file, ".go") {
		return false
	}
	return slices.ContainsFunc(s.Exclude, func(g string) bool { return graph.MatchGlob(g, file) })
}

// applyFindingSettings drops the findings on excluded files, counting them,
// and gives the others the severity the settings set for their rule.
func applyFindingSettings(fs []Finding, s *graph.Settings) ([]Finding, int) {
	if s == nil || len(s.Exclude)+len(s.Severity) == 0 {
		return fs, 0
	}
	n := len(fs)
	fs = slices.DeleteFunc(fs, func(f Finding) bool { return excluded(s, f.File) })
	for i := range fs {
		if sev, ok := rules.ParseSeverity(s.Severity[fs[i].Rule]); ok {
			fs[i].Severity = sev
		}
	}
	return fs, n - len(fs)
}
