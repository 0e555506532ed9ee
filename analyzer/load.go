package analyzer

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/topology"
)

// findModule returns the root directory and path of the Go module dir
// belongs to, or empty strings outside a module.
func findModule(dir string) (root, path string, err error) {
	cmd := exec.Command("go", "env", "GOMOD")
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return "", "", inputErrorf("the go command is not on PATH: faultline needs it to load packages")
		}
		return "", "", inputErrorf("go env GOMOD: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", "", nil
	}
	data, err := os.ReadFile(gomod)
	if err != nil {
		return "", "", inputErrorf("%v", err)
	}
	return filepath.Dir(gomod), modulePath(data), nil
}

// modulePath returns the module path declared in a go.mod file.
func modulePath(gomod []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(gomod))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		rest, ok := strings.CutPrefix(line, "module")
		if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
			continue
		}
		rest, _, _ = strings.Cut(rest, "//")
		rest = strings.TrimSpace(rest)
		if p, err := strconv.Unquote(rest); err == nil {
			return p
		}
		return rest
	}
	return ""
}

// findTopology returns the topology to load: the explicit path (resolved
// against dir), or topology.cue / faultline/ at the module root (or in dir
// outside a module), or "" when there is none.
func findTopology(dir, modRoot, explicit string) (string, error) {
	if explicit != "" {
		p := explicit
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		if _, err := os.Stat(p); err != nil {
			return "", inputErrorf("-topology %s: no such file or directory", explicit)
		}
		return p, nil
	}
	base := dir
	if modRoot != "" {
		base = modRoot
	}
	if fi, err := os.Stat(filepath.Join(base, "topology.cue")); err == nil && !fi.IsDir() {
		return filepath.Join(base, "topology.cue"), nil
	}
	if fi, err := os.Stat(filepath.Join(base, "faultline")); err == nil && fi.IsDir() {
		if ms, _ := filepath.Glob(filepath.Join(base, "faultline", "*.cue")); len(ms) > 0 {
			return filepath.Join(base, "faultline"), nil
		}
	}
	return "", nil
}

// topoDir is the directory of a topology path.
func topoDir(p string) string {
	if fi, err := os.Stat(p); err == nil && fi.IsDir() {
		return p
	}
	return filepath.Dir(p)
}

func loadTopology(path, root string) (*graph.Graph, error) {
	g, err := topology.Load(path, topology.Options{Root: root})
	if err != nil {
		return nil, &InputError{err}
	}
	return g, nil
}
