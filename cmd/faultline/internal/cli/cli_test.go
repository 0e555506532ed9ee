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

// TestTestInfraPath checks which finding paths the summary counts as test
// infrastructure: a directory element among the names, or starting with
// e2e, or ending in _test or -test; never the file name alone.
func TestTestInfraPath(t *testing.T) {
	for file, want := range map[string]bool{
		"pkg/test/echo/client.go":             true,
		"tests/integration/pilot/x.go":        true,
		"samples/extauthz/cmd/main.go":        true,
		"pkg/testutil/x.go":                   true,
		"e2e-tests/x.go":                      true,
		"internal/integration_test/x.go":      true,
		"Examples/hotrod/main.go":             true,
		"pkg/mocks/client.go":                 true,
		"pilot/pkg/xds/adstest.go":            false,
		"pkg/adsc/adsc.go":                    false,
		"test.go":                             false,
		"pkg/testing.go":                      false,
		"cmd/attest/main.go":                  false,
		"pkg/kube/kclient/clienttest/fake.go": false,
	} {
		if got := testInfraPath(file); got != want {
			t.Errorf("testInfraPath(%q) = %v, want %v", file, got, want)
		}
	}
}
