// Package c dials with dialers built in package b.
package c

import "b"

func dial(addr string) {
	b.NewDialer().Dial("tcp", addr)
	b.NewBareDialer().Dial("tcp", addr) // want `\(\*net.Dialer\).Dial on a net.Dialer with neither Timeout nor Deadline`

	d := b.NewBareDialer()
	b.Bound(d)
	d.Dial("tcp", addr)

	b.NewPool().Dialer.Dial("tcp", addr)
}
