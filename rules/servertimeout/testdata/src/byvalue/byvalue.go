// Package byvalue holds http.Server values by value: the composite
// literal is built in a temporary and copied whole into the variable,
// whose address is the receiver of ListenAndServe.
package byvalue

import (
	"net/http"
	"time"
)

func bounded(h http.Handler) error {
	s := http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}
	s.Handler = h
	return s.ListenAndServe()
}

func unbounded(h http.Handler) error {
	s := http.Server{Addr: ":8081"}
	s.Handler = h
	return s.ListenAndServe() // want `http.Server starts serving with neither ReadHeaderTimeout nor ReadTimeout set`
}

// The copy is made before the timeout is set: it serves with none.
func copiedBefore(h http.Handler) error {
	s := http.Server{Addr: ":8082", Handler: h}
	s2 := s
	s.ReadHeaderTimeout = 5 * time.Second
	go s.ListenAndServe()
	return s2.ListenAndServe() // want `http.Server starts serving with neither ReadHeaderTimeout nor ReadTimeout set`
}
