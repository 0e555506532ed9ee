package lint

import "testing"

func TestClean(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text, ünïcödé", "plain text, ünïcödé"},
		{"env PAY\n::error file=x.go::forged", `env PAY\n::error file=x.go::forged`},
		{"host a\rb", `host a\rb`},
		{"\x1b[2J\x1b[Hcleared", `\x1b[2J\x1b[Hcleared`},
		{"tab\there", `tab\there`},
		{"bad \xff byte", `bad \xff byte`},
		{"c1 \u0085 next line", `c1 \u0085 next line`},
		{"rtl \u202e override", `rtl \u202e override`},
		{"del \x7f", `del \x7f`},
	} {
		if got := Clean(c.in); got != c.want {
			t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
