package baseline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/analyzer"
)

func TestRoundTrip(t *testing.T) {
	fs := []analyzer.Finding{
		{Rule: "spof", File: "topology.cue", Message: "orders is a single point of failure", Fingerprint: strings.Repeat("a", 32)},
		{Rule: "httptimeout", File: "a/a.go", Message: "tabs\tand\nnewlines", Fingerprint: strings.Repeat("b", 32)},
		{Rule: "httptimeout", File: "a/a.go", Message: "suppressed", Fingerprint: strings.Repeat("c", 32), Suppression: &analyzer.Suppression{Reason: "r"}},
	}
	var buf bytes.Buffer
	if err := Write(&buf, fs, nil); err != nil {
		t.Fatal(err)
	}
	b, err := Read(&buf, "base.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 2 || b.Entries[0].File != "a/a.go" {
		t.Fatalf("entries = %+v, want the two unsuppressed findings sorted by file", b.Entries)
	}
	fresh, baselined, stale := b.Apply(append(fs, analyzer.Finding{Rule: "x", Fingerprint: strings.Repeat("d", 32)}), all)
	if baselined != 2 || len(stale) != 0 || len(fresh) != 2 {
		t.Errorf("Apply: %d fresh, %d baselined, %d stale", len(fresh), baselined, len(stale))
	}
	_, _, stale = b.Apply(fs[:1], all)
	if len(stale) != 1 || stale[0].Rule != "httptimeout" {
		t.Errorf("stale = %+v", stale)
	}
}

func all(rule, file string) bool { return true }

// TestUnchecked checks that entries a run could not check (a package that
// failed to load) are neither stale nor pruned when the baseline is
// rewritten.
func TestUnchecked(t *testing.T) {
	b := &Baseline{Entries: []Entry{
		{Fingerprint: strings.Repeat("a", 32), Rule: "httptimeout", File: "broken/b.go", Message: "m1"},
		{Fingerprint: strings.Repeat("b", 32), Rule: "httptimeout", File: "good/g.go", Message: "m2"},
	}}
	checked := func(rule, file string) bool { return file != "broken/b.go" }
	_, _, stale := b.Apply(nil, checked)
	if len(stale) != 1 || stale[0].File != "good/g.go" {
		t.Errorf("stale = %+v, want only the entry of the package that was checked", stale)
	}
	var buf bytes.Buffer
	if err := Write(&buf, nil, b.Unchecked(checked)); err != nil {
		t.Fatal(err)
	}
	again, err := Read(&buf, "base.txt")
	if err != nil || len(again.Entries) != 1 || again.Entries[0].File != "broken/b.go" {
		t.Errorf("rewritten baseline = %+v, %v; want the unchecked entry kept", again, err)
	}
}

// TestLongLine checks that what Write writes, Read reads, however long.
func TestLongLine(t *testing.T) {
	long := strings.Repeat("x", 3<<20)
	fs := []analyzer.Finding{{Rule: "spof", File: "topology.cue", Message: long, Fingerprint: strings.Repeat("a", 32)}}
	var buf bytes.Buffer
	if err := Write(&buf, fs, nil); err != nil {
		t.Fatal(err)
	}
	b, err := Read(&buf, "base.txt")
	if err != nil || len(b.Entries) != 1 || b.Entries[0].Message != long {
		t.Fatalf("a 3 MiB entry does not read back: %v", err)
	}
}

// FuzzRead checks that no input makes Read panic, that errors name the
// file and line, and that what it accepts survives a write and a read.
func FuzzRead(f *testing.F) {
	f.Add("# faultline baseline\n" + strings.Repeat("a", 32) + "\tspof\ttopology.cue\tmsg\n")
	f.Add("")
	f.Add("not an entry\n")
	f.Add(strings.Repeat("0", 32) + "\t\t\t\n\r\n")
	f.Fuzz(func(t *testing.T, in string) {
		b, err := Read(strings.NewReader(in), "base.txt")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "base.txt") {
				t.Errorf("error without the file name: %v", err)
			}
			return
		}
		var fs []analyzer.Finding
		for _, e := range b.Entries {
			fs = append(fs, analyzer.Finding{Rule: e.Rule, File: e.File, Message: e.Message, Fingerprint: e.Fingerprint})
		}
		var buf bytes.Buffer
		if err := Write(&buf, fs, nil); err != nil {
			t.Fatal(err)
		}
		again, err := Read(&buf, "base.txt")
		if err != nil || len(again.Entries) != len(b.Entries) {
			t.Errorf("a written baseline does not read back: %v (%d vs %d entries)", err, len(again.Entries), len(b.Entries))
		}
	})
}
