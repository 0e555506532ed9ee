// Package c builds and configures servers that package d serves.
package c

import (
	"net/http"
	"time"
)

func NewServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
}

func NewBare(h http.Handler) *http.Server { return &http.Server{Handler: h} }

func Harden(s *http.Server) { s.ReadTimeout = 30 * time.Second }

type Admin struct {
	Server *http.Server
}

func NewAdmin() *Admin {
	return &Admin{Server: &http.Server{ReadHeaderTimeout: time.Second}}
}
