// Package web is a stub of Prometheus' exporter-toolkit: it serves the
// server it is given, as it is.
package web

import (
	"log/slog"
	"net"
	"net/http"
)

type FlagConfig struct {
	WebListenAddresses *[]string
	WebConfigFile      *string
}

func ListenAndServe(server *http.Server, flags *FlagConfig, logger *slog.Logger) error {
	return server.ListenAndServe()
}

func Serve(l net.Listener, server *http.Server, flags *FlagConfig, logger *slog.Logger) error {
	return server.Serve(l)
}
