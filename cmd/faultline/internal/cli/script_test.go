package cli

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/gotooltest"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script")

// binDir holds the faultline command the scripts run when the tests are
// built with the race detector; "" when the test binary serves as the
// command.
var binDir string

// TestMain makes faultline a command of the scripts. Usually the test
// binary itself serves as the command. Under -race it does not: the
// scripts analyse real modules (go vet -vettool analyses every dependency
// of the sample system), and an instrumented analysis runs some ten times
// slower. The race detector watches the analysis in the tests of the
// packages that do it; the scripts run the command built as users build
// it.
func TestMain(m *testing.M) {
	cmds := map[string]func() int{
		"faultline": func() int {
			if code, ok := Supervise(os.Args, os.Stderr); ok {
				return code
			}
			return ChildExit(Main(os.Args[1:], os.Stdout, os.Stderr))
		},
	}
	// The tests that run faultline in this process never use the user's
	// cache (the scripts get one of their own, in Setup); the test binary
	// run as the scripts' faultline command keeps what they set.
	if filepath.Base(os.Args[0]) != "faultline" {
		os.Setenv("FAULTLINE_CACHE", "off")
	}
	if raceOn {
		dir, err := os.MkdirTemp("", "faultline-bin")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		build := exec.Command("go", "build", "-o", filepath.Join(dir, "faultline"), "github.com/faultline-dev/faultline/cmd/faultline")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "building faultline for the scripts:", err)
			os.Exit(2)
		}
		binDir = dir
		delete(cmds, "faultline")
	}
	code := testscript.RunMain(m, cmds)
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
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
			"vet":       vet,
		},
		Setup: func(env *testscript.Env) error {
			// The sample systems are copied in for the scripts that work in
			// them (`cd shop`, `-C shop`, `cd system`); the others run in a
			// work directory that holds no module, as their own files say.
			// Their dependencies come from the host's module cache (CI
			// downloads them once), not from the network each time.
			// testscript names the work directory after the script.
			script, err := os.ReadFile(filepath.Join("testdata", "script", strings.TrimPrefix(filepath.Base(env.WorkDir), "script-")+".txtar"))
			if err != nil {
				return err
			}
			uses := func(dir string) bool {
				return regexp.MustCompile(`(?m)(^|\s)(cd|-C) (\.\./)?` + dir + `\b`).Match(script)
			}
			if uses("shop") || uses("system") {
				if err := os.CopyFS(filepath.Join(env.WorkDir, "shop"), os.DirFS(shopDir)); err != nil {
					return err
				}
			}
			// The five-service system (testdata/system) uses the shop's
			// generated code through a replace of ../shop.
			if uses("system") {
				if err := os.CopyFS(filepath.Join(env.WorkDir, "system"), os.DirFS(systemDir)); err != nil {
					return err
				}
			}
			// Each script has a result cache of its own, in its work
			// directory: a second run of check in a script answers from
			// it, and no script touches the user's.
			env.Setenv("FAULTLINE_CACHE", filepath.Join(env.WorkDir, ".faultline-cache"))
			env.Setenv("GOMODCACHE", modCache)
			env.Setenv("GOFLAGS", "-mod=mod")
			if binDir != "" {
				env.Setenv("PATH", binDir+string(filepath.ListSeparator)+env.Getenv("PATH"))
			}
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
	shopDir   = filepath.Join("..", "..", "..", "..", "testdata", "shop")
	systemDir = filepath.Join("..", "..", "..", "..", "testdata", "system")
	modCache  = func() string {
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

// vetMu lets one script at a time run go vet.
var vetMu sync.Mutex

// vet is the script command `vet [flags] [packages]`: go vet
// -vettool=$FAULTLINE with those arguments, which sets stdout and stderr
// and succeeds or fails as `exec` does. go vet runs faultline on every
// dependency of the packages and caches what it finds (keyed by the tool,
// the flags and the package): run one at a time, the scripts' go vet runs
// with the same flags analyse the standard library once, where two at
// once would both analyse it.
func vet(ts *testscript.TestScript, neg bool, args []string) {
	vetMu.Lock()
	defer vetMu.Unlock()
	err := ts.Exec("go", append([]string{"vet", "-vettool=" + ts.Getenv("FAULTLINE")}, args...)...)
	switch {
	case err != nil && !neg:
		ts.Fatalf("go vet: %v", err)
	case err == nil && neg:
		ts.Fatalf("unexpected go vet success")
	}
}
