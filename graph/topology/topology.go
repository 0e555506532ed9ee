package topology

import (
	_ "embed"
	"io/fs"
	"os"
	slashpath "path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/faultline-dev/faultline/graph"
)

//go:embed schema.cue
var schemaCUE []byte

// Schema returns the text of the CUE schema that topologies are checked
// against: the definition #Topology and the definitions it uses. Written
// next to a topology as schema.cue, it lets the cue tool check it:
//
//	cue vet -c schema.cue topology.cue
func Schema() []byte { return slices.Clone(schemaCUE) }

// Options control loading.
type Options struct {
	// Root is the directory that positions (in the graph and in errors)
	// are made relative to. Empty means the topology's own directory: the
	// directory given, or the directory of the file given. For LoadFS it
	// is a path inside the file system.
	Root string
}

// Load loads the topology at path: a .cue file, or a directory holding one
// CUE package (one or more files). In a directory, files whose names start
// with "." or "_" and files ending in _test.cue or _tool.cue are skipped,
// as the cue tool does; subdirectories are not read.
//
// On bad input the error is of type [Errors].
func Load(path string, opts Options) (*graph.Graph, error) {
	display := filepath.ToSlash(path)
	info, err := os.Stat(path)
	if err != nil {
		return nil, pathError(display, err)
	}
	dir, names := path, []string(nil)
	if info.IsDir() {
		entries, err := os.ReadDir(path)
		if err != nil {
			return nil, pathError(display, err)
		}
		names = cueFiles(entries)
	} else {
		dir, names = filepath.Dir(path), []string{filepath.Base(path)}
	}
	if len(names) == 0 {
		return nil, noFilesError(display)
	}
	root := opts.Root
	if root == "" {
		root = dir
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return nil, pathError(filepath.ToSlash(root), err)
	}
	files := make([]*srcFile, 0, len(names))
	for _, n := range names {
		p := filepath.Join(dir, n)
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, pathError(filepath.ToSlash(p), err)
		}
		name := filepath.ToSlash(p)
		if abs, err := filepath.Abs(p); err == nil {
			if rel, err := filepath.Rel(absRoot, abs); err == nil {
				name = filepath.ToSlash(rel)
			}
		}
		files = append(files, &srcFile{name: name, data: data})
	}
	return load(files)
}

// LoadFS loads the topology at dir in fsys: a directory holding one CUE
// package, or a single .cue file, with the same rules as [Load]. Paths are
// slash-separated paths of fsys; tests use it with txtar archives.
func LoadFS(fsys fs.FS, dir string, opts Options) (*graph.Graph, error) {
	dir = slashpath.Clean(strings.TrimPrefix(dir, "/"))
	if dir == "" {
		dir = "."
	}
	info, err := fs.Stat(fsys, dir)
	if err != nil {
		return nil, pathError(dir, err)
	}
	names := []string(nil)
	if info.IsDir() {
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return nil, pathError(dir, err)
		}
		names = cueFiles(entries)
	} else {
		dir, names = slashpath.Dir(dir), []string{slashpath.Base(dir)}
	}
	if len(names) == 0 {
		return nil, noFilesError(dir)
	}
	root := opts.Root
	if root == "" {
		root = dir
	}
	root = slashpath.Clean(strings.TrimPrefix(root, "/"))
	files := make([]*srcFile, 0, len(names))
	for _, n := range names {
		p := slashpath.Join(dir, n)
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, pathError(p, err)
		}
		files = append(files, &srcFile{name: relSlash(root, p), data: data})
	}
	return load(files)
}

// cueFiles returns the names of the CUE files of a package directory, sorted,
// with the cue tool's exclusions.
func cueFiles(entries []fs.DirEntry) []string {
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".cue") ||
			strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") ||
			strings.HasSuffix(n, "_test.cue") || strings.HasSuffix(n, "_tool.cue") {
			continue
		}
		if e.Type()&fs.ModeType != 0 && e.Type()&fs.ModeSymlink == 0 {
			continue // devices, pipes, sockets
		}
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// relSlash returns file p relative to directory root; both are clean
// slash-separated paths of one file system.
func relSlash(root, p string) string {
	if root == "." {
		return p
	}
	rs, ps := strings.Split(root, "/"), strings.Split(p, "/")
	i := 0
	for i < len(rs) && i < len(ps)-1 && rs[i] == ps[i] {
		i++
	}
	parts := make([]string, 0, len(rs)-i+len(ps)-i)
	for range rs[i:] {
		parts = append(parts, "..")
	}
	return strings.Join(append(parts, ps[i:]...), "/")
}

func pathError(display string, err error) error {
	e := &Error{Pos: graph.Pos{File: display}}
	switch {
	case os.IsNotExist(err):
		e.Msg = "no such file or directory"
		e.Hint = "give a .cue file, or a directory holding the topology's .cue files"
	case os.IsPermission(err):
		e.Msg = "permission denied"
	default:
		e.Msg = "cannot read: " + err.Error()
	}
	return Errors{e}
}

func noFilesError(display string) error {
	return Errors{{
		Pos:  graph.Pos{File: display},
		Msg:  "no .cue files in the directory",
		Hint: "write the topology in a file such as topology.cue, or run faultline init",
	}}
}

// Error is one problem with a topology, at the CUE position to change.
type Error struct {
	Pos  graph.Pos
	Msg  string // what is wrong
	Hint string // how to fix it; may be empty
}

// Error formats e as "file:line:col: msg (hint)". A problem with a whole
// file or directory has no line; it is written "file: msg".
func (e *Error) Error() string {
	var s string
	switch {
	case e.Pos.IsValid():
		s = e.Pos.String() + ": " + e.Msg
	case e.Pos.File != "":
		s = e.Pos.File + ": " + e.Msg
	default:
		s = e.Msg
	}
	if e.Hint != "" {
		s += " (" + e.Hint + ")"
	}
	return s
}

// Errors is every problem found, sorted by position.
type Errors []*Error

// Error formats the errors one per line.
func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}
