package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestLibrariesDoc checks that docs/libraries.md is what
// `faultline libraries -markdown` prints: the catalogue and its document
// cannot drift apart. Run with -update to rewrite the document.
func TestLibrariesDoc(t *testing.T) {
	var b bytes.Buffer
	if err := writeLibrariesMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "..", "..", "docs", "libraries.md")
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, b.Bytes()) {
		t.Fatalf("docs/libraries.md differs from `faultline libraries -markdown`; run go test ./cmd/faultline/internal/cli -run TestLibrariesDoc -update")
	}
}
