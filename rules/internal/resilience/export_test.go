package resilience

import "go/types"

// LocalFact returns the fact the package of r exports on fn, for the
// tests of package resilience_test; nil when it exports none.
func LocalFact(r *Result, fn *types.Func) *Fact { return r.local[fn] }
