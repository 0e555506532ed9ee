package lint

import (
	"go/token"
	"go/types"
	"runtime"
	"testing"
	"time"
)

// TestPkgMemoForgets checks that a memo does not keep the packages it saw.
func TestPkgMemoForgets(t *testing.T) {
	var m PkgMemo[int]
	calls := 0
	func() {
		pkg := types.NewPackage("example.com/p", "p")
		for range 3 {
			if v := m.Get(pkg, func() int { calls++; return 42 }); v != 42 {
				t.Fatalf("Get = %d", v)
			}
		}
		runtime.KeepAlive(pkg)
	}()
	if calls != 1 {
		t.Errorf("computed %d times, want once", calls)
	}
	for i := 0; i < 50 && m.Len() > 0; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := m.Len(); n != 0 {
		t.Errorf("the memo still holds %d packages no one uses", n)
	}
}

// TestFuncSetForgets checks that a FuncSet, whose memo remembers what its
// entries resolve to in each package, does not keep those packages: a
// remembered object would hold its package, the memo's weak key, and a
// run over several modules would keep every module it analysed.
func TestFuncSetForgets(t *testing.T) {
	s := NewFuncSet("example.com/p.F", "(example.com/p.T).M", "(example.com/p.T).*")
	func() {
		pkg := types.NewPackage("example.com/p", "p")
		f := types.NewFunc(token.NoPos, pkg, "F", types.NewSignatureType(nil, nil, nil, nil, nil, false))
		pkg.Scope().Insert(f)
		tn := types.NewTypeName(token.NoPos, pkg, "T", nil)
		named := types.NewNamed(tn, types.NewStruct(nil, nil), nil)
		m := types.NewFunc(token.NoPos, pkg, "M", types.NewSignatureType(types.NewVar(token.NoPos, pkg, "t", named), nil, nil, nil, nil, false))
		named.AddMethod(m)
		pkg.Scope().Insert(tn)
		other := types.NewFunc(token.NoPos, pkg, "G", types.NewSignatureType(nil, nil, nil, nil, nil, false))
		if !s.Has(f) || !s.Has(m) || s.Has(other) {
			t.Fatalf("Has(F), Has(M), Has(G) = %v, %v, %v; want true, true, false", s.Has(f), s.Has(m), s.Has(other))
		}
		runtime.KeepAlive(pkg)
	}()
	for i := 0; i < 50 && s.resolved.Len() > 0; i++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := s.resolved.Len(); n != 0 {
		t.Errorf("the set's memo still holds %d packages no one uses", n)
	}
}
