// Package d sets http.DefaultClient's timeout, so its http.Get calls are
// bounded.
package d

import (
	"net/http"
	"time"
)

func init() { http.DefaultClient.Timeout = 10 * time.Second }

func get(u string) { http.Get(u) }

func viaDefault(u string) { http.DefaultClient.Get(u) }
