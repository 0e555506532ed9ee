package notimeout_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/graphtest"
	"github.com/faultline-dev/faultline/rules/notimeout"
)

func TestTopology(t *testing.T) {
	graphtest.Run(t, notimeout.Rule, "testdata/*.txtar")
}

func TestSpec(t *testing.T) {
	tests := []struct{ name, spec string }{
		{"unbounded", `
checkout -> payment protocol=grpc # want "^checkout -> payment \(grpc\) has no timeout: a hung payment holds checkout's requests for as long as it hangs; set timeout \(per attempt\) or deadline$"
checkout -> ads soft # want "checkout -> ads \(http\) has no timeout"
checkout -> cache fallback=origin # want "checkout -> cache \(http\) has no timeout"
`},
		{"bounded", `
a -> b timeout=1s
a -> c deadline=2s
a -> d calls=bounded,guarded
a -> e async
`},
		{"code call sites", `
a -> b calls=bounded,unbounded # want "a -> b \(http\) has no timeout"
a -> c calls=unbounded # want "a -> c \(http\) has no timeout"
`},
		{"code only", `
a -> b calls=unbounded codeonly
`},
		{"mesh", `
a -> b mesh # want "set a route timeout in the mesh and declare it as timeout$"
`},
		{"self-call", `
a -> a # want "a -> a \(http\) has no timeout"
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { graphtest.RunSpec(t, notimeout.Rule, tt.spec) })
	}
}

func TestDoc(t *testing.T) { graphtest.RunDoc(t, notimeout.Rule) }
