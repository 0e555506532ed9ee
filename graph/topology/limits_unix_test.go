//go:build unix

package topology

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNotRegularFiles checks that a topology file that is not a regular
// file is refused before it is opened: reading /dev/zero never ends, and
// opening a FIFO blocks until something writes to it.
func TestNotRegularFiles(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	mkdir := func(name string) {
		if err := os.MkdirAll(at(name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, src string) {
		if err := os.WriteFile(at(name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	symlink := func(target, name string) {
		if err := os.Symlink(target, at(name)); err != nil {
			t.Fatal(err)
		}
	}
	mkfifo := func(name string) {
		if err := syscall.Mkfifo(at(name), 0o644); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
	}
	mkdir("pipe")
	write("pipe/a.cue", "services: a: {}\n")
	mkfifo("pipe/b.cue")
	mkfifo("fifo.cue")
	symlink("/dev/zero", "zero.cue")
	mkdir("dev")
	write("dev/a.cue", "services: a: {}\n")
	symlink("/dev/zero", "dev/b.cue")
	mkdir("linkdir")
	symlink(at("pipe"), "linkdir/sub.cue")
	mkdir("good")
	write("real.cue", "services: a: {}\n")
	symlink(at("real.cue"), "good/a.cue")
	symlink(at("real.cue"), "link.cue")

	for _, tc := range []struct{ path, want string }{
		{"fifo.cue", "fifo.cue: not a regular file but a named pipe"},
		{"pipe", "pipe/b.cue: not a regular file but a named pipe"},
		{"zero.cue", "zero.cue: not a regular file but a device"},
		{"dev", "dev/b.cue: not a regular file but a device"},
		{"linkdir", "linkdir/sub.cue: not a regular file but a directory"},
		{"good", ""},
		{"link.cue", ""},
	} {
		err := loadWithin(t, 10*time.Second, at(tc.path))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v", tc.path, err)
		case tc.want == "":
		case err == nil || !strings.Contains(err.Error(), tc.want):
			t.Errorf("%s: got %v, want %s", tc.path, err, tc.want)
		default:
			var errs Errors
			if !errors.As(err, &errs) || len(errs) != 1 || !strings.HasPrefix(errs[0].Pos.File, filepath.ToSlash(dir)) {
				t.Errorf("%s: error is not one Error naming the file: %#v", tc.path, err)
			}
		}
	}
}

// Topologies that CUE takes too long or too much memory to evaluate, with
// the limits to load them with. The doubling has a generous time limit, as
// it spends a second reaching 256 MiB.
var expensive = map[string]struct {
	src  func() string
	opts Options
}{
	// a0: a1, a1: a2, …: minutes of evaluation, in little memory.
	"references": {func() string {
		var b strings.Builder
		for i := range 10000 {
			fmt.Fprintf(&b, "a%d: a%d\n", i, i+1)
		}
		b.WriteString("a10000: 1\n")
		return b.String()
	}, Options{Timeout: 2 * time.Second, MaxMemory: 256 << 20}},
	// Each string twice the one before: 2^40 bytes by the end.
	"doubling": {func() string {
		var b strings.Builder
		b.WriteString("s0: \"xx\"\n")
		for i := 1; i < 40; i++ {
			fmt.Fprintf(&b, "s%d: s%d+s%d\n", i, i-1, i-1)
		}
		return b.String()
	}, Options{Timeout: 20 * time.Second, MaxMemory: 256 << 20}},
}

// TestEvaluationBudget checks that topologies too expensive to evaluate
// stop at the time and memory limits with an error. The evaluation cannot
// be stopped and goes on after the error, as it would in the CLI until it
// exits, so each topology is loaded in a child process that exits right
// after, and the test checks how long the child ran and the most memory it
// held.
func TestEvaluationBudget(t *testing.T) {
	if name := os.Getenv("FAULTLINE_TEST_EXPENSIVE"); name != "" {
		x := expensive[name]
		_, err := LoadFS(mapFS(x.src()), ".", x.opts)
		var errs Errors
		if !errors.As(err, &errs) || !errors.Is(err, ErrTooExpensive) {
			fmt.Printf("not a budget error: %T %v\n", err, err)
			os.Exit(1)
		}
		fmt.Println(err)
		os.Exit(0)
	}
	for _, tc := range []struct{ name, want string }{
		{"references", "topology.cue: topology too expensive to evaluate: it took more than 2s, the time limit"},
		{"doubling", "topology.cue: topology too expensive to evaluate: it needed more than 256 MiB of memory, the memory limit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestEvaluationBudget$")
			cmd.Env = append(os.Environ(), "FAULTLINE_TEST_EXPENSIVE="+tc.name)
			out, err := cmd.CombinedOutput()
			if err != nil || !strings.HasPrefix(string(out), tc.want) {
				t.Fatalf("child: %v\n%s\nwant %s...", err, out, tc.want)
			}
			// The message says the limit stopped the child; how long that
			// took on this machine is a benchmark's business, not a test's
			// (a child the limit does not stop runs into the test's own
			// timeout).
			rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
			if runtime.GOOS == "linux" {
				rss <<= 10 // KiB
			}
			// The limit, and what the evaluation allocated before the child
			// exited: at most twice the limit for the doubling. On Linux
			// the figure includes this process's memory when the child
			// started, as it started as a copy of it.
			// Under the race detector the figure also holds its shadow
			// memory, several times the heap, so it says nothing of the
			// limit.
			if rss > 1<<30 && !raceOn {
				t.Errorf("child held %d MiB", rss>>20)
			}
			t.Logf("%d MiB: %s", rss>>20, out)
		})
	}
}
