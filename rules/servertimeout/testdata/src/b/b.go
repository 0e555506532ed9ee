// Package b lacks a time import: the fix adds it.
package b

import "net/http"

func main() {
	_ = http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", nil) // want `http.ListenAndServeTLS serves with a zero http.Server`
}
