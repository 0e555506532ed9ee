// Package resiliencetest prepares the test data of the rules that use
// package resilience: the stubs of the resilience libraries (kept once,
// under rules/internal/resilience/testdata/src, with the libraries' real
// signatures) merged with a rule's own fixtures.
package resiliencetest

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// TestData returns a GOPATH-style directory for analysistest whose src
// holds the library stubs and the calling test's testdata/src.
func TestData(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("resiliencetest: cannot locate the library stubs")
	}
	stubs := filepath.Join(filepath.Dir(file), "..", "testdata", "src")
	dir := t.TempDir()
	for _, from := range []string{stubs, filepath.Join("testdata", "src")} {
		if err := copyTree(from, filepath.Join(dir, "src")); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// copyTree copies the regular files below from into to.
func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
