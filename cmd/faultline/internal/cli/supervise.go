package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"
)

// childEnv marks the process that does the work under Supervise.
const childEnv = "FAULTLINE_CHILD"

// childOffset is added to the exit code of a child, so that the exit
// status the Go runtime gives a crash (2, the same as an input error) is
// told apart from a deliberate one.
const childOffset = 10

// Supervise runs the analysing commands (check, graph, init) in a child
// process of faultline and returns the exit code, with supervised true. A
// crash that a Go program cannot turn into an exit code of its own (the
// runtime's "fatal error: out of memory", a panic in a goroutine, the
// kernel's out-of-memory killer) would otherwise end the process with
// status 2, which to a CI gate means "bad input": under Supervise it is
// exit 3, an internal error, as every other crash is.
//
// Other commands, go vet's protocol and the child itself run in-process
// (supervised false); FAULTLINE_SUPERVISE=0 turns supervision off.
func Supervise(argv []string, stderr io.Writer) (code int, supervised bool) {
	if len(argv) < 2 || os.Getenv(childEnv) != "" || os.Getenv("FAULTLINE_SUPERVISE") == "0" {
		return 0, false
	}
	switch argv[1] {
	case "check", "graph", "init":
	default:
		return 0, false
	}
	self, err := os.Executable()
	if err != nil {
		return 0, false // run in-process: supervision is a safety net
	}
	cmd := exec.Command(self, argv[1:]...)
	cmd.Args[0] = argv[0]
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), childEnv+"=1")
	setChildAttrs(cmd)

	// Interrupts reach the child from the terminal too; the parent waits
	// for it to end, and ends the same way.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	if err := cmd.Start(); err != nil {
		return 0, false
	}
	var got os.Signal
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for {
		select {
		case got = <-sigs:
			_ = cmd.Process.Signal(got)
			continue
		case err = <-done:
		}
		break
	}
	if got != nil {
		if s, ok := got.(syscall.Signal); ok {
			return 128 + int(s), true
		}
		return ExitInternal, true
	}
	return childExit(err, stderr), true
}

// childExit maps how the child ended to faultline's exit code.
func childExit(err error, stderr io.Writer) int {
	if err == nil {
		return ExitOK // the child never exits 0 itself; be lenient
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		fmt.Fprintf(stderr, "faultline: internal error: %v\n", err)
		return ExitInternal
	}
	if c := ee.ExitCode(); c >= childOffset+ExitOK && c <= childOffset+ExitInternal {
		return c - childOffset
	}
	why := fmt.Sprintf("it exited with status %d", ee.ExitCode())
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		why = fmt.Sprintf("it was killed by signal %s", ws.Signal())
		if ws.Signal() == syscall.SIGKILL {
			why += ", as the kernel does to a process that runs the machine out of memory"
		}
	}
	fmt.Fprintf(stderr, "faultline: internal error: the analysis crashed (%s); if it ran out of memory, analyse fewer packages at a time, otherwise this is a bug: please report it with the command you ran\n", why)
	return ExitInternal
}

// ChildExit is the exit code the child process uses for code.
func ChildExit(code int) int {
	if os.Getenv(childEnv) == "" {
		return code
	}
	testCrash()
	return code + childOffset
}

// testCrash crashes the child as the Go runtime does when a goroutine
// panics, for the test of Supervise (FAULTLINE_TEST_CRASH=1).
func testCrash() {
	if os.Getenv("FAULTLINE_TEST_CRASH") != "1" {
		return
	}
	go panic("faultline: FAULTLINE_TEST_CRASH")
	time.Sleep(10 * time.Second)
}
