package main

import (
	"net/http"
	"testing"
)

func TestServe(t *testing.T) {
	srv := &http.Server{Addr: "127.0.0.1:0"}
	go srv.ListenAndServe()
	defer srv.Close()
}
