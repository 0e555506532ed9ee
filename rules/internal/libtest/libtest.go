// Package libtest gives tests the module of fixtures written against the
// real client libraries faultline models (rules/internal/testdata/libs):
// their types come from the real modules, so that the catalogue's entries
// are matched by real type identity.
package libtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// Dir returns the directory of the fixtures module, for analysistest.Run
// (which loads a directory holding go.mod as a module, with GOPROXY=off).
// When the module's dependencies are not in the module cache, the test is
// skipped with the command that downloads them, unless
// FAULTLINE_REQUIRE_LIBS=1 (as in CI) makes that a failure.
//
// Under the race detector the test is skipped unless FAULTLINE_LIBS_RACE=1:
// analysing the real libraries (the cloud SDKs alone are millions of lines
// of SSA) takes some 17 GiB and ten minutes instrumented, against under a
// minute and a few GiB without. The fixtures test what the analysis finds,
// not how its goroutines meet, which the other tests watch under -race;
// CI runs them without it (see .ci/run and the README).
func Dir(t testing.TB) string {
	t.Helper()
	if raceOn && os.Getenv("FAULTLINE_LIBS_RACE") != "1" {
		t.Skip("the library fixtures run without -race: go test -run TestLibraries ./rules/...")
	}
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "testdata", "libs")
	if err := ready(dir); err != nil {
		msg := "the library fixtures' modules are not in the module cache (" + err.Error() + "): run `cd " + dir + " && go mod download`"
		if os.Getenv("FAULTLINE_REQUIRE_LIBS") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	return dir
}

var (
	readyOnce sync.Once
	readyErr  error
)

// ready checks, once, that every package of the module loads offline.
func ready(dir string) error {
	readyOnce.Do(func() {
		cmd := exec.Command("go", "list", "-deps", "-e=false", "./...")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOPROXY=off", "GOFLAGS=-mod=readonly", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		if err != nil {
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			readyErr = &loadError{lines[len(lines)-1]}
		}
	})
	return readyErr
}

type loadError struct{ msg string }

func (e *loadError) Error() string { return e.msg }
