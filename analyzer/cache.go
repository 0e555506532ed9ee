package analyzer

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Cache is the result cache of `faultline check`: what the code rules
// found in each package, kept between runs so that a run whose packages
// have not changed skips loading and analysing them (see cachekey.go for
// what a key covers, and cacheentry.go for what an entry holds).
//
// Entries are files under Dir/v1/, named by their key; each starts with a
// header (format version and the SHA-256 of the payload): an entry that is
// truncated, corrupt or of another format is a miss and is recomputed,
// never trusted. Entries are written to a temporary file in the cache
// directory and renamed into place, so concurrent runs sharing a cache see
// a whole entry or none. A hit touches its entry (at most once an hour);
// after a run that wrote entries, the oldest are removed until the cache
// holds at most Max bytes.
type Cache struct {
	Dir string
	Max int64 // bytes; <= 0: DefaultCacheMax

	exeOnce sync.Once
	exe     string // the identity of the running program, see exeIdentity
	exeErr  error
}

// DefaultCacheMax is the size a cache is trimmed to when no other is set.
const DefaultCacheMax = 1 << 30 // 1 GiB

// cacheFormat names the layout of the directory and of the entries; a
// change of either changes it, so old entries are ignored (and trimmed in
// time).
const cacheFormat = "v1"

// cacheMagic starts every entry: the format, then the payload's SHA-256.
const cacheMagic = "faultline-cache " + cacheFormat + "\n"

// OpenCache returns the cache in dir, creating the directory.
func OpenCache(dir string, max int64) (*Cache, error) {
	if dir == "" {
		return nil, errors.New("no cache directory")
	}
	if err := os.MkdirAll(filepath.Join(dir, cacheFormat), 0o777); err != nil {
		return nil, err
	}
	readme := filepath.Join(dir, "README")
	if _, err := os.Stat(readme); errors.Is(err, fs.ErrNotExist) {
		_ = os.WriteFile(readme, []byte("This directory holds faultline's result cache. `faultline cache clean` empties it;\nremoving the directory is safe too.\n"), 0o666)
	}
	return &Cache{Dir: dir, Max: max}, nil
}

// path is the file of the entry with key k (hexadecimal).
func (c *Cache) path(k string) string {
	return filepath.Join(c.Dir, cacheFormat, k[:2], k)
}

// get returns the payload of the entry with key k, or nil when there is
// none or it does not check out.
func (c *Cache) get(k string) []byte {
	p := c.path(k)
	data, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	payload, ok := checkEntry(data)
	if !ok {
		return nil
	}
	if fi, err := os.Stat(p); err == nil && time.Since(fi.ModTime()) > time.Hour {
		now := time.Now()
		_ = os.Chtimes(p, now, now) // LRU: a hit is recent use
	}
	return payload
}

// checkEntry returns the payload of an entry's bytes when its header and
// checksum hold.
func checkEntry(data []byte) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(data, []byte(cacheMagic))
	if !ok || len(rest) < sha256.Size {
		return nil, false
	}
	sum, payload := rest[:sha256.Size], rest[sha256.Size:]
	if got := sha256.Sum256(payload); !bytes.Equal(got[:], sum) {
		return nil, false
	}
	return payload, true
}

// put writes the entry with key k: to a temporary file in the entry's
// directory, renamed into place.
func (c *Cache) put(k string, payload []byte) error {
	p := c.path(k)
	if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	sum := sha256.Sum256(payload)
	_, err = io.Copy(f, io.MultiReader(strings.NewReader(cacheMagic), bytes.NewReader(sum[:]), bytes.NewReader(payload)))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// Trim removes the least recently used entries until the cache holds at
// most Max bytes (90 % of it, so that the next runs do not trim again at
// once), and temporary files a crashed run left behind.
func (c *Cache) Trim() error {
	max := cmp.Or(c.Max, DefaultCacheMax)
	if max <= 0 {
		max = DefaultCacheMax
	}
	type file struct {
		path  string
		size  int64
		mtime time.Time
	}
	var files []file
	var total int64
	root := filepath.Join(c.Dir, cacheFormat)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed by a concurrent run
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".tmp-") {
			if time.Since(fi.ModTime()) > time.Hour {
				os.Remove(path)
			}
			return nil
		}
		files = append(files, file{path, fi.Size(), fi.ModTime()})
		total += fi.Size()
		return nil
	})
	if err != nil {
		return err
	}
	if total <= max {
		return nil
	}
	slices.SortFunc(files, func(a, b file) int { return a.mtime.Compare(b.mtime) })
	goal := max / 10 * 9
	for _, f := range files {
		if total <= goal {
			break
		}
		if err := os.Remove(f.path); err == nil || errors.Is(err, fs.ErrNotExist) {
			total -= f.size
		}
	}
	return nil
}

// Clean removes every entry (and entries of other formats).
func (c *Cache) Clean() error {
	ents, err := os.ReadDir(c.Dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	for _, e := range ents {
		if e.IsDir() && strings.HasPrefix(e.Name(), "v") || strings.HasPrefix(e.Name(), "exe-") {
			if err := os.RemoveAll(filepath.Join(c.Dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// Size returns the number of entries and their bytes.
func (c *Cache) Size() (n int, bytes int64, err error) {
	err = filepath.WalkDir(filepath.Join(c.Dir, cacheFormat), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".tmp-") {
			return nil
		}
		if fi, err := d.Info(); err == nil {
			n++
			bytes += fi.Size()
		}
		return nil
	})
	return n, bytes, err
}

// exeIdentity returns the SHA-256 of the running program's file: a
// rebuilt faultline, whatever its version says, has other rules and never
// sees the entries of another. The hash is computed once per process.
func (c *Cache) exeIdentity() (string, error) {
	c.exeOnce.Do(func() {
		c.exe, c.exeErr = hashExecutable()
	})
	return c.exe, c.exeErr
}

func hashExecutable() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("hashing %s: %v", exe, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
