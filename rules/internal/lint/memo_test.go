package lint

import (
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
