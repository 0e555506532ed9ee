// Package b builds dialers that package c uses.
package b

import (
	"net"
	"time"
)

func NewDialer() *net.Dialer { return &net.Dialer{Timeout: 5 * time.Second} }

func NewBareDialer() *net.Dialer { return &net.Dialer{KeepAlive: time.Minute} }

func Bound(d *net.Dialer) { d.Deadline = time.Now().Add(time.Minute) }

type Pool struct {
	Dialer *net.Dialer
}

func NewPool() *Pool { return &Pool{Dialer: &net.Dialer{Timeout: time.Second}} }
