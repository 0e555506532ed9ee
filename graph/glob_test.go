package graph

import "testing"

func TestMatchGlob(t *testing.T) {
	for _, tt := range []struct {
		pattern, name string
		want          bool
	}{
		{"test/**", "test/e2e/a.go", true},
		{"test", "test/e2e/a.go", true}, // a directory: everything below
		{"test", "tests/a.go", false},
		{"**/testutil/*.go", "internal/testutil/x.go", true},
		{"**/testutil/*.go", "testutil/x.go", true}, // ** matches no element too
		{"**/testutil/*.go", "internal/testutil/sub/x.go", false},
		{"samples/*/main.go", "samples/echo/main.go", true},
		{"samples/*/main.go", "samples/echo/server/main.go", false},
		{"**/*_mock.go", "a/b/c_mock.go", true},
		{"**/*_mock.go", "a/b/c.go", false},
		{"cmd/loadgen", "cmd/loadgenerator/main.go", false},
		{"a/**/b", "a/b", true},
		{"a/**/b", "a/x/y/b/c.go", true},
	} {
		if got := MatchGlob(tt.pattern, tt.name); got != tt.want {
			t.Errorf("MatchGlob(%q, %q) = %v, want %v", tt.pattern, tt.name, got, tt.want)
		}
	}
}

func TestCheckGlob(t *testing.T) {
	for _, ok := range []string{"test/**", "**/*.go", "a/[ab]/c"} {
		if err := CheckGlob(ok); err != nil {
			t.Errorf("CheckGlob(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", "/abs", `a\b`, "a**/b", "a/[b"} {
		if CheckGlob(bad) == nil {
			t.Errorf("CheckGlob(%q) accepted", bad)
		}
	}
}
