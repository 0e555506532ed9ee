package analyzer

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/faultline-dev/faultline/graph"
	"github.com/faultline-dev/faultline/graph/topology"
)

// goEnv is the environment the go command runs in: the process's own, or
// with safe set, one that runs nothing but the go command itself:
// CGO_ENABLED=0 (cgo runs the C compiler and pkg-config on flags the code
// chooses), GOTOOLCHAIN=local (a go.mod's toolchain line would download and
// run another Go toolchain) and no -mod=mod (which lets go rewrite go.mod
// and go.sum); -mod=readonly, Go's default, then applies, or vendor mode
// where there is a vendor directory.
func goEnv(safe bool) []string {
	env := os.Environ()
	if !safe {
		return nil // the process's own
	}
	var flags []string
	for _, f := range strings.Fields(os.Getenv("GOFLAGS")) {
		if f != "-mod=mod" && f != "--mod=mod" {
			flags = append(flags, f)
		}
	}
	return append(env, "CGO_ENABLED=0", "GOTOOLCHAIN=local", "GOFLAGS="+strings.Join(flags, " "))
}

// findModule returns the root and path of the module dir belongs to, or
// "" when it belongs to none; gowork is the go.work file that governs dir,
// or "".
func findModule(dir string, env []string) (root, path, gowork string, err error) {
	cmd := exec.Command("go", "env", "GOMOD", "GOWORK")
	cmd.Dir = dir
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if errors.Is(err, exec.ErrNotFound) {
			return "", "", "", inputErrorf("the go command is not on PATH: faultline needs it to load packages")
		}
		return "", "", "", inputErrorf("go env GOMOD: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	gomod, gowork, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	gomod, gowork = strings.TrimSpace(gomod), strings.TrimSpace(gowork)
	if gowork == "off" {
		gowork = ""
	}
	if gomod == "" || gomod == os.DevNull {
		return "", "", gowork, nil
	}
	data, err := os.ReadFile(gomod)
	if err != nil {
		return "", "", "", inputErrorf("%v", err)
	}
	return filepath.Dir(gomod), modulePath(data), gowork, nil
}

// findModules returns the root directories of the modules a run over dir,
// which belongs to no module, analyses, sorted: the modules of the go.work
// workspace gowork that lie under dir, or else every directory under dir
// that holds a go.mod, skipping vendor, testdata and directories whose name
// starts with "." or "_" (as the go command does for ./...).
func findModules(dir, gowork string, env []string) ([]string, error) {
	var mods []string
	if gowork != "" {
		cmd := exec.Command("go", "work", "edit", "-json", gowork)
		cmd.Dir = dir
		cmd.Env = env
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, inputErrorf("%s: %v: %s", gowork, err, strings.TrimSpace(stderr.String()))
		}
		var work struct{ Use []struct{ DiskPath string } }
		if err := json.Unmarshal(out, &work); err != nil {
			return nil, inputErrorf("%s: %v", gowork, err)
		}
		for _, u := range work.Use {
			m := u.DiskPath
			if !filepath.IsAbs(m) {
				m = filepath.Join(filepath.Dir(gowork), m)
			}
			if m = filepath.Clean(m); within(m, dir) {
				mods = append(mods, m)
			}
		}
	} else {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() {
				return nil
			}
			if name := d.Name(); path != dir && (name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				mods = append(mods, path)
			}
			return nil
		})
		if err != nil {
			return nil, inputErrorf("looking for modules under %s: %v", dir, err)
		}
	}
	slices.Sort(mods)
	return slices.Compact(mods), nil
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
	file := ""
	if fi, err := os.Lstat(filepath.Join(base, "topology.cue")); err == nil && !fi.IsDir() {
		file = filepath.Join(base, "topology.cue")
	}
	folder := ""
	if fi, err := os.Stat(filepath.Join(base, "faultline")); err == nil && fi.IsDir() {
		if ms, _ := filepath.Glob(filepath.Join(base, "faultline", "*.cue")); len(ms) > 0 {
			folder = filepath.Join(base, "faultline")
		}
	}
	if file != "" && folder != "" {
		return "", inputErrorf("both %s and %s%c hold a topology: faultline would have to guess which one describes the system; keep one, or name it with -topology",
			relSlash(dir, file), relSlash(dir, folder), filepath.Separator)
	}
	return cmp.Or(file, folder), nil
}

// declaresNothing reports whether a topology has no nodes, no entrypoints
// and no settings: an empty file, or one of comments only.
func declaresNothing(g *graph.Graph) bool {
	return len(g.Nodes) == 0 && len(g.Entrypoints) == 0 && len(g.Settings.Fields) == 0
}

// topoDir is the directory of a topology path.
func topoDir(p string) string {
	if fi, err := os.Stat(p); err == nil && fi.IsDir() {
		return p
	}
	return filepath.Dir(p)
}

func loadTopology(path, root string, cfg Config) (*graph.Graph, error) {
	g, err := topology.Load(path, topology.Options{Root: root, Timeout: cfg.TopologyTimeout, MaxMemory: cfg.TopologyMemory})
	if err != nil {
		return nil, &InputError{err}
	}
	return g, nil
}

// tooExpensive reports whether a topology's evaluation was abandoned for
// its time or memory: it goes on in the background, so nothing else may
// start.
func tooExpensive(err error) bool { return errors.Is(err, topology.ErrTooExpensive) }
