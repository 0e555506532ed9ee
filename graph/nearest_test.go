package graph

import "testing"

func TestNearest(t *testing.T) {
	names := []string{"timeout", "deadline", "retries", "spof", "zonespof", "servertimeout"}
	for _, c := range []struct{ in, want string }{
		{"timout", "timeout"},   // a deletion
		{"tiemout", "timeout"},  // a transposition costs one
		{"spfo", "spof"},        // so does this one
		{"deadlne", "deadline"}, //
		{"retries", ""},         // itself is never suggested
		{"xyz", ""},             // too far
		{"servertimout", "servertimeout"},
		{"", ""},
		{"paymnt", ""}, // not in names
	} {
		if got := Nearest(c.in, names); got != c.want {
			t.Errorf("Nearest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNearestNodes(t *testing.T) {
	for _, tc := range []struct {
		s    string
		cand []string
		want string
	}{
		{"timout", []string{"deadline", "timeout"}, "timeout"},
		{"paymnt", []string{"payment", "checkout"}, "payment"},
		{"ledger", []string{"payment", "checkout"}, ""},
		{"x", []string{"y"}, ""},
		{"timeout", []string{"timeout"}, ""},
	} {
		if got := Nearest(tc.s, tc.cand); got != tc.want {
			t.Errorf("Nearest(%q, %q) = %q, want %q", tc.s, tc.cand, got, tc.want)
		}
	}
}
