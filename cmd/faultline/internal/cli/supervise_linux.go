package cli

import (
	"os/exec"
	"syscall"
)

// setChildAttrs makes the child die with its parent: a CI runner that
// kills faultline does not leave the analysis running.
func setChildAttrs(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
