// Package baseline records the findings a team has accepted, so that a CI
// gate fails only on new ones.
//
// A baseline is a text file, one finding per line, sorted, so that it reads
// well and diffs well in review:
//
//	# faultline baseline: accepted findings; regenerate with faultline check -write-baseline FILE
//	<fingerprint>\t<rule>\t<file>\t<message>
//
// Findings are matched by fingerprint only, which does not depend on line
// numbers: moving code does not make a baselined finding new. Rule, file and
// message are there for the reader.
package baseline

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/faultline-dev/faultline/analyzer"
	"github.com/faultline-dev/faultline/rules"
)

const header = "# faultline baseline: accepted findings; regenerate with faultline check -write-baseline FILE"

// Entry is one accepted finding.
type Entry struct {
	Fingerprint string
	Rule        string
	File        string
	Message     string
}

// Baseline is a set of accepted findings (a multiset: two findings may
// share a fingerprint).
type Baseline struct {
	Entries []Entry
}

// Write writes the unsuppressed findings as a baseline, with the entries
// of keep: accepted findings the run could not check (a package that failed
// to load, a narrower pattern), which must not be pruned.
func Write(w io.Writer, fs []analyzer.Finding, keep []Entry) error {
	es := slices.Clone(keep)
	for _, f := range fs {
		if f.Suppression != nil {
			continue
		}
		es = append(es, Entry{Fingerprint: f.Fingerprint, Rule: f.Rule, File: f.File, Message: f.Message})
	}
	slices.SortFunc(es, func(a, b Entry) int {
		return cmp.Or(strings.Compare(a.File, b.File), strings.Compare(a.Rule, b.Rule),
			strings.Compare(a.Fingerprint, b.Fingerprint), strings.Compare(a.Message, b.Message))
	})
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, header)
	for _, e := range es {
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\n", e.Fingerprint, oneLine(e.Rule), oneLine(e.File), oneLine(e.Message))
	}
	return bw.Flush()
}

// oneLine keeps a field on its line and out of the next field: control
// characters (tabs and newlines among them) are written as escapes.
func oneLine(s string) string { return rules.Clean(s) }

// Read parses a baseline. name is used in error messages.
func Read(r io.Reader, name string) (*Baseline, error) {
	b := &Baseline{}
	br := bufio.NewReader(r)
	line := 0
	for {
		text, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if err == io.EOF && text == "" {
			break
		}
		line++
		text = strings.TrimRight(text, "\r\n")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		parts := strings.SplitN(text, "\t", 4)
		if len(parts) != 4 || !isFingerprint(parts[0]) {
			return nil, fmt.Errorf("%s:%d: not a baseline entry: want FINGERPRINT<TAB>RULE<TAB>FILE<TAB>MESSAGE as written by -write-baseline", name, line)
		}
		b.Entries = append(b.Entries, Entry{Fingerprint: parts[0], Rule: parts[1], File: parts[2], Message: parts[3]})
	}
	return b, nil
}

func isFingerprint(s string) bool {
	if len(s) != 32 {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdef", c) {
			return false
		}
	}
	return true
}

// Apply splits the unsuppressed findings into new ones and baselined ones,
// and returns the baseline entries that no longer occur (to be pruned).
// Suppressed findings pass through in fresh unchanged. Entries that the
// run could not have found (checked reports false: their rule did not run,
// their package failed to load or was not analysed) are never stale.
func (b *Baseline) Apply(fs []analyzer.Finding, checked func(rule, file string) bool) (fresh []analyzer.Finding, baselined int, stale []Entry) {
	left := map[string]int{}
	for _, e := range b.Entries {
		left[e.Fingerprint]++
	}
	for _, f := range fs {
		if f.Suppression == nil && left[f.Fingerprint] > 0 {
			left[f.Fingerprint]--
			baselined++
			continue
		}
		fresh = append(fresh, f)
	}
	for _, e := range b.Entries {
		if left[e.Fingerprint] > 0 {
			left[e.Fingerprint]--
			if checked(e.Rule, e.File) {
				stale = append(stale, e)
			}
		}
	}
	return fresh, baselined, stale
}

// Unchecked returns the entries the run could not have found, to carry
// over into a rewritten baseline.
func (b *Baseline) Unchecked(checked func(rule, file string) bool) []Entry {
	var out []Entry
	for _, e := range b.Entries {
		if !checked(e.Rule, e.File) {
			out = append(out, e)
		}
	}
	return out
}
