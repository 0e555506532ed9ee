package topology

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	slashpath "path"
	"path/filepath"
	"slices"
	"strings"
	"time"

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

	// Timeout bounds the time a load may take once the files are read
	// (parsing, CUE's evaluation and building the graph). Zero means
	// DefaultTimeout; a negative value means no limit.
	Timeout time.Duration

	// MaxMemory bounds, in bytes, how much the Go heap may grow while the
	// topology is loaded. The heap is the whole program's: other
	// goroutines' allocations count too. Zero means DefaultMaxMemory; a
	// negative value means no limit.
	MaxMemory int64

	// SettingsOnly reads a configuration file (faultline.cue): the same
	// schema, but only its settings may be given, and the subjects of
	// settings.ignore are not checked against nodes it cannot declare.
	SettingsOnly bool
}

// Size limits of a topology's files, checked before reading and while
// reading. They are far above any real topology (a generated one of
// 10,000 services is 6 MB) and keep a wrong path or a hostile file from
// exhausting memory.
const (
	maxFileSize  = 64 << 20 // bytes in one file
	maxTotalSize = 64 << 20 // bytes in all the files of a topology
)

// Load loads the topology at path: a .cue file, or a directory holding one
// CUE package (one or more files). In a directory, files whose names start
// with "." or "_" and files ending in _test.cue or _tool.cue are skipped,
// as the cue tool does; subdirectories are not read.
//
// Files that are not regular files (devices, pipes, sockets, directories,
// or links to them) are refused, as are files of more than 64 MiB, alone or
// together. The time and memory the load may take are bounded by opts.
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
	fsys, total := os.DirFS(dir), int64(0)
	for _, n := range names {
		p := filepath.Join(dir, n)
		data, err := readFile(fsys, n, filepath.ToSlash(p), &total)
		if err != nil {
			return nil, err
		}
		name := filepath.ToSlash(p)
		if abs, err := filepath.Abs(p); err == nil {
			if rel, err := filepath.Rel(absRoot, abs); err == nil {
				name = filepath.ToSlash(rel)
			}
		}
		files = append(files, &srcFile{name: name, data: data})
	}
	return load(files, display, opts)
}

// LoadFS loads the topology at dir in fsys: a directory holding one CUE
// package, or a single .cue file, with the same rules as [Load]. Paths are
// slash-separated paths of fsys; tests use it with txtar archives.
func LoadFS(fsys fs.FS, dir string, opts Options) (*graph.Graph, error) {
	dir = slashpath.Clean(strings.TrimPrefix(dir, "/"))
	if dir == "" {
		dir = "."
	}
	display := dir
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
	total := int64(0)
	for _, n := range names {
		p := slashpath.Join(dir, n)
		data, err := readFile(fsys, p, p, &total)
		if err != nil {
			return nil, err
		}
		files = append(files, &srcFile{name: relSlash(root, p), data: data})
	}
	return load(files, display, opts)
}

// cueFiles returns the names of the CUE files of a package directory, sorted,
// with the cue tool's exclusions. Devices, pipes and sockets are kept, for
// readFile to refuse: a topology file that cannot be read is an error, not
// a file to skip.
func cueFiles(entries []fs.DirEntry) []string {
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".cue") ||
			strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_") ||
			strings.HasSuffix(n, "_test.cue") || strings.HasSuffix(n, "_tool.cue") {
			continue
		}
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// readFile reads file p of fsys, named display in errors, and adds its size
// to *total. What is not a regular file is refused before it is opened: a
// FIFO would block and a device may never end. The size limits are checked
// before reading, and again while reading, for a file larger than it says
// (one that grows, or one of /proc).
func readFile(fsys fs.FS, p, display string, total *int64) ([]byte, error) {
	info, err := fs.Stat(fsys, p) // follows symbolic links
	if err != nil {
		return nil, pathError(display, err)
	}
	if !info.Mode().IsRegular() {
		return nil, notRegularError(display, info.Mode())
	}
	if size := info.Size(); size > maxFileSize || *total+size > maxTotalSize {
		return nil, sizeError(display, size, *total, true)
	}
	f, err := fsys.Open(p)
	if err != nil {
		return nil, pathError(display, err)
	}
	defer f.Close()
	limit := min(maxFileSize, maxTotalSize-*total)
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, pathError(display, err)
	}
	if size := int64(buf.Len()); size > limit {
		return nil, sizeError(display, size, *total, false)
	}
	*total += int64(buf.Len())
	return buf.Bytes(), nil
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

func notRegularError(display string, mode fs.FileMode) error {
	kind := "a special file"
	switch {
	case mode.IsDir():
		kind = "a directory"
	case mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case mode&fs.ModeSocket != 0:
		kind = "a socket"
	case mode&fs.ModeDevice != 0:
		kind = "a device"
	}
	return Errors{{
		Pos:  graph.Pos{File: display},
		Msg:  "not a regular file but " + kind,
		Hint: "a topology is read from regular .cue files: give one, or the directory holding them",
	}}
}

// sizeError reports a file of size bytes, read after before bytes of other
// files, that passes a size limit; the size is a lower bound unless exact.
func sizeError(display string, size, before int64, exact bool) error {
	var msg string
	switch {
	case size > maxFileSize && exact:
		msg = fmt.Sprintf("file is %d bytes, more than the limit of %s", size, formatBytes(maxFileSize))
	case size > maxFileSize:
		msg = fmt.Sprintf("file is more than the limit of %s", formatBytes(maxFileSize))
	case exact:
		msg = fmt.Sprintf("the topology's files hold %d bytes with this one, more than the limit of %s for all of them",
			before+size, formatBytes(maxTotalSize))
	default:
		msg = fmt.Sprintf("the topology's files hold more than the limit of %s with this one", formatBytes(maxTotalSize))
	}
	return Errors{{
		Pos:  graph.Pos{File: display},
		Msg:  msg,
		Hint: "a topology describes a system in far fewer bytes: check that the path names the topology, and keep generated or binary data out of its files",
	}}
}

// formatBytes writes n in MiB or GiB when it is a whole number of them.
func formatBytes(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
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

	err error // what errors.Is matches: ErrTooExpensive, or nil
}

// Unwrap returns [ErrTooExpensive] for the error of a load stopped by its
// budget, and nil for the others.
func (e *Error) Unwrap() error { return e.err }

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

// Unwrap returns the errors, for [errors.Is] and [errors.As].
func (es Errors) Unwrap() []error {
	errs := make([]error, len(es))
	for i, e := range es {
		errs[i] = e
	}
	return errs
}

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
