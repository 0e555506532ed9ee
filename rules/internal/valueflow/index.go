package valueflow

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/faultline-dev/faultline/rules/internal/ir"
)

// index records, for one package, the uses SSA does not link: globals have
// no referrers, and a field, a closure or a function is used from many
// functions.
type index struct {
	funcs    []*ssa.Function                         // every function of the package with a body
	globals  map[*ssa.Global][]ssa.Instruction       // instructions that use a global
	fields   map[*types.Var][]*ssa.FieldAddr         // field addresses, by field
	closures map[*ssa.Function][]*ssa.MakeClosure    // closures, by function literal
	calls    map[*ssa.Function][]ssa.CallInstruction // static calls, by callee
}

func newIndex(irr *ir.IR) *index {
	x := &index{
		globals:  map[*ssa.Global][]ssa.Instruction{},
		fields:   map[*types.Var][]*ssa.FieldAddr{},
		closures: map[*ssa.Function][]*ssa.MakeClosure{},
		calls:    map[*ssa.Function][]ssa.CallInstruction{},
	}
	seen := map[*ssa.Function]bool{}
	var work []*ssa.Function
	add := func(f *ssa.Function) {
		if f != nil && !seen[f] && (f.Pkg == irr.Pkg || f.Pkg == nil && f.Parent() != nil) {
			seen[f] = true
			work = append(work, f)
		}
	}
	for _, f := range irr.SrcFuncs {
		add(f)
	}
	// The package initialiser holds the initialisers of package-level
	// variables and calls the init functions.
	add(irr.Pkg.Func("init"))
	var rands []*ssa.Value
	for len(work) > 0 {
		f := work[len(work)-1]
		work = work[:len(work)-1]
		if f.Blocks == nil {
			continue
		}
		x.funcs = append(x.funcs, f)
		for _, anon := range f.AnonFuncs {
			add(anon)
		}
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				rands = instr.Operands(rands[:0])
				for _, r := range rands {
					if g, ok := (*r).(*ssa.Global); ok {
						x.globals[g] = append(x.globals[g], instr)
					}
				}
				switch instr := instr.(type) {
				case *ssa.FieldAddr:
					if fv := fieldOf(instr); fv != nil {
						x.fields[fv] = append(x.fields[fv], instr)
					}
				case *ssa.MakeClosure:
					if fn, ok := instr.Fn.(*ssa.Function); ok {
						x.closures[fn] = append(x.closures[fn], instr)
						add(fn)
					}
				case ssa.CallInstruction:
					if callee := instr.Common().StaticCallee(); callee != nil {
						x.calls[callee] = append(x.calls[callee], instr)
						add(callee)
					}
				}
			}
		}
	}
	return x
}

// fieldOf returns the field a FieldAddr selects, or nil.
func fieldOf(fa *ssa.FieldAddr) *types.Var {
	st := structOf(fa.X.Type())
	if st == nil || fa.Field >= st.NumFields() {
		return nil
	}
	return st.Field(fa.Field).Origin()
}

// fieldOfValue returns the field a Field instruction selects, or nil.
func fieldOfValue(f *ssa.Field) *types.Var {
	st, ok := f.X.Type().Underlying().(*types.Struct)
	if !ok || f.Field >= st.NumFields() {
		return nil
	}
	return st.Field(f.Field).Origin()
}

// structOf returns the struct type t points to, or nil.
func structOf(t types.Type) *types.Struct {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return nil
	}
	st, _ := p.Elem().Underlying().(*types.Struct)
	return st
}

// structOrPointee returns the struct type t is or points to, or nil.
func structOrPointee(t types.Type) *types.Struct {
	if st, ok := t.Underlying().(*types.Struct); ok {
		return st
	}
	return structOf(t)
}

// hasField reports whether st has a field called name (not promoted).
func hasField(st *types.Struct, name string) bool {
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return true
		}
	}
	return false
}
