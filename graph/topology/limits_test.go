package topology

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestSizeLimits checks that files above the size limits are refused before
// they are read. The files are sparse: they take no disk space.
func TestSizeLimits(t *testing.T) {
	dir := t.TempDir()
	sized := func(name string, size int64) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("services: a: {}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Truncate(p, size); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := sized("big/topology.cue", maxFileSize+1)
	sized("two/a.cue", 40<<20)
	sized("two/b.cue", 40<<20)
	sized("fits/topology.cue", 1<<20) // the padding is NUL bytes: an error, but after reading

	for _, tc := range []struct{ path, want string }{
		{big, "big/topology.cue: file is 67108865 bytes, more than the limit of 64 MiB"},
		{filepath.Join(dir, "big"), "big/topology.cue: file is 67108865 bytes, more than the limit of 64 MiB"},
		{filepath.Join(dir, "two"), "two/b.cue: the topology's files hold 83886080 bytes with this one, more than the limit of 64 MiB for all of them"},
		{filepath.Join(dir, "fits"), "topology.cue:2:1: file holds binary data"},
	} {
		_, err := Load(tc.path, Options{})
		var errs Errors
		if !errors.As(err, &errs) || len(errs) != 1 || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Load(%s):\ngot  %v\nwant %s...", tc.path, err, tc.want)
		}
	}
}

// TestSizeLimitWhileReading checks that the limit holds for a file larger
// than its size says (a file that grows while it is read, or one of /proc).
func TestSizeLimitWhileReading(t *testing.T) {
	fsys := growingFS{size: maxFileSize + 10}
	_, err := LoadFS(fsys, "topology.cue", Options{})
	want := "topology.cue: file is more than the limit of 64 MiB"
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %v, want %s...", err, want)
	}
}

// growingFS holds one file, topology.cue, that says it is empty and holds
// a comment of size bytes.
type growingFS struct{ size int64 }

func (g growingFS) Open(name string) (fs.File, error) {
	if name != "topology.cue" {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &growingFile{n: g.size}, nil
}

type growingFile struct{ n, off int64 }

func (f *growingFile) Stat() (fs.FileInfo, error) {
	return fstest.MapFS{"topology.cue": {}}.Stat("topology.cue")
}

func (f *growingFile) Read(b []byte) (int, error) {
	if f.off >= f.n {
		return 0, io.EOF
	}
	n := int(min(int64(len(b)), f.n-f.off))
	for i := range n {
		b[i] = '/'
		if f.off+int64(i) >= 2 {
			b[i] = 'x'
		}
	}
	f.off += int64(n)
	return n, nil
}

func (f *growingFile) Close() error { return nil }

// TestNotRegularFS checks the refusal of what is not a regular file through
// LoadFS, with the kinds of files an fs.FS can report.
func TestNotRegularFS(t *testing.T) {
	fsys := fstest.MapFS{
		"pipe/a.cue":   {Data: []byte("services: a: {}\n")},
		"pipe/b.cue":   {Mode: fs.ModeNamedPipe},
		"dev/zero.cue": {Mode: fs.ModeDevice | fs.ModeCharDevice},
		"sock.cue":     {Mode: fs.ModeSocket},
	}
	for _, tc := range []struct{ dir, want string }{
		{"pipe", "pipe/b.cue: not a regular file but a named pipe"},
		{"dev", "dev/zero.cue: not a regular file but a device"},
		{"sock.cue", "sock.cue: not a regular file but a socket"},
	} {
		_, err := LoadFS(fsys, tc.dir, Options{})
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %s...", tc.dir, err, tc.want)
		}
	}
}

// loadWithin runs Load and fails the test if it does not return within d:
// before the loader refused FIFOs, opening one blocked forever.
func loadWithin(t *testing.T, d time.Duration, path string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := Load(path, Options{})
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("Load(%s) did not return in %v", path, d)
		return nil
	}
}
