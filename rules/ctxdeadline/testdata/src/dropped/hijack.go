package dropped

import (
	"context"
	"net"
	"net/http"
	"time"
)

// After Hijack the server no longer reads the connection: the request's
// context is not cancelled when the client goes away, only when ServeHTTP
// returns. A dial made after it with no context drops nothing.

// Negative: the dial follows the Hijack in the handler.
func tunnel(w http.ResponseWriter, r *http.Request) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		return
	}
	in, _, err := hj.Hijack()
	if err != nil {
		return
	}
	defer in.Close()
	out, err := net.Dial("tcp", "backend:80")
	if err == nil {
		out.Close()
	}
}

type dialFunc func(network, address string) (net.Conn, error)

// wsHandler hijacks the connection, then dials the backend with dial.
func wsHandler(host string, dial dialFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hj, ok := w.(http.Hijacker)
		if !ok {
			return
		}
		in, _, err := hj.Hijack()
		if err != nil {
			return
		}
		defer in.Close()
		out, err := dial("tcp", host)
		if err == nil {
			out.Close()
		}
	})
}

// Negative: the dial function is built while serving the request, but
// the handler it is handed to calls it only after the Hijack.
func proxyWS(w http.ResponseWriter, r *http.Request, host string) {
	h := wsHandler(host, func(network, address string) (net.Conn, error) {
		return net.Dial(network, address)
	})
	h.ServeHTTP(w, r)
}

// plainHandler dials with dial, and hijacks nothing.
func plainHandler(host string, dial dialFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		out, err := dial("tcp", host)
		if err == nil {
			out.Close()
		}
	})
}

// Positive: the same dial function, handed to a handler that does not
// hijack: the request's context is in scope and live.
func proxyPlain(w http.ResponseWriter, r *http.Request, host string) {
	h := plainHandler(host, func(network, address string) (net.Conn, error) {
		return net.Dial(network, address) // want `net.Dial takes no context, though r.Context\(\) \(the context of the request r of dropped.proxyPlain\) is in scope`
	})
	h.ServeHTTP(w, r)
}

// Trap: the dial comes before the Hijack, while the client is still
// watched.
func dialFirst(w http.ResponseWriter, r *http.Request) {
	out, err := net.Dial("tcp", "backend:80") // want `net.Dial takes no context, though r.Context\(\) \(the context of the request r of dropped.dialFirst\)`
	if err != nil {
		return
	}
	defer out.Close()
	if hj, ok := w.(http.Hijacker); ok {
		in, _, _ := hj.Hijack()
		in.Close()
	}
}

// Trap: the Hijack happens on one branch only.
func maybeHijack(w http.ResponseWriter, r *http.Request, upgrade bool) {
	if upgrade {
		if hj, ok := w.(http.Hijacker); ok {
			in, _, _ := hj.Hijack()
			defer in.Close()
		}
	}
	out, err := net.Dial("tcp", "backend:80") // want `net.Dial takes no context, though r.Context\(\) \(the context of the request r of dropped.maybeHijack\)`
	if err == nil {
		out.Close()
	}
}

// Trap: a deadline derived from the request's context is the handler's
// own, and bounds the dial even after the Hijack.
func boundedTunnel(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	_ = ctx
	hj, _ := w.(http.Hijacker)
	in, _, err := hj.Hijack()
	if err != nil {
		return
	}
	defer in.Close()
	out, err := net.Dial("tcp", "backend:80") // want `net.Dial takes no context, though ctx \(derived from the request r of dropped.boundedTunnel\)`
	if err == nil {
		out.Close()
	}
}
