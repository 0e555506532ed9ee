// Package stubs prepares the test data of faultline's rules and of the
// libraries under rules/internal: GOPATH-style trees for analysistest (and
// for go/packages in GOPATH mode) made of one shared set of stubs of the
// third-party libraries the rules know, with the libraries' real
// signatures, and a test's own fixtures.
//
// The stubs live once, in testdata/src beside this file. A test's own
// testdata/src holds its fixtures only: a fixture that needs more of a
// library adds it to the shared stub (the union of what every test needs),
// never to a copy, and TestData refuses a tree that adds files to a stub's
// package.
package stubs

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Src returns the directory that holds the stubs: the src directory of a
// GOPATH, one package directory per import path.
func Src() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("stubs: cannot locate the library stubs")
	}
	return filepath.Join(filepath.Dir(file), "testdata", "src")
}

// TestData returns a GOPATH-style directory for analysistest whose src
// holds the stubs and the calling test's testdata/src.
func TestData(t testing.TB) string {
	t.Helper()
	return GOPATH(t, filepath.Join("testdata", "src"))
}

// GOPATH returns a new GOPATH-style directory whose src holds the stubs and
// the files below each of the directories srcs (each one the src directory
// of fixtures), in a temporary directory removed when the test ends.
func GOPATH(t testing.TB, srcs ...string) string {
	t.Helper()
	dir := t.TempDir()
	if err := assemble(filepath.Join(dir, "src"), srcs...); err != nil {
		t.Fatal(err)
	}
	return dir
}

// assemble copies the stubs and the files below srcs into src; a file of
// srcs in the package directory of a stub is an error.
func assemble(src string, srcs ...string) error {
	stubDirs := map[string]bool{} // the stubs' package directories, relative to src
	if err := copyTree(Src(), src, func(rel string) error {
		stubDirs[filepath.Dir(rel)] = true
		return nil
	}); err != nil {
		return err
	}
	for _, from := range srcs {
		err := copyTree(from, src, func(rel string) error {
			if stubDirs[filepath.Dir(rel)] {
				return fmt.Errorf("%s: a file in the package of a shared stub; add what the fixture needs to %s instead",
					filepath.Join(from, rel), filepath.Join(Src(), filepath.Dir(rel)))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// copyTree copies the regular files below from into to, calling check with
// each file's path relative to from before writing it.
func copyTree(from, to string, check func(rel string) error) error {
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
		if !d.Type().IsRegular() {
			return nil
		}
		if err := check(rel); err != nil {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}
