package main // want package:`calls\[starts http \(\*http.Server\).ListenAndServe\]`

// A service that starts its server through an interface (mainflux's
// httpserver.New(…).Start()): the implementations with Serving facts say
// it may serve.

import "srvlib"

func main() {
	s := srvlib.New(":8080")
	_ = s.Start()
}
