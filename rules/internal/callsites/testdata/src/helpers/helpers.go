package helpers // want package:`calls\[http\(host:api.example:443 unbounded\)\]`

import (
	"net/http"
	"testing"
)

// Fetch is production code.
func Fetch() error {
	_, err := http.Get("https://api.example:443/v1")
	return err
}

// CheckFixture is a test helper in a non-test file: its calls are not
// edges of the system.
func CheckFixture(t *testing.T) {
	if _, err := http.Get("https://fixture.example:443/"); err != nil {
		t.Fatal(err)
	}
}
