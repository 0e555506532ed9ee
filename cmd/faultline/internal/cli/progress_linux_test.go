package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// openPTY opens a pseudo-terminal pair: what the program writes to the
// terminal side (tty) is read from the other (ptm).
func openPTY(t *testing.T) (ptm, tty *os.File) {
	t.Helper()
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptm.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Skipf("unlockpt: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, ptm.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Skipf("ptsname: %v", e)
	}
	tty, err = os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("open the terminal side: %v", err)
	}
	return ptm, tty
}

// TestProgressOnTerminal runs check with standard error on a
// pseudo-terminal: the progress line is drawn, rewritten in place and
// cleared before the summary; on a pipe, or with -q, nothing of it is
// written.
func TestProgressOnTerminal(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"go.mod":      "module example.com/p\n\ngo 1.24\n",
		"web/main.go": "package main\n\nimport \"net/http\"\n\nfunc main() { http.ListenAndServe(\":8080\", nil) }\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("TERM", "xterm")

	ptm, tty := openPTY(t)
	defer ptm.Close()
	got := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(ptm) // ends with EIO when the terminal side closes
		got <- b
	}()
	var stdout bytes.Buffer
	code := runCheck([]string{"-C", dir, "./..."}, &stdout, tty)
	tty.Close()
	out := string(<-got)
	if code != ExitFindings {
		t.Fatalf("exit %d, output:\n%q", code, out)
	}
	const clear = "\r\x1b[K"
	if !strings.Contains(out, clear+"faultline: analysing packages ") && !strings.Contains(out, clear+"faultline: loading packages") {
		t.Errorf("no progress line on the terminal:\n%q", out)
	}
	i := strings.LastIndex(out, clear)
	summary := strings.Index(out, "faultline: 1 finding")
	if summary < 0 || i > summary {
		t.Errorf("the line must be cleared before the summary:\n%q", out)
	}
	if strings.Contains(stdout.String(), "\x1b") {
		t.Errorf("progress on standard output: %q", stdout.String())
	}

	for _, args := range [][]string{{"-C", dir, "./..."}, {"-q", "-C", dir, "./..."}} {
		var errb bytes.Buffer
		runCheck(args, io.Discard, &errb)
		if strings.Contains(errb.String(), "\x1b") || strings.Contains(errb.String(), "\r") {
			t.Errorf("%v: progress written off a terminal: %q", args, errb.String())
		}
	}
	ptm2, tty2 := openPTY(t)
	defer ptm2.Close()
	got2 := make(chan []byte)
	go func() { b, _ := io.ReadAll(ptm2); got2 <- b }()
	runCheck([]string{"-q", "-C", dir, "./..."}, io.Discard, tty2)
	tty2.Close()
	if out := string(<-got2); out != "" {
		t.Errorf("-q on a terminal wrote %q", out)
	}
}
