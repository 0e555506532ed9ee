// Package gin starts gin engines: Run and RunTLS serve an http.Server gin
// builds with Addr and Handler only, so nothing bounds them; an engine
// served as the Handler of an http.Server is net/http's case.
package gin

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

func ping(c *gin.Context) { c.String(http.StatusOK, "pong") }

// Default: gin.Default() and Run.
func Default() error {
	r := gin.Default()
	r.GET("/ping", ping)
	return r.Run(":8080") // want `\(\*gin.Engine\).Run serves with an http.Server it builds with no timeouts`
}

// TLS: RunTLS builds its server the same way.
func TLS() error {
	r := gin.New()
	return r.RunTLS(":8443", "cert.pem", "key.pem") // want `\(\*gin.Engine\).RunTLS serves with an http.Server it builds with no timeouts`
}

// AsHandler serves the engine from an http.Server with a read timeout:
// silent.
func AsHandler() error {
	r := gin.Default()
	r.GET("/ping", ping)
	srv := &http.Server{Addr: ":8080", Handler: r, ReadHeaderTimeout: 5 * time.Second}
	return srv.ListenAndServe()
}

// AsHandlerBare: an http.Server with no read timeout around the engine.
func AsHandlerBare() error {
	r := gin.Default()
	srv := &http.Server{Addr: ":8080", Handler: r.Handler(), WriteTimeout: 10 * time.Second}
	return srv.ListenAndServe() // want `http.Server starts serving with neither ReadHeaderTimeout nor ReadTimeout set`
}

// ListenAndServe: the package-level helper with the engine as handler.
func ListenAndServe() error {
	r := gin.New()
	return http.ListenAndServe(":8080", r) // want `http.ListenAndServe serves with a zero http.Server`
}

// TimeoutOnOtherServer: a server with a read timeout is built, but the
// engine is started with Run, which builds its own (trap).
func TimeoutOnOtherServer() error {
	r := gin.Default()
	_ = &http.Server{Addr: ":8080", Handler: r, ReadHeaderTimeout: 5 * time.Second}
	return r.Run(":8080") // want `\(\*gin.Engine\).Run serves with an http.Server it builds with no timeouts`
}
