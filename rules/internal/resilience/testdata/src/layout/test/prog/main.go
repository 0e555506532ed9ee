// Command prog is a test program under a test directory: test code.
package main

import "net/http"

func main() {
	resp, err := http.Get("http://server:8080/")
	if err == nil {
		resp.Body.Close()
	}
}
