package helperctx // want package:`calls\[http\(field:helperctx.Config.AskURL unbounded\); http\(env:ADMIN_ADDR host:localhost:2019 unbounded\)\]`

// Package helperctx sends a configured URL through a helper that the admin
// address goes through too (caddy's replacer): the call's evidence is its
// own argument's, not every caller's of the helper.

import (
	"net/http"
	"os"
	"strings"
)

var adminAddr = "localhost:2019"

func init() {
	if v, ok := os.LookupEnv("ADMIN_ADDR"); ok {
		adminAddr = v
	}
}

func expand(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return strings.ReplaceAll(s, "{x}", "y")
}

type Config struct{ AskURL string }

func ask(c Config) {
	http.Get(expand(c.AskURL))
}

func admin() {
	http.Get("http://" + expand(adminAddr) + "/config")
}

func main() {
	ask(Config{})
	admin()
}
