package cli

import "testing"

func TestIsVetProtocol(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"/tmp/go-build1/b001/vet.cfg"}, true},
		{[]string{"-nobreaker=false", "-ctxdeadline.wrappers=x", "/tmp/vet.cfg"}, true},
		{[]string{"check", "-o", "out.cfg"}, false},
		{[]string{"check", "./..."}, false},
		{[]string{"graph", "x.cfg"}, false},
		{[]string{"-x.cfg"}, false},
		{nil, false},
	} {
		if got := isVetProtocol(c.args); got != c.want {
			t.Errorf("isVetProtocol(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}
