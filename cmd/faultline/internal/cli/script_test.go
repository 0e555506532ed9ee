package cli

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/gotooltest"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"faultline": func() {
			if code, ok := Supervise(os.Args, os.Stderr); ok {
				os.Exit(code)
			}
			os.Exit(ChildExit(Main(os.Args[1:], os.Stdout, os.Stderr)))
		},
	})
}

// TestScript runs the end-to-end scripts in testdata/script: each is a
// txtar archive with a small module and the faultline commands to run on it.
func TestScript(t *testing.T) {
	p := testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"cmpsorted": cmpSorted,
		},
		Setup: func(env *testscript.Env) error {
			// The sample system is copied in, for the scripts that check it;
			// its dependencies come from the host's module cache (CI
			// downloads them once), not from the network each time.
			if err := os.CopyFS(filepath.Join(env.WorkDir, "shop"), os.DirFS(shopDir)); err != nil {
				return err
			}
			env.Setenv("GOMODCACHE", modCache)
			env.Setenv("GOFLAGS", "-mod=mod")
			// `go vet -vettool` needs the path of the faultline binary
			// testscript installed on PATH.
			for _, dir := range filepath.SplitList(env.Getenv("PATH")) {
				if p := filepath.Join(dir, "faultline"); fileExists(p) {
					env.Setenv("FAULTLINE", p)
					break
				}
			}
			return nil
		},
	}
	if err := gotooltest.Setup(&p); err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, p)
}

var (
	shopDir  = filepath.Join("..", "..", "..", "..", "testdata", "shop")
	modCache = func() string {
		out, err := exec.Command("go", "env", "GOMODCACHE").Output()
		if err != nil {
			return ""
		}
		return strings.TrimSpace(string(out))
	}()
)

func fileExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && !fi.IsDir()
}

// cmpSorted is the script command `cmpsorted NAME WANT`: the lines of NAME
// (stdout, stderr or a file) and of the file WANT must be the same once
// sorted. It compares output whose order is the go command's scheduling:
// go vet prints each package's diagnostics as the package finishes.
func cmpSorted(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: cmpsorted stdout|stderr|FILE WANT")
	}
	sorted := func(name string) []string {
		lines := strings.Split(strings.TrimRight(ts.ReadFile(name), "\n"), "\n")
		slices.Sort(lines)
		return lines
	}
	got, want := sorted(args[0]), sorted(args[1])
	switch equal := slices.Equal(got, want); {
	case equal && neg:
		ts.Fatalf("%s and %s have the same lines", args[0], args[1])
	case !equal && !neg:
		ts.Logf("sorted %s:\n%s", args[0], strings.Join(got, "\n"))
		ts.Fatalf("%s and %s differ once sorted", args[0], args[1])
	}
}
