package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/faultline-dev/faultline/analyzer"
)

func TestParseDiff(t *testing.T) {
	diff := []byte(`diff --git a/svc/web/main.go b/svc/web/main.go
index 1..2 100644
--- a/svc/web/main.go
+++ b/svc/web/main.go
@@ -3 +3 @@ import
-old
+new
@@ -10,0 +11,3 @@ func main() {
+a
+b
+c
@@ -20,2 +23,0 @@ func x() {
-gone
-gone
diff --git a/old.go b/old.go
deleted file mode 100644
--- a/old.go
+++ /dev/null
@@ -1,2 +0,0 @@
-package old
-
diff --git "a/svc/we\tird.go" "b/svc/we\tird.go"
--- "a/svc/we\tird.go"
+++ "b/svc/we\tird.go"
@@ -1 +1,2 @@
+x
`)
	c := parseDiff(diff)
	c.top = filepath.FromSlash("/repo")
	root := filepath.FromSlash("/repo/svc")
	for _, tt := range []struct {
		file string
		line int
		want bool
	}{
		{"web/main.go", 3, true}, {"web/main.go", 4, false},
		{"web/main.go", 10, false}, {"web/main.go", 11, true}, {"web/main.go", 13, true}, {"web/main.go", 14, false},
		{"web/main.go", 23, false}, // a pure deletion adds no line
		{"we\tird.go", 2, true},
	} {
		if got := c.changed(root, tt.file, tt.line); got != tt.want {
			t.Errorf("changed(%q, %d) = %v, want %v", tt.file, tt.line, got, tt.want)
		}
	}
	if len(c.lines["old.go"]) != 0 {
		t.Errorf("a deleted file has new lines: %v", c.lines["old.go"])
	}
}

func TestUseColor(t *testing.T) {
	var b strings.Builder
	if useColor("auto", &b, "") || !useColor("always", &b, "") || useColor("never", os.Stdout, "") {
		t.Error("auto on a buffer, always, never")
	}
	t.Setenv("NO_COLOR", "")
	if useColor("auto", os.Stdout, "") {
		t.Error("NO_COLOR set (even empty) must turn auto off")
	}
}

func TestFixOverlaps(t *testing.T) {
	e := func(s, end int) analyzer.Edit { return analyzer.Edit{File: "a.go", Start: s, End: end, New: "x"} }
	for _, tt := range []struct {
		a, b analyzer.Edit
		want bool
	}{
		{e(0, 5), e(5, 9), false}, // adjacent ranges
		{e(0, 5), e(4, 9), true},  // intersecting
		{e(3, 3), e(0, 5), true},  // an insertion inside a range
		{e(5, 5), e(0, 5), false}, // an insertion right after it
		{e(0, 0), e(0, 5), true},  // an insertion where a range starts: order unknown
		{e(2, 2), e(2, 2), false}, // the same insertion twice is one
		{e(2, 2), analyzer.Edit{File: "a.go", Start: 2, End: 2, New: "y"}, true},
	} {
		if got := overlaps(tt.a, tt.b); got != tt.want {
			t.Errorf("overlaps(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := overlaps(tt.b, tt.a); got != tt.want {
			t.Errorf("overlaps(%v, %v) = %v, want %v (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}
