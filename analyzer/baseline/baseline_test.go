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
	if err := Write(&buf, fs); err != nil {
		t.Fatal(err)
	}
	b, err := Read(&buf, "base.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Entries) != 2 || b.Entries[0].File != "a/a.go" {
		t.Fatalf("entries = %+v, want the two unsuppressed findings sorted by file", b.Entries)
	}
	fresh, baselined, stale := b.Apply(append(fs, analyzer.Finding{Rule: "x", Fingerprint: strings.Repeat("d", 32)}))
	if baselined != 2 || len(stale) != 0 || len(fresh) != 2 {
		t.Errorf("Apply: %d fresh, %d baselined, %d stale", len(fresh), baselined, len(stale))
	}
	_, _, stale = b.Apply(fs[:1])
	if len(stale) != 1 || stale[0].Rule != "httptimeout" {
		t.Errorf("stale = %+v", stale)
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
		if err := Write(&buf, fs); err != nil {
			t.Fatal(err)
		}
		again, err := Read(&buf, "base.txt")
		if err != nil || len(again.Entries) != len(b.Entries) {
			t.Errorf("a written baseline does not read back: %v (%d vs %d entries)", err, len(again.Entries), len(b.Entries))
		}
	})
}
