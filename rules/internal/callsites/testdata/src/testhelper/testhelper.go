package testhelper // want package:`calls\[http\(field:testhelper.Client.URL host:prod.example:80 unbounded\)\]`

import (
	"net/http"
	"testing"
)

type Client struct{ URL string }

func fetch(c *Client) { http.Get(c.URL) }

func Prod() { fetch(&Client{URL: "http://prod.example:80/x"}) }

// A test helper in a file that is not a _test.go file: its values are no
// evidence of where the service's calls go.
func Helper(t *testing.T) {
	fetch(&Client{URL: "http://sector:80/x"})
}

func HelperLiteral() func(t *testing.T) {
	return func(t *testing.T) {
		c := &Client{}
		c.URL = "http://sector2:80/x"
		fetch(c)
	}
}

// A fixture: its methods are test code too.
type Fixture struct{ T *testing.T }

func (f *Fixture) Setup() { fetch(&Client{URL: "http://fixture:80/x"}) }
