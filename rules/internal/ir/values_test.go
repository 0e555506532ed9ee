package ir

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

const src = `package p

import "fmt"

type Inner struct{ N int }

func (i *Inner) Get(a, b int) int { return i.N + a + b }

type Outer struct {
	*Inner
	Name string
}

type Getter interface{ Get(a, b int) int }

type G[T any] struct{ v T }

func (g *G[T]) Value() T { return g.v }

func use(o *Outer, g Getter) {
	o.Get(1, 2)                 // a static call of a promoted method: receiver is the embedded field
	g.Get(3, 4)                 // an invoke
	f := o.Inner.Get            // a bound method value
	f(5, 6)
	h := (*Inner).Get           // a method expression (thunk)
	h(o.Inner, 7, 8)
	fmt.Println("hello", o.Name) // a constant string
	var x any = o
	_ = x
	gi := &G[int]{v: 1}
	gi.Value()
}
`

// buildUse returns the SSA form of src and its use function.
func buildUse(t *testing.T) *ssa.Function {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{Importer: importer.Default()}, fset,
		types.NewPackage("example.com/p", "p"), []*ast.File{f}, ssa.SanityCheckFunctions|ssa.InstantiateGenerics)
	if err != nil {
		t.Fatal(err)
	}
	return pkg.Func("use")
}

func calls(fn *ssa.Function) []*ssa.Call {
	var out []*ssa.Call
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if c, ok := instr.(*ssa.Call); ok {
				out = append(out, c)
			}
		}
	}
	return out
}

func TestCallHelpers(t *testing.T) {
	cs := calls(buildUse(t))
	byName := map[string]*ssa.Call{}
	for _, c := range cs {
		name := c.Call.Value.Name()
		if c.Call.IsInvoke() {
			name = "invoke " + c.Call.Method.Name()
		}
		byName[name] = c
	}
	static := byName["Get"]
	if static == nil {
		t.Fatalf("no static call of Get among %v", cs)
	}
	if got := Callee(&static.Call); got == nil || got.FullName() != "(*example.com/p.Inner).Get" {
		t.Errorf("Callee(o.Get) = %v", got)
	}
	if r := Receiver(&static.Call); r == nil || TypeKey(r.Type()) != "example.com/p.Inner" {
		t.Errorf("Receiver(o.Get) = %v", r)
	} else if TypeKey(Unembed(r).Type()) != "example.com/p.Outer" {
		t.Errorf("Unembed(%v) = %v, want the *Outer the field was selected from", r, Unembed(r))
	}
	if a := Arg(&static.Call, 1); a == nil || a.String() != "2:int" {
		t.Errorf("Arg(o.Get, 1) = %v", a)
	}
	if a := Arg(&static.Call, 2); a != nil {
		t.Errorf("Arg beyond the parameters = %v", a)
	}
	invoke := byName["invoke Get"]
	if Callee(&invoke.Call).FullName() != "(example.com/p.Getter).Get" || Receiver(&invoke.Call) == nil {
		t.Errorf("invoke: Callee %v, Receiver %v", Callee(&invoke.Call), Receiver(&invoke.Call))
	}
	if a := Arg(&invoke.Call, 0); a == nil || a.String() != "3:int" {
		t.Errorf("Arg(g.Get, 0) = %v", a)
	}
	// The bound method value and the method expression: ArgOf counts the
	// callee's parameters, so both give 5 and 7 for parameter 0.
	values := 0
	for _, c := range cs {
		sf := c.Call.StaticCallee()
		if sf == nil || !(strings.HasPrefix(sf.Synthetic, "bound") || strings.HasPrefix(sf.Synthetic, "thunk")) {
			continue // not a bound method value's or a method expression's wrapper
		}
		values++
		a := ArgOf(&c.Call, 2, 0)
		if a == nil || (a.String() != "5:int" && a.String() != "7:int") {
			t.Errorf("ArgOf(%v, 2, 0) = %v", c, a)
		}
		if Receiver(&c.Call) != nil {
			t.Errorf("Receiver of a call through a method value %v = %v", c, Receiver(&c.Call))
		}
	}
	if values != 2 {
		t.Errorf("want the calls through a bound method value and a method expression, saw %d", values)
	}
	// The instantiation of a generic method has its origin as callee.
	for _, c := range cs {
		if f := Callee(&c.Call); f != nil && f.Name() == "Value" {
			if f.Origin() != f || TypeKey(Receiver(&c.Call).Type()) != "example.com/p.G" {
				t.Errorf("Callee(gi.Value) = %v, receiver %v", f, Receiver(&c.Call))
			}
		}
	}
}

func TestValueHelpers(t *testing.T) {
	fn := buildUse(t)
	var sawString, sawIface bool
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			switch v := instr.(type) {
			case *ssa.MakeInterface:
				if s, ok := ConstString(v.X); ok && s == "hello" {
					sawString = true
				}
				if TypeKey(v.X.Type()) == "example.com/p.Outer" {
					sawIface = true
					if Peel(v) != v.X {
						t.Errorf("Peel(%v) = %v, want %v", v, Peel(v), v.X)
					}
				}
			case *ssa.FieldAddr:
				if fv := FieldVar(v); fv == nil {
					t.Errorf("FieldVar(%v) = nil", v)
				}
			}
		}
	}
	if !sawString || !sawIface {
		t.Errorf("fixture not seen: string %v, interface %v", sawString, sawIface)
	}
	if _, ok := ConstString(fn.Params[0]); ok {
		t.Error("a parameter is not a constant string")
	}
	if ParamIndex(fn.Params[1]) != 1 {
		t.Errorf("ParamIndex(g) = %d", ParamIndex(fn.Params[1]))
	}
	if Origin(fn) != fn {
		t.Error("Origin of a non-generic function is itself")
	}
}
