// Package bad has a call no want comment expects and a want comment no
// diagnostic matches, and exports a fact no want comment expects: checking
// it must fail three times.
package bad

import "net/http"

func Fetch(url string) {
	http.Get(url)
}

func Quiet() {} // want `call of http.Get`
