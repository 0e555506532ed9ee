package c

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

// Struct values held by value: `d := net.Dialer{...}` builds the literal
// in a temporary and copies it whole into d; d's fields are the literal's.

func dialValue() {
	d := net.Dialer{Timeout: time.Second}
	_, _ = d.DialContext(context.Background(), "tcp", "db:5432")
}

func dialValueZero() {
	d := net.Dialer{KeepAlive: time.Minute}
	_, _ = d.DialContext(context.Background(), "tcp", "db:5432") // want `context.Background\(\) reaches \(\*net.Dialer\).DialContext with no deadline: the dialer has no timeout`
}

func dialValueAssigned(t time.Duration) {
	d := net.Dialer{}
	d.Timeout = t
	_, _ = d.DialContext(context.Background(), "tcp", "db:5432")
}

// The copy is made before the timeout is set: it dials with none.
func dialCopyBefore() {
	d := net.Dialer{}
	d2 := d
	d.Timeout = time.Second
	_, _ = d2.DialContext(context.Background(), "tcp", "db:5432") // want `context.Background\(\) reaches \(\*net.Dialer\).DialContext with no deadline: the dialer has no timeout`
	_, _ = d.DialContext(context.Background(), "tcp", "db:5432")
}

func tlsDialValue() {
	d := tls.Dialer{NetDialer: &net.Dialer{Timeout: time.Second}}
	_, _ = d.DialContext(context.Background(), "tcp", "db:443")
}

// A tls.Dialer whose NetDialer has no timeout.
func tlsDialValueNoTimeout() {
	d := tls.Dialer{NetDialer: &net.Dialer{KeepAlive: time.Minute}}
	_, _ = d.DialContext(context.Background(), "tcp", "db:443") // want `context.Background\(\) reaches \(\*tls.Dialer\).DialContext with no deadline: the dialer has no timeout`
}

func clientValue() {
	c := http.Client{Timeout: 3 * time.Second}
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://api", nil)
	_, _ = c.Do(req)
}

func clientValueZero() {
	c := http.Client{Transport: http.DefaultTransport}
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "http://api", nil) // want `context.Background\(\) reaches \(\*http.Client\).Do with no deadline`
	_, _ = c.Do(req)
}
