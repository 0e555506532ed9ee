// Package trial holds patterns met in real services (faultline's trial on
// open-source code, docs/tried-code.md).
package trial

import (
	"log/slog"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/prometheus/exporter-toolkit/web"

	"trialsrv"
)

// A mock server of a test helper outside _test.go files.
func mockWebhook(t testing.TB, l net.Listener, h http.Handler) {
	go func() {
		if err := http.Serve(l, h); err != nil {
			t.Log(err)
		}
	}()
}

// A metrics listener served with the package-level helper (etcd's embed)
// is reported.
func serveMetrics(l net.Listener, mux *http.ServeMux) error {
	return http.Serve(l, mux) // want `http.Serve serves with a zero http.Server`
}

// Alertmanager's main: a server with no read timeout handed to
// exporter-toolkit, which serves it as it is.
func alertmanager(mux *http.ServeMux, flags *web.FlagConfig, logger *slog.Logger) error {
	srv := &http.Server{Handler: mux}
	return web.ListenAndServe(srv, flags, logger) // want `http.Server passed to web.ListenAndServe starts serving there with neither ReadHeaderTimeout nor ReadTimeout set`
}

func exporter(l net.Listener, mux *http.ServeMux, logger *slog.Logger) error {
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	return web.Serve(l, srv, nil, logger)
}

// A helper of this package that serves the server it receives: the finding
// is at the call that hands over the server with no timeout.
func serveOn(l net.Listener, srv *http.Server) error { // want serveOn:`serves\(1\)`
	return srv.Serve(l)
}

func grpcProxy(l net.Listener, h http.Handler) error {
	srvhttp := &http.Server{Handler: h}
	return serveOn(l, srvhttp) // want `http.Server passed to trial.serveOn starts serving there with neither`
}

// The same through a helper of another package, known by its fact; one
// that sets the timeout itself is silent.
func viaOtherPackage(l net.Listener, h http.Handler, errc chan error) error {
	trialsrv.Start(l, &http.Server{Handler: h}, errc) // want `http.Server passed to trialsrv.Start starts serving there`
	return trialsrv.Harden(&http.Server{Handler: h})
}
