package remote_test

import (
	"testing"

	"github.com/faultline-dev/faultline/rules/internal/remote"
)

func TestLocal(t *testing.T) {
	for host, want := range map[string]bool{
		"":                           true,
		":8080":                      true,
		"localhost":                  true,
		"LocalHost:6060":             true,
		"127.0.0.1:9090":             true,
		"127.1.2.3":                  true,
		"[::1]:443":                  true,
		"::1":                        true,
		"0.0.0.0:80":                 true,
		"localhost.example.com:8080": false,
		"10.0.0.1:8080":              false,
		"payments:9000":              false,
		"[2001:db8::1]:443":          false,
	} {
		if got := remote.Local(host); got != want {
			t.Errorf("Local(%q) = %v, want %v", host, got, want)
		}
	}
}
