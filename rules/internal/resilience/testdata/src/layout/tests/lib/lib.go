// Package lib is a library under a tests directory that does not import
// "testing": not test code.
package lib

import "net/http"

// Ping calls the server.
func Ping() error {
	resp, err := http.Get("http://server:8080/")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
