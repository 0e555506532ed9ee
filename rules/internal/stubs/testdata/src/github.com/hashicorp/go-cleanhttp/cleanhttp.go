// Package cleanhttp is a stub of github.com/hashicorp/go-cleanhttp v0.5.2
// for tests: the real signatures and defaults, trimmed.
package cleanhttp

import (
	"net"
	"net/http"
	"time"
)

func DefaultTransport() *http.Transport {
	transport := DefaultPooledTransport()
	transport.DisableKeepAlives = true
	return transport
}

func DefaultPooledTransport() *http.Transport {
	return &http.Transport{
		Proxy: http.ProxyFromEnvironment,
		DialContext: (&net.Dialer{
			Timeout:   30 * time.Second,
			KeepAlive: 30 * time.Second,
		}).DialContext,
		MaxIdleConns:          100,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
	}
}

func DefaultClient() *http.Client {
	return &http.Client{Transport: DefaultTransport()}
}

func DefaultPooledClient() *http.Client {
	return &http.Client{Transport: DefaultPooledTransport()}
}
