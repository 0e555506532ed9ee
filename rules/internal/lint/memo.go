package lint

import (
	"go/types"
	"runtime"
	"sync"
	"weak"
)

// PkgMemo remembers one value per type-checked package, for tables that are
// resolved against a package once (the functions of a FuncSet, the remote
// APIs of a library). It holds its packages weakly: an entry goes when its
// package is no longer used, so a process that runs many analyses (tests,
// a long-lived driver) does not keep every package it ever checked, and
// the package-level tables stay free of per-run state. It is safe for
// concurrent use.
type PkgMemo[V any] struct {
	mu sync.Mutex
	m  map[weak.Pointer[types.Package]]V
}

// Get returns the value remembered for pkg, computing it with f the first
// time. f runs without the memo's lock held, so it may use the memo (two
// goroutines may then both compute it; the first value stored is kept).
func (c *PkgMemo[V]) Get(pkg *types.Package, f func() V) V {
	key := weak.Make(pkg)
	c.mu.Lock()
	v, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = f()
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[key]; ok {
		return old
	}
	if c.m == nil {
		c.m = map[weak.Pointer[types.Package]]V{}
	}
	c.m[key] = v
	runtime.AddCleanup(pkg, c.forget, key)
	return v
}

func (c *PkgMemo[V]) forget(key weak.Pointer[types.Package]) {
	c.mu.Lock()
	delete(c.m, key)
	c.mu.Unlock()
}

// Len returns the number of packages remembered.
func (c *PkgMemo[V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
