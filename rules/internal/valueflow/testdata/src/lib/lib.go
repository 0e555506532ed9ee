package lib // want package:"analysed"

// Package lib builds and configures values that package app uses: its
// facts carry what it does across the package boundary.

import (
	"context"
	"net"
	"net/http"
	"time"
)

func NewClient() *http.Client { // want NewClient:`returns0\{Timeout=10s Transport=unset `
	return &http.Client{Timeout: 10 * time.Second}
}

func NewBare() *http.Client { // want NewBare:`returns0\{Timeout=unset Transport=unset `
	return &http.Client{}
}

// NewFromConfig sets a timeout that is not a constant: Set, no value.
func NewFromConfig(d time.Duration) *http.Client { // want NewFromConfig:`returns0\{Timeout=set Transport=unset `
	return &http.Client{Timeout: d}
}

// Configure sets the timeout of the client it is given.
func Configure(c *http.Client) { // want Configure:`param0\{Timeout=5s Transport=unset `
	c.Timeout = 5 * time.Second
}

// Inspect reads the client and sets nothing.
func Inspect(c *http.Client) bool { // want Inspect:`param0\{Timeout=unset Transport=unset `
	return c.Jar != nil
}

// Service holds clients built by its constructor.
type Service struct {
	Client *http.Client // want Client:`value\{Timeout=3s `
	bare   *http.Client // want bare:`value\{Timeout=unset `
}

func NewService() *Service {
	return &Service{Client: &http.Client{Timeout: 3 * time.Second}, bare: &http.Client{}}
}

// Bare returns the client without a timeout.
func (s *Service) Bare() *http.Client { // want Bare:`returns0\{Timeout=unset `
	return s.bare
}

// Shared is configured in init.
var Shared = &http.Client{} // want Shared:`value\{Timeout=2s `

func init() { Shared.Timeout = 2 * time.Second }

// Plain is never given a timeout.
var Plain = &http.Client{} // want Plain:`value\{Timeout=unset `

func NewTransport() *http.Transport { // want NewTransport:`returns0\{.*DialContext.\$dialer.Timeout=5s .*ResponseHeaderTimeout=unset TLSHandshakeTimeout=unset`
	return &http.Transport{DialContext: (&net.Dialer{Timeout: 5 * time.Second}).DialContext}
}

func NewServer() *http.Server { // want NewServer:`returns0\{IdleTimeout=unset ReadHeaderTimeout=unset ReadTimeout=unset WriteTimeout=1s`
	return &http.Server{WriteTimeout: time.Second}
}

func Harden(s *http.Server) { // want Harden:`param0\{IdleTimeout=unset ReadHeaderTimeout=7s`
	s.ReadHeaderTimeout = 7 * time.Second
}

// Hand passes the client to a function valueflow cannot see into.
func Hand(c *http.Client, f func(*http.Client)) { // want Hand:`param0\{\}`
	f(c)
}

// Creds is handed a client by its callers and only reads it.
type Creds struct {
	Client   *http.Client // want Client:`value\{\} assigned\{Timeout=unset `
	Endpoint string
}

// Fetch sends through the client it was handed.
func (c *Creds) Fetch() (*http.Response, error) { return c.Client.Get(c.Endpoint) }

// Options is handed a client by its callers and gives it a default
// timeout.
type Options struct {
	Client *http.Client // want Client:`value\{\} assigned\{Timeout=30s `
}

// Defaults fills in what the caller left out.
func (o *Options) Defaults() {
	if o.Client.Timeout == 0 {
		o.Client.Timeout = 30 * time.Second
	}
}

// Holder is a plain carrier of a client.
type Holder struct {
	Client *http.Client // want Client:`value\{\} assigned\{Timeout=unset `
}

// UnixTransport dials the unix-domain socket it is given.
func UnixTransport(sock string) *http.Transport { // want UnixTransport:`returns0\{.*DialContext.\$unix=set`
	return &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "unix", sock)
	}}
}
