// Package good calls net/http; each want comment matches what the test
// analyzer reports.
package good

import "net/http"

func Fetch(url string) error { // want Fetch:"calls http.Get"
	resp, err := http.Get(url) // want `call of http.Get`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Quiet() {}
