package graphviztest

import (
	"os"
	"path/filepath"
	"testing"
)

// TestBrokenDot checks that a dot that exists but cannot write SVG is found
// unusable, as graphviz 2.43 is before its plugins are configured.
func TestBrokenDot(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "dot")
	script := "#!/bin/sh\necho 'Format: \"svg\" not recognized. No formats found.' >&2\nexit 1\n"
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh")
	}
	if err := WritesSVG(bin); err == nil {
		t.Error("a dot that knows no formats was found usable")
	}
	fake := filepath.Join(dir, "fake")
	if err := os.WriteFile(fake, []byte("#!/bin/sh\ncat >/dev/null\necho '<svg></svg>'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WritesSVG(fake); err != nil {
		t.Errorf("a dot that writes SVG was found unusable: %v", err)
	}
}
